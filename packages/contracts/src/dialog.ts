import { z } from 'zod';
import { DIALOG_LIMITS } from './constants.ts';

export { DIALOG_LIMITS };
import { isoCalendarDate as isoDate } from './dates.ts';

/**
 * Citizen dialog (A3), service unit settings (A4) and notifications (A7). Shared by the server (route schemas) and
 * the web (types, and the codes it translates). Messages are always addressed to the citizen (the principal); a
 * representative reads and writes for them, with `messages.read` / `messages.send` (area Digitale helsetjenester).
 *
 * Citizen endpoints (act for the session's acting-for person; writes need the x-csrf-token header):
 *   GET  /api/dialog/units                          → dialogUnitsResponse (units the principal may write to)
 *   GET  /api/dialog/conversations                  → conversationsResponse
 *   POST /api/dialog/conversations                  multipart: serviceUnitId, subject, text, files → 201 conversationResponse
 *   GET  /api/dialog/conversations/:id              → conversationResponse (marks the unit's messages read)
 *   POST /api/dialog/conversations/:id/messages     multipart: text, files → 201 conversationResponse
 *   GET  /api/dialog/attachments/:id                → the file (content-disposition: attachment)
 *   GET  /api/me/notification-preferences           → notificationPreferences
 *   PUT  /api/me/notification-preferences           notificationPreferences → notificationPreferences (self only)
 *   GET  /api/me/contact-details                    → contactDetailsResponse (the user's own, from KRR, read-only)
 * Staff endpoints (own units, own municipality):
 *   GET  /api/staff/dialog/units                    → staffDialogUnitsResponse (my units, unread counts)
 *   GET  /api/staff/dialog/units/:unitId/inbox      → staffInboxResponse
 *   GET  /api/staff/dialog/units/:unitId/settings   → serviceUnitSettings
 *   PUT  /api/staff/dialog/units/:unitId/settings   updateServiceUnitSettingsBody → serviceUnitSettings (unit_leader, municipal_admin)
 *   GET  /api/staff/dialog/conversations/:id        → conversationResponse (marks the citizen's messages read)
 *   POST /api/staff/dialog/conversations/:id/messages  multipart: text, files → 201 conversationResponse
 *   POST /api/staff/dialog/conversations/:id/close  → conversationResponse
 *   POST /api/staff/dialog/conversations/:id/assign assignConversationBody → conversationResponse
 *   GET  /api/staff/dialog/units/:unitId/staff      → unitStaffResponse (colleagues a conversation can be assigned to)
 *   POST /api/staff/dialog/units/:unitId/conversations  multipart: personId, subject, text, files → 201 conversationResponse
 *                                                   (the unit starts a conversation with a citizen it serves)
 *   GET  /api/staff/dialog/attachments/:id          → the file
 * Operator:
 *   GET  /api/operator/outbox/captured              → capturedNoticesResponse (development capture store)
 */

const uuid = z.uuid();

export const attachmentType = z.enum(DIALOG_LIMITS.attachmentTypes);
export type AttachmentType = z.infer<typeof attachmentType>;

export const absencePeriod = z.object({
  startsOn: isoDate,
  endsOn: isoDate,
  /** Shown to citizens, e.g. "Stengt i påsken". */
  note: z.string().max(300).nullable(),
});
export type AbsencePeriod = z.infer<typeof absencePeriod>;

/** A time of day, 00:00–23:59. */
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:mm, 00:00–23:59');

/**
 * One opening interval of a unit's week: ISO weekday (1 = Monday … 7 = Sunday) and the times it opens and closes
 * (Oslo). A day may have more than one (open before and after lunch); a day without one is closed.
 */
export const openingInterval = z
  .object({ weekday: z.number().int().min(1).max(7), opens: timeOfDay, closes: timeOfDay })
  .refine((i) => i.closes > i.opens, { message: 'closes is not after opens', path: ['closes'] });
export type OpeningInterval = z.infer<typeof openingInterval>;

/** A unit's contact details and dialog settings (A4). */
export const serviceUnitSettings = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  /** Free text, e.g. "Hverdager 08–15.30". */
  openingHours: z.string().nullable(),
  /**
   * The opening hours as data, which the automatic reply reads: outside them (and on public holidays) the unit is
   * closed. Null when the unit has not set them; then only absences count.
   */
  weeklyHours: z.array(openingInterval).nullable(),
  openForDialog: z.boolean(),
  /** Expected response time in working days. */
  responseWorkingDays: z.number().int(),
  /** Shown when a conversation starts and with every answer the citizen sees. */
  autoReply: z.string().nullable(),
  /** The unit's functional address; staff alerts go there when `alertByEmail`. */
  functionalEmail: z.string().nullable(),
  alertByEmail: z.boolean(),
  absences: z.array(absencePeriod),
  /** Today is within an absence period. */
  absentNow: z.boolean(),
  /** The unit has set its weekly hours and is outside them now (or it is a public holiday). */
  closedNow: z.boolean(),
});
export type ServiceUnitSettings = z.infer<typeof serviceUnitSettings>;

