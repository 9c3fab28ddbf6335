import { sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { epjEvents } from '../../platform/db/schema.ts';

/**
 * The kinds of event the EPJ feed carries. Open for extension: a module that adds kinds declares them from its
 * own file with declaration merging, so this file need not change and `kind` stays checked:
 *
 * ```ts
 * declare module '../epj/events.ts' {
 *   interface EpjEventKinds {
 *     'appointment.booked': true;
 *   }
 * }
 * ```
 * A kind is `<resource>.<past-tense verb>` in lower case (the table checks the shape).
 */
export interface EpjEventKinds {
  /** A citizen (or a proxy for them) started a conversation with a unit. refs: conversationId, messageId. */
  'conversation.created': true;
  /** The citizen side wrote a message in an existing conversation. refs: conversationId, messageId. */
  'message.created': true;
  /** The citizen side read a message from the unit. refs: conversationId, messageId. */
  'message.read': true;
  /** The unit closed a conversation (in the web or through the EPJ API). refs: conversationId. */
  'conversation.closed': true;
}

export type EpjEventKind = keyof EpjEventKinds;

export type EpjEventInput = {
  /** The municipality whose EPJ clients may see the event. */
  municipalityId: string;
  /** The service unit the event concerns, when there is one. */
  serviceUnitId: string | null;
  /** The citizen the event concerns (the principal, never a proxy); the audit subject when the feed is read. */
  personId: string | null;
  kind: EpjEventKind;
  /** Ids of what the event refers to, by name (`conversationId`, `messageId`, `appointmentId` …). No content. */
  refs: Readonly<Record<string, string>>;
  /** When it happened (the writer's clock); defaults to the database's now(). */
  occurredAt?: Date;
};

/** Class of the advisory locks that order feed writers; the second key is the municipality's hash. */
const FEED_LOCK_CLASS = 0x45504a; // "EPJ"

/**
 * Appends an event to the EPJ feed in the caller's transaction, so the event exists exactly when the change that
 * caused it commits. Call it as the LAST statement of the transaction: it takes a per-municipality transaction
 * lock, so writers in one municipality commit their events one after another and the feed's cursor (the id)
 * never passes a row that commits later with a smaller id. Never put personal data or message text in `refs`.
 * @param tx - the open transaction of the write that causes the event
 * @param event - what happened, where and to whom
 */
export async function recordEpjEvent(tx: Queryable, event: EpjEventInput): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${FEED_LOCK_CLASS}, hashtext(${event.municipalityId}))`);
  await tx.insert(epjEvents).values({
    municipalityId: event.municipalityId,
    serviceUnitId: event.serviceUnitId,
    personId: event.personId,
    kind: event.kind,
    refs: { ...event.refs },
    ...(event.occurredAt ? { occurredAt: event.occurredAt } : {}),
  });
}
