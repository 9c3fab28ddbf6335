import { z } from 'zod';

export const jobState = z.enum(['ready', 'running', 'done', 'dead']);
export type JobState = z.infer<typeof jobState>;

/**
 * Why a dead job died, read from its last error so the operator reads a cause, not a stack trace; the console
 * groups dead jobs by kind and cause and retries a whole group once the cause is fixed.
 */
export const jobCause = z.enum([
  'no_endpoint',
  'no_credential',
  'unreachable',
  'refused_access',
  'refused_message',
  'receiver_error',
  'not_configured',
  'interrupted',
  'missing_data',
  'other',
]);
export type JobCause = z.infer<typeof jobCause>;

export const jobItem = z.object({
  id: z.number().int(),
  kind: z.string(),
  state: jobState,
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  runAt: z.string(),
  lastError: z.string().nullable(),
  /** Set for a dead job. */
  cause: jobCause.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type JobItem = z.infer<typeof jobItem>;

/** GET /api/operator/jobs?state=dead — the outbox as the operator console shows it. */
export const jobsQuery = z.object({
  state: jobState.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const jobsResponse = z.object({
  counts: z.object({ ready: z.number(), running: z.number(), done: z.number(), dead: z.number() }),
  jobs: z.array(jobItem),
  /** The dead jobs by kind and cause, largest group first. */
  deadGroups: z.array(z.object({ kind: z.string(), cause: jobCause, count: z.number().int() })),
});
export type JobsResponse = z.infer<typeof jobsResponse>;

/** POST /api/operator/jobs/retry-dead — every dead job of one kind and cause back in the queue. */
export const retryDeadBody = z.object({ kind: z.string().min(1).max(100), cause: jobCause });
export type RetryDeadBody = z.infer<typeof retryDeadBody>;
export const retryDeadResponse = z.object({
  retried: z.number().int(),
  /** Jobs whose kind's retry hook refused (the work it would redo is already done or gone). */
  refused: z.number().int(),
});
export type RetryDeadResponse = z.infer<typeof retryDeadResponse>;
