import { el, type XmlOutElement } from '../../../../platform/xml/index.ts';
import { NS, oid } from '../../codes.ts';
import {
  EVENT,
  ploHeader,
  ploRootAttrs,
  timedEvent,
  type Coded,
  type EventInput,
  type PloCommonInput,
} from './plo-common.ts';

/**
 * Pasientlogistikk v1.6 (HIS 1149, `Pasientlogistikk-v1.6.xsd`): the five logistics messages. Pasientlogistikk
 * allows Forsendelsesstatus N and C only (HISD 1154 §3; HIS 80704 §5.2.2), so `status` is narrowed here.
 */
export type LogisticsCommon = Omit<PloCommonInput, 'status'> & { status?: 'N' | 'C' | undefined };

export type LogInnlagtInput = LogisticsCommon & { admitted: EventInput };
export type LogUtskrivningsklarInput = LogisticsCommon & { admitted: EventInput; readyForDischarge: EventInput };
export type LogAvmeldingInput = LogisticsCommon & {
  admitted?: EventInput | undefined;
  readyForDischarge?: EventInput | undefined;
  notReadyFrom: EventInput;
};
export type LogUtskrevetInput = LogisticsCommon & {
  discharged: EventInput;
  /** Code list 8408, e.g. 1 Bosted/arbeidssted. */
  dischargedTo: Coded;
  /** Code list 8431, e.g. 1 Som levende. */
  condition?: Coded | undefined;
};
export type LogDodInput = LogisticsCommon & { died: EventInput };

function root(input: LogisticsCommon, body: XmlOutElement): XmlOutElement {
  return el('p1:Pasientlogistikk', ploRootAttrs('p1', NS.pasientlogistikk), ...ploHeader(input), body);
}

/** LOG_INNLAGT: one event, code 1, with the admission time (HIS 1149 §3.2). */
export function pasientlogistikkInnlagt(input: LogInnlagtInput): XmlOutElement {
  return root(input, el('p1:MeldingInnlagtPasient', {}, timedEvent(EVENT.admitted, input.admitted)));
}

/** LOG_UTSKRIVNINGSKLAR: events 1 (admitted) and 3 (ready for discharge) (HIS 1149 §3.3). */
export function pasientlogistikkUtskrivningsklar(input: LogUtskrivningsklarInput): XmlOutElement {
  return root(
    input,
    el(
      'p1:MeldingUtskrivningsklarPasient',
      {},
      timedEvent(EVENT.admitted, input.admitted),
      timedEvent(EVENT.readyForDischarge, input.readyForDischarge),
    ),
  );
}

/** LOG_AVMELDING: event 4, with 1 and 3 repeated when known (HIS 1149 §3.4). */
export function pasientlogistikkAvmelding(input: LogAvmeldingInput): XmlOutElement {
  return root(
    input,
    el(
      'p1:AvmeldingUtskrivningsklarPasient',
      {},
      input.admitted !== undefined && timedEvent(EVENT.admitted, input.admitted),
      input.readyForDischarge !== undefined && timedEvent(EVENT.readyForDischarge, input.readyForDischarge),
      timedEvent(EVENT.notReadyAfterAll, input.notReadyFrom),
    ),
  );
}

/** LOG_UTSKREVET: UtskrevetTil (8431, 8408) and event 2 (HIS 1149 §3.5). */
export function pasientlogistikkUtskrevet(input: LogUtskrevetInput): XmlOutElement {
  return root(
    input,
    el(
      'p1:MeldingOmUtskrevetPasient',
      {},
      el(
        'UtskrevetTil',
        {},
        input.condition !== undefined &&
          el('Uttilstand', { V: input.condition.v, DN: input.condition.dn, S: oid(8431) }),
        el('UtTil', { V: input.dischargedTo.v, DN: input.dischargedTo.dn, S: oid(8408) }),
      ),
      timedEvent(EVENT.discharged, input.discharged),
    ),
  );
}

/** LOG_DOD: event 13 with the time of death (HIS 1149 §3.6). */
export function pasientlogistikkDod(input: LogDodInput): XmlOutElement {
  return root(input, el('p1:OrienteringOmDod', {}, timedEvent(EVENT.died, input.died)));
}
