import { el, type XmlOut, type XmlOutElement } from '../../../../platform/xml/index.ts';
import { NS, PERSON_ID_TYPES, oid } from '../../codes.ts';

/**
 * Dialogmelding 1.0 (`dialogmelding.xsd`, 2006-10-11) for DIALOG_FORESPORSEL and DIALOG_SVAR (HIS 1152 §4.2–4.3),
 * and Dialogmelding 1.1 (`dialogmelding-v1.1.xsd`, 2013-01-23) for DIALOG_HELSEFAGLIG (HIS 1077 §5). Elements
 * inside `Dialogmelding` are in its namespace (the default); identifiers inside HealthcareProfessional are fk1.
 */

export type Coded = { v: string; dn: string };

/** The author or contact: the health personnel who wrote the message. */
export type Author = {
  /** Code list 9060, e.g. SP Sykepleier, LE Lege. */
  type?: Coded | undefined;
  /** Code list 9034, e.g. 9 Primærkontakt, 6 Fastlege. */
  roleToPatient?: Coded | undefined;
  familyName: string;
  givenName: string;
  hprNumber?: string | undefined;
  phone?: string | undefined;
};

/** A question: TypeForesp from code list 9152 (1 Helseopplysninger, 4 Legemiddelopplysninger, 8 Status/plan for utskrivning, 99 Annen henvendelse). */
export type QuestionInput = { kind: Coded; question: string; reason?: string | undefined };

export type ForesporselInput = { question: QuestionInput; author?: Author | undefined };
export type SvarInput = { answer: string; question: QuestionInput; author?: Author | undefined };
/** Helsefaglig dialog: TemaKodet from code list 7322 (e.g. 6 Henvendelse om pasient), a subject and the text. */
export type HelsefagligInput = {
  topic: Coded;
  subject?: string | undefined;
  text: string;
  author?: Author | undefined;
};

function roles(author: Author | undefined): XmlOut {
  if (author === undefined) {
    return undefined;
  }
  return el(
    'RollerRelatertNotat',
    {},
    author.roleToPatient !== undefined &&
      el('RoleToPatient', { V: author.roleToPatient.v, DN: author.roleToPatient.dn, S: oid(9034) }),
    el(
      'HealthcareProfessional',
      {},
      author.type !== undefined && el('TypeHealthcareProfessional', { V: author.type.v, DN: author.type.dn }),
      el('FamilyName', {}, author.familyName),
      el('GivenName', {}, author.givenName),
      author.hprNumber !== undefined &&
        el(
          'Ident',
          {},
          el('fk1:Id', {}, author.hprNumber),
          el('fk1:TypeId', { V: 'HPR', DN: PERSON_ID_TYPES.HPR, S: oid(8116) }),
        ),
      author.phone !== undefined &&
        el('TeleCom', {}, el('fk1:TeleAddress', { V: `tel:${author.phone.replace(/\s+/g, '')}` })),
    ),
  );
}

const rootAttrs = (ns: string) => ({ xmlns: ns, 'xmlns:fk1': NS.felleskomponent1 });

function foresporsel(q: QuestionInput, author: Author | undefined): XmlOutElement {
  return el(
    'Foresporsel',
    {},
    el('TypeForesp', { V: q.kind.v, DN: q.kind.dn, S: oid(9152) }),
    el('Sporsmal', {}, q.question),
    q.reason !== undefined && el('Begrunnelse', {}, q.reason),
    roles(author),
  );
}

/** DIALOG_FORESPORSEL content: one Foresporsel (HIS 1152 §4.2). */
export function dialogForesporsel(input: ForesporselInput): XmlOutElement {
  return el('Dialogmelding', rootAttrs(NS.dialog10), foresporsel(input.question, input.author));
}

/**
 * DIALOG_SVAR content: a Notat with TemaKodet 9069 value 5 "Svar på forespørsel" and a copy of the question
 * answered (HIS 1152 §4.3; HISD 80903).
 */
export function dialogSvar(input: SvarInput): XmlOutElement {
  return el(
    'Dialogmelding',
    rootAttrs(NS.dialog10),
    el(
      'Notat',
      {},
      el('TemaKodet', { V: '5', DN: 'Svar på forespørsel', S: oid(9069) }),
      el('TekstNotatInnhold', {}, input.answer),
      foresporsel(input.question, undefined),
      roles(input.author),
    ),
  );
}

/** DIALOG_HELSEFAGLIG content: a Notat with TemaKodet from 7322, Tema and TekstNotatInnhold (HIS 1077 §5). */
export function dialogHelsefaglig(input: HelsefagligInput): XmlOutElement {
  return el(
    'Dialogmelding',
    rootAttrs(NS.dialog11),
    el(
      'Notat',
      {},
      el('TemaKodet', { V: input.topic.v, DN: input.topic.dn, S: oid(7322) }),
      input.subject !== undefined && el('Tema', {}, input.subject),
      el('TekstNotatInnhold', {}, input.text),
      roles(input.author),
    ),
  );
}

/** DIALOG_AVVIK: feedback on an error in a received message; TemaKodet from code list 8117 (HIS 1151; HISD 80903). */
export type AvvikInput = {
  topic: Coded;
  subject?: string | undefined;
  text: string;
  /** The MsgId of the message in error, as DokIdNotat (the MsgHead's ConversationRef points at it too). */
  aboutMsgId?: string | undefined;
  author?: Author | undefined;
};

/** DIALOG_NOTAT: a note, e.g. feedback on receiving a patient ready for discharge; TemaKodet with its code list. */
export type NotatInput = {
  topic: Coded & { codeList: number };
  subject?: string | undefined;
  text: string;
  /** YYYY-MM-DD */
  date?: string | undefined;
  author?: Author | undefined;
};

/** DIALOG_AVVIK content: a Dialogmelding 1.0 Notat in the XSD's order (TemaKodet, Tema, TekstNotatInnhold, DokIdNotat). */
export function dialogAvvik(input: AvvikInput): XmlOutElement {
  return el(
    'Dialogmelding',
    rootAttrs(NS.dialog10),
    el(
      'Notat',
      {},
      el('TemaKodet', { V: input.topic.v, DN: input.topic.dn, S: oid(8117) }),
      input.subject !== undefined && el('Tema', {}, input.subject),
      el('TekstNotatInnhold', {}, input.text),
      input.aboutMsgId !== undefined && el('DokIdNotat', {}, input.aboutMsgId),
      roles(input.author),
    ),
  );
}

/** DIALOG_NOTAT content: a Dialogmelding 1.0 Notat (HISD 1209 §4 lists the type; plo-messaging.md §3.3). */
export function dialogNotat(input: NotatInput): XmlOutElement {
  return el(
    'Dialogmelding',
    rootAttrs(NS.dialog10),
    el(
      'Notat',
      {},
      el('TemaKodet', { V: input.topic.v, DN: input.topic.dn, S: oid(input.topic.codeList) }),
      input.subject !== undefined && el('Tema', {}, input.subject),
      el('TekstNotatInnhold', {}, input.text),
      input.date !== undefined && el('DatoNotat', {}, input.date),
      roles(input.author),
    ),
  );
}
