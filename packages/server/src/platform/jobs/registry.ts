import type { Queryable } from '../db/client.ts';
import type { Job } from './outbox.ts';

/**
 * What a handler gets besides the job. `signal` aborts when the worker loses the job's lease (another worker may
 * run it now) or when shutdown ran out of patience; a handler that talks to the outside world should pass it on.
 */
export type JobContext<P> = { platform: P; signal: AbortSignal };

/**
 * Does the job's work. Throwing means "failed, retry later"; the outbox does the retrying. Throwing
 * `PermanentJobFailure` means no later attempt can succeed: the job is dead at once, for the operator.
 */
export type JobHandler<P = unknown> = (job: Job, ctx: JobContext<P>) => Promise<void>;

/** Thrown by a handler when retrying cannot help (the other side refused the work for good). */
export class PermanentJobFailure extends Error {
  override name = 'PermanentJobFailure';
}

/** What a retry hook adds to the operator's audit entry for the retry. */
export type RetryAudit = { details?: Record<string, unknown>; subjectPersonId?: string | null };

/**
 * Runs when the operator sends a dead job of its kind round again, inside the transaction that resets the job. It
 * puts what the job works on back into a state the handler acts on (a handler that leaves finished work alone
 * would otherwise do nothing, and the retry would be a silent no-op), or throws an AppError (409 with the reason)
 * when a new attempt is not allowed, which rolls the reset back. What it returns goes into the audit entry.
 */
export type JobRetryHook = (q: Queryable, job: Pick<Job, 'id' | 'kind' | 'payload'>) => Promise<RetryAudit | undefined>;

/** The handlers of this process, by job kind. Modules register theirs when the app is built. */
export type JobRegistry<P = unknown> = {
  /**
   * @param kind - the job kind, as passed to `enqueue`
   * @param handler - runs one job of that kind
   * @param hooks - `onRetry`: what the operator's retry of a dead job of this kind must also do
   */
  register(kind: string, handler: JobHandler<P>, hooks?: { onRetry?: JobRetryHook }): void;
  handler(kind: string): JobHandler<P> | undefined;
  /** The retry hook of a kind, if its module registered one. */
  onRetry(kind: string): JobRetryHook | undefined;
  /** The kinds this process can run; workers claim only these, so jobs of other kinds wait for an instance that can. */
  kinds(): string[];
};

/** A registry with no handlers yet (the type parameter is the Platform, kept out of here to avoid an import cycle). */
export function createJobRegistry<P>(): JobRegistry<P> {
  const handlers = new Map<string, JobHandler<P>>();
  const retryHooks = new Map<string, JobRetryHook>();
  return {
    register: (kind, handler, hooks = {}) => {
      if (handlers.has(kind)) {
        throw new Error(`A handler for job kind "${kind}" is already registered`);
      }
      handlers.set(kind, handler);
      if (hooks.onRetry) {
        retryHooks.set(kind, hooks.onRetry);
      }
    },
    handler: (kind) => handlers.get(kind),
    onRetry: (kind) => retryHooks.get(kind),
    kinds: () => [...handlers.keys()],
  };
}
