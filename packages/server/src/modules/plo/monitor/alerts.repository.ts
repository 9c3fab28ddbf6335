import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../../platform/db/client.ts';
import { personnel, ploAlerts, ploMessages, ploParties } from '../../../platform/db/schema.ts';

/**
 * The SQL of PLO monitoring: what the sweep looks for (messages we sent without an AppRec, negative AppRecs
 * received, deliveries failed for good), the alerts it inserts once each, and the console's reads and changes.
 * Every console function is given the parties (our hosted services) the caller may see and never returns an alert
 * outside them.
 */

export type AlertKind = (typeof ploAlerts.$inferSelect)['kind'];
export type EmailState = 'queued' | 'sent' | 'no_address';
export type NewAlert = {
  dedupKey: string;
  kind: AlertKind;
  severity: 'warning' | 'critical';
  partyId: string;
  partnerPartyId: string | null;
  municipalityId: string | null;
  messageId: string | null;
  appRecId?: string | null;
  detail: Record<string, unknown>;
  raisedAt: Date;
  emailOurs: EmailState | null;
  emailPartner: EmailState | null;
};

/** The hours of the standard after which a message without AppRec counts as rejected (HIS 80415-1.1 §3.3.6). */
export const APPREC_TIMEOUT_HOURS = 96;

/** A message we sent that has waited for its AppRec past a threshold not alerted yet. */
export type OverdueMessage = {
  id: string;
  senderPartyId: string;
  receiverPartyId: string | null;
  municipalityId: string | null;
  /** The highest threshold (hours) its age has crossed; 96 when it counts as rejected. */
  crossed: number;
};

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/**
 * Messages we sent (sent or delivered, no AppRec yet) whose age crossed a threshold that has no alert yet, the
 * highest crossed only: a sweep that comes late raises the 24 h alert, not the 2 h one before it as well. Age is
 * counted from when the message was stored and stamped (its GenDate) to `now`, the platform's clock.
 * @param thresholds - the warning hours, ascending, each below 96
 * @param limit - at most this many; the rest are found by the next sweep
 */
export async function overdueMessages(
  q: Queryable,
  now: Date,
  thresholds: readonly number[],
  limit: number,
): Promise<OverdueMessage[]> {
  const all = [...thresholds, APPREC_TIMEOUT_HOURS].sort((a, b) => b - a);
  const age = (h: number) => sql`m.received_at <= ${ts(now)} - ${h}::double precision * interval '1 hour'`;
  const crossed = sql.join(
    [sql`CASE`, ...all.map((h) => sql`WHEN ${age(h)} THEN ${h}::double precision`), sql`END`],
    sql` `,
  );
  const r = await q.execute<{
    id: string;
    sender_party_id: string;
    receiver_party_id: string | null;
    municipality_id: string | null;
    crossed: number | string;
  }>(sql`
    SELECT id, sender_party_id, receiver_party_id, municipality_id, crossed FROM (
      SELECT m.id, m.sender_party_id, m.receiver_party_id, m.municipality_id, m.received_at, ${crossed} AS crossed
        FROM plo_messages m
       WHERE m.direction = 'out' AND m.status IN ('sent', 'delivered') AND m.sender_party_id IS NOT NULL
         AND ${age(Math.min(...all))}
    ) c
     WHERE NOT EXISTS (
       SELECT 1 FROM plo_alerts a
        WHERE a.message_id = c.id AND a.kind IN ('apprec_missing', 'apprec_timeout')
          AND (a.detail->>'hours')::double precision >= c.crossed)
     ORDER BY received_at
     LIMIT ${limit}`);
  return r.rows.map((m) => ({
    id: m.id,
    senderPartyId: m.sender_party_id,
    receiverPartyId: m.receiver_party_id,
    municipalityId: m.municipality_id,
    crossed: Number(m.crossed),
  }));
}

/** The latest message one partner sent one of our services, within the lookback. */
export type PartnerTraffic = {
  /** Our hosted service it was addressed to. */
  ourPartyId: string;
  /** The partner organisation whose credential posted it. */
  partnerPartyId: string;
  municipalityId: string | null;
  lastAt: Date;
};

/**
 * For each pair of our service and a partner that has sent it a message since `since`, the latest such message.
 * The pairs are found by skipping through `plo_messages_in_traffic_idx` (a recursive CTE: one index probe per
 * pair), and each pair's latest message is one more probe, so a sweep does not read the month's traffic.
 * @param since - pairs whose latest message is older are left out (a partner that stopped long ago is not "silent")
 */
