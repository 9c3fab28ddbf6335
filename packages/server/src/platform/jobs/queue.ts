import { and, asc, eq, inArray, lt, lte, notInArray, or, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { jobs } from '../db/schema.ts';
import { redactNin } from '../redact.ts';
import type { Job } from './outbox.ts';

/** The SQL behind the workers: claiming with leases, finishing, failing. Every write is fenced by the attempt. */

const MAX_ERROR_LENGTH = 2000;
const later = (ms: number) => sql`now() + ${ms}::double precision * interval '1 millisecond'`;

const jobColumns = {
  id: jobs.id,
  kind: jobs.kind,
  payload: jobs.payload,
  municipalityId: jobs.municipalityId,
  attempts: jobs.attempts,
  maxAttempts: jobs.maxAttempts,
  runAt: jobs.runAt,
  createdAt: jobs.createdAt,
};

/**
 * Claims up to `limit` due jobs of the given kinds: ready ones whose time has come, and running ones whose lease
 * ran out (their worker died). `FOR UPDATE SKIP LOCKED` lets instances claim side by side without waiting.
 * @param q - the database
 * @param kinds - the kinds this process has handlers for
 * @param limit - the most jobs to claim
 * @param leaseMs - how long the claim holds before another worker may take the job over
 */
export async function claimJobs(q: Queryable, kinds: string[], limit: number, leaseMs: number): Promise<Job[]> {
  if (kinds.length === 0 || limit <= 0) {
    return [];
  }
  const due = q
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        or(
          and(eq(jobs.state, 'ready'), lte(jobs.runAt, sql`now()`)),
          and(eq(jobs.state, 'running'), lt(jobs.lockedUntil, sql`now()`)),
        ),
        inArray(jobs.kind, kinds),
      ),
    )
    .orderBy(asc(jobs.runAt), asc(jobs.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  const claimed = await q
    .update(jobs)
    .set({ state: 'running', attempts: sql`${jobs.attempts} + 1`, lockedUntil: later(leaseMs), updatedAt: sql`now()` })
    .where(inArray(jobs.id, due))
    .returning(jobColumns);
  return claimed.sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id - b.id);
}

const mine = (job: Pick<Job, 'id' | 'attempts'>) =>
  and(eq(jobs.id, job.id), eq(jobs.state, 'running'), eq(jobs.attempts, job.attempts));

/**
 * Keeps a running job's lease while its handler works.
 * @returns false when the job is no longer this worker's (its lease ran out and another worker took it)
 */
export async function extendLease(q: Queryable, job: Pick<Job, 'id' | 'attempts'>, leaseMs: number): Promise<boolean> {
  const rows = await q
    .update(jobs)
    .set({ lockedUntil: later(leaseMs) })
    .where(mine(job))
    .returning({ id: jobs.id });
  return rows.length === 1;
}

/**
 * Marks a job done.
 * @returns false when the job was no longer this worker's
 */
export async function completeJob(q: Queryable, job: Pick<Job, 'id' | 'attempts'>): Promise<boolean> {
  const rows = await q
    .update(jobs)
    .set({ state: 'done', lockedUntil: null, finishedAt: sql`now()`, updatedAt: sql`now()` })
    .where(mine(job))
    .returning({ id: jobs.id });
  return rows.length === 1;
}

/**
 * Records a failed attempt: back to ready after `retryInMs`, or dead when `retryInMs` is null.
 * @param error - what went wrong; identity numbers are masked and the text is cut to 2000 characters
 * @returns false when the job was no longer this worker's
 */
export async function failJob(
  q: Queryable,
  job: Pick<Job, 'id' | 'attempts'>,
  error: string,
  retryInMs: number | null,
): Promise<boolean> {
  const dead = retryInMs === null;
  const rows = await q
    .update(jobs)
    .set({
      state: dead ? 'dead' : 'ready',
      lockedUntil: null,
      lastError: truncate(redactNin(error)),
      updatedAt: sql`now()`,
      ...(dead ? { finishedAt: sql`now()` } : { runAt: later(retryInMs) }),
    })
    .where(mine(job))
    .returning({ id: jobs.id });
  return rows.length === 1;
}

/**
 * Kinds with ready jobs overdue by more than `overdueMs` that no handler here can run: a module that stopped
 * registering its handler, or a newer instance's kind during a rolling upgrade.
 */
export async function strandedKinds(
  q: Queryable,
  kinds: string[],
  overdueMs: number,
): Promise<Array<{ kind: string; count: number }>> {
  const rows = await q
    .select({ kind: jobs.kind, count: sql<number>`count(*)::int` })
    .from(jobs)
    .where(
      and(
        eq(jobs.state, 'ready'),
        lt(jobs.runAt, sql`now() - ${overdueMs}::double precision * interval '1 millisecond'`),
        kinds.length > 0 ? notInArray(jobs.kind, kinds) : undefined,
      ),
    )
    .groupBy(jobs.kind);
  return rows.map((r) => ({ kind: r.kind, count: Number(r.count) }));
}

/**
 * Deletes jobs that finished before `before`. Dead jobs are kept: the operator console lists them for a retry.
 * @returns how many were removed
 */
export async function purgeFinishedJobs(q: Queryable, before: Date): Promise<number> {
  const rows = await q
    .delete(jobs)
    .where(and(eq(jobs.state, 'done'), lt(jobs.finishedAt, before)))
    .returning({ id: jobs.id });
  return rows.length;
}

/** An error as stored in `last_error`: its name and message, masked and cut. */
export function describeError(err: unknown): string {
  if (err instanceof Error) {
    return truncate(redactNin(`${err.name}: ${err.message}`));
  }
  return truncate(redactNin(String(err)));
}

function truncate(text: string): string {
  return text.length <= MAX_ERROR_LENGTH ? text : `${text.slice(0, MAX_ERROR_LENGTH - 1)}…`;
}
