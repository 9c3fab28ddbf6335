export { enqueue, type Job, type NewJob } from './outbox.ts';
export {
  createJobRegistry,
  PermanentJobFailure,
  type JobContext,
  type JobHandler,
  type JobRegistry,
  type JobRetryHook,
  type RetryAudit,
} from './registry.ts';
export { startWorkers, type WorkerOptions, type Workers, type WorkerStats } from './worker.ts';
export { backoffMs, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.ts';
