import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { auditValues } from '../../../platform/audit/audit.ts';
import type { Queryable } from '../../../platform/db/client.ts';
import { readRaw } from '../receive/raw-parts.ts';
import {
  auditLog,
  municipalities,
  personnel,
  personnelRoles,
  persons,
  ploAppRecs,
  ploInbox,
  ploMessages,
} from '../../../platform/db/schema.ts';

/**
 * Queries of the message console. Access rules live in the service; every function here is given the parties
 * (hosted services) the caller may see and never returns a message outside them.
 */

/** Whether the personnel member is a message handler in the municipality, and its organisation number. */
export async function handlerOrganisation(q: Queryable, personnelId: string, municipalityId: string) {
  const [row] = await q
    .select({
      orgNumber: municipalities.orgNumber,
      isHandler: sql<boolean>`EXISTS (SELECT 1 FROM ${personnelRoles} WHERE ${personnelRoles.personnelId} = ${personnelId}
        AND ${personnelRoles.municipalityId} = ${municipalityId} AND ${personnelRoles.role} = 'message_handler')`,
    })
    .from(municipalities)
    .where(eq(municipalities.id, municipalityId));
  return row;
}

/** Name and HPR number of a personnel member (the author of an answer). */
export async function personnelName(q: Queryable, personnelId: string) {
  const [row] = await q
    .select({ givenName: personnel.givenName, familyName: personnel.familyName, hprNumber: personnel.hprNumber })
    .from(personnel)
    .where(eq(personnel.id, personnelId));
  return row;
}

/** New (unopened) incoming messages per party. */
export async function newCounts(q: Queryable, partyIds: string[]): Promise<Map<string, number>> {
  if (partyIds.length === 0) {
    return new Map();
  }
  const rows = await q
    .select({ partyId: ploInbox.partyId, n: sql<number>`count(*)::int` })
    .from(ploInbox)
    .where(and(inArray(ploInbox.partyId, partyIds), eq(ploInbox.state, 'new')))
    .groupBy(ploInbox.partyId);
  return new Map(rows.map((r) => [r.partyId, r.n]));
}

/**
 * The statuses in which a change (M) or cancellation (C) counts: received and accepted, or ours on its way or
 * delivered. A rejected or failed one changed nothing (HISD 1154 §4).
 */
const SUPERSEDING_STATUSES = sql`('accepted', 'queued', 'sent', 'delivered', 'apprec_ok')`;

/**
 * The latest change or cancellation of the message in the outer query: a later message from the same sender, in
 * the same direction, whose Forsendelsesstatus is M or C and whose RefToParent is this message's MsgId (HISD 1154
 * §4.2, HITS 1218 §3.3). Worked out when read, so nothing on the receiving path changes; the partial index
 * `plo_messages_superseding_idx` makes it one probe per row.
 */
const supersededAs = sql<'M' | 'C' | null>`(SELECT s.forsendelsesstatus FROM plo_messages s
  WHERE s.direction = ${ploMessages.direction} AND s.sender_her_id = ${ploMessages.senderHerId}
    AND s.conversation_parent = ${ploMessages.msgId} AND s.forsendelsesstatus IN ('M', 'C')
    AND s.status IN ${SUPERSEDING_STATUSES}
  ORDER BY s.received_at DESC LIMIT 1)`;

const listColumns = {
  id: ploMessages.id,
  forsendelsesstatus: ploMessages.forsendelsesstatus,
  supersededAs,
  direction: ploMessages.direction,
  msgType: ploMessages.msgType,
  status: ploMessages.status,
  senderHerId: ploMessages.senderHerId,
  senderPartyHerId: ploMessages.senderPartyHerId,
  receiverHerId: ploMessages.receiverHerId,
  receiverPartyHerId: ploMessages.receiverPartyHerId,
  parsed: ploMessages.parsed,
  patientPersonId: ploMessages.patientPersonId,
  patientNin: ploMessages.patientNin,
  givenName: persons.givenName,
  familyName: persons.familyName,
  birthDate: persons.birthDate,
};

export type Cursor = { at: string; id: string };
export type ListFilter = { type?: string | undefined; status?: string | undefined };

/**
 * A service's inbox page, newest first, by keyset (received time, inbox row id): stable while new messages arrive.
 * @param partyId - the receiving party
 * @param limit - rows wanted; one more is read to know whether a next page exists
 */
