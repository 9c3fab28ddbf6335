import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.ts';

/**
 * The SQL of the rejected-message queue (issue 14, D6). Every read is given the caller's organisations (HER-ids)
 * and services (party ids) and returns only messages addressed to them.
 */

export type RejectedRow = {
  id: string;
  msg_type: string | null;
  status: 'rejected' | 'refused';
  received_at: Date | string;
  sender_her_id: string | null;
  sender_party_her_id: string | null;
  receiver_her_id: string | null;
  receiver_party_her_id: string | null;
  receiver_party_id: string | null;
  municipality_id: string | null;
  parsed: Record<string, unknown> | null;
  problems: Array<Record<string, unknown>> | string;
  patient_person_id: string | null;
  patient_nin: string | null;
  given_name: string | null;
  family_name: string | null;
  birth_date: string | null;
  outcome: 'closed' | 'forwarded' | null;
  note: string | null;
  decided_at: Date | string | null;
  decided_by_name: string | null;
  forwarded_her_id: string | null;
  forwarded_name: string | null;
};

export type Scope = { organisationHerIds: string[]; partyIds: string[] };

const SELECT = sql`
  SELECT m.id, m.msg_type, m.status, m.received_at, m.sender_her_id, m.sender_party_her_id, m.receiver_her_id,
         m.receiver_party_her_id, m.receiver_party_id, m.municipality_id, m.parsed, m.problems, m.patient_person_id,
         m.patient_nin, p.given_name, p.family_name, p.birth_date::text AS birth_date,
         t.outcome, t.note, t.decided_at, concat_ws(' ', by_p.given_name, by_p.family_name) AS decided_by_name,
         f.her_id AS forwarded_her_id, f.name AS forwarded_name
    FROM plo_messages m
    LEFT JOIN persons p ON p.id = m.patient_person_id
    LEFT JOIN plo_rejected_triage t ON t.message_id = m.id
    LEFT JOIN personnel by_p ON by_p.id = t.decided_by
    LEFT JOIN plo_parties f ON f.id = t.forwarded_party_id`;

const REJECTED = sql`m.direction = 'in' AND m.status IN ('rejected', 'refused')`;

/** Addressed to one of the organisations, or to one of the services (a service's message names its organisation). */
function inScope(scope: Scope) {
  const orgs = scope.organisationHerIds.length > 0 ? scope.organisationHerIds : [''];
  const parties = scope.partyIds.length > 0 ? scope.partyIds : ['00000000-0000-0000-0000-000000000000'];
  return sql`(m.receiver_her_id IN (${sql.join(
    orgs.map((o) => sql`${o}`),
    sql`, `,
  )}) OR m.receiver_party_id IN (${sql.join(
    parties.map((p) => sql`${p}::uuid`),
    sql`, `,
  )}))`;
}

/**
 * One page of the queue, newest first: `open` those no one has decided on yet, `done` the decided ones.
 * @returns the page, the total of the state, and how many are open
 */
export async function listRejected(
  q: Queryable,
  scope: Scope,
  state: 'open' | 'done',
  page: number,
  pageSize: number,
): Promise<{ rows: RejectedRow[]; total: number; open: number }> {
  const decided = state === 'done' ? sql`t.message_id IS NOT NULL` : sql`t.message_id IS NULL`;
  const r = await q.execute<RejectedRow>(sql`${SELECT}
     WHERE ${REJECTED} AND ${inScope(scope)} AND ${decided}
     ORDER BY m.received_at DESC, m.id DESC
     LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
  const [counts] = (
    await q.execute<{ total: number; open: number }>(sql`
      SELECT count(*) FILTER (WHERE ${decided})::int AS total, count(*) FILTER (WHERE t.message_id IS NULL)::int AS open
        FROM plo_messages m LEFT JOIN plo_rejected_triage t ON t.message_id = m.id
       WHERE ${REJECTED} AND ${inScope(scope)}`)
  ).rows;
  return { rows: r.rows, total: counts?.total ?? 0, open: counts?.open ?? 0 };
}

/** A rejected message by id, whoever it was addressed to (the service decides whether the caller may see it). */
export async function findRejected(q: Queryable, id: string): Promise<RejectedRow | undefined> {
  return (await q.execute<RejectedRow>(sql`${SELECT} WHERE ${REJECTED} AND m.id = ${id}::uuid`)).rows[0];
}

/** Whether the message is addressed to the scope. */
export function isInScope(row: RejectedRow, scope: Scope): boolean {
  return (
    (row.receiver_her_id !== null && scope.organisationHerIds.includes(row.receiver_her_id)) ||
    (row.receiver_party_id !== null && scope.partyIds.includes(row.receiver_party_id))
  );
}

/**
 * Records the decision once: false when another handler decided first. A forward also puts the message in the
 * chosen service's inbox, as new, so its handlers read it there like any other.
 */
export async function decide(
  q: Queryable,
  d: {
    messageId: string;
    outcome: 'closed' | 'forwarded';
    note: string;
    personnelId: string;
    forwardTo: { partyId: string; municipalityId: string | null } | null;
  },
): Promise<boolean> {
  const r = await q.execute<{ message_id: string }>(sql`
    INSERT INTO plo_rejected_triage (message_id, outcome, note, forwarded_party_id, decided_by, decided_at)
    VALUES (${d.messageId}::uuid, ${d.outcome}, ${d.note}, ${d.forwardTo?.partyId ?? null}::uuid,
            ${d.personnelId}::uuid, now())
    ON CONFLICT (message_id) DO NOTHING
    RETURNING message_id`);
  if (r.rows.length === 0) {
    return false;
  }
  if (d.forwardTo) {
    await q.execute(sql`
      INSERT INTO plo_inbox (message_id, party_id, municipality_id, role)
      VALUES (${d.messageId}::uuid, ${d.forwardTo.partyId}::uuid, ${d.forwardTo.municipalityId}::uuid, 'PRIM')
      ON CONFLICT (message_id, party_id) DO NOTHING`);
  }
  return true;
}
