import { z } from 'zod';
import { PLO_CONSOLE_LIMITS, ploInboxStates, ploOutgoingStatuses } from './constants.ts';

export { PLO_CONSOLE_LIMITS, ploInboxStates, ploOutgoingStatuses };
import { herId, ploMessageType } from './plo.ts';

/**
 * The PLO message console (issue 4): message handlers (`message_handler`) read the inboxes and outboxes of the
 * services their organisation hosts here, read each message in a readable form, and answer with a dialog message.
 *
 *   GET  /api/plo/console/services                          → ploConsoleServicesResponse
 *   GET  /api/plo/console/services/:herId/inbox?…           → ploConsoleListResponse (query ploConsoleListQuery)
 *   GET  /api/plo/console/services/:herId/outbox?…          → ploConsoleListResponse
 *   GET  /api/plo/console/messages/:id                      → ploConsoleMessage (an incoming one becomes read)
 *   GET  /api/plo/console/messages/:id/xml                  → the raw MsgHead XML (attachment)
 *   POST /api/plo/console/messages/:id/handled              → ploConsoleMessage
 *   POST /api/plo/console/messages/:id/answer               ploConsoleAnswerBody → 201 ploConsoleAnswerResponse
 *
 * Every read is audited with the message's patient as subject. The patient's identity number never leaves the
 * server whole: only the birth-date part is shown (`maskedNin`).
 */

export const ploInboxState = z.enum(ploInboxStates);
export type PloInboxState = z.infer<typeof ploInboxState>;

export const ploOutgoingStatus = z.enum(ploOutgoingStatuses);
export type PloOutgoingStatus = z.infer<typeof ploOutgoingStatus>;

/** Every status a message row can have (incoming: accepted, rejected, …; outgoing: the ones above). */
export const ploMessageStatus = z.enum(['accepted', 'rejected', 'unreadable', 'refused', ...ploOutgoingStatuses]);
export type PloMessageStatus = z.infer<typeof ploMessageStatus>;

export const ploConsoleService = z.object({
  herId,
  name: z.string(),
  organisationName: z.string(),
  /** Incoming messages not opened yet. */
  newCount: z.number().int(),
});
export type PloConsoleService = z.infer<typeof ploConsoleService>;

export const ploConsoleServicesResponse = z.object({ services: z.array(ploConsoleService) });
export type PloConsoleServicesResponse = z.infer<typeof ploConsoleServicesResponse>;

export const ploConsoleServiceParams = z.object({ herId });
export const ploConsoleMessageParams = z.object({ id: z.uuid() });

export const ploConsoleBox = z.enum(['inbox', 'outbox']);
export type PloConsoleBox = z.infer<typeof ploConsoleBox>;

/** Filters and page of a box. `status` is an inbox state for the inbox, an outgoing status for the outbox. */
export const ploConsoleListQuery = z.object({
  type: ploMessageType.optional(),
  status: z.union([ploInboxState, ploOutgoingStatus]).optional(),
  cursor: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(PLO_CONSOLE_LIMITS.maxPageSize).default(PLO_CONSOLE_LIMITS.pageSize),
});
export type PloConsoleListQuery = z.input<typeof ploConsoleListQuery>;

/** The patient as the console shows them: the name, and the identity number with only its birth date visible. */
export const ploConsolePatient = z.object({
  /** Set when the patient was found in the population register. */
  personId: z.string().nullable(),
  name: z.string().nullable(),
  /** `DDMMYY *****`; null when the message carried no identity number. */
  maskedNin: z.string().nullable(),
  birthDate: z.string().nullable(),
  /**
   * The name the message gives, only when it differs from the population register's name for that identity number
   * (issue 14, D6): a sign of a mistyped number, so the reader checks the patient before acting.
   */
  nameInMessage: z.string().nullable(),
});
export type PloConsolePatient = z.infer<typeof ploConsolePatient>;

export const ploConsoleParty = z.object({
  organisationName: z.string().nullable(),
  organisationHerId: z.string().nullable(),
  partyName: z.string().nullable(),
  partyHerId: z.string().nullable(),
});
export type PloConsoleParty = z.infer<typeof ploConsoleParty>;

