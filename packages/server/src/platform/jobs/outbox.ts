import type { Queryable } from '../db/client.ts';
import { jobs } from '../db/schema.ts';

/** A job as a handler receives it. The payload is what `enqueue` stored; handlers parse it with their own schema. */
export type Job = {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  municipalityId: string | null;
  /** This attempt's number, from 1. */
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  createdAt: Date;
};

export type NewJob = {
  /** What to do, as `<module>.<verb>`: `notifications.send_sms`, `plo.send`, … */
  kind: string;
  payload: Record<string, unknown>;
  municipalityId?: string | null;
  /** Not before this time; now by default. */
  runAt?: Date;
  /** Attempts before the job is marked dead; 8 by default (the column default). */
  maxAttempts?: number;
};

const KIND = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;

/**
 * Adds a job to the outbox. Call it inside the transaction that decided the work, so the job exists exactly when
 * that decision committed: a rollback takes the job with it, and a crash after commit loses nothing.
 * @param q - the caller's open transaction
 * @param job - kind, payload and scheduling
 * @returns the job's id
 */
export async function enqueue(q: Queryable, job: NewJob): Promise<number> {
  if (!KIND.test(job.kind) || job.kind.length > 100) {
    throw new Error(`Job kind must look like "module.verb": ${JSON.stringify(job.kind)}`);
  }
  const [row] = await q
    .insert(jobs)
    .values({
      kind: job.kind,
      payload: job.payload,
      municipalityId: job.municipalityId ?? null,
      ...(job.runAt ? { runAt: job.runAt } : {}),
      ...(job.maxAttempts ? { maxAttempts: job.maxAttempts } : {}),
    })
    .returning({ id: jobs.id });
  if (!row) {
    throw new Error('the job was not inserted');
  }
  return row.id;
}
