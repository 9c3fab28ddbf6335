import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.ts';
import { jobs } from '../db/schema.ts';
import type { Platform } from '../platform.ts';
import { backoffMs } from './backoff.ts';
import { enqueue, type Job } from './outbox.ts';
import { PermanentJobFailure } from './registry.ts';
import { startWorkers } from './worker.ts';
import { capturingLogger, testPlatform, waitFor } from './testing/platform.ts';

const quick = { pollMs: 10, backoff: { baseMs: 40, maxMs: 200 }, leaseMs: 2000 };

void describe('outbox workers', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    await database.cleanup();
  });

  const row = async (id: number) => (await database.db.select().from(jobs).where(eq(jobs.id, id)))[0];

  void it('keeps a job only when the transaction that enqueued it commits', async () => {
    await assert.rejects(
      database.db.transaction(async (tx) => {
        await enqueue(tx, { kind: 'test.rollback', payload: { n: 1 } });
        throw new Error('the decision failed');
      }),
      /the decision failed/,
    );
    const committed = await database.db.transaction((tx) => enqueue(tx, { kind: 'test.rollback', payload: { n: 2 } }));
    const rows = await database.db.select().from(jobs).where(eq(jobs.kind, 'test.rollback'));
    assert.deepEqual(
      rows.map((r) => [r.id, r.payload, r.state]),
      [[committed, { n: 2 }, 'ready']],
    );
  });

  void it('refuses a job kind that is not "module.verb"', async () => {
    await assert.rejects(enqueue(database.db, { kind: 'Send SMS', payload: {} }), /module\.verb/);
  });

  void it('runs a job once and marks it done', async () => {
    const platform = testPlatform(database);
    const seen: Array<{ job: Job; platform: Platform }> = [];
    platform.jobs.register('test.ok', async (job, ctx) => {
      seen.push({ job, platform: ctx.platform });
      await Promise.resolve();
    });
    const id = await enqueue(database.db, { kind: 'test.ok', payload: { to: 'x' } });
    const workers = startWorkers(platform, quick);
    await waitFor('the job to finish', async () => (await row(id))?.state === 'done');
    await workers.stop();
    const done = await row(id);
    assert.equal(done?.attempts, 1);
    assert.ok(done?.finishedAt);
    assert.equal(done?.lockedUntil, null);
    assert.equal(seen.length, 1);
    assert.deepEqual(seen[0]?.job.payload, { to: 'x' });
    assert.equal(seen[0]?.platform, platform);
  });

  void it('retries a failing job with growing delays, then marks it dead with its error, identity numbers masked', async () => {
    const { logger, lines } = capturingLogger();
    const platform = testPlatform(database, logger);
    const calls: number[] = [];
    platform.jobs.register('test.fails', async () => {
      calls.push(Date.now());
      await Promise.resolve();
      throw new Error(`gateway refused the message for 01017012345 ${'x'.repeat(3000)}`);
    });
    const id = await enqueue(database.db, { kind: 'test.fails', payload: {}, maxAttempts: 3 });
    const workers = startWorkers(platform, quick);
    await waitFor('the job to die', async () => (await row(id))?.state === 'dead');
    await workers.stop();
    const dead = await row(id);
    assert.equal(calls.length, 3);
    assert.equal(dead?.attempts, 3);
    assert.ok(dead?.finishedAt);
    assert.match(dead?.lastError ?? '', /^Error: gateway refused the message for \*{11} x+…$/);
    assert.equal(dead?.lastError?.length, 2000);
    const gaps = calls.slice(1).map((t, i) => t - (calls[i] ?? 0));
    assert.ok((gaps[0] ?? 0) >= 20 - 5, `waited at least half the first backoff (${gaps.join(', ')} ms)`);
    assert.ok((gaps[1] ?? 0) >= 40 - 5, `waited at least half the doubled backoff (${gaps.join(', ')} ms)`);
    assert.deepEqual(workers.stats(), { started: 3, done: 0, retried: 2, dead: 1, running: 0 });
    const deadLog = lines.find((l) => l.msg === 'job failed for the last time and is dead');
    assert.ok(deadLog);
    assert.doesNotMatch(JSON.stringify(lines), /01017012345/);
  });

  void it('marks a job dead at its first PermanentJobFailure, without waiting out its attempts', async () => {
    const platform = testPlatform(database);
    let calls = 0;
    platform.jobs.register('test.refused', () => {
      calls += 1;
      return Promise.reject(new PermanentJobFailure('the partner answered 400'));
    });
    const id = await enqueue(database.db, { kind: 'test.refused', payload: {}, maxAttempts: 5 });
    const workers = startWorkers(platform, quick);
    await waitFor('the job to die', async () => (await row(id))?.state === 'dead');
    await workers.stop();
    const dead = await row(id);
    assert.deepEqual([calls, dead?.attempts], [1, 1]);
    assert.equal(dead?.lastError, 'PermanentJobFailure: the partner answered 400');
  });

  void it('backs off exponentially with jitter, up to the cap', () => {
    const opts = { baseMs: 1000, maxMs: 10_000 };
    assert.deepEqual(
      [1, 2, 3, 4, 5, 30].map((a) => backoffMs(a, opts, () => 0)),
      [500, 1000, 2000, 4000, 5000, 5000],
    );
    assert.deepEqual(
      [1, 2, 5].map((a) => backoffMs(a, opts, () => 0.999999)),
      [1000, 2000, 10_000],
    );
  });

  void it('leaves a job of a kind nobody here handles ready and untouched, and warns about it', async () => {
    const { logger, lines } = capturingLogger();
    const platform = testPlatform(database, logger);
    platform.jobs.register('test.known', () => Promise.resolve());
    const id = await enqueue(database.db, {
      kind: 'test.unknown',
      payload: {},
      runAt: new Date(Date.now() - 60_000),
    });
    const workers = startWorkers(platform, { ...quick, strandedCheckMs: 30 });
    await waitFor('the warning', () => lines.some((l) => l.kind === 'test.unknown'));
    await workers.stop();
    const left = await row(id);
    assert.deepEqual([left?.state, left?.attempts, left?.lastError], ['ready', 0, null]);
  });

  void it('keeps polling through database errors', async () => {
    const { logger, lines } = capturingLogger();
    const platform = testPlatform(database, logger);
    let ran = 0;
    platform.jobs.register('test.after_outage', () => {
      ran += 1;
      return Promise.resolve();
    });
    const id = await enqueue(database.db, { kind: 'test.after_outage', payload: {} });
    await database.exec('ALTER TABLE jobs RENAME TO jobs_away');
    const workers = startWorkers(platform, { ...quick, pollMs: 5 });
    try {
      await waitFor('a logged poll failure', () =>
        lines.some((l) => l.msg === 'polling the job outbox failed; will retry'),
      );
    } finally {
      await database.exec('ALTER TABLE jobs_away RENAME TO jobs');
    }
    await waitFor('the job to run after the outage', async () => (await row(id))?.state === 'done');
    await workers.stop();
    assert.equal(ran, 1);
  });

  void it('waits on stop for the handlers that are running', async () => {
    const platform = testPlatform(database);
    let started = false;
    platform.jobs.register('test.slow', async () => {
      started = true;
      await new Promise((r) => setTimeout(r, 300));
    });
    const id = await enqueue(database.db, { kind: 'test.slow', payload: {} });
    const workers = startWorkers(platform, quick);
    await waitFor('the handler to start', () => started);
    await workers.stop();
    assert.equal((await row(id))?.state, 'done');
  });

  void it('gives up waiting for a handler that never ends, aborts its signal and leaves the job to its lease', async () => {
    const { logger, lines } = capturingLogger();
    const platform = testPlatform(database, logger);
    let signal: AbortSignal | undefined;
    platform.jobs.register('test.stuck', (_job, ctx) => {
      signal = ctx.signal;
      return new Promise<void>(() => undefined);
    });
    const id = await enqueue(database.db, { kind: 'test.stuck', payload: {} });
    const workers = startWorkers(platform, { ...quick, stopTimeoutMs: 100 });
    await waitFor('the handler to start', () => signal);
    await workers.stop();
    assert.equal(signal?.aborted, true);
    assert.equal((await row(id))?.state, 'running');
    assert.ok(lines.some((l) => String(l.msg).startsWith('stopped with jobs still running')));
  });

  void it('takes over a job whose lease ran out, and marks it dead when that was its last attempt', async () => {
    const platform = testPlatform(database);
    let ran = 0;
    platform.jobs.register('test.orphan', () => {
      ran += 1;
      return Promise.resolve();
    });
    const [again, last] = await Promise.all([
      enqueue(database.db, { kind: 'test.orphan', payload: {}, maxAttempts: 3 }),
      enqueue(database.db, { kind: 'test.orphan', payload: {}, maxAttempts: 1 }),
    ]);
    await database.db
      .update(jobs)
      .set({ state: 'running', attempts: 1, lockedUntil: sql`now() - interval '1 second'` })
      .where(sql`${jobs.id} IN (${again}, ${last})`);
    const workers = startWorkers(platform, quick);
    await waitFor(
      'both jobs to settle',
      async () => (await row(again))?.state === 'done' && (await row(last))?.state === 'dead',
    );
    await workers.stop();
    assert.equal(ran, 1);
    assert.equal((await row(again))?.attempts, 2);
    assert.match((await row(last))?.lastError ?? '', /lease ran out/);
  });

  void it('runs many jobs in parallel up to the concurrency, each exactly once', async () => {
    const platform = testPlatform(database);
    const runs = new Map<number, number>();
    let running = 0;
    let most = 0;
    platform.jobs.register('test.many', async (job) => {
      running += 1;
      most = Math.max(most, running);
      runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 5));
      running -= 1;
    });
    const ids = await database.db.transaction(async (tx) => {
      const out: number[] = [];
      for (let i = 0; i < 60; i++) {
        out.push(await enqueue(tx, { kind: 'test.many', payload: { i } }));
      }
      return out;
    });
    const workers = startWorkers(platform, { ...quick, concurrency: 3, batchSize: 2 });
    await waitFor('all jobs to finish', () => runs.size === 60 && running === 0);
    await workers.stop();
    assert.equal(most, 3);
    assert.deepEqual(new Set(runs.values()), new Set([1]));
    const states = await database.db
      .select({ state: jobs.state })
      .from(jobs)
      .where(sql`${jobs.id} IN ${ids}`);
    assert.ok(states.every((s) => s.state === 'done'));
  });
});