export async function listInbox(
  q: Queryable,
  partyId: string,
  filter: ListFilter,
  cursor: Cursor | null,
  limit: number,
) {
  const conditions: SQL[] = [eq(ploInbox.partyId, partyId)];
  if (filter.type) {
    conditions.push(eq(ploMessages.msgType, filter.type));
  }
  if (filter.status) {
    conditions.push(sql`${ploInbox.state} = ${filter.status}`);
  }
  if (cursor) {
    conditions.push(sql`(${ploInbox.createdAt}, ${ploInbox.id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`);
  }
  return q
    .select({
      ...listColumns,
      state: ploInbox.state,
      at: ploInbox.createdAt,
      cursorAt: sql<string>`${ploInbox.createdAt}::text`,
      cursorId: ploInbox.id,
    })
    .from(ploInbox)
    .innerJoin(ploMessages, eq(ploMessages.id, ploInbox.messageId))
    .leftJoin(persons, eq(persons.id, ploMessages.patientPersonId))
    .where(and(...conditions))
    .orderBy(desc(ploInbox.createdAt), desc(ploInbox.id))
    .limit(limit + 1);
}

/**
 * A service's outbox page: the messages it sent (MsgHead sender's level 2 is the service), newest first.
 * @param partyHerId - the sending service's HER-id
 */
export async function listOutbox(
  q: Queryable,
  partyHerId: string,
  filter: ListFilter,
  cursor: Cursor | null,
  limit: number,
) {
  const conditions: SQL[] = [eq(ploMessages.direction, 'out'), eq(ploMessages.senderPartyHerId, partyHerId)];
  if (filter.type) {
    conditions.push(eq(ploMessages.msgType, filter.type));
  }
  if (filter.status) {
    conditions.push(sql`${ploMessages.status} = ${filter.status}`);
  }
  if (cursor) {
    conditions.push(
      sql`(${ploMessages.receivedAt}, ${ploMessages.id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`,
    );
  }
  return q
    .select({
      ...listColumns,
      state: sql<null>`NULL`,
      at: ploMessages.receivedAt,
      cursorAt: sql<string>`${ploMessages.receivedAt}::text`,
      cursorId: ploMessages.id,
    })
    .from(ploMessages)
    .leftJoin(persons, eq(persons.id, ploMessages.patientPersonId))
    .where(and(...conditions))
    .orderBy(desc(ploMessages.receivedAt), desc(ploMessages.id))
    .limit(limit + 1);
}

type InboxRow = Awaited<ReturnType<typeof listInbox>>[number];
/** A row of either box: outgoing messages have no inbox state. */
export type ListRow = Omit<InboxRow, 'state'> & { state: InboxRow['state'] | null };

/** One message with its patient, without the raw XML. */
export async function findMessage(q: Queryable, id: string) {
  const [row] = await q
    .select({
      ...listColumns,
      msgId: ploMessages.msgId,
      genDate: ploMessages.genDate,
      conversationParent: ploMessages.conversationParent,
      conversationRoot: ploMessages.conversationRoot,
      receivedAt: ploMessages.receivedAt,
    })
    .from(ploMessages)
    .leftJoin(persons, eq(persons.id, ploMessages.patientPersonId))
    .where(eq(ploMessages.id, id));
  return row;
}

export type MessageRow = NonNullable<Awaited<ReturnType<typeof findMessage>>>;

/**
 * What a change or cancellation did to the message, and what it changes: the latest M/C whose parent it is
 * (null when none), and, for an M/C, the message it refers to (when we have it, from the same sender).
 */
export async function supersession(q: Queryable, row: MessageRow) {
  const by =
    row.msgId && row.senderHerId
      ? (
          await q.execute<{ id: string; forsendelsesstatus: 'M' | 'C'; received_at: Date | string }>(sql`
            SELECT id, forsendelsesstatus, received_at FROM plo_messages
             WHERE direction = ${row.direction} AND sender_her_id = ${row.senderHerId}
               AND conversation_parent = ${row.msgId} AND forsendelsesstatus IN ('M', 'C')
               AND status IN ${SUPERSEDING_STATUSES}
             ORDER BY received_at DESC LIMIT 1`)
        ).rows[0]
      : undefined;
  const original =
    (row.forsendelsesstatus === 'M' || row.forsendelsesstatus === 'C') && row.conversationParent && row.senderHerId
      ? (
          await q.execute<{ id: string }>(sql`
            SELECT id FROM plo_messages
             WHERE direction = ${row.direction} AND sender_her_id = ${row.senderHerId}
               AND msg_id = ${row.conversationParent} AND id <> ${row.id}::uuid
             LIMIT 1`)
        ).rows[0]
      : undefined;
  return {
    by: by ? { id: by.id, as: by.forsendelsesstatus, at: new Date(by.received_at) } : null,
    original: original ? { id: original.id } : null,
  };
}

/** The message's inbox rows among the given parties (which of my services received it, and its state there). */
export async function inboxRows(q: Queryable, messageId: string, partyIds: string[]) {
  if (partyIds.length === 0) {
    return [];
  }
  return q
    .select({ id: ploInbox.id, partyId: ploInbox.partyId, state: ploInbox.state, updatedAt: ploInbox.updatedAt })
    .from(ploInbox)
    .where(and(eq(ploInbox.messageId, messageId), inArray(ploInbox.partyId, partyIds)))
    .orderBy(asc(ploInbox.createdAt));
}