export const ploForsendelsesstatus = z.enum(['N', 'M', 'C']);
export const ploSupersession = z.enum(['M', 'C']);

export const ploConsoleListItem = z.object({
  id: z.string(),
  direction: z.enum(['in', 'out']),
  msgType: z.string().nullable(),
  /** The type's name from code list 8279 (the web translates known types itself). */
  typeName: z.string().nullable(),
  status: ploMessageStatus,
  /** Incoming only: new, read or handled. */
  state: ploInboxState.nullable(),
  /** Forsendelsesstatus (code list 7309): N new, M a change of an earlier message, C its cancellation. */
  forsendelsesstatus: ploForsendelsesstatus.nullable(),
  /** A later message from the same sender changed (M) or cancelled (C) this one (HISD 1154 §4.2). */
  supersededAs: ploSupersession.nullable(),
  /** The other side: the sender of an incoming message, the receiver of an outgoing one. */
  counterpart: ploConsoleParty,
  patient: ploConsolePatient,
  /** When it was received (incoming) or created (outgoing), ISO 8601. */
  at: z.string(),
});
export type PloConsoleListItem = z.infer<typeof ploConsoleListItem>;

export const ploConsoleListResponse = z.object({
  service: ploConsoleService,
  items: z.array(ploConsoleListItem),
  nextCursor: z.string().nullable(),
});
export type PloConsoleListResponse = z.infer<typeof ploConsoleListResponse>;

/** How a content value is shown: text as is, a date or time formatted, a flag as yes/no. */
export const ploContentValueKind = z.enum(['text', 'date', 'dateTime', 'flag', 'longText']);

/**
 * One labelled value of the readable content. `key` names a field the web translates (`ploConsole.fields.<key>`);
 * `label` is the server's own Norwegian label, used when the web has no translation (the generic tree).
 */
export const ploContentField = z.object({
  key: z.string().nullable(),
  label: z.string(),
  value: z.string(),
  kind: ploContentValueKind,
});
export type PloContentField = z.infer<typeof ploContentField>;

export type PloContentSection = {
  key: string | null;
  label: string;
  fields: PloContentField[];
  sections: PloContentSection[];
};
export const ploContentSection: z.ZodType<PloContentSection> = z.lazy(() =>
  z.object({
    key: z.string().nullable(),
    label: z.string(),
    fields: z.array(ploContentField),
    sections: z.array(ploContentSection),
  }),
);

export const ploConsoleContent = z.object({
  /** structured: read by the type's rules; generic: every element as a label/value tree; none: unreadable. */
  rendering: z.enum(['structured', 'generic', 'none']),
  sections: z.array(ploContentSection),
  /** Attachments (Documents with RefDoc/MsgType A): only described, never inlined. */
  attachments: z.array(z.object({ mimeType: z.string().nullable(), description: z.string().nullable() })),
});
export type PloConsoleContent = z.infer<typeof ploConsoleContent>;

export const ploConsoleAppRec = z.object({
  direction: z.enum(['in', 'out']),
  status: z.enum(['1', '2', '3']),
  /** HER-id of the party that answered (in) or in whose name we answered (out). */
  answeringHerId: z.string(),
  errors: z.array(z.object({ code: z.string(), text: z.string(), detail: z.string().optional() })),
  at: z.string(),
  /** Outgoing AppRecs: queued, delivered or failed; received ones: received. */
  delivery: z.string(),
});
export type PloConsoleAppRec = z.infer<typeof ploConsoleAppRec>;

export const ploConsoleHistoryEvent = z.object({
  /** received, apprec_queued, apprec_delivered, read, handled (incoming) or an outgoing status. */
  event: z.string(),
  at: z.string(),
});
export type PloConsoleHistoryEvent = z.infer<typeof ploConsoleHistoryEvent>;

export const ploConsoleConversationItem = z.object({
  id: z.string(),
  direction: z.enum(['in', 'out']),
  msgType: z.string().nullable(),
  typeName: z.string().nullable(),
  status: ploMessageStatus,
  at: z.string(),
  current: z.boolean(),
});

