import { randomUUID } from 'node:crypto';
import { el, type XmlOut, type XmlOutElement } from '../../../platform/xml/index.ts';
import {
  MESSAGE_TYPES,
  MSGHEAD_MIG_VERSION,
  NS,
  ORG_ID_TYPES,
  PERSON_ID_TYPES,
  oid,
  type MessageType,
} from '../codes.ts';
import { xmlDateTime } from '../xml-time.ts';
import type { ConversationRef } from './msghead.types.ts';

/**
 * Builds the MsgHead v1.2 envelope around a content document. Element order follows the XSD's sequences
 * (plo-messaging.md §2.2): `Ack` before `ConversationRef`, no `S` on CS elements, `Sex` from code list 3101 —
 * the three mistakes §2.5 found in a public builder.
 */

/** A communication party as addressed in MsgHead: organisation (level 1) and service or person (level 2). */
export type PartyAddress = {
  organisation: { name: string; herId: string; orgNumber?: string | undefined };
  /** The service (tjeneste) that sends or receives, when the party is a service. */
  service?: { name: string; herId: string } | undefined;
  /** The person (e.g. a GP) when the party is a person. */
  person?:
    { givenName?: string | undefined; familyName: string; herId: string; hprNumber?: string | undefined } | undefined;
};

export type PatientIdType = 'FNR' | 'DNR' | 'HNR' | 'FHN';

export type PatientInput = {
  familyName: string;
  givenName: string;
  middleName?: string | undefined;
  /** Fødselsnummer, D-number or help number: 11 digits, a string (leading zeros matter). */
  nin: string;
  idType: PatientIdType;
  dateOfBirth?: string | undefined;
  /** Code list 3101: '1' Mann, '2' Kvinne, '9' ikke spesifisert. */
  sex?: '1' | '2' | '9' | undefined;
  address?: { streetAdr?: string | undefined; postalCode?: string | undefined; city?: string | undefined } | undefined;
};

export type Attachment = {
  mimeType: string;
  description?: string | undefined;
  base64: string;
  issueDate?: Date | string;
};

export type EnvelopeInput = {
  type: MessageType;
  msgId?: string | undefined;
  genDate?: Date | string | undefined;
  /** Present on every message after the first in a dialog (HITS 1218 §3.3; HIS 80704 §4.1.1 for PLO). */
  conversationRef?: ConversationRef | undefined;
  sender: PartyAddress;
  receiver: PartyAddress;
  patient: PatientInput;
  /** RefDoc/IssueDate of the content; GenDate by default. */
  issueDate?: Date | string | undefined;
  /** Attachments as extra Documents with RefDoc/MsgType `A` (plo-messaging.md §2.2 "Attachments"). */
  attachments?: Attachment[] | undefined;
  /** MsgInfo/ProcessingStatus, code list 8213: P production (default left out), T training, D debugging. */
  processingStatus?: 'P' | 'T' | 'D' | undefined;
};

const CS = (name: string, v: string, dn?: string) => el(name, { V: v, DN: dn });
const CV = (name: string, v: string, dn: string | undefined, s: string) => el(name, { V: v, DN: dn, S: s });
const herIdent = (herId: string) =>
  el('Ident', {}, el('Id', {}, herId), CV('TypeId', 'HER', ORG_ID_TYPES.HER, oid(9051)));

function organisation(p: PartyAddress): XmlOutElement {
  const level2 =
    p.service !== undefined
      ? el('Organisation', {}, el('OrganisationName', {}, p.service.name), herIdent(p.service.herId))
      : p.person !== undefined
        ? el(
            'HealthcareProfessional',
            {},
            el('FamilyName', {}, p.person.familyName),
            p.person.givenName !== undefined && el('GivenName', {}, p.person.givenName),
            herIdent(p.person.herId),
            p.person.hprNumber !== undefined &&
              el('Ident', {}, el('Id', {}, p.person.hprNumber), CV('TypeId', 'HPR', PERSON_ID_TYPES.HPR, oid(8116))),
          )
        : undefined;
  return el(
    'Organisation',
    {},
    el('OrganisationName', {}, p.organisation.name),
    herIdent(p.organisation.herId),
    p.organisation.orgNumber !== undefined &&
      el('Ident', {}, el('Id', {}, p.organisation.orgNumber), CV('TypeId', 'ENH', ORG_ID_TYPES.ENH, oid(9051))),
    level2,
  );
}

