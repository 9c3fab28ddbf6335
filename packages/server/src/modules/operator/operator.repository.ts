import { and, desc, eq, sql } from 'drizzle-orm';
import type { JobState } from '@helsebro/contracts';
import type { Queryable } from '../../platform/db/client.ts';
import { jobs } from '../../platform/db/schema.ts';

/** A job as the operator console sees it: no payload (it may carry personal data). */
export type JobRow = {
  id: number;
  kind: string;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
};

const STATES: JobState[] = ['dead', 'ready', 'running', 'done'];

const columns = {
  id: jobs.id,
  kind: jobs.kind,
  state: jobs.state,
  attempts: jobs.attempts,
  maxAttempts: jobs.maxAttempts,
  runAt: jobs.runAt,
  lastError: jobs.lastError,
  createdAt: jobs.createdAt,
  updatedAt: jobs.updatedAt,
};

/**
 * The number of jobs in each state.
 * @param q - the database
 */
export async function countJobsByState(q: Queryable): Promise<Record<JobState, number>> {
  const rows = await q
    .select({ state: jobs.state, count: sql<number>`count(*)::int` })
    .from(jobs)
    .groupBy(jobs.state);
  const counts: Record<JobState, number> = { ready: 0, running: 0, done: 0, dead: 0 };
  for (const r of rows) {
    counts[r.state] = Number(r.count);
  }
  return counts;
}

/**
 * The most recently changed jobs in one state, newest first (the `(state, updated_at DESC)` index).
 * @param state - the state
 * @param limit - the most rows
 */
export async function listJobsInState(q: Queryable, state: JobState, limit: number): Promise<JobRow[]> {
  return q
    .select(columns)
    .from(jobs)
    .where(eq(jobs.state, state))
    .orderBy(desc(jobs.updatedAt), desc(jobs.id))
    .limit(limit);
}

/**
 * The most recently changed jobs of every state, dead ones first so they are never pushed out by busy traffic.
 * One indexed query per state rather than one sort over the whole table, which grows with every job done.
 * @param limit - the most rows
 */
export async function listJobs(q: Queryable, limit: number): Promise<JobRow[]> {
  const perState = await Promise.all(STATES.map((s) => listJobsInState(q, s, limit)));
  const [dead = [], ...others] = perState;
  const rest = others.flat().sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || b.id - a.id);
  return [...dead, ...rest].slice(0, limit);
}

/**
 * The dead jobs' kinds and last errors, the most recently died first, for grouping by cause; bounded, since a
 * console that has more dead jobs than this has one cause to fix before it reads the rest.
 * @param kind - only this kind, when given
 * @param limit - the most rows
 */
export async function listDeadErrors(
  q: Queryable,
  limit: number,
  kind?: string,
): Promise<Array<{ id: number; kind: string; lastError: string | null }>> {
  return q
    .select({ id: jobs.id, kind: jobs.kind, lastError: jobs.lastError })
    .from(jobs)
    .where(kind === undefined ? eq(jobs.state, 'dead') : and(eq(jobs.state, 'dead'), eq(jobs.kind, kind)))
    .orderBy(desc(jobs.updatedAt), desc(jobs.id))
    .limit(limit);
}

/** One job, or undefined. */
export async function findJob(q: Queryable, id: number): Promise<JobRow | undefined> {
  const [row] = await q.select(columns).from(jobs).where(eq(jobs.id, id));
  return row;
}

/**
 * Puts a dead job back in the queue with its attempts reset; the last error stays for the record until the
 * next attempt replaces it.
 * @returns the job afterwards with its payload (for the kind's retry hook, never for the console), or undefined
 *   when there is no dead job with that id
 */
export async function retryDeadJob(
  q: Queryable,
  id: number,
): Promise<(JobRow & { payload: Record<string, unknown> }) | undefined> {
  const [row] = await q
    .update(jobs)
    .set({ state: 'ready', attempts: 0, runAt: sql`now()`, lockedUntil: null, finishedAt: null, updatedAt: sql`now()` })
    .where(sql`${jobs.id} = ${id} AND ${jobs.state} = 'dead'`)
    .returning({ ...columns, payload: jobs.payload });
  return row;
}
