/**
 * Namespaces, message types and code lists of the PLO message family, with their sources. Facts from
 * shared/domain/plo-messaging.md; the standards are named by document, version and section.
 */

/** Namespaces (plo-messaging.md §1; the XSDs' targetNamespace). */
export const NS = {
  msgHead: 'http://www.kith.no/xmlstds/msghead/2006-05-24',
  appRec11: 'http://www.kith.no/xmlstds/apprec/2012-02-15',
  appRec10: 'http://www.kith.no/xmlstds/apprec/2004-11-21',
  dialog10: 'http://www.kith.no/xmlstds/dialog/2006-10-11',
  dialog11: 'http://www.kith.no/xmlstds/dialog/2013-01-23',
  poKomponent: 'http://www.kith.no/xmlstds/po/poKomponent/2012-04-01',
  pasientlogistikk: 'http://www.kith.no/xmlstds/po/Pasientlogistikk/2012-04-01',
  innleggelsesrapport: 'http://www.kith.no/xmlstds/po/Innleggelsesrapport/2012-04-01',
  tverrfagligEpikrise: 'http://www.kith.no/xmlstds/po/TverrfagligEpikrise/2012-04-01',
  helseopplysningerVedSoknad: 'http://www.kith.no/xmlstds/po/HelseopplysningerVedSoknad/2012-04-01',
  helseopplysningerTilLege: 'http://www.kith.no/xmlstds/po/HelseopplysningerTilLege/2012-04-01',
  medisinskeOpplysninger: 'http://www.kith.no/xmlstds/po/MedisinskeOpplysninger/2012-04-01',
  orienteringOmTjenestetilbud: 'http://www.kith.no/xmlstds/po/OrienteringOmTjenestetilbud/2012-04-01',
  felleskomponent1: 'http://www.kith.no/xmlstds/felleskomponent1',
  epj2: 'http://www.kith.no/xmlstds/epj/epj2/2008-02-20',
  epjMeta: 'http://www.kith.no/xmlstds/epj/meta/2008-02-20',
  base64Container: 'http://www.kith.no/xmlstds/base64container',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

/** OIDs of the Volven code lists: 2.16.578.1.12.4.1.1.<number> (HIS 80704 §4.4; HIS 80415-1.1 §6.1.1). */
export const oid = (codeList: number): string => `2.16.578.1.12.4.1.1.${codeList}`;

/** MsgHead v1.2 `MIGversion`, fixed by the schema's documentation (HIS 80601). */
export const MSGHEAD_MIG_VERSION = 'v1.2 2006-05-24';
/** AppRec 1.1 `MIGversion` (HIS 80415-1.1 §4.3). */
export const APPREC_MIG_VERSION = 'v1.1 2012-02-15';

/**
 * Message types Helsebro receives and builds: `MsgInfo/Type` values of code list 8279 with their display text, the
 * content standard and version that carries them, and the content's root element (plo-messaging.md §3.1, §3.3).
 */
export const MESSAGE_TYPES = {
  LOG_INNLAGT: { dn: 'Melding om innlagt pasient', standard: 'PLO', version: '1.6', ns: NS.pasientlogistikk },
  LOG_UTSKRIVNINGSKLAR: {
    dn: 'Melding om utskrivningsklar pasient',
    standard: 'PLO',
    version: '1.6',
    ns: NS.pasientlogistikk,
  },
  LOG_AVMELDING: {
    dn: 'Avmelding av utskrivningsklar pasient',
    standard: 'PLO',
    version: '1.6',
    ns: NS.pasientlogistikk,
  },
  LOG_UTSKREVET: { dn: 'Melding om utskrevet pasient', standard: 'PLO', version: '1.6', ns: NS.pasientlogistikk },
  LOG_DOD: { dn: 'Orientering om dødsfall', standard: 'PLO', version: '1.6', ns: NS.pasientlogistikk },
  INNLEGGELSESRAPPORT: { dn: 'Innleggelsesrapport', standard: 'PLO', version: '1.6', ns: NS.innleggelsesrapport },
  UTSKRIVNINGSRAPPORT: { dn: 'Utskrivningsrapport', standard: 'PLO', version: '1.6', ns: NS.tverrfagligEpikrise },
  HELSEOPPL_SOKNAD: {
    dn: 'Helseopplysninger',
    standard: 'PLO',
    version: '1.6',
    ns: NS.helseopplysningerVedSoknad,
  },
  HELSEOPPLYSNINGER_LEGE: {
    dn: 'Helseopplysninger til lege',
    standard: 'PLO',
    version: '1.6',
    ns: NS.helseopplysningerTilLege,
  },
  MEDISINSKE_OPPLYSNINGER: {
    dn: 'Medisinske opplysninger',
    standard: 'PLO',
    version: '1.6',
    ns: NS.medisinskeOpplysninger,
  },
  ORIENTERING_TJENESTETILBUD: {
    dn: 'Orientering om tjenestetilbud',
    standard: 'PLO',
    version: '1.6',
    ns: NS.orienteringOmTjenestetilbud,
  },
  DIALOG_FORESPORSEL: { dn: 'Forespørsel', standard: 'Dialogmelding', version: '1.0', ns: NS.dialog10 },
  DIALOG_SVAR: { dn: 'Svar på forespørsel', standard: 'Dialogmelding', version: '1.0', ns: NS.dialog10 },
  DIALOG_AVVIK: {
    dn: 'Tilbakemelding om feil i mottatt melding',
    standard: 'Dialogmelding',
    version: '1.0',
    ns: NS.dialog10,
  },
  DIALOG_NOTAT: { dn: 'Notat', standard: 'Dialogmelding', version: '1.0', ns: NS.dialog10 },
  DIALOG_HELSEFAGLIG: { dn: 'Helsefaglig dialog', standard: 'Dialogmelding', version: '1.1', ns: NS.dialog11 },
} as const;

export type MessageType = keyof typeof MESSAGE_TYPES;
export const MESSAGE_TYPE_CODES = Object.keys(MESSAGE_TYPES) as MessageType[];

export function isMessageType(v: string): v is MessageType {
  return Object.hasOwn(MESSAGE_TYPES, v);
}

/** Content standard and version by the content root's namespace (the XSDs' targetNamespace). */
export const CONTENT_VERSIONS: Record<string, { standard: 'PLO' | 'Dialogmelding'; version: string }> = {
  [NS.pasientlogistikk]: { standard: 'PLO', version: '1.6' },
  [NS.innleggelsesrapport]: { standard: 'PLO', version: '1.6' },
  [NS.tverrfagligEpikrise]: { standard: 'PLO', version: '1.6' },
  [NS.helseopplysningerVedSoknad]: { standard: 'PLO', version: '1.6' },
  [NS.helseopplysningerTilLege]: { standard: 'PLO', version: '1.6' },
  [NS.medisinskeOpplysninger]: { standard: 'PLO', version: '1.6' },
  [NS.orienteringOmTjenestetilbud]: { standard: 'PLO', version: '1.6' },
  [NS.dialog10]: { standard: 'Dialogmelding', version: '1.0' },
  [NS.dialog11]: { standard: 'Dialogmelding', version: '1.1' },
};

/**
 * Forsendelsesstatus, code list 7309: N new, M change (complete content), C cancel. `A` is not to be used
 * (HISD 1154 §3); Pasientlogistikk allows only N and C (HIS 80704 §5.2.2).
 */
export const FORSENDELSESSTATUS = { N: 'Ny', M: 'Endring', C: 'Kansellering' } as const;
export type Forsendelsesstatus = keyof typeof FORSENDELSESSTATUS;

/** AppRec status, code list 8258 (HIS 80415-1.1 §6.2). Status 3 is for Helfo claims only and never used here. */
export const APPREC_STATUS = { '1': 'OK', '2': 'Avvist' } as const;
export type AppRecStatus = keyof typeof APPREC_STATUS;

/**
 * AppRec error codes, code list 8221, with their texts (HIS 80415-1.1 §6.3). Only the ones that can apply to a
 * message received over Helsebro's HTTP transport are listed; signature codes (S01–S03, S99) need signed messages,
 * E20 a named physician as receiver.
 */
export const APPREC_ERRORS = {
  T01: 'Ikke XML / ikke "well formed" / uleselig',
  T02: 'XML validerer ikke',
  T10: 'Støtter ikke meldingsformatet',
  T99: 'Annen formatfeil',
  E10: 'Ugyldig meldingsidentifikator',
  E21: 'Mottaker finnes ikke',
  E30: 'FNR mangler',
  E31: 'FNR feil',
  E32: 'Navn mangler',
  E35: 'Pasient finnes ikke i mottakersystemet',
  E36: 'Pasientopplysninger utilstrekkelige',
  X99: 'Annen feil',
} as const;
export type AppRecErrorCode = keyof typeof APPREC_ERRORS;

/** Person identifier types, code list 8116 (HIS 80601 code annex); the patient ones Helsebro checks. */
export const PERSON_ID_TYPES = {
  FNR: 'Fødselsnummer',
  DNR: 'D-nummer',
  HNR: 'H-nummer',
  FHN: 'Felles hjelpenummer',
  HPR: 'HPR-nummer',
} as const;

/** Organisation identifier types, code list 9051: HER-id and organisation number. */
export const ORG_ID_TYPES = { HER: 'HER-id', ENH: 'Organisasjonsnummeret i Enhetsregister' } as const;
