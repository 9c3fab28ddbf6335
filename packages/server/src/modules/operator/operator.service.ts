import type { JobItem, JobsResponse, JobState } from '@helsebro/contracts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import * as repo from './operator.repository.ts';

export type JobsFilter = { state?: JobState | undefined; limit: number };

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
  return {
    /**
     * Counts per state and the newest jobs (of one state, or all with the dead ones first).
     * @param ctx - the caller; must be the operator
     * @param filter - state and limit
     */
    async listJobs(ctx: RequestContext, filter: JobsFilter): Promise<JobsResponse> {
      requireOperator(ctx);
      const [counts, rows] = await Promise.all([
        repo.countJobsByState(db),
        filter.state ? repo.listJobsInState(db, filter.state, filter.limit) : repo.listJobs(db, filter.limit),
      ]);
      return { counts, jobs: rows.map(toItem) };
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
    },
  };
}
