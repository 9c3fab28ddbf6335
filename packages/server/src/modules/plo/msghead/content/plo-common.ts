import { el, type XmlOut, type XmlOutElement } from '../../../../platform/xml/index.ts';
import { FORSENDELSESSTATUS, ORG_ID_TYPES, PERSON_ID_TYPES, oid, type Forsendelsesstatus } from '../../codes.ts';
import { xmlDateTime } from '../../xml-time.ts';

/**
 * Parts shared by the PLO 1.6 content documents, from `poKomponent-v1.6.xsd` (HIS 80704 v1.6). Elements without a
 * prefix are in the poKomponent namespace (the content root declares it as the default); `fk1:` is
 * felleskomponent1.
 */

export type Coded = { v: string; dn: string };

/** Health personnel responsible for the report or to contact: HPR-identified (fk1:HealthcareProfessional needs an Ident). */
export type Professional = {
  /** Code list 9060, e.g. SP Sykepleier, LE Lege. */
  type?: Coded | undefined;
  familyName: string;
  givenName: string;
  hprNumber: string;
  phone?: string | undefined;
};

/** The unit to contact about the message (HITS 1174: real messages carry contact information). */
export type ContactUnit = { name: string; herId: string; phone?: string | undefined };

export type PloCommonInput = {
  /** Forsendelsesstatus, code list 7309: N new, M change (complete content), C cancel (HISD 1154 §3). */
  status?: Forsendelsesstatus | undefined;
  contactUnit?: ContactUnit | undefined;
  responsible?: Professional | undefined;
};

const telecom = (phone: string | undefined) =>
  phone !== undefined && el('fk1:TeleCom', {}, el('fk1:TeleAddress', { V: `tel:${phone.replace(/\s+/g, '')}` }));

/** The namespace declarations a PLO content root carries (as the official examples do). */
export function ploRootAttrs(prefix: string, ns: string): Record<string, string> {
  return {
    [`xmlns:${prefix}`]: ns,
    xmlns: 'http://www.kith.no/xmlstds/po/poKomponent/2012-04-01',
    'xmlns:fk1': 'http://www.kith.no/xmlstds/felleskomponent1',
  };
}

/** InformasjonOmForsendelsen, TilknyttetEnhet and AnsvarForRapport, in the order every PLO root starts with. */
export function ploHeader(input: PloCommonInput, answersQuestion = false): XmlOut[] {
  const status = input.status ?? 'N';
  return [
    el(
      'InformasjonOmForsendelsen',
      {},
      el('Forsendelsesstatus', { V: status, DN: FORSENDELSESSTATUS[status] }),
      answersQuestion && el('SvarPaaForesporsel', {}, 'true'),
    ),
    input.contactUnit !== undefined &&
      el(
        'TilknyttetEnhet',
        {},
        el(
          'Kontaktenhet',
          {},
          el('fk1:OrganisationName', {}, input.contactUnit.name),
          el(
            'fk1:Ident',
            {},
            el('fk1:Id', {}, input.contactUnit.herId),
            el('fk1:TypeId', { V: 'HER', DN: ORG_ID_TYPES.HER, S: oid(9051) }),
          ),
          telecom(input.contactUnit.phone),
        ),
      ),
    input.responsible !== undefined &&
      el('AnsvarForRapport', {}, el('AnsvarligRapport', {}, ...professional(input.responsible))),
  ];
}

/** The children of an fk1:HealthcareProfessional. */
export function professional(p: Professional): XmlOut[] {
  return [
    p.type !== undefined && el('fk1:TypeHealthcareProfessional', { V: p.type.v, DN: p.type.dn }),
    el('fk1:FamilyName', {}, p.familyName),
    el('fk1:GivenName', {}, p.givenName),
    el(
      'fk1:Ident',
      {},
      el('fk1:Id', {}, p.hprNumber),
      el('fk1:TypeId', { V: 'HPR', DN: PERSON_ID_TYPES.HPR, S: oid(8116) }),
    ),
    telecom(p.phone),
  ];
}

/** Event codes, code list 9121 (HIS 1149 §3.x; plo-messaging.md §3.2). */
export const EVENT = {
  admitted: { v: '1', dn: 'Pasient innlagt' },
  discharged: { v: '2', dn: 'Pasient utskrevet' },
  readyForDischarge: { v: '3', dn: 'Pasient utskrivningsklar' },
  notReadyAfterAll: { v: '4', dn: 'Avmelding av utskrivningsklar pasient' },
  died: { v: '13', dn: 'Pasienten er død' },
} as const;

export type EventInput = {
  at: Date | string;
  /** true = an estimate, false = final or past (HIS 80704 §13.2). */
  estimate?: boolean | undefined;
  description?: string | undefined;
  note?: string | undefined;
};

/** TidsfestetHendelse with an event code from 9121 (or none, as OpplysningOpphold uses it). */
export function timedEvent(code: Coded | undefined, e: EventInput): XmlOutElement {
  return el(
    'TidsfestetHendelse',
    {},
    code !== undefined && el('Hendelsekode', { V: code.v, DN: code.dn, S: oid(9121) }),
    e.description !== undefined && el('BeskrivelseAvHendelse', {}, e.description),
    el('TidspunktForHendelse', { V: xmlDateTime(e.at) }),
    el('Anslag', {}, String(e.estimate ?? false)),
    e.note !== undefined && el('Merknad', {}, e.note),
  );
}
