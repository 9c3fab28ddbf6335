import type { Platform } from '../platform.ts';
import { DEFAULT_BACKOFF, backoffMs, type BackoffOptions } from './backoff.ts';
import type { Job } from './outbox.ts';
import { PermanentJobFailure } from './registry.ts';
import { claimJobs, completeJob, describeError, extendLease, failJob, strandedKinds } from './queue.ts';

export type WorkerOptions = {
  /** Jobs run at once in this process. */
  concurrency?: number;
  /** Pause between polls when there was nothing to do; `config.workerPollMs` by default. */
  pollMs?: number;
  /** How long a claim holds; renewed every third of it while the handler runs. */
  leaseMs?: number;
  /** The most jobs claimed per poll (never more than there are free slots). */
  batchSize?: number;
  backoff?: Partial<BackoffOptions>;
  /** How long `stop()` waits for running handlers before aborting their signals and leaving. */
  stopTimeoutMs?: number;
  /** How often to look for overdue jobs of kinds nobody here handles (logged as a warning). */
  strandedCheckMs?: number;
};

export type WorkerStats = { started: number; done: number; retried: number; dead: number; running: number };

export type Workers = {
  /** Stops claiming, waits for running handlers (up to `stopTimeoutMs`), then resolves. */
  stop(): Promise<void>;
  stats(): WorkerStats;
};

const MAX_ERROR_PAUSE_MS = 30_000;

const pause = (ms: number) =>
  new Promise<boolean>((resolve) => {
    setTimeout(() => resolve(true), ms).unref();
  });

/**
 * Drains the outbox in this process: claims due jobs of the kinds registered on `platform.jobs`, runs their
 * handlers, and records the outcome. A handler that throws is retried with exponential backoff and jitter until
 * `max_attempts`, then the job is dead (visible in the operator console); one that throws `PermanentJobFailure` is
 * dead at once. A worker that dies mid-job leaves the job running until its lease runs out; then any worker takes
 * it over. So a job runs at least once, and more than once only when a worker died or stalled past its lease:
 * handlers must tolerate a repeat.
 * @param platform - the platform; handlers receive it
 * @param opts - see WorkerOptions
 */
export function startWorkers(platform: Platform, opts: WorkerOptions = {}): Workers {
  const { db, logger, jobs: registry } = platform;
  const concurrency = opts.concurrency ?? 4;
  const pollMs = opts.pollMs ?? platform.config.workerPollMs;
  const leaseMs = opts.leaseMs ?? 5 * 60_000;
  const batchSize = opts.batchSize ?? concurrency;
  const backoff = { ...DEFAULT_BACKOFF, ...opts.backoff };
  const stopTimeoutMs = opts.stopTimeoutMs ?? 10_000;
  const strandedCheckMs = opts.strandedCheckMs ?? 60_000;
  const stats: WorkerStats = { started: 0, done: 0, retried: 0, dead: 0, running: 0 };
  const active = new Map<number, { done: Promise<void>; abort: AbortController }>();
  let stopping = false;
  let wake: (() => void) | undefined;
  let lastStrandedCheck = Date.now();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => done(), ms);
      const done = () => {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      };
      wake = done;
    });

  async function record(job: Job, error: unknown, succeeded: boolean): Promise<void> {
    if (succeeded) {
      if (await completeJob(db, job)) {
        stats.done += 1;
      } else {
        logger.warn({ jobId: job.id, kind: job.kind }, 'job finished after another worker took it over');
      }
      return;
    }
    const dead = job.attempts >= job.maxAttempts || error instanceof PermanentJobFailure;
    const ok = await failJob(db, job, describeError(error), dead ? null : backoffMs(job.attempts, backoff));
    if (!ok) {
      return;
    }
    stats[dead ? 'dead' : 'retried'] += 1;
    const fields = { jobId: job.id, kind: job.kind, attempts: job.attempts, err: error };
    if (dead) {
      logger.error(fields, 'job failed for the last time and is dead');
    } else {
      logger.warn(fields, 'job failed; will retry');
    }
  }

  async function execute(job: Job, abort: AbortController): Promise<void> {
    const heartbeat = setInterval(
      () => {
        extendLease(db, job, leaseMs).then(
          (mineStill) => mineStill || abort.abort(new Error('the job lease was lost')),
          (err: unknown) => logger.warn({ err, jobId: job.id }, 'could not renew a job lease'),
        );
      },
      Math.max(10, Math.floor(leaseMs / 3)),
    );
    heartbeat.unref();
    let error: unknown;
    let succeeded = false;
    try {
      const handler = registry.handler(job.kind);
      if (job.attempts > job.maxAttempts) {
        error = new Error('The worker stopped during the last attempt (its lease ran out)');
      } else if (!handler) {
        error = new Error(`No handler for job kind "${job.kind}"`);
      } else {
        await handler(job, { platform, signal: abort.signal });
        succeeded = true;
      }
    } catch (err) {
      error = err;
    } finally {
      clearInterval(heartbeat);
    }
    try {
      await record(job, error, succeeded);
    } catch (err) {
      logger.error({ err, jobId: job.id }, 'could not record a job outcome; it will run again after its lease');
    }
  }

  function run(job: Job): void {
    const abort = new AbortController();
    stats.started += 1;
    const done = execute(job, abort).finally(() => {
      active.delete(job.id);
      wake?.();
    });
    active.set(job.id, { done, abort });
  }

  async function warnAboutStrandedJobs(): Promise<void> {
    if (Date.now() - lastStrandedCheck < strandedCheckMs) {
      return;
    }
    lastStrandedCheck = Date.now();
    for (const s of await strandedKinds(db, registry.kinds(), strandedCheckMs)) {
      logger.warn(s, 'jobs of a kind no handler here runs are waiting; they stay ready until an instance can run them');
    }
  }

  async function loop(): Promise<void> {
    let failures = 0;
    while (!stopping) {
      const want = Math.min(batchSize, concurrency - active.size);
      let more = false;
      try {
        if (want > 0) {
          const claimed = await claimJobs(db, registry.kinds(), want, leaseMs);
          claimed.forEach(run);
          more = claimed.length === want && active.size < concurrency;
        }
        await warnAboutStrandedJobs();
        failures = 0;
      } catch (err) {
        failures += 1;
        logger.error({ err, failures }, 'polling the job outbox failed; will retry');
      }
      if (!more && !stopping) {
        await sleep(failures === 0 ? pollMs : Math.min(MAX_ERROR_PAUSE_MS, pollMs * 2 ** failures));
      }
    }
  }

  const looping = loop();

  return {
    stop: async () => {
      stopping = true;
      wake?.();
      await looping;
      const running = [...active.values()];
      const all = Promise.allSettled(running.map((r) => r.done)).then(() => false);
      if (await Promise.race([all, pause(stopTimeoutMs)])) {
        running.forEach((r) => r.abort.abort(new Error('the worker is shutting down')));
        await Promise.race([all, pause(1000)]);
        logger.warn(
          { running: active.size },
          'stopped with jobs still running; another worker takes them over when their leases run out',
        );
      }
    },
    stats: () => ({ ...stats, running: active.size }),
  };
}