export async function partnerTraffic(q: Queryable, since: Date): Promise<PartnerTraffic[]> {
  const r = await q.execute<{ r: string; s: string; municipality_id: string | null; received_at: Date | string }>(sql`
    WITH RECURSIVE pairs AS (
      (SELECT receiver_party_id AS r, sender_party_id AS s FROM plo_messages
        WHERE direction = 'in' AND receiver_party_id IS NOT NULL AND sender_party_id IS NOT NULL
        ORDER BY receiver_party_id, sender_party_id LIMIT 1)
      UNION ALL
      SELECT n.r, n.s FROM pairs p CROSS JOIN LATERAL (
        SELECT receiver_party_id AS r, sender_party_id AS s FROM plo_messages
         WHERE direction = 'in' AND receiver_party_id IS NOT NULL AND sender_party_id IS NOT NULL
           AND (receiver_party_id, sender_party_id) > (p.r, p.s)
         ORDER BY receiver_party_id, sender_party_id LIMIT 1) n
    )
    SELECT p.r, p.s, last.municipality_id, last.received_at FROM pairs p CROSS JOIN LATERAL (
      SELECT municipality_id, received_at FROM plo_messages
       WHERE direction = 'in' AND receiver_party_id = p.r AND sender_party_id = p.s
       ORDER BY received_at DESC LIMIT 1) last
     WHERE last.received_at > ${ts(since)}`);
  return r.rows.map((x) => ({
    ourPartyId: x.r,
    partnerPartyId: x.s,
    municipalityId: x.municipality_id,
    lastAt: new Date(x.received_at),
  }));
}

/** A negative AppRec received lately for a message we sent, with no alert yet. */
export type NegativeAppRec = {
  appRecRowId: string;
  messageId: string;
  senderPartyId: string;
  receiverPartyId: string | null;
  municipalityId: string | null;
  codes: string[];
};

/**
 * Negative AppRecs (status 2) received in the last week for messages we sent, not alerted yet. The week bounds
 * the scan (partial index `plo_apprecs_received_negative_idx`); the sweep runs every minute.
 */
export async function negativeAppRecs(q: Queryable, limit: number): Promise<NegativeAppRec[]> {
  const r = await q.execute<{
    id: string;
    message_id: string;
    sender_party_id: string;
    receiver_party_id: string | null;
    municipality_id: string | null;
    errors: Array<{ code?: unknown }> | string;
  }>(sql`
    SELECT a.id, a.message_id, m.sender_party_id, m.receiver_party_id, m.municipality_id, a.errors
      FROM plo_apprecs a JOIN plo_messages m ON m.id = a.message_id
     WHERE a.direction = 'in' AND a.status = '2' AND a.created_at > now() - interval '7 days'
       AND m.direction = 'out' AND m.sender_party_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM plo_alerts x WHERE x.dedup_key = 'apprec_negative:' || a.id::text)
     ORDER BY a.created_at
     LIMIT ${limit}`);
  return r.rows.map((a) => {
    const errors = (typeof a.errors === 'string' ? JSON.parse(a.errors) : a.errors) as Array<{ code?: unknown }>;
    return {
      appRecRowId: a.id,
      messageId: a.message_id,
      senderPartyId: a.sender_party_id,
      receiverPartyId: a.receiver_party_id,
      municipalityId: a.municipality_id,
      codes: errors.map((e) => (typeof e.code === 'string' ? e.code : '')).filter((c) => /^[A-Z][0-9]{2}$/.test(c)),
    };
  });
}

/** A message whose delivery failed for good (its latest `failed` history entry), not alerted yet. */
export type FailedDelivery = {
  eventId: string;
  messageId: string;
  senderPartyId: string;
  receiverPartyId: string | null;
  municipalityId: string | null;
  /** True when the retries ran out; false when the partner refused the message (a 4xx). */
  retriesExhausted: boolean;
  httpStatus: number | null;
};