/**
 * Moves an inbox row forward: new → read on opening, anything → handled. Never back, so a second reader does not
 * make a handled message unread.
 */
export async function advanceInboxState(q: Queryable, inboxId: string, state: 'read' | 'handled'): Promise<void> {
  await q
    .update(ploInbox)
    .set({ state, updatedAt: sql`now()` })
    .where(
      and(eq(ploInbox.id, inboxId), state === 'read' ? eq(ploInbox.state, 'new') : sql`${ploInbox.state} <> 'handled'`),
    );
}

export async function appRecsOf(q: Queryable, messageId: string) {
  return q
    .select({
      direction: ploAppRecs.direction,
      status: ploAppRecs.status,
      answeringHerId: ploAppRecs.answeringHerId,
      errors: ploAppRecs.errors,
      createdAt: ploAppRecs.createdAt,
      deliveredAt: ploAppRecs.deliveredAt,
      delivery: ploAppRecs.delivery,
    })
    .from(ploAppRecs)
    .where(eq(ploAppRecs.messageId, messageId))
    .orderBy(asc(ploAppRecs.createdAt));
}

/** The status history of an outgoing message (plo_message_events, migration 0005). */
export async function statusEvents(q: Queryable, messageId: string): Promise<Array<{ status: string; at: Date }>> {
  const r = await q.execute<{ status: string; at: Date | string }>(
    sql`SELECT status, at FROM plo_message_events WHERE message_id = ${messageId}::uuid ORDER BY id`,
  );
  return r.rows.map((e) => ({ status: e.status, at: new Date(e.at) }));
}

/**
 * The other messages of a conversation (same root, or the root itself) that the caller may see: received by one
 * of the parties, or sent by one of the services.
 * @param root - the conversation's first MsgId
 */
export async function conversation(q: Queryable, root: string, partyIds: string[], partyHerIds: string[]) {
  const visible = or(
    partyIds.length > 0
      ? sql`EXISTS (SELECT 1 FROM ${ploInbox} WHERE ${ploInbox.messageId} = ${ploMessages.id} AND ${inArray(ploInbox.partyId, partyIds)})`
      : sql`false`,
    partyHerIds.length > 0
      ? and(eq(ploMessages.direction, 'out'), inArray(ploMessages.senderPartyHerId, partyHerIds))
      : sql`false`,
  );
  return q
    .select({
      id: ploMessages.id,
      direction: ploMessages.direction,
      msgType: ploMessages.msgType,
      status: ploMessages.status,
      at: ploMessages.receivedAt,
      patientPersonId: ploMessages.patientPersonId,
    })
    .from(ploMessages)
    .where(and(or(eq(ploMessages.conversationRoot, root), eq(ploMessages.msgId, root)), visible))
    .orderBy(asc(ploMessages.receivedAt))
    .limit(100);
}

/** A message's raw bytes, whole (a large received message is stored in parts). */
export const rawOf = readRaw;

export type HostedParty = {
  id: string;
  herId: string;
  name: string;
  organisationName: string | null;
  organisationHerId: string | null;
  organisationNumber: string | null;
};

/**
 * The hosted services (and persons) of an organisation: those of the municipality, or those whose organisation
 * has the given organisation number (a hospital's services have no municipality). Two levels, as the demo and
 * tjenestebasert adressering have them (HIS 1153-2 §4.3).
 * @param municipalityId - the caller's municipality
 * @param orgNumber - the organisation number the caller logged in for
 */
export async function hostedParties(q: Queryable, municipalityId: string, orgNumber: string): Promise<HostedParty[]> {
  const r = await q.execute<{
    id: string;
    her_id: string;
    name: string;
    org_name: string | null;
    org_her_id: string | null;
    org_number: string | null;
  }>(sql`
    SELECT p.id, p.her_id, p.name, o.name AS org_name, o.her_id AS org_her_id, o.org_number
      FROM plo_parties p LEFT JOIN plo_parties o ON o.id = p.parent_id
     WHERE p.hosted AND p.kind <> 'organisation'
       AND (p.municipality_id = ${municipalityId}::uuid OR o.org_number = ${orgNumber})
     ORDER BY p.name, p.her_id`);
  return r.rows.map((p) => ({
    id: p.id,
    herId: p.her_id,
    name: p.name,
    organisationName: p.org_name,
    organisationHerId: p.org_her_id,
    organisationNumber: p.org_number,
  }));
}

/**
 * Several audit entries in one INSERT, with the values `auditValues` gives (the same columns `recordAudit` writes).
 * @param entries - one per message read
 */
export async function insertAuditEntries(q: Queryable, entries: Array<ReturnType<typeof auditValues>>): Promise<void> {
  if (entries.length > 0) {
    await q.insert(auditLog).values(entries.map((e) => ({ ...e, occurredAt: sql`clock_timestamp()` })));
  }
}