export const updateServiceUnitSettingsBody = z.object({
  phone: z.string().max(40).nullable(),
  email: z.email().max(200).nullable(),
  openingHours: z.string().max(500).nullable(),
  /** Left as it is when not sent (clients written before the weekly hours existed). */
  weeklyHours: z.array(openingInterval).max(28).nullable().optional(),
  openForDialog: z.boolean(),
  responseWorkingDays: z.number().int().min(1).max(30),
  autoReply: z.string().max(1000).nullable(),
  functionalEmail: z.email().max(200).nullable(),
  alertByEmail: z.boolean(),
  absences: z
    .array(absencePeriod.refine((a) => a.endsOn >= a.startsOn, { message: 'endsOn is before startsOn' }))
    .max(50),
});
export type UpdateServiceUnitSettingsBody = z.infer<typeof updateServiceUnitSettingsBody>;

/** GET /api/dialog/units — the units the principal receives services from (active care relation). */
export const dialogUnitsResponse = z.object({
  units: z.array(
    serviceUnitSettings
      .omit({ functionalEmail: true, alertByEmail: true })
      .extend({ municipality: z.object({ id: z.string(), name: z.string() }) }),
  ),
});
export type DialogUnitsResponse = z.infer<typeof dialogUnitsResponse>;

export const attachmentMeta = z.object({
  id: z.string(),
  filename: z.string(),
  contentType: attachmentType,
  sizeBytes: z.number().int(),
});
export type AttachmentMeta = z.infer<typeof attachmentMeta>;

export const messageItem = z.object({
  id: z.string(),
  /** Which side wrote it. */
  from: z.enum(['citizen', 'unit']),
  /** Who wrote it: the citizen, their representative ("Kari Nordmann på vegne av Per Hansen") or the staff member. */
  authorName: z.string(),
  /** Set when a representative wrote for the citizen. */
  onBehalfOf: z.string().nullable(),
  /** Plain text; never HTML. The web renders it as text. */
  text: z.string(),
  createdAt: z.string(),
  /** When the other side first read it. */
  readAt: z.string().nullable(),
  attachments: z.array(attachmentMeta),
  /**
   * The unit's automatic reply, inserted when a citizen starts a conversation while the unit is absent; written by
   * no one (`authorName` is the unit's name), and not an answer from the unit.
   */
  automatic: z.boolean(),
});
export type MessageItem = z.infer<typeof messageItem>;

export const conversationStatus = z.enum(['open', 'closed']);
export type ConversationStatus = z.infer<typeof conversationStatus>;

export const conversationSummary = z.object({
  id: z.string(),
  subject: z.string(),
  status: conversationStatus,
  serviceUnit: z.object({ id: z.string(), name: z.string() }),
  /** The citizen the conversation is with (always the principal). */
  citizen: z.object({ personId: z.string(), displayName: z.string() }),
  assignedTo: z.object({ personnelId: z.string(), displayName: z.string() }).nullable(),
  /** Who started it: the citizen (or their representative), or the unit. */
  startedBy: z.enum(['citizen', 'unit']),
  createdAt: z.string(),
  lastMessageAt: z.string(),
  /** Messages from the other side that the caller's side has not read. */
  unread: z.number().int(),
});
export type ConversationSummary = z.infer<typeof conversationSummary>;

export const conversationsResponse = z.object({ conversations: z.array(conversationSummary) });
export type ConversationsResponse = z.infer<typeof conversationsResponse>;

export const conversationResponse = z.object({
  conversation: conversationSummary,
  messages: z.array(messageItem),
  /** The unit's expected response time and automatic reply, shown with the conversation. */
  expectedResponseWorkingDays: z.number().int(),
  autoReply: z.string().nullable(),
});
export type ConversationResponse = z.infer<typeof conversationResponse>;

export const conversationParams = z.object({ id: uuid });
export const attachmentParams = z.object({ id: uuid });
export const unitParams = z.object({ unitId: uuid });

/** GET /api/staff/dialog/units — the staff member's units with the count of unread citizen messages. */
export const staffDialogUnitsResponse = z.object({
  units: z.array(z.object({ id: z.string(), name: z.string(), openForDialog: z.boolean(), unread: z.number().int() })),
});
export type StaffDialogUnitsResponse = z.infer<typeof staffDialogUnitsResponse>;

