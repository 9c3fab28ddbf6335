import type { JobCause, JobItem, JobsResponse, JobState, RetryDeadBody, RetryDeadResponse } from '@helsebro/contracts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { causeOf } from './job-cause.ts';
import * as repo from './operator.repository.ts';

export type JobsFilter = { state?: JobState | undefined; limit: number };

/** The most dead jobs read to group them, and retried by one "retry all of this cause". */
const DEAD_READ_LIMIT = 2000;

function groupByCause(dead: Array<{ kind: string; lastError: string | null }>): JobsResponse['deadGroups'] {
  const groups = new Map<string, { kind: string; cause: JobCause; count: number }>();
  for (const job of dead) {
    const cause = causeOf(job.lastError);
    const key = `${job.kind}\u0000${cause}`;
    const group = groups.get(key) ?? { kind: job.kind, cause, count: 0 };
    group.count += 1;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
}

export type OperatorService = ReturnType<typeof createOperatorService>;

function requireOperator(ctx: RequestContext): void {
  if (ctx.actor.kind !== 'operator') {
    throw new ForbiddenError('Bare driftsoperatøren har tilgang til driftskonsollet.', 'wrong_role');
  }
}

function toItem(row: repo.JobRow): JobItem {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    runAt: row.runAt.toISOString(),
    lastError: row.lastError,
    cause: row.state === 'dead' ? causeOf(row.lastError) : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The operator console's use cases for the outbox.
 * @param platform - the store, and the job registry for the kinds' retry hooks
 */
export function createOperatorService(platform: Pick<Platform, 'db'> & { jobs: Pick<Platform['jobs'], 'onRetry'> }) {
  const { db, jobs } = platform;
  /** Puts one dead job back in the queue with its kind's hook, audited; see `retryJob`. */
  const retryOne = async (ctx: RequestContext, id: number): Promise<JobItem> => {
    return db.transaction(async (tx) => {
      const row = await repo.retryDeadJob(tx, id);
      if (!row) {
        const existing = await repo.findJob(tx, id);
        if (!existing) {
          throw new NotFoundError(`Fant ingen jobb med id ${id}.`, 'job_not_found');
        }
        throw new ConflictError(`Jobben er ${existing.state}; bare døde jobber kan startes på nytt.`, 'job_not_dead');
      }
      const hook = jobs.onRetry(row.kind);
      const extra = hook ? await hook(tx, { id: row.id, kind: row.kind, payload: row.payload }) : undefined;
      await recordAudit(tx, ctx, {
        action: 'job.retry',
        resourceType: 'job',
        resourceId: String(id),
        subjectPersonId: extra?.subjectPersonId ?? null,
        details: { kind: row.kind, ...extra?.details },
      });
      return toItem(row);
    });
  };

  return {
    /**
     * Counts per state and the newest jobs (of one state, or all with the dead ones first).
     * @param ctx - the caller; must be the operator
     * @param filter - state and limit
     */
    async listJobs(ctx: RequestContext, filter: JobsFilter): Promise<JobsResponse> {
      requireOperator(ctx);
      const [counts, rows, dead] = await Promise.all([
        repo.countJobsByState(db),
        filter.state ? repo.listJobsInState(db, filter.state, filter.limit) : repo.listJobs(db, filter.limit),
        repo.listDeadErrors(db, DEAD_READ_LIMIT),
      ]);
      return { counts, jobs: rows.map(toItem), deadGroups: groupByCause(dead) };
    },

    /**
     * Sends a dead job round again with its attempts reset, and audits that the operator did. The job kind's retry
     * hook (registered by its module with the handler) runs in the same transaction: it puts the job's work back
     * where the handler acts on it, or refuses, and then nothing changes.
     * @param ctx - the caller; must be the operator
     * @param id - the job
     * @throws NotFoundError when there is no such job, ConflictError when it is not dead or its hook refuses
     */
    async retryJob(ctx: RequestContext, id: number): Promise<JobItem> {
      requireOperator(ctx);
      return retryOne(ctx, id);
    },

    /**
     * "Retry all of this cause": every dead job of one kind whose last error has this cause, each as `retryJob`
     * does it (own transaction, the kind's hook, one audit entry per job), so one refused job stops none of the rest.
     * @param ctx - the caller; must be the operator
     * @param group - the kind and the cause
     * @returns how many went back in the queue and how many the kind's hook refused
     */
    async retryDeadByCause(ctx: RequestContext, group: RetryDeadBody): Promise<RetryDeadResponse> {
      requireOperator(ctx);
      const dead = await repo.listDeadErrors(db, DEAD_READ_LIMIT, group.kind);
      let retried = 0;
      let refused = 0;
      for (const job of dead.filter((j) => causeOf(j.lastError) === group.cause)) {
        try {
          await retryOne(ctx, job.id);
          retried += 1;
        } catch (err) {
          // Another operator retried it meanwhile, or the hook found its work already done or gone.
          if (!(err instanceof ConflictError || err instanceof NotFoundError)) {
            throw err;
          }
          refused += 1;
        }
      }
      return { retried, refused };
    },
  };
}
