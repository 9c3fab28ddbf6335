import { DEFAULT_NOTIFICATION_PREFERENCES, type NotificationPreferences } from '@helsebro/contracts';
import { and, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import {
  fullmakter,
  municipalities,
  notificationCaptures,
  notificationNotices,
  notificationPreferences,
  parentalResponsibilities,
  persons,
  serviceUnits,
} from '../../platform/db/schema.ts';

/**
 * The SQL for notifications: preferences, the notices claimed per (event, person or unit), the development capture
 * store, and the few facts about persons and units the jobs need. KRR's answers are never stored.
 */

export type NoticeRow = typeof notificationNotices.$inferSelect;
type NewCapture = Pick<typeof notificationCaptures.$inferInsert, 'channel' | 'recipient' | 'subject' | 'body'>;

/** The unit's functional address when it wants an e-mail for each new citizen message, else null. */
export async function unitAlertAddress(q: Queryable, unitId: string): Promise<string | null> {
  const [unit] = await q
    .select({ email: serviceUnits.functionalEmail, wanted: serviceUnits.alertByEmail })
    .from(serviceUnits)
    .where(eq(serviceUnits.id, unitId));
  return unit?.wanted && unit.email ? unit.email : null;
}

/**
 * Each person's preferences, the defaults for one who never chose.
 * @param q - database or open transaction
 * @param ids - the persons
 */
export async function preferencesOf(q: Queryable, ids: string[]): Promise<Map<string, NotificationPreferences>> {
  const rows =
    ids.length > 0
      ? await q.select().from(notificationPreferences).where(inArray(notificationPreferences.personId, ids))
      : [];
  return new Map(
    ids.map((id) => {
      const r = rows.find((x) => x.personId === id);
      return [id, r ? { channel: r.channel, level: r.level, language: r.language } : DEFAULT_NOTIFICATION_PREFERENCES];
    }),
  );
}

/** Stores a person's own preferences. */
export async function savePreferences(q: Queryable, personId: string, prefs: NotificationPreferences): Promise<void> {
  await q
    .insert(notificationPreferences)
    .values({ personId, ...prefs })
    .onConflictDoUpdate({ target: notificationPreferences.personId, set: { ...prefs, updatedAt: sql`now()` } });
}

/**
 * Who might read for a citizen today: parents with responsibility and fullmakt holders whose period covers today.
 * The representation engine decides which of them may read messages.
 */
export async function representativeCandidates(q: Queryable, principalId: string, today: string): Promise<string[]> {
  const live = (from: typeof parentalResponsibilities | typeof fullmakter) =>
    and(lte(from.validFrom, today), or(isNull(from.validTo), gte(from.validTo, today)));
  const parents = await q
    .select({ id: parentalResponsibilities.parentId })
    .from(parentalResponsibilities)
    .where(and(eq(parentalResponsibilities.childId, principalId), live(parentalResponsibilities)));
  const holders = await q
    .select({ id: fullmakter.holderId })
    .from(fullmakter)
    .where(and(eq(fullmakter.giverId, principalId), isNull(fullmakter.endedAt), live(fullmakter)));
  return [...new Set([...parents, ...holders].map((r) => r.id))];
}

/** Identity numbers by person id, to ask KRR with. */
export async function ninsOf(q: Queryable, ids: string[]): Promise<Map<string, string>> {
  const rows = await q.select({ id: persons.id, nin: persons.nin }).from(persons).where(inArray(persons.id, ids));
  return new Map(rows.map((r) => [r.id, r.nin]));
}

/** Persons by identity number, with their names (the KRR stand-in derives synthetic contact details). */
export async function personsByNins(q: Queryable, nins: string[]) {
  return q
    .select({ nin: persons.nin, givenName: persons.givenName, familyName: persons.familyName })
    .from(persons)
    .where(inArray(persons.nin, nins));
}

/**
 * Claims a notice for an event to a person or a unit; undefined when it was claimed before (unique per event and
 * recipient), so a repeated dispatch sends nothing twice.
 * @param q - the open transaction
 */
export async function claimNotice(
  q: Queryable,
  notice: Pick<
    typeof notificationNotices.$inferInsert,
    'eventKey' | 'personId' | 'serviceUnitId' | 'channel' | 'template'
  >,
): Promise<number | undefined> {
  const [row] = await q
    .insert(notificationNotices)
    .values(notice)
    .onConflictDoNothing()
    .returning({ id: notificationNotices.id });
  return row?.id;
}

/** One notice by id. */
export async function noticeById(q: Queryable, id: number): Promise<NoticeRow | undefined> {
  const [notice] = await q.select().from(notificationNotices).where(eq(notificationNotices.id, id));
  return notice;
}

/** Marks a notice sent (now) or skipped (no address). */
export async function markNotice(q: Queryable, id: number, state: 'sent' | 'skipped'): Promise<void> {
  await q
    .update(notificationNotices)
    .set(state === 'sent' ? { state, sentAt: sql`now()` } : { state })
    .where(eq(notificationNotices.id, id));
}

/** Keeps a notice in the development capture store instead of sending it. */
export async function insertCapture(q: Queryable, capture: NewCapture): Promise<void> {
  await q.insert(notificationCaptures).values(capture);
}

/** The newest captured notices. */
export async function capturedNotices(q: Queryable, limit: number) {
  return q.select().from(notificationCaptures).orderBy(desc(notificationCaptures.id)).limit(limit);
}

/** A municipality's name, the sender a letter's notice names. */
export async function municipalityName(q: Queryable, id: string | null): Promise<string | null> {
  if (!id) {
    return null;
  }
  const [row] = await q.select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.id, id));
  return row?.name ?? null;
}
