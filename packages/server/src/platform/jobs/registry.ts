import type { Job } from './outbox.ts';

/**
 * What a handler gets besides the job. `signal` aborts when the worker loses the job's lease (another worker may
 * run it now) or when shutdown ran out of patience; a handler that talks to the outside world should pass it on.
 */
export type JobContext<P> = { platform: P; signal: AbortSignal };

/** Does the job's work. Throwing means "failed, retry later"; the outbox does the retrying. */
export type JobHandler<P = unknown> = (job: Job, ctx: JobContext<P>) => Promise<void>;

/** The handlers of this process, by job kind. Modules register theirs when the app is built. */
export type JobRegistry<P = unknown> = {
  /**
   * @param kind - the job kind, as passed to `enqueue`
   * @param handler - runs one job of that kind
   */
  register(kind: string, handler: JobHandler<P>): void;
  handler(kind: string): JobHandler<P> | undefined;
  /** The kinds this process can run; workers claim only these, so jobs of other kinds wait for an instance that can. */
  kinds(): string[];
};

/** A registry with no handlers yet (the type parameter is the Platform, kept out of here to avoid an import cycle). */
export function createJobRegistry<P>(): JobRegistry<P> {
  const handlers = new Map<string, JobHandler<P>>();
  return {
    register: (kind, handler) => {
      if (handlers.has(kind)) {
        throw new Error(`A handler for job kind "${kind}" is already registered`);
      }
      handlers.set(kind, handler);
    },
    handler: (kind) => handlers.get(kind),
    kinds: () => [...handlers.keys()],
  };
}
