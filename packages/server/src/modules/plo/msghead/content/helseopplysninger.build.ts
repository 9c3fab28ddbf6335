import { el, type XmlOutElement } from '../../../../platform/xml/index.ts';
import { NS, oid } from '../../codes.ts';
import { ploHeader, ploRootAttrs, timedEvent, type Coded, type EventInput, type PloCommonInput } from './plo-common.ts';
import { diagnoses, notes, type DiagnosisInput, type NoteInput } from './rapporter.build.ts';

/**
 * The PLO 1.6 information messages beside the two reports: Helseopplysninger (HIS 1144), Helseopplysninger til lege
 * (HIS 1145), Medisinske opplysninger (HIS 1147) and Orientering om tjenestetilbud (HIS 1146). Element order is each
 * root's XSD sequence (`Helseopplysninger-v1.6.xsd`, `HelseopplysningerTilLege-v1.6.xsd`, `MedisinskeOpplysninger-
 * v1.6.xsd`, `OrienteringOmTjenestetilbud-v1.6.xsd`): the common PLO header first, then the type's own parts.
 */

/** A service the patient needs (TjenesteBehov, poKomponent-v1.6.xsd). */
export type ServiceNeedInput = { name?: string | undefined; description?: string | undefined };

export type HelseopplysningerInput = PloCommonInput & {
  /** TypeInnhold, code list 9140: the first message is a notice (1), later ones updates (2, with status M). */
  kind: 'notice' | 'update';
  /** OpplysningOpphold: at least the admission, optionally the expected discharge (HIS 1144 §4.3). */
  stay: [EventInput, ...EventInput[]];
  diagnoses?: DiagnosisInput[] | undefined;
  /** Journal notes; headings from 9145 (1 Pasientens status, 2 Antatt forløp). */
  notes?: NoteInput[] | undefined;
  servicesNeeded?: ServiceNeedInput[] | undefined;
};

export type HelseopplysningerLegeInput = PloCommonInput & {
  /** InnholdKonsultasjon/TypeInnholdKonsultasjon (CS): what the message is about, when given. */
  about?: Coded | undefined;
  diagnoses?: DiagnosisInput[] | undefined;
  notes?: NoteInput[] | undefined;
};

export type MedisinskeOpplysningerInput = PloCommonInput & {
  /** TypeInnholdIMelding/TypeInnhold (CV) with its code list, when given. */
  contentType?: (Coded & { codeList: number }) | undefined;
  /** OpplysningerTilSoknad/EgensoknadSendt: whether the patient has applied for services themselves. */
  patientApplied?: boolean | undefined;
  /** At most one InfoMedisinskDiagnose in this schema; the list goes in it. */
  diagnoses?: DiagnosisInput[] | undefined;
  notes?: NoteInput[] | undefined;
};

/** A service the patient receives (EksisterendeTjeneste; PrivatTjeneste is required by the schema). */
export type ExistingServiceInput = {
  name?: string | undefined;
  private: boolean;
  providedBy?: string | undefined;
  details?: string | undefined;
  amount?: number | undefined;
  unit?: string | undefined;
  /** YYYY-MM-DD */
  from?: string | undefined;
  /** YYYY-MM-DD */
  to?: string | undefined;
  note?: string | undefined;
};

export type OrienteringTjenestetilbudInput = PloCommonInput & {
  services: [ExistingServiceInput, ...ExistingServiceInput[]];
};

const TYPE_9140 = {
  notice: { v: '1', dn: 'Varsel om innlagt pasient' },
  update: { v: '2', dn: 'Oppdaterte opplysninger' },
};

/** HELSEOPPL_SOKNAD content: HelseopplysningerVedSoknad (HIS 1144; the XSD's namespace, plo-messaging.md §3.1 ¹). */
export function helseopplysninger(input: HelseopplysningerInput): XmlOutElement {
  const type = TYPE_9140[input.kind];
  return el(
    'p2:HelseopplysningerVedSoknad',
    ploRootAttrs('p2', NS.helseopplysningerVedSoknad),
    ...ploHeader(input),
    el('TypeInnholdIMelding', {}, el('TypeInnhold', { V: type.v, DN: type.dn, S: oid(9140) })),
    input.stay.map((e) => el('OpplysningOpphold', {}, timedEvent(undefined, e))),
    diagnoses(input.diagnoses),
    notes(input.notes),
    (input.servicesNeeded ?? []).map((s) =>
      el(
        'TjenesteBehov',
        {},
        s.name !== undefined && el('BetegnelseTjeneste', {}, s.name),
        s.description !== undefined && el('BeskrivelseAvTjeneste', {}, s.description),
      ),
    ),
  );
}

/** HELSEOPPLYSNINGER_LEGE content: Konsultasjon, from municipal care to the GP (HIS 1145). */
export function helseopplysningerLege(input: HelseopplysningerLegeInput): XmlOutElement {
  return el(
    'p6:Konsultasjon',
    ploRootAttrs('p6', NS.helseopplysningerTilLege),
    ...ploHeader(input),
    input.about !== undefined &&
      el('InnholdKonsultasjon', {}, el('TypeInnholdKonsultasjon', { V: input.about.v, DN: input.about.dn })),
    diagnoses(input.diagnoses),
    notes(input.notes),
  );
}

/** MEDISINSKE_OPPLYSNINGER content: OverforingMedisinskeOpplysninger, from the GP to municipal care (HIS 1147). */
export function medisinskeOpplysninger(input: MedisinskeOpplysningerInput): XmlOutElement {
  const t = input.contentType;
  return el(
    'p4:OverforingMedisinskeOpplysninger',
    ploRootAttrs('p4', NS.medisinskeOpplysninger),
    ...ploHeader(input),
    t !== undefined && el('TypeInnholdIMelding', {}, el('TypeInnhold', { V: t.v, DN: t.dn, S: oid(t.codeList) })),
    input.patientApplied !== undefined &&
      el('OpplysningerTilSoknad', {}, el('EgensoknadSendt', {}, String(input.patientApplied))),
    diagnoses(input.diagnoses),
    notes(input.notes),
  );
}

/** ORIENTERING_TJENESTETILBUD content: the services the patient receives, to the GP (HIS 1146). */
export function orienteringTjenestetilbud(input: OrienteringTjenestetilbudInput): XmlOutElement {
  return el(
    'p3:OrienteringOmTjenestetilbud',
    ploRootAttrs('p3', NS.orienteringOmTjenestetilbud),
    ...ploHeader(input),
    input.services.map((s) =>
      el(
        'EksisterendeTjeneste',
        {},
        s.name !== undefined && el('BetegnelseTjeneste', {}, s.name),
        el('PrivatTjeneste', {}, String(s.private)),
        s.providedBy !== undefined && el('TjenestenLevertAv', {}, s.providedBy),
        s.details !== undefined && el('OpplysningerOmTjenesten', {}, s.details),
        s.amount !== undefined && el('AntallEnheter', {}, String(s.amount)),
        s.unit !== undefined && el('Enhet', {}, s.unit),
        s.from !== undefined && el('Startdato', {}, s.from),
        s.to !== undefined && el('Sluttdato', {}, s.to),
        s.note !== undefined && el('Merknad', {}, s.note),
      ),
    ),
  );
}
