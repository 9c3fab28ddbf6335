export { enqueue, type Job, type NewJob } from './outbox.ts';
export { createJobRegistry, type JobContext, type JobHandler, type JobRegistry } from './registry.ts';
export { startWorkers, type WorkerOptions, type Workers, type WorkerStats } from './worker.ts';
export { backoffMs, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.ts';