/** Messages now `failed`, changed in the last week, whose latest failure has no alert yet. */
export async function failedDeliveries(q: Queryable, limit: number): Promise<FailedDelivery[]> {
  const r = await q.execute<{
    event_id: string | number;
    id: string;
    sender_party_id: string;
    receiver_party_id: string | null;
    municipality_id: string | null;
    detail: Record<string, unknown> | string;
  }>(sql`
    SELECT e.id AS event_id, m.id, m.sender_party_id, m.receiver_party_id, m.municipality_id, e.detail
      FROM plo_messages m
      JOIN LATERAL (SELECT id, detail FROM plo_message_events
                     WHERE message_id = m.id AND status = 'failed' ORDER BY id DESC LIMIT 1) e ON true
     WHERE m.direction = 'out' AND m.status = 'failed' AND m.sender_party_id IS NOT NULL
       AND m.updated_at > now() - interval '7 days'
       AND NOT EXISTS (SELECT 1 FROM plo_alerts x WHERE x.dedup_key = 'delivery_failed:' || e.id::text)
     ORDER BY m.updated_at
     LIMIT ${limit}`);
  return r.rows.map((m) => {
    const detail = (typeof m.detail === 'string' ? JSON.parse(m.detail) : m.detail) as Record<string, unknown>;
    return {
      eventId: String(m.event_id),
      messageId: m.id,
      senderPartyId: m.sender_party_id,
      receiverPartyId: m.receiver_party_id,
      municipalityId: m.municipality_id,
      retriesExhausted: detail.final === true,
      httpStatus: typeof detail.httpStatus === 'number' ? detail.httpStatus : null,
    };
  });
}

/**
 * Inserts an alert once per dedup key.
 * @returns its id, or undefined when an alert with that key exists (raised by an earlier or a concurrent sweep)
 */
export async function insertAlert(q: Queryable, alert: NewAlert): Promise<string | undefined> {
  const [row] = await q
    .insert(ploAlerts)
    .values({ ...alert, appRecId: alert.appRecId ?? null })
    .onConflictDoNothing({ target: ploAlerts.dedupKey })
    .returning({ id: ploAlerts.id });
  return row?.id;
}

// The console's side.

const service = alias(ploParties, 'service');
const serviceOrg = alias(ploParties, 'service_org');
const partner = alias(ploParties, 'partner');
const ackBy = alias(personnel, 'ack_by');
const closeBy = alias(personnel, 'close_by');

const alertColumns = {
  id: ploAlerts.id,
  kind: ploAlerts.kind,
  severity: ploAlerts.severity,
  state: ploAlerts.state,
  partyId: ploAlerts.partyId,
  detail: ploAlerts.detail,
  raisedAt: ploAlerts.raisedAt,
  serviceHerId: service.herId,
  serviceName: service.name,
  organisationName: serviceOrg.name,
  partnerHerId: partner.herId,
  partnerName: partner.name,
  messageId: ploAlerts.messageId,
  msgId: ploMessages.msgId,
  msgType: ploMessages.msgType,
  messageStatus: ploMessages.status,
  messageAt: ploMessages.receivedAt,
  patientPersonId: ploMessages.patientPersonId,
  acknowledgedAt: ploAlerts.acknowledgedAt,
  acknowledgedBy: sql<string | null>`${ackBy.givenName} || ' ' || ${ackBy.familyName}`,
  closedAt: ploAlerts.closedAt,
  closedBy: sql<string | null>`${closeBy.givenName} || ' ' || ${closeBy.familyName}`,
  closeNote: ploAlerts.closeNote,
  emailOurs: ploAlerts.emailOurs,
  emailOursAt: ploAlerts.emailOursAt,
  emailPartner: ploAlerts.emailPartner,
  emailPartnerAt: ploAlerts.emailPartnerAt,
};

function selectAlerts(q: Queryable) {
  return q
    .select(alertColumns)
    .from(ploAlerts)
    .innerJoin(service, eq(service.id, ploAlerts.partyId))
    .leftJoin(serviceOrg, eq(serviceOrg.id, service.parentId))
    .leftJoin(partner, eq(partner.id, ploAlerts.partnerPartyId))
    .leftJoin(ploMessages, eq(ploMessages.id, ploAlerts.messageId))
    .leftJoin(ackBy, eq(ackBy.id, ploAlerts.acknowledgedBy))
    .leftJoin(closeBy, eq(closeBy.id, ploAlerts.closedBy));
}

export type AlertRow = Awaited<ReturnType<ReturnType<typeof selectAlerts>['execute']>>[number];

const stateFilter = (state: 'active' | 'closed'): SQL =>
  state === 'closed' ? eq(ploAlerts.state, 'closed') : inArray(ploAlerts.state, ['open', 'acknowledged']);

/**
 * One page of the alerts of the given parties: the most serious first, then the newest.
 * @param partyIds - the services the caller may see (already narrowed to one when a service was chosen)
 */