function patient(p: PatientInput): XmlOutElement {
  return el(
    'Patient',
    {},
    el('FamilyName', {}, p.familyName),
    p.middleName !== undefined && el('MiddleName', {}, p.middleName),
    el('GivenName', {}, p.givenName),
    p.dateOfBirth !== undefined && el('DateOfBirth', {}, p.dateOfBirth),
    p.sex !== undefined && CS('Sex', p.sex, { '1': 'Mann', '2': 'Kvinne', '9': 'Ikke spesifisert' }[p.sex]),
    el('Ident', {}, el('Id', {}, p.nin), CV('TypeId', p.idType, PERSON_ID_TYPES[p.idType], oid(8116))),
    p.address !== undefined &&
      el(
        'Address',
        {},
        p.address.streetAdr !== undefined && el('StreetAdr', {}, p.address.streetAdr),
        p.address.postalCode !== undefined && el('PostalCode', {}, p.address.postalCode),
        p.address.city !== undefined && el('City', {}, p.address.city),
      ),
  );
}

/**
 * The whole MsgHead document as an element tree, with `content` (a PLO or Dialogmelding root) in the first
 * Document (RefDoc/MsgType `XML`, HIS 80704 §4.1.1).
 * @param input - envelope fields; a MsgId (UUID) and GenDate are generated when not given
 * @param content - the content document's root element, with its own namespace declarations
 */
export function buildMsgHeadElement(
  input: EnvelopeInput,
  content: XmlOutElement,
): { root: XmlOutElement; msgId: string; genDate: string } {
  const msgId = input.msgId ?? randomUUID();
  const genDate = xmlDateTime(input.genDate ?? new Date());
  const issueDate = input.issueDate !== undefined ? xmlDateTime(input.issueDate) : genDate;
  const attachments: XmlOut[] = (input.attachments ?? []).map((a) =>
    el(
      'Document',
      {},
      CS('DocumentConnection', 'V', 'Vedlegg'),
      el(
        'RefDoc',
        {},
        el('IssueDate', { V: a.issueDate !== undefined ? xmlDateTime(a.issueDate) : issueDate }),
        CS('MsgType', 'A', 'Vedlegg'),
        el('MimeType', {}, a.mimeType),
        a.description !== undefined && el('Description', {}, a.description),
        el('Content', {}, el('Base64Container', { xmlns: NS.base64Container }, a.base64)),
      ),
    ),
  );
  const root = el(
    'MsgHead',
    { xmlns: NS.msgHead },
    el(
      'MsgInfo',
      {},
      CS('Type', input.type, MESSAGE_TYPES[input.type].dn),
      el('MIGversion', {}, MSGHEAD_MIG_VERSION),
      el('GenDate', {}, genDate),
      el('MsgId', {}, msgId),
      input.processingStatus !== undefined &&
        CS(
          'ProcessingStatus',
          input.processingStatus,
          { P: 'Produksjon', T: 'Opplæring', D: 'Debugging' }[input.processingStatus],
        ),
      // HIS 80601 (2018 presisering): national guidelines require an AppRec for every message.
      CS('Ack', 'J', 'Ja'),
      input.conversationRef !== undefined &&
        el(
          'ConversationRef',
          {},
          el('RefToParent', {}, input.conversationRef.refToParent),
          el('RefToConversation', {}, input.conversationRef.refToConversation),
        ),
      el('Sender', {}, organisation(input.sender)),
      el('Receiver', {}, organisation(input.receiver)),
      patient(input.patient),
    ),
    el(
      'Document',
      {},
      attachments.length > 0 && CS('DocumentConnection', 'H', 'Hoveddokument'),
      el(
        'RefDoc',
        {},
        el('IssueDate', { V: issueDate }),
        CS('MsgType', 'XML', 'XML-instans'),
        el('Content', {}, content),
      ),
    ),
    attachments,
  );
  return { root, msgId, genDate };
}

/**
 * The ConversationRef of an answer or follow-up to `previous`: its parent is the previous message, its conversation
 * the first message of the dialog (HITS 1218 §3.3; HISD 1154 §4.2).
 * @param previous - the message answered: its MsgId and, when it was not the first, its ConversationRef
 */
export function followUpOf(previous: {
  msgId: string;
  conversationRef?: ConversationRef | undefined;
}): ConversationRef {
  return {
    refToParent: previous.msgId,
    refToConversation: previous.conversationRef?.refToConversation ?? previous.msgId,
  };
}
