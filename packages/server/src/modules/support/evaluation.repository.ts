import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';

/** The evaluation's period as instants: [from, to), and optionally one municipality. */
export type Period = { from: Date; to: Date; municipalityId?: string | undefined };

async function rowsOf<T>(q: Queryable, query: SQL): Promise<T[]> {
  const result = (await q.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const inPeriod = (column: SQL, p: Period) =>
  sql`${column} >= ${p.from.toISOString()}::timestamptz AND ${column} < ${p.to.toISOString()}::timestamptz`;
const ofMunicipality = (column: SQL, p: Period) =>
  p.municipalityId ? sql` AND ${column} = ${p.municipalityId}::uuid` : sql``;

export const municipalitiesOf = (q: Queryable, p: Period) =>
  rowsOf<{ id: string; name: string }>(
    q,
    sql`SELECT id, name FROM municipalities WHERE true${ofMunicipality(sql`id`, p)} ORDER BY name, id`,
  );

/** Distinct citizens who logged in, by their home municipality (the session's entry in the audit log). */
export const portalUse = (q: Queryable, p: Period) =>
  rowsOf<{ municipality_id: string; active_citizens: number }>(
    q,
    sql`SELECT municipality_id, count(DISTINCT actor_id)::int AS active_citizens
        FROM audit_log
        WHERE action = 'session.create' AND actor_kind = 'citizen' AND outcome = 'success'
          AND ${inPeriod(sql`occurred_at`, p)}${ofMunicipality(sql`municipality_id`, p)}
        GROUP BY municipality_id`,
  );

/** Messages in (citizen side) and out (unit side, not its automatic replies), and the distinct citizens whose conversations had a message in. */
export const dialogUse = (q: Queryable, p: Period) =>
  rowsOf<{ municipality_id: string; messages_in: number; messages_out: number; active_citizens: number }>(
    q,
    sql`SELECT m.municipality_id,
          count(*) FILTER (WHERE m.from_side = 'citizen')::int AS messages_in,
          count(*) FILTER (WHERE m.from_side = 'unit' AND NOT m.automatic)::int AS messages_out,
          count(DISTINCT c.person_id) FILTER (WHERE m.from_side = 'citizen')::int AS active_citizens
        FROM dialog_messages m JOIN dialog_conversations c ON c.id = m.conversation_id
        WHERE ${inPeriod(sql`m.created_at`, p)}${ofMunicipality(sql`m.municipality_id`, p)}
        GROUP BY m.municipality_id`,
  );

/**
 * Each citizen message of the period with the unit's first answer after it (none: still unanswered). The unit's
 * automatic reply (issue 15) is no answer: it would meet every promise at once.
 */
const answers = (p: Period) => sql`
  SELECT m.municipality_id, m.created_at AS asked_at, u.response_working_days AS promise, r.created_at AS answered_at
  FROM dialog_messages m
  JOIN dialog_conversations c ON c.id = m.conversation_id
  JOIN service_units u ON u.id = c.service_unit_id
  LEFT JOIN LATERAL (
    SELECT a.created_at FROM dialog_messages a
    WHERE a.conversation_id = m.conversation_id AND a.from_side = 'unit' AND NOT a.automatic
      AND a.created_at > m.created_at
    ORDER BY a.created_at LIMIT 1
  ) r ON true
  WHERE m.from_side = 'citizen' AND ${inPeriod(sql`m.created_at`, p)}${ofMunicipality(sql`m.municipality_id`, p)}`;

/**
 * The citizen messages counted by Oslo day asked, the unit's promise (working days) and Oslo day answered: few rows
 * even for a year, so the working-day calendar (public holidays) can be applied to them in code.
 */
export const answerDays = (q: Queryable, p: Period) =>
  rowsOf<{ municipality_id: string; asked_on: string; promise: number; answered_on: string | null; n: number }>(
    q,
    sql`SELECT municipality_id, promise,
          to_char(asked_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD') AS asked_on,
          to_char(answered_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD') AS answered_on,
          count(*)::int AS n
        FROM (${answers(p)}) x
        GROUP BY 1, 2, 3, 4`,
  );

export const medianResponseHours = (q: Queryable, p: Period) =>
  rowsOf<{ municipality_id: string; median_hours: number | null }>(
    q,
    sql`SELECT municipality_id,
          (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - asked_at) / 3600))::float8
            AS median_hours
        FROM (${answers(p)}) x
        WHERE answered_at IS NOT NULL
        GROUP BY municipality_id`,
  );

/** Appointments made in the period (by anyone) and the distinct citizens they are for; cancellations in it. */
export const appointmentUse = (q: Queryable, p: Period) =>
  rowsOf<{ municipality_id: string; bookings: number; active_citizens: number; cancellations: number }>(
    q,
    sql`SELECT municipality_id, sum(bookings)::int AS bookings, sum(active_citizens)::int AS active_citizens,
          sum(cancellations)::int AS cancellations
        FROM (
          SELECT municipality_id, count(*) AS bookings, count(DISTINCT person_id) AS active_citizens,
            0 AS cancellations
          FROM appointments
          WHERE ${inPeriod(sql`created_at`, p)}${ofMunicipality(sql`municipality_id`, p)}
          GROUP BY municipality_id
          UNION ALL
          SELECT municipality_id, 0, 0, count(*)
          FROM appointments
          WHERE cancelled_at IS NOT NULL AND ${inPeriod(sql`cancelled_at`, p)}${ofMunicipality(sql`municipality_id`, p)}
          GROUP BY municipality_id
        ) x
        GROUP BY municipality_id`,
  );

/** Notices: the send jobs that finished in the period, done (sent) or dead (failed after every attempt). */
export const noticeOutcomes = (q: Queryable, p: Period) =>
  rowsOf<{ municipality_id: string; sent: number; failed: number }>(
    q,
    sql`SELECT municipality_id,
          count(*) FILTER (WHERE state = 'done')::int AS sent,
          count(*) FILTER (WHERE state = 'dead')::int AS failed
        FROM jobs
        WHERE kind = 'notifications.send' AND state IN ('done', 'dead') AND municipality_id IS NOT NULL
          AND ${inPeriod(sql`finished_at`, p)}${ofMunicipality(sql`municipality_id`, p)}
        GROUP BY municipality_id`,
  );

/** The EPJ feed: hours of the period with a successful read, and the polls and failed polls in them. */
export const feedHours = (q: Queryable, p: Period) =>
  rowsOf<{ municipality_id: string; hours_with_reads: number; polls: number; failed_polls: number }>(
    q,
    sql`SELECT municipality_id, count(*) FILTER (WHERE polls > 0)::int AS hours_with_reads,
          sum(polls)::int AS polls, sum(failures)::int AS failed_polls
        FROM epj_feed_hours
        WHERE ${inPeriod(sql`hour`, p)}${ofMunicipality(sql`municipality_id`, p)}
        GROUP BY municipality_id`,
  );
