import { and, desc, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import type { Queryable } from '../../../platform/db/client.ts';
import type { auditValues } from '../../../platform/audit/audit.ts';
import { persons, ploAppRecs, ploInbox, ploMessages } from '../../../platform/db/schema.ts';
import { withRawParts } from './raw-parts.ts';

export type NewMessageRow = Omit<
  typeof ploMessages.$inferInsert,
  'id' | 'receivedAt' | 'updatedAt' | 'patientPersonId'
>;
export type NewAppRecRow = typeof ploAppRecs.$inferInsert;

/**
 * Stores a received message once per (sender, MsgId): a repeat inserts nothing and returns undefined. The patient
 * is matched to the population register in the same statement (no extra round trip). Raw bytes over
 * RAW_PART_BYTES are stored in parts (raw-parts.ts), in a transaction of their own (a savepoint inside the caller's).
 * @returns the new row's id and the matched person, or undefined for a duplicate
 */
export async function insertMessage(
  q: Queryable,
  row: NewMessageRow,
): Promise<{ id: string; patientPersonId: string | null } | undefined> {
  const patient = row.patientNin
    ? sql`(SELECT ${persons.id} FROM ${persons} WHERE ${persons.nin} = ${row.patientNin})`
    : sql`NULL`;
  return withRawParts(q, row.raw, async (q, raw) => {
    const [r] = await q
      .insert(ploMessages)
      .values({ ...row, raw, patientPersonId: patient })
      .onConflictDoNothing({
        target: [ploMessages.direction, ploMessages.senderHerId, ploMessages.msgId],
        where: sql`${ploMessages.msgId} IS NOT NULL AND ${ploMessages.senderHerId} IS NOT NULL`,
      })
      .returning({ id: ploMessages.id, patientPersonId: ploMessages.patientPersonId });
    return r;
  });
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

/** How many AppRecs we have received for a message we sent. */
export async function receivedAppRecCount(q: Queryable, messageId: string): Promise<number> {
  const r = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(ploAppRecs)
    .where(and(eq(ploAppRecs.direction, 'in'), eq(ploAppRecs.messageId, messageId)));
  return Number(r[0]?.n ?? 0);
}

/** An outgoing message by its MsgId (what an AppRec's OriginalMsgId/Id refers to). */
export async function findSent(q: Queryable, msgId: string) {
  const [r] = await q
    .select({
      id: ploMessages.id,
      status: ploMessages.status,
      patientPersonId: ploMessages.patientPersonId,
      receiverHerId: ploMessages.receiverHerId,
    })
    .from(ploMessages)
    .where(and(eq(ploMessages.direction, 'out'), eq(ploMessages.msgId, msgId)))
    .limit(1);
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

export type StoreReceivedInput = {
  message: Omit<NewMessageRow, 'direction'> & { id: string };
  appRecs: Array<{
    id: string;
    appRecId: string;
    answeringHerId: string;
    partyId: string | null;
    role: 'PRIM' | 'COP';
    status: '1' | '2';
    errors: Array<{ code: string; text: string; detail?: string }>;
    originalMsgId: string;
    xml: Buffer;
    municipalityId: string | null;
  }>;
  inbox: Array<{ partyId: string; municipalityId: string | null; role: 'PRIM' | 'COP' }>;
  /** The audit entry's values (`auditValues`); its subject is the patient matched in this statement. */
  audit: ReturnType<typeof auditValues>;
  jobKind: string;
};

const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;

/**
 * Stores a received message with everything that follows from it in ONE statement: the message (once per
 * sender and MsgId), its AppRecs, the inbox rows, the outbox jobs that deliver the AppRecs, and the audit entry.
 * Data-modifying CTEs run exactly once and atomically, so this is the transaction of `enqueue` and `recordAudit`
 * without their round trips: measured on PostgreSQL, seven round trips (BEGIN, five INSERTs, COMMIT) cost a
 * quarter of the server's CPU in socket writes alone. When the MsgId was seen before, nothing is written. A message
 * over RAW_PART_BYTES is this statement with its first part, then its other parts, in one transaction.
 * @returns the message's id and matched person, or undefined for a duplicate
 */
export async function storeReceived(
  q: Queryable,
  input: StoreReceivedInput,
): Promise<{ id: string; patientPersonId: string | null } | undefined> {
  return withRawParts(q, input.message.raw, (q, raw) =>
    storeReceivedStatement(q, { ...input, message: { ...input.message, raw } }),
  );
}

async function storeReceivedStatement(
  q: Queryable,
  input: StoreReceivedInput,
): Promise<{ id: string; patientPersonId: string | null } | undefined> {
  const pool = (q as { $client?: unknown }).$client;
  if (pool instanceof pg.Pool && input.appRecs.length === 1 && input.inbox.length <= 1) {
    return storeReceivedPrepared(pool, input);
  }
  const m = input.message;
  const patient = m.patientNin ? sql`(SELECT id FROM persons WHERE nin = ${m.patientNin})` : sql`NULL::uuid`;
  const appRecs = sql.join(
    input.appRecs.map(
      (a) =>
        sql`(${a.id}::uuid, ${a.appRecId}, ${a.answeringHerId}, ${a.partyId}::uuid, ${a.role}, ${a.status}, ${json(a.errors)}, ${a.originalMsgId}, ${a.xml}::bytea, ${a.municipalityId}::uuid)`,
    ),
    sql`, `,
  );
  const inbox =
    input.inbox.length === 0
      ? sql``
      : sql`, i AS (
      INSERT INTO plo_inbox (message_id, party_id, municipality_id, role)
      SELECT m.id, v.party_id, v.municipality_id, v.role
        FROM m, (VALUES ${sql.join(
          input.inbox.map((b) => sql`(${b.partyId}::uuid, ${b.municipalityId}::uuid, ${b.role})`),
          sql`, `,
        )}) AS v (party_id, municipality_id, role)
      RETURNING 1)`;
  const au = input.audit;
  const result = await q.execute<{ id: string; patient_person_id: string | null }>(sql`
    WITH m AS (
      INSERT INTO plo_messages (
        id, direction, status, msg_id, msg_type, content_standard, content_version, forsendelsesstatus, gen_date,
        conversation_parent, conversation_root, sender_her_id, sender_party_her_id, receiver_her_id,
        receiver_party_her_id, sender_party_id, receiver_party_id, municipality_id, patient_nin, patient_id_type,
        patient_person_id, raw, raw_sha256, parsed, problems)
      VALUES (
        ${m.id}::uuid, 'in', ${m.status}, ${m.msgId}, ${m.msgType}, ${m.contentStandard}, ${m.contentVersion},
        ${m.forsendelsesstatus}, ${m.genDate}, ${m.conversationParent}, ${m.conversationRoot}, ${m.senderHerId},
        ${m.senderPartyHerId}, ${m.receiverHerId}, ${m.receiverPartyHerId}, ${m.senderPartyId}::uuid,
        ${m.receiverPartyId}::uuid, ${m.municipalityId}::uuid, ${m.patientNin}, ${m.patientIdType}, ${patient},
        ${m.raw}::bytea, ${m.rawSha256}, ${json(m.parsed)}, ${json(m.problems ?? [])})
      ON CONFLICT (direction, sender_her_id, msg_id) WHERE msg_id IS NOT NULL AND sender_her_id IS NOT NULL
      DO NOTHING
      RETURNING id, patient_person_id
    ), a AS (
      INSERT INTO plo_apprecs (id, direction, apprec_id, message_id, answering_her_id, party_id, role, status, errors,
                               original_msg_id, xml, delivery)
      SELECT v.id, 'out', v.apprec_id, m.id, v.answering_her_id, v.party_id, v.role, v.status, v.errors,
             v.original_msg_id, v.xml, 'queued'
        FROM m, (VALUES ${appRecs}) AS v (id, apprec_id, answering_her_id, party_id, role, status, errors,
                                          original_msg_id, xml, municipality_id)
      RETURNING 1
    ), j AS (
      INSERT INTO jobs (kind, payload, municipality_id)
      SELECT ${input.jobKind}, jsonb_build_object('appRecRowId', v.id), v.municipality_id
        FROM m, (VALUES ${sql.join(
          input.appRecs.map((a) => sql`(${a.id}::uuid, ${a.municipalityId}::uuid)`),
          sql`, `,
        )}) AS v (id, municipality_id)
      RETURNING 1
    )${inbox}, au AS (
      INSERT INTO audit_log (occurred_at, request_id, actor_kind, actor_id, acting_for_person_id, subject_person_id,
                             municipality_id, action, resource_type, resource_id, purpose, emergency, outcome, details)
      SELECT clock_timestamp(), ${au.requestId}, ${au.actorKind}, ${au.actorId}, ${au.actingForPersonId}::uuid,
             m.patient_person_id, ${au.municipalityId}::uuid, ${au.action}, ${au.resourceType}, m.id::text,
             ${au.purpose}, ${au.emergency}, ${au.outcome}, ${json(au.details)}
        FROM m
      RETURNING 1
    )
    SELECT id, patient_person_id FROM m`);
  const row = result.rows[0];
  return row ? { id: row.id, patientPersonId: row.patient_person_id } : undefined;
}

/**
 * The statement of `storeReceived` for the common shape (one receiving party: one AppRec, at most one inbox row),
 * as two named prepared statements on PostgreSQL: the server parses and plans the five-insert CTE once per
 * connection instead of once per message, and drizzle builds no SQL. The text is the same statement as above.
 */
const STORE_ONE_SQL = (withInbox: boolean) => `
    WITH m AS (
      INSERT INTO plo_messages (
        id, direction, status, msg_id, msg_type, content_standard, content_version, forsendelsesstatus, gen_date,
        conversation_parent, conversation_root, sender_her_id, sender_party_her_id, receiver_her_id,
        receiver_party_her_id, sender_party_id, receiver_party_id, municipality_id, patient_nin, patient_id_type,
        patient_person_id, raw, raw_sha256, parsed, problems)
      VALUES (
        $1::uuid, 'in', $2::text, $3::text, $4::text, $5::text, $6::text, $7::text, $8::text, $9::text, $10::text,
        $11::text, $12::text, $13::text, $14::text, $15::uuid, $16::uuid, $17::uuid, $18::text, $19::text,
        (SELECT id FROM persons WHERE nin = $18::text), $20::bytea, $21::text, $22::jsonb, $23::jsonb)
      ON CONFLICT (direction, sender_her_id, msg_id) WHERE msg_id IS NOT NULL AND sender_her_id IS NOT NULL
      DO NOTHING
      RETURNING id, patient_person_id
    ), a AS (
      INSERT INTO plo_apprecs (id, direction, apprec_id, message_id, answering_her_id, party_id, role, status, errors,
                               original_msg_id, xml, delivery)
      SELECT $24::uuid, 'out', $25::text, m.id, $26::text, $27::uuid, $28::text, $29::text, $30::jsonb, $31::text,
             $32::bytea, 'queued'
        FROM m
      RETURNING 1
    ), j AS (
      INSERT INTO jobs (kind, payload, municipality_id)
      SELECT $34::text, jsonb_build_object('appRecRowId', $24::uuid), $33::uuid FROM m
      RETURNING 1
    )${
      withInbox
        ? `, i AS (
      INSERT INTO plo_inbox (message_id, party_id, municipality_id, role)
      SELECT m.id, $46::uuid, $47::uuid, $48::text FROM m
      RETURNING 1)`
        : ''
    }, au AS (
      INSERT INTO audit_log (occurred_at, request_id, actor_kind, actor_id, acting_for_person_id, subject_person_id,
                             municipality_id, action, resource_type, resource_id, purpose, emergency, outcome, details)
      SELECT clock_timestamp(), $35::text, $36::text, $37::text, $38::uuid, m.patient_person_id, $39::uuid, $40::text,
             $41::text, m.id::text, $42::text, $43::boolean, $44::text, $45::jsonb
        FROM m
      RETURNING 1
    )
    SELECT id, patient_person_id FROM m`;
const STORE_ONE = { withInbox: STORE_ONE_SQL(true), withoutInbox: STORE_ONE_SQL(false) };

async function storeReceivedPrepared(
  pool: pg.Pool,
  input: StoreReceivedInput,
): Promise<{ id: string; patientPersonId: string | null } | undefined> {
  const m = input.message;
  const a = input.appRecs[0]!;
  const b = input.inbox[0];
  const au = input.audit;
  const values: unknown[] = [
    m.id,
    m.status,
    m.msgId,
    m.msgType,
    m.contentStandard,
    m.contentVersion,
    m.forsendelsesstatus,
    m.genDate,
    m.conversationParent,
    m.conversationRoot,
    m.senderHerId,
    m.senderPartyHerId,
    m.receiverHerId,
    m.receiverPartyHerId,
    m.senderPartyId,
    m.receiverPartyId,
    m.municipalityId,
    m.patientNin,
    m.patientIdType,
    m.raw,
    m.rawSha256,
    JSON.stringify(m.parsed),
    JSON.stringify(m.problems ?? []),
    a.id,
    a.appRecId,
    a.answeringHerId,
    a.partyId,
    a.role,
    a.status,
    JSON.stringify(a.errors),
    a.originalMsgId,
    a.xml,
    a.municipalityId,
    input.jobKind,
    au.requestId,
    au.actorKind,
    au.actorId,
    au.actingForPersonId,
    au.municipalityId,
    au.action,
    au.resourceType,
    au.purpose,
    au.emergency,
    au.outcome,
    JSON.stringify(au.details),
  ];
  if (b) {
    values.push(b.partyId, b.municipalityId, b.role);
  }
  const result = await pool.query<{ id: string; patient_person_id: string | null }>({
    name: b ? 'plo_store_received_1_1' : 'plo_store_received_1_0',
    text: b ? STORE_ONE.withInbox : STORE_ONE.withoutInbox,
    values,
  });
  const row = result.rows[0];
  return row ? { id: row.id, patientPersonId: row.patient_person_id } : undefined;
}