export async function listAlerts(
  q: Queryable,
  partyIds: string[],
  state: 'active' | 'closed',
  page: number,
  pageSize: number,
): Promise<{ rows: AlertRow[]; total: number }> {
  if (partyIds.length === 0) {
    return { rows: [], total: 0 };
  }
  const where = and(inArray(ploAlerts.partyId, partyIds), stateFilter(state));
  const [{ total } = { total: 0 }] = await q.select({ total: count() }).from(ploAlerts).where(where);
  const rows = await selectAlerts(q)
    .where(where)
    .orderBy(
      sql`CASE ${ploAlerts.severity} WHEN 'critical' THEN 0 ELSE 1 END`,
      desc(ploAlerts.raisedAt),
      desc(ploAlerts.id),
    )
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { rows, total: Number(total) };
}

/** Open and acknowledged (not closed) alerts of the parties. */
export async function activeCounts(q: Queryable, partyIds: string[]): Promise<{ open: number; acknowledged: number }> {
  if (partyIds.length === 0) {
    return { open: 0, acknowledged: 0 };
  }
  const rows = await q
    .select({ state: ploAlerts.state, n: count() })
    .from(ploAlerts)
    .where(and(inArray(ploAlerts.partyId, partyIds), stateFilter('active')))
    .groupBy(ploAlerts.state);
  const of = (s: string) => Number(rows.find((r) => r.state === s)?.n ?? 0);
  return { open: of('open'), acknowledged: of('acknowledged') };
}

/** One alert with what the console shows, whoever's it is (the service checks the party). */
export async function findAlert(q: Queryable, id: string): Promise<AlertRow | undefined> {
  const [row] = await selectAlerts(q).where(eq(ploAlerts.id, id));
  return row;
}

/**
 * Acknowledges an open alert.
 * @returns whether it changed (false when it was acknowledged or closed already)
 */
export async function acknowledge(q: Queryable, id: string, personnelId: string, at: Date): Promise<boolean> {
  const rows = await q
    .update(ploAlerts)
    .set({ state: 'acknowledged', acknowledgedAt: at, acknowledgedBy: personnelId })
    .where(and(eq(ploAlerts.id, id), eq(ploAlerts.state, 'open')))
    .returning({ id: ploAlerts.id });
  return rows.length === 1;
}

/**
 * Closes an alert with a note; one still open is acknowledged by the same person at the same time.
 * @returns whether it changed (false when it was closed already)
 */
export async function close(q: Queryable, id: string, personnelId: string, at: Date, note: string): Promise<boolean> {
  const rows = await q
    .update(ploAlerts)
    .set({
      state: 'closed',
      closedAt: at,
      closedBy: personnelId,
      closeNote: note,
      acknowledgedAt: sql`coalesce(${ploAlerts.acknowledgedAt}, ${ts(at)})`,
      acknowledgedBy: sql`coalesce(${ploAlerts.acknowledgedBy}, ${personnelId}::uuid)`,
    })
    .where(and(eq(ploAlerts.id, id), inArray(ploAlerts.state, ['open', 'acknowledged'])))
    .returning({ id: ploAlerts.id });
  return rows.length === 1;
}

// The e-mail job's side.

/** What the e-mail job needs of an alert. */
export async function alertForEmail(q: Queryable, id: string) {
  const [row] = await q
    .select({
      id: ploAlerts.id,
      kind: ploAlerts.kind,
      partyId: ploAlerts.partyId,
      partnerPartyId: ploAlerts.partnerPartyId,
      emailOurs: ploAlerts.emailOurs,
      emailPartner: ploAlerts.emailPartner,
    })
    .from(ploAlerts)
    .where(eq(ploAlerts.id, id));
  return row;
}

/** Records that the e-mail to one side was sent, or had no address to go to. */
export async function markEmail(
  q: Queryable,
  id: string,
  to: 'ours' | 'partner',
  state: 'sent' | 'no_address',
  at: Date,
): Promise<void> {
  await q
    .update(ploAlerts)
    .set(to === 'ours' ? { emailOurs: state, emailOursAt: at } : { emailPartner: state, emailPartnerAt: at })
    .where(eq(ploAlerts.id, id));
}

/** Jobs of a kind waiting or running, but the one given (the monitoring sweep queues its next run only alone). */
export async function jobsWaiting(q: Queryable, kind: string, exceptJobId: number | null): Promise<number> {
  const r = await q.execute<{ n: number | string }>(
    sql`SELECT count(*) AS n FROM jobs WHERE kind = ${kind} AND state IN ('ready', 'running')
          AND (${exceptJobId}::bigint IS NULL OR id <> ${exceptJobId}::bigint)`,
  );
  return Number(r.rows[0]?.n ?? 0);
}
