import { z } from 'zod';

export const jobState = z.enum(['ready', 'running', 'done', 'dead']);
export type JobState = z.infer<typeof jobState>;

export const jobItem = z.object({
  id: z.number().int(),
  kind: z.string(),
  state: jobState,
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  runAt: z.string(),
  lastError: z.string().nullable(),
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
});
export type JobsResponse = z.infer<typeof jobsResponse>;
