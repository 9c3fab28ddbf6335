import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.ts';
import { auditLog, jobs } from '../../platform/db/schema.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { anonymousContext, type RequestContext } from '../../platform/http/request-context.ts';
import { enqueue } from '../../platform/jobs/outbox.ts';
import { createJobRegistry, type JobRetryHook } from '../../platform/jobs/registry.ts';
import { createOperatorService, type OperatorService } from './operator.service.ts';

const operator: RequestContext = {
  ...anonymousContext('req-op'),
  actor: { kind: 'operator', operatorId: '11111111-2222-4333-8444-555555555555' },
};
const citizen: RequestContext = {
  ...anonymousContext('req-cit'),
  actor: { kind: 'citizen', personId: '11111111-2222-4333-8444-666666666666' },
};

void describe('operator service: the outbox', () => {
  let database: TestDatabase;
  let service: OperatorService;
  const ids: Record<string, number> = {};
  /** What the `test.hooked` kind's retry hook does; each test sets it. */
  let hook: JobRetryHook = () => Promise.resolve(undefined);
  before(async () => {
    database = await createTestDatabase();
    const registry = createJobRegistry();
    registry.register('test.hooked', () => Promise.resolve(), { onRetry: (q, job) => hook(q, job) });
    service = createOperatorService({ db: database.db, jobs: registry });
    for (const [name, state] of [
      ['ready', 'ready'],
      ['running', 'running'],
      ['done1', 'done'],
      ['done2', 'done'],
      ['dead', 'dead'],
    ] as const) {
      const id = await enqueue(database.db, { kind: `test.${name}`, payload: { secret: 'personal' } });
      await database.db
        .update(jobs)
        .set({
          state,
          attempts: state === 'dead' ? 8 : 1,
          lastError: state === 'dead' ? 'Error: gateway down' : null,
          // The dead job is the oldest change: it must still come first.
          updatedAt: sql`now() - ${state === 'dead' ? 3600 : 0} * interval '1 second'`,
        })
        .where(eq(jobs.id, id));
      ids[name] = id;
    }
  });
  after(async () => {
    await database.cleanup();
  });

  void it('counts jobs per state and lists the dead ones first, without payloads', async () => {
    const res = await service.listJobs(operator, { limit: 100 });
    assert.deepEqual(res.counts, { ready: 1, running: 1, done: 2, dead: 1 });
    assert.equal(res.jobs[0]?.id, ids.dead);
    assert.equal(res.jobs[0]?.lastError, 'Error: gateway down');
    assert.equal(res.jobs.length, 5);
    assert.doesNotMatch(JSON.stringify(res), /personal|payload/);
  });

  void it('filters by state and honours the limit', async () => {
    const done = await service.listJobs(operator, { state: 'done', limit: 1 });
    assert.equal(done.jobs.length, 1);
    assert.equal(done.jobs[0]?.state, 'done');
    assert.equal(done.counts.done, 2);
    const two = await service.listJobs(operator, { limit: 2 });
    assert.equal(two.jobs.length, 2);
    assert.equal(two.jobs[0]?.state, 'dead');
  });

  void it('sends a dead job round again with its attempts reset, and audits it', async () => {
    const item = await service.retryJob(operator, ids.dead ?? 0);
    assert.deepEqual([item.state, item.attempts, item.lastError], ['ready', 0, 'Error: gateway down']);
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'job.retry'));
    assert.equal(audit?.resourceId, String(ids.dead));
    assert.equal(audit?.actorId, '11111111-2222-4333-8444-555555555555');
  });

  void it('refuses to retry a job that is not dead, and one that does not exist', async () => {
    await assert.rejects(service.retryJob(operator, ids.ready ?? 0), ConflictError);
    await assert.rejects(service.retryJob(operator, 987_654_321), NotFoundError);
  });

  void it("runs the kind's retry hook in the reset's transaction: its details go into the audit entry", async () => {
    const id = await enqueue(database.db, { kind: 'test.hooked', payload: { messageId: 'm-1' } });
    await database.db.update(jobs).set({ state: 'dead', attempts: 3 }).where(eq(jobs.id, id));
    const seen: unknown[] = [];
    hook = async (q, job) => {
      seen.push(job.payload);
      // The hook sees the reset already made, in the same transaction.
      const [row] = await q.select({ state: jobs.state }).from(jobs).where(eq(jobs.id, job.id));
      return { details: { stateSeen: row?.state, messageId: job.payload.messageId } };
    };
    const item = await service.retryJob(operator, id);
    assert.equal(item.state, 'ready');
    assert.deepEqual(seen, [{ messageId: 'm-1' }]);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.action} = 'job.retry' AND ${auditLog.resourceId} = ${String(id)}`);
    assert.deepEqual(audit?.details, { kind: 'test.hooked', stateSeen: 'ready', messageId: 'm-1' });
  });

  void it('leaves the job dead and audits nothing when the hook refuses', async () => {
    const id = await enqueue(database.db, { kind: 'test.hooked', payload: {} });
    await database.db.update(jobs).set({ state: 'dead', attempts: 3 }).where(eq(jobs.id, id));
    hook = () => Promise.reject(new ConflictError('Ikke nå.', 'not_now'));
    await assert.rejects(service.retryJob(operator, id), (err: ConflictError) => err.code === 'not_now');
    const [row] = await database.db.select().from(jobs).where(eq(jobs.id, id));
    assert.deepEqual([row?.state, row?.attempts], ['dead', 3]);
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.action} = 'job.retry' AND ${auditLog.resourceId} = ${String(id)}`);
    assert.equal(audits.length, 0);
  });

  void it('refuses anyone but the operator', async () => {
    await assert.rejects(service.listJobs(citizen, { limit: 10 }), ForbiddenError);
    await assert.rejects(service.retryJob(citizen, ids.done1 ?? 0), ForbiddenError);
  });
});