export const staffInboxResponse = z.object({
  unit: z.object({ id: z.string(), name: z.string() }),
  unread: z.number().int(),
  conversations: z.array(conversationSummary),
});
export type StaffInboxResponse = z.infer<typeof staffInboxResponse>;

export const assignConversationBody = z.object({ personnelId: uuid.nullable() });
export type AssignConversationBody = z.infer<typeof assignConversationBody>;

/** GET /api/staff/dialog/units/:unitId/staff — the unit's staff, whom a conversation can be assigned to. */
export const unitStaffResponse = z.object({
  staff: z.array(z.object({ personnelId: z.string(), displayName: z.string() })),
});
export type UnitStaffResponse = z.infer<typeof unitStaffResponse>;

/** Notification preferences (A7). Contact details are not here: they come from KRR at each dispatch. */
export const notificationChannel = z.enum(['sms', 'email']);
export const notificationLevel = z.enum(['limited', 'normal', 'full']);
export const notificationLanguage = z.enum(['nb', 'nn', 'en']);
export type NotificationChannel = z.infer<typeof notificationChannel>;
export type NotificationLevel = z.infer<typeof notificationLevel>;
export type NotificationLanguage = z.infer<typeof notificationLanguage>;

export const notificationPreferences = z.object({
  channel: notificationChannel,
  level: notificationLevel,
  language: notificationLanguage,
});
export type NotificationPreferences = z.infer<typeof notificationPreferences>;

/** Without a saved choice: SMS and level normal, as on Helsenorge. */
export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  channel: 'sms',
  level: 'normal',
  language: 'nb',
};

/**
 * The user's own contact details as KRR has them now: looked up for the page, never stored by us. Changed at KRR
 * (norge.no), not here. `none`: not registered, reserved against digital contact or not to be notified;
 * `unavailable`: KRR did not answer.
 */
export const contactDetailsResponse = z.object({
  source: z.literal('krr'),
  status: z.enum(['found', 'none', 'unavailable']),
  email: z.string().nullable(),
  mobile: z.string().nullable(),
});
export type ContactDetailsResponse = z.infer<typeof contactDetailsResponse>;

export const capturedNotice = z.object({
  id: z.number().int(),
  channel: notificationChannel,
  recipient: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
});
export const capturedNoticesResponse = z.object({ notices: z.array(capturedNotice) });
export type CapturedNoticesResponse = z.infer<typeof capturedNoticesResponse>;

/** Stable `code` values of problem+json answers from the dialog endpoints. */
export const DIALOG_ERROR_CODES = {
  /** 403: the principal receives no service from the unit (no active care relation). */
  no_service_from_unit: 403,
  /** 403: the unit does not take messages digitally. */
  unit_closed_for_dialog: 403,
  /** 403: the representation does not include messages (area Digitale helsetjenester). */
  service_area_not_granted: 403,
  /** 403: staff outside the unit, or the conversation belongs to another municipality. */
  not_unit_staff: 403,
  /** 403: only a unit leader or municipal administrator changes unit settings. */
  not_unit_leader: 403,
  /** 403: notification preferences are set by the person themselves. */
  proxy_cannot_manage_preferences: 403,
  /** 404: no such conversation for the caller. */
  conversation_not_found: 404,
  /** 404: no such attachment for the caller. */
  attachment_not_found: 404,
  /** 404: no such unit in the caller's municipality. */
  unit_not_found: 404,
  /** 404: the unit starts a conversation with someone who has no active care relation with it (or no one). */
  citizen_not_found: 404,
  /** 409: the conversation is closed; start a new one. */
  conversation_closed: 409,
  /** 400: the message has no text. */
  message_empty: 400,
  /** 400: the text or subject is too long. */
  message_too_long: 400,
  /** 400: the subject is missing. */
  subject_required: 400,
  /** 400: a file is not PDF, JPEG or PNG judged by its content. */
  attachment_type_not_allowed: 400,
  /** 400: an empty file. */
  attachment_empty: 400,
  /** 400: more than DIALOG_LIMITS.maxAttachments files. */
  too_many_attachments: 400,
  /** 413: a file is larger than DIALOG_LIMITS.maxAttachmentBytes. */
  attachment_too_large: 413,
  /** 415: the request is not multipart/form-data. */
  multipart_required: 415,
  /** 400: assigning to someone who is not staff of the unit. */
  assignee_not_unit_staff: 400,
} as const;
export type DialogErrorCode = keyof typeof DIALOG_ERROR_CODES;