/** How the console offers to answer: a DIALOG_SVAR to a question, otherwise a new question or note. */
export const ploAnswerType = z.enum(['DIALOG_SVAR', 'DIALOG_FORESPORSEL', 'DIALOG_HELSEFAGLIG']);
export type PloAnswerType = z.infer<typeof ploAnswerType>;

export const ploConsoleMessage = z.object({
  id: z.string(),
  direction: z.enum(['in', 'out']),
  msgId: z.string().nullable(),
  msgType: z.string().nullable(),
  typeName: z.string().nullable(),
  status: ploMessageStatus,
  state: ploInboxState.nullable(),
  forsendelsesstatus: ploForsendelsesstatus.nullable(),
  /** The latest change (M) or cancellation (C) of this message, when one came: open it for what is in force. */
  supersededBy: z.object({ id: z.string(), as: ploSupersession, at: z.string() }).nullable(),
  /** For a change or cancellation: the message it refers to (RefToParent), when it is stored here. */
  supersedes: z.object({ id: z.string() }).nullable(),
  /** The hosted service whose box the message is in. */
  service: ploConsoleService.pick({ herId: true, name: true, organisationName: true }),
  sender: ploConsoleParty,
  receiver: ploConsoleParty,
  /** MsgInfo/GenDate as written in the message. */
  sentAt: z.string().nullable(),
  /** When Helsebro received it (incoming) or stored it for sending (outgoing), ISO 8601. */
  at: z.string(),
  patient: ploConsolePatient,
  content: ploConsoleContent,
  appRecs: z.array(ploConsoleAppRec),
  history: z.array(ploConsoleHistoryEvent),
  conversation: z.array(ploConsoleConversationItem),
  /** The answer types the console offers for this message (empty when it cannot be answered). */
  answerTypes: z.array(ploAnswerType),
});
export type PloConsoleMessage = z.infer<typeof ploConsoleMessage>;

/** Whether XML 1.0 can carry the text (its Char production): no control characters, no lone surrogates. */
function isXmlText(s: string): boolean {
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    const ok =
      cp === 0x9 ||
      cp === 0xa ||
      cp === 0xd ||
      (cp >= 0x20 && cp <= 0xd7ff) ||
      (cp >= 0xe000 && cp <= 0xfffd) ||
      (cp >= 0x10000 && cp <= 0x10ffff);
    if (!ok) {
      return false;
    }
  }
  return true;
}

const answerText = (max: number) =>
  z.string().trim().min(1, 'required').max(max, 'too_long').refine(isXmlText, 'invalid_characters');

/**
 * An answer from the console. A DIALOG_SVAR answers a DIALOG_FORESPORSEL; otherwise a question (TypeForesp from
 * code list 9152) or a note (Helsefaglig dialog, TemaKodet 7322) about the message's patient.
 */
export const ploConsoleAnswerBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('DIALOG_SVAR'), text: answerText(PLO_CONSOLE_LIMITS.maxAnswerLength) }),
  z.object({
    type: z.literal('DIALOG_FORESPORSEL'),
    /** Code list 9152: 1 Helseopplysninger, 4 Legemiddelopplysninger, 8 Status/plan for utskrivning, 99 Annen. */
    questionKind: z.enum(['1', '4', '8', '99']),
    text: answerText(PLO_CONSOLE_LIMITS.maxAnswerLength),
  }),
  z.object({
    type: z.literal('DIALOG_HELSEFAGLIG'),
    subject: answerText(PLO_CONSOLE_LIMITS.maxSubjectLength),
    text: answerText(PLO_CONSOLE_LIMITS.maxAnswerLength),
  }),
]);
export type PloConsoleAnswerBody = z.infer<typeof ploConsoleAnswerBody>;

export const ploConsoleAnswerResponse = z.object({
  /** The outgoing message's id (open it with GET /api/plo/console/messages/:id). */
  id: z.string(),
  msgId: z.string(),
  status: ploMessageStatus,
  duplicate: z.boolean(),
});
export type PloConsoleAnswerResponse = z.infer<typeof ploConsoleAnswerResponse>;
