import { z } from 'zod';
import { isoInstant } from './dates.ts';

/**
 * The EPJ API (E1, dialog part): what an electronic patient record system (EPJ) of a municipality uses to follow
 * and answer the citizen dialog. Machine clients authenticate with the OAuth 2.0 client credentials grant
 * (RFC 6749 §4.4) at HelseID — in development the built-in IdP — and send the JWT access token as a bearer token
 * (RFC 6750). The token's organisation number (HelseID's `orgnr_parent` claim) decides the municipality.
 * Served as OpenAPI at GET /epj/v1/openapi.json.
 *
 *   GET  /epj/v1/events?after=&limit=            → epjEventsResponse (the municipality's feed, oldest first)
 *   POST /epj/v1/conversations                   epjStartConversationBody → 201 epjConversationResponse (the unit starts)
 *   GET  /epj/v1/conversations/:id               → epjConversationResponse (marks nothing read)
 *   POST /epj/v1/conversations/:id/messages      epjReplyBody → 201 epjConversationResponse (a reply as the unit)
 *   POST /epj/v1/conversations/:id/read          epjActionBody → epjConversationResponse
 *   POST /epj/v1/conversations/:id/close         epjActionBody → epjConversationResponse
 *   GET  /epj/v1/attachments/:id                 → the file
 */

/** The scope an EPJ client asks for, and the audience of the tokens the API accepts. */
export const EPJ_SCOPE = 'helsebro:epj';
export const EPJ_AUDIENCE = 'helsebro:epj-api';
export const EPJ_API_PREFIX = '/epj/v1';

const uuid = z.uuid();

export const epjEventsQuery = z.object({
  /** The `cursor` of the previous answer; absent for the start of the feed. Opaque: store it, do not parse it. */
  after: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type EpjEventsQuery = z.infer<typeof epjEventsQuery>;

export const epjEvent = z.object({
  /** This event's position in the feed; `after` accepts it. */
  cursor: z.string(),
  /** conversation.created, message.created, message.read, conversation.closed; more kinds may come — ignore unknown ones. */
  kind: z.string(),
  occurredAt: isoInstant,
  serviceUnit: z.object({ id: uuid, name: z.string() }).nullable(),
  /**
   * Ids of what the event is about (conversationId, messageId …); never content. conversation.created also
   * carries `startedBy`: `citizen` or `unit` (a health worker of the unit started it, in the web or an EPJ).
   */
  refs: z.record(z.string(), z.string()),
});
export type EpjEvent = z.infer<typeof epjEvent>;

export const epjEventsResponse = z.object({
  events: z.array(epjEvent),
  /** Where to continue: pass as `after` on the next poll (unchanged when there was nothing new). */
  cursor: z.string(),
  /** More events wait beyond `limit`; poll again at once. */
  hasMore: z.boolean(),
});
export type EpjEventsResponse = z.infer<typeof epjEventsResponse>;

export const epjIdParams = z.object({ id: uuid });

/** The health worker an EPJ acts for (HPR number and name), as in the EPJ's own user session. */
export const epjAuthor = z.object({
  hprNumber: z.string().regex(/^[0-9]{4,9}$/, 'expected an HPR number (digits)'),
  name: z.string().trim().min(1).max(200),
});
export type EpjAuthor = z.infer<typeof epjAuthor>;

export const epjReplyBody = z.object({
  text: z.string().max(10_000),
  author: epjAuthor,
});
export type EpjReplyBody = z.infer<typeof epjReplyBody>;

/**
 * The unit starts a conversation with a citizen who has an active care relation with it. The citizen is named by
 * national identity number, in the body (never in a URL); someone who is not the unit's citizen is 404.
 */
export const epjStartConversationBody = z.object({
  serviceUnitId: uuid,
  nationalIdentityNumber: z.string().max(20),
  subject: z.string().max(200),
  text: z.string().max(10_000),
  author: epjAuthor,
});
export type EpjStartConversationBody = z.infer<typeof epjStartConversationBody>;

/** Optional: an EPJ may send no body at all (Fastify gives null then). */
export const epjActionBody = z.object({ author: epjAuthor.optional() }).nullish();
export type EpjActionBody = z.infer<typeof epjActionBody>;

export const epjAttachment = z.object({
  id: uuid,
  filename: z.string(),
  contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
  sizeBytes: z.number().int(),
  /** Where to fetch the file with the same bearer token. */
  href: z.string(),
});

export const epjMessage = z.object({
  id: uuid,
  from: z.enum(['citizen', 'unit']),
  authorName: z.string(),
  /** Set when a proxy wrote for the citizen: the citizen's name. */
  onBehalfOf: z.string().nullable(),
  text: z.string(),
  createdAt: isoInstant,
  /** When the other side first read it. */
  readAt: isoInstant.nullable(),
  attachments: z.array(epjAttachment),
  /** The unit's automatic reply (no health worker wrote it; it is not an answer). */
  automatic: z.boolean(),
});
export type EpjMessage = z.infer<typeof epjMessage>;

export const epjConversationResponse = z.object({
  id: uuid,
  subject: z.string(),
  status: z.enum(['open', 'closed']),
  /** Who started it: the citizen (or their representative), or the unit. */
  startedBy: z.enum(['citizen', 'unit']),
  createdAt: isoInstant,
  lastMessageAt: isoInstant,
  serviceUnit: z.object({ id: uuid, name: z.string() }),
  /** The citizen (the principal); the national identity number files the dialog in the right record. */
  citizen: z.object({ personId: uuid, nationalIdentityNumber: z.string(), name: z.string() }),
  /** The citizen's messages the unit has not read. */
  unreadByUnit: z.number().int(),
  messages: z.array(epjMessage),
});
export type EpjConversationResponse = z.infer<typeof epjConversationResponse>;
