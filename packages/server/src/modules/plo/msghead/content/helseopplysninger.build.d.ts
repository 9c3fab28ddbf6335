import { type XmlOutElement } from '../../../../platform/xml/index.ts';
import { type Coded, type EventInput, type PloCommonInput } from './plo-common.ts';
import { type DiagnosisInput, type NoteInput } from './rapporter.build.ts';
/**
 * The PLO 1.6 information messages beside the two reports: Helseopplysninger (HIS 1144), Helseopplysninger til lege
 * (HIS 1145), Medisinske opplysninger (HIS 1147) and Orientering om tjenestetilbud (HIS 1146). Element order is each
 * root's XSD sequence (`Helseopplysninger-v1.6.xsd`, `HelseopplysningerTilLege-v1.6.xsd`, `MedisinskeOpplysninger-
 * v1.6.xsd`, `OrienteringOmTjenestetilbud-v1.6.xsd`): the common PLO header first, then the type's own parts.
 */
/** A service the patient needs (TjenesteBehov, poKomponent-v1.6.xsd). */
export type ServiceNeedInput = {
  name?: string | undefined;
  description?: string | undefined;
};
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
  contentType?:
    | (Coded & {
        codeList: number;
      })
    | undefined;
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
/** HELSEOPPL_SOKNAD content: HelseopplysningerVedSoknad (HIS 1144; the XSD's namespace, plo-messaging.md §3.1 ¹). */
export declare function helseopplysninger(input: HelseopplysningerInput): XmlOutElement;
/** HELSEOPPLYSNINGER_LEGE content: Konsultasjon, from municipal care to the GP (HIS 1145). */
export declare function helseopplysningerLege(input: HelseopplysningerLegeInput): XmlOutElement;
/** MEDISINSKE_OPPLYSNINGER content: OverforingMedisinskeOpplysninger, from the GP to municipal care (HIS 1147). */
export declare function medisinskeOpplysninger(input: MedisinskeOpplysningerInput): XmlOutElement;
/** ORIENTERING_TJENESTETILBUD content: the services the patient receives, to the GP (HIS 1146). */
export declare function orienteringTjenestetilbud(input: OrienteringTjenestetilbudInput): XmlOutElement;
