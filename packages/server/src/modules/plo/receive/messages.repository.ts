import { and, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.ts';
import { persons, ploAppRecs, ploInbox, ploMessages } from '../../../platform/db/schema.ts';

export type NewMessageRow = Omit<
  typeof ploMessages.$inferInsert,
  'id' | 'receivedAt' | 'updatedAt' | 'patientPersonId'
>;
export type NewAppRecRow = typeof ploAppRecs.$inferInsert;
export type NewInboxRow = Omit<typeof ploInbox.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'state'>;

/**
 * Stores a received message once per (sender, MsgId): a repeat inserts nothing and returns undefined. The patient
 * is matched to the population register in the same statement (no extra round trip).
 * @returns the new row's id and the matched person, or undefined for a duplicate
 */
export async function insertMessage(
  q: Queryable,
  row: NewMessageRow,
): Promise<{ id: string; patientPersonId: string | null } | undefined> {
  const patient = row.patientNin
    ? sql`(SELECT ${persons.id} FROM ${persons} WHERE ${persons.nin} = ${row.patientNin})`
    : sql`NULL`;
  const [r] = await q
    .insert(ploMessages)
    .values({ ...row, patientPersonId: patient })
    .onConflictDoNothing({
      target: [ploMessages.direction, ploMessages.senderHerId, ploMessages.msgId],
      where: sql`${ploMessages.msgId} IS NOT NULL AND ${ploMessages.senderHerId} IS NOT NULL`,
    })
    .returning({ id: ploMessages.id, patientPersonId: ploMessages.patientPersonId });
  return r;
}

/** The message received earlier with this sender and MsgId, with the AppRecs sent for it. */
export async function findReceived(q: Queryable, senderHerId: string, msgId: string) {
  const [message] = await q
    .select({ id: ploMessages.id, status: ploMessages.status, patientPersonId: ploMessages.patientPersonId })
    .from(ploMessages)
    .where(
      and(eq(ploMessages.direction, 'in'), eq(ploMessages.senderHerId, senderHerId), eq(ploMessages.msgId, msgId)),
    );
  if (!message) {
    return undefined;
  }
  const appRecs = await q
    .select({
      id: ploAppRecs.appRecId,
      receiverHerId: ploAppRecs.answeringHerId,
      status: ploAppRecs.status,
      errors: ploAppRecs.errors,
    })
    .from(ploAppRecs)
    .where(and(eq(ploAppRecs.messageId, message.id), eq(ploAppRecs.direction, 'out')));
  return { ...message, appRecs };
}

export async function insertAppRecs(q: Queryable, rows: NewAppRecRow[]): Promise<void> {
  if (rows.length > 0) {
    await q.insert(ploAppRecs).values(rows);
  }
}

export async function insertInbox(q: Queryable, rows: NewInboxRow[]): Promise<void> {
  if (rows.length > 0) {
    await q.insert(ploInbox).values(rows).onConflictDoNothing();
  }
}

/** A received AppRec, once per (answering party, AppRec id). @returns false for a repeat */
export async function insertReceivedAppRec(q: Queryable, row: NewAppRecRow): Promise<boolean> {
  const r = await q
    .insert(ploAppRecs)
    .values(row)
    .onConflictDoNothing({
      target: [ploAppRecs.answeringHerId, ploAppRecs.appRecId],
      where: sql`${ploAppRecs.direction} = 'in'`,
    })
    .returning({ id: ploAppRecs.id });
  return r.length > 0;
}

/** An outgoing message by its MsgId (what an AppRec's OriginalMsgId/Id refers to). */
export async function findSent(q: Queryable, msgId: string) {
  const [r] = await q
    .select({ id: ploMessages.id, status: ploMessages.status, patientPersonId: ploMessages.patientPersonId })
    .from(ploMessages)
    .where(and(eq(ploMessages.direction, 'out'), eq(ploMessages.msgId, msgId)));
  return r;
}

export async function setMessageStatus(
  q: Queryable,
  id: string,
  status: (typeof ploMessages.$inferSelect)['status'],
): Promise<void> {
  await q
    .update(ploMessages)
    .set({ status, updatedAt: sql`now()` })
    .where(eq(ploMessages.id, id));
}

/** An AppRec to deliver: its XML and the message it answers (whose sender gets it). */
export async function findAppRecToSend(q: Queryable, id: string) {
  const [r] = await q
    .select({
      id: ploAppRecs.id,
      appRecId: ploAppRecs.appRecId,
      xml: ploAppRecs.xml,
      delivery: ploAppRecs.delivery,
      senderHerId: ploMessages.senderHerId,
      senderPartyHerId: ploMessages.senderPartyHerId,
      senderPartyId: ploMessages.senderPartyId,
    })
    .from(ploAppRecs)
    .innerJoin(ploMessages, eq(ploMessages.id, ploAppRecs.messageId))
    .where(and(eq(ploAppRecs.id, id), eq(ploAppRecs.direction, 'out')));
  return r;
}

export async function markAppRecDelivered(q: Queryable, id: string): Promise<void> {
  await q
    .update(ploAppRecs)
    .set({ delivery: 'delivered', deliveredAt: sql`now()` })
    .where(eq(ploAppRecs.id, id));
}

/** A receiving party's inbox, newest first: what a message handler's list shows (no raw XML). */
export async function listInbox(q: Queryable, partyId: string, limit: number) {
  return q
    .select({
      inboxId: ploInbox.id,
      state: ploInbox.state,
      role: ploInbox.role,
      messageId: ploMessages.id,
      msgId: ploMessages.msgId,
      msgType: ploMessages.msgType,
      forsendelsesstatus: ploMessages.forsendelsesstatus,
      senderHerId: ploMessages.senderHerId,
      senderPartyHerId: ploMessages.senderPartyHerId,
      patientPersonId: ploMessages.patientPersonId,
      patientNin: ploMessages.patientNin,
      receivedAt: ploMessages.receivedAt,
    })
    .from(ploInbox)
    .innerJoin(ploMessages, eq(ploMessages.id, ploInbox.messageId))
    .where(eq(ploInbox.partyId, partyId))
    .orderBy(desc(ploInbox.createdAt))
    .limit(limit);
}
