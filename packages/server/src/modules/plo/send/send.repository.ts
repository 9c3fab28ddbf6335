import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { inMunicipality } from '../../../platform/db/tenancy.ts';
import { municipalities, personnelRoles, ploMessageEvents, ploMessages } from '../../../platform/db/schema.ts';

export type OutStatus = 'queued' | 'sent' | 'delivered' | 'apprec_ok' | 'apprec_rejected' | 'failed';

/** What the API answers about an outgoing message. */
export type OutgoingSummary = { id: string; msgId: string; status: OutStatus };

const summary = { id: ploMessages.id, msgId: ploMessages.msgId, status: ploMessages.status };

function toSummary(r: { id: string; msgId: string | null; status: string }): OutgoingSummary {
  return { id: r.id, msgId: r.msgId ?? '', status: r.status as OutStatus };
}

/** The outgoing message our sender `senderHerId` built with this MsgId, if any. */
export async function findOutgoing(
  q: Queryable,
  senderHerId: string,
  msgId: string,
): Promise<OutgoingSummary | undefined> {
  const [r] = await q
    .select(summary)
    .from(ploMessages)
    .where(
      and(eq(ploMessages.direction, 'out'), eq(ploMessages.senderHerId, senderHerId), eq(ploMessages.msgId, msgId)),
    );
  return r ? toSummary(r) : undefined;
}

export type NewOutgoingRow = Omit<
  typeof ploMessages.$inferInsert,
  'id' | 'direction' | 'status' | 'receivedAt' | 'updatedAt' | 'patientPersonId'
>;

/**
 * Inserts an outgoing message as `queued`, once per (our sender, MsgId); the patient is matched to the
 * population register in the same statement.
 * @returns the new row, or undefined when the MsgId was taken (a concurrent send of the same message)
 */
export async function insertOutgoing(
  q: Queryable,
  row: NewOutgoingRow,
): Promise<{ id: string; patientPersonId: string | null } | undefined> {
  const patient = row.patientNin ? sql`(SELECT id FROM persons WHERE nin = ${row.patientNin})` : sql`NULL::uuid`;
  const [r] = await q
    .insert(ploMessages)
    .values({ ...row, direction: 'out', status: 'queued', patientPersonId: patient })
    .onConflictDoNothing({
      target: [ploMessages.direction, ploMessages.senderHerId, ploMessages.msgId],
      where: sql`${ploMessages.msgId} IS NOT NULL AND ${ploMessages.senderHerId} IS NOT NULL`,
    })
    .returning({ id: ploMessages.id, patientPersonId: ploMessages.patientPersonId });
  return r;
}

/** Appends one entry to a message's status history. */
export async function addEvent(
  q: Queryable,
  messageId: string,
  status: OutStatus,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await q.insert(ploMessageEvents).values({ messageId, status, detail });
}

/**
 * Moves an outgoing message to `to` only from one of the statuses in `from`, and records it in the history. The
 * guard keeps a late step from undoing a later one: an AppRec can arrive before the delivery job has recorded the
 * partner's 2xx, and `delivered` must not overwrite `apprec_ok` then.
 * @returns whether the status changed
 */
export async function transition(
  q: Queryable,
  messageId: string,
  from: OutStatus[],
  to: OutStatus,
  detail: Record<string, unknown> = {},
): Promise<boolean> {
  const rows = await q
    .update(ploMessages)
    .set({ status: to, updatedAt: sql`now()` })
    .where(and(eq(ploMessages.id, messageId), eq(ploMessages.direction, 'out'), inArray(ploMessages.status, from)))
    .returning({ id: ploMessages.id });
  if (rows.length === 0) {
    return false;
  }
  await addEvent(q, messageId, to, detail);
  return true;
}

/** An outgoing message as the delivery job needs it. */
export async function findForDelivery(q: Queryable, id: string) {
  const [r] = await q
    .select({
      id: ploMessages.id,
      msgId: ploMessages.msgId,
      msgType: ploMessages.msgType,
      status: ploMessages.status,
      raw: ploMessages.raw,
      receiverPartyId: ploMessages.receiverPartyId,
      receiverHerId: ploMessages.receiverHerId,
      receiverPartyHerId: ploMessages.receiverPartyHerId,
      patientPersonId: ploMessages.patientPersonId,
    })
    .from(ploMessages)
    .where(and(eq(ploMessages.id, id), eq(ploMessages.direction, 'out')));
  return r;
}

/** An outgoing message with its status history, oldest first. */
export async function findWithHistory(q: Queryable, id: string) {
  const [message] = await q
    .select({
      id: ploMessages.id,
      msgId: ploMessages.msgId,
      msgType: ploMessages.msgType,
      status: ploMessages.status,
      senderPartyId: ploMessages.senderPartyId,
      senderHerId: ploMessages.senderHerId,
      senderPartyHerId: ploMessages.senderPartyHerId,
      receiverHerId: ploMessages.receiverHerId,
      receiverPartyHerId: ploMessages.receiverPartyHerId,
      municipalityId: ploMessages.municipalityId,
      patientPersonId: ploMessages.patientPersonId,
      createdAt: ploMessages.receivedAt,
      updatedAt: ploMessages.updatedAt,
    })
    .from(ploMessages)
    .where(and(eq(ploMessages.id, id), eq(ploMessages.direction, 'out')));
  if (!message) {
    return undefined;
  }
  const history = await q
    .select({ status: ploMessageEvents.status, at: ploMessageEvents.at, detail: ploMessageEvents.detail })
    .from(ploMessageEvents)
    .where(eq(ploMessageEvents.messageId, id))
    .orderBy(asc(ploMessageEvents.id));
  return { ...message, history };
}

/** Whether the personnel member holds the message_handler role in the caller's municipality. */
export async function isMessageHandler(q: Queryable, ctx: RequestContext, personnelId: string): Promise<boolean> {
  const [r] = await q
    .select({ id: personnelRoles.id })
    .from(personnelRoles)
    .where(
      and(
        eq(personnelRoles.personnelId, personnelId),
        inMunicipality(personnelRoles.municipalityId, ctx),
        eq(personnelRoles.role, 'message_handler'),
      ),
    )
    .limit(1);
  return r !== undefined;
}

/** The organisation number of the organisation row a login is for (a municipality, or a hospital's own row). */
export async function orgNumberOf(q: Queryable, municipalityId: string): Promise<string | null> {
  const [r] = await q
    .select({ orgNumber: municipalities.orgNumber })
    .from(municipalities)
    .where(eq(municipalities.id, municipalityId));
  return r?.orgNumber ?? null;
}
