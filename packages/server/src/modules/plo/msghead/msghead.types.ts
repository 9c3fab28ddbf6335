import type { XmlElement } from '../../../platform/xml/index.ts';

/**
 * MsgHead v1.2 as typed data (HIS 80601 v1.2; XSD `MsgHead-v1_2.xsd`, element order in plo-messaging.md §2.2).
 * Identifiers are strings: leading zeros matter.
 */

/** KITH `CS` (V, DN) and `CV` (V, S, DN, OT) coded values (kith.xsd; plo-messaging.md §2.1). */
export type Coded = { v: string; dn?: string | undefined; s?: string | undefined; ot?: string | undefined };

/** `Ident`: an identifier with its type from code list 9051 (organisations) or 8116 (persons). */
export type Ident = { id: string; typeId: Coded };

export type PostalAddress = {
  type?: Coded | undefined;
  streetAdr?: string | undefined;
  postalCode?: string | undefined;
  city?: string | undefined;
  postbox?: string | undefined;
  county?: Coded | undefined;
  country?: Coded | undefined;
};

export type TeleCom = { typeTelecom?: Coded | undefined; teleAddress: string };

export type HealthcareProfessional = {
  typeHealthcareProfessional?: Coded | undefined;
  roleToPatient?: Coded | undefined;
  familyName?: string | undefined;
  middleName?: string | undefined;
  givenName?: string | undefined;
  idents: Ident[];
  teleCom?: TeleCom[] | undefined;
};

export type Organisation = {
  name: string;
  typeOrganisation?: Coded | undefined;
  idents: Ident[];
  address?: PostalAddress | undefined;
  teleCom?: TeleCom[] | undefined;
  /** Level 2 when the communication party is a service (tjenestebasert adressering, HIS 1153-2 §4.3). */
  organisation?: Organisation | undefined;
  /** Level 2 (or 3) when the communication party is a person, e.g. a GP. */
  healthcareProfessional?: HealthcareProfessional | undefined;
};

/**
 * A sender or receiver: the organisation (level 1, virksomhet) and, below it, the communication party (level 2).
 * `herIds` are read from the `Ident`s with TypeId `HER` (as Helsenorge.Messaging does: X-…-Lvl1Id/Lvl2Id).
 */
export type Addressee = {
  comMethod?: Coded | undefined;
  organisation: Organisation;
};

export type OtherReceiver = Addressee & { roleReceiver: Coded };

export type Patient = {
  familyName?: string | undefined;
  middleName?: string | undefined;
  givenName?: string | undefined;
  /** YYYY-MM-DD */
  dateOfBirth?: string | undefined;
  /** Code list 3101: 1 Mann, 2 Kvinne (plo-messaging.md §2.2). */
  sex?: Coded | undefined;
  nationality?: Coded | undefined;
  idents: Ident[];
  address?: PostalAddress | undefined;
  teleCom?: TeleCom[] | undefined;
};

export type ConversationRef = { refToParent: string; refToConversation: string };

export type MsgInfo = {
  /** Code list 8279, e.g. LOG_INNLAGT; must equal the transport's action (HIS 80601). */
  type: Coded;
  migVersion: string;
  /** As written in the message (often without a time zone); the AppRec copies it into OriginalMsgId/IssueDate. */
  genDate: string;
  msgId: string;
  processingStatus?: Coded | undefined;
  requestedPriority?: Coded | undefined;
  ack?: Coded | undefined;
  /** Absent on the first message of a dialog (HITS 1218 §3.3). */
  conversationRef?: ConversationRef | undefined;
  sender: Addressee;
  receiver: Addressee;
  otherReceivers: OtherReceiver[];
  patient?: Patient | undefined;
};

export type RefDoc = {
  issueDate?: string | undefined;
  /** Code list 8114: XML, A (attachment), REF. */
  msgType: Coded;
  id?: string | undefined;
  mimeType?: string | undefined;
  description?: string | undefined;
  compression?: Coded | undefined;
  fileReference?: string | undefined;
  /** The element inside `Content` (PLO or Dialogmelding root, or a Base64Container). */
  content?: XmlElement | undefined;
};

export type MsgDocument = {
  documentConnection?: Coded | undefined;
  consent?: Coded | undefined;
  refDoc: RefDoc;
};

export type MsgHead = { msgInfo: MsgInfo; documents: MsgDocument[] };
