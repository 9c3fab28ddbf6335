import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { jobs } from '../db/schema.ts';
import type { Database } from '../db/client.ts';
import { enqueue } from './outbox.ts';
import { startWorkers } from './worker.ts';
import { runScript, type ScriptProcess } from '../../../test/child-process.ts';
import { createSharedStore, type SharedStore } from './testing/shared-store.ts';
import { testPlatform, waitFor } from './testing/platform.ts';

const CHILD = fileURLToPath(new URL('./testing/hanging-worker.ts', import.meta.url));
const LEASE_MS = 1500;

/** Starts the hanging worker and resolves with the id of the job it claimed. */
function startHangingWorker(env: Record<string, string>): { worker: ScriptProcess; claimed: Promise<number> } {
  const worker = runScript(CHILD, { ...env, LEASE_MS: String(LEASE_MS) });
  return { worker, claimed: worker.waitForOutput(/claimed (\d+)/).then((m) => Number(m[1])) };
}

void describe('a worker process killed in the middle of a job', () => {
  let store: SharedStore;
  const open: Database[] = [];
  before(async () => {
    store = await createSharedStore();
  });
  after(async () => {
    for (const d of open) {
      await d.close();
    }
    await store.cleanup();
  });

  void it('leaves the job to be taken over after its lease and completed exactly once', async () => {
    let database = await store.open();
    const id = await enqueue(database.db, { kind: 'test.hang', payload: { n: 1 } });
    if (store.kind === 'pglite') {
      await database.close(); // PGlite: one process at a time, so the child gets the folder to itself
    }
    const { worker, claimed } = startHangingWorker(store.env);
    assert.equal(await claimed, id);
    await worker.kill();

    if (store.kind === 'pglite') {
      database = await store.open();
    }
    open.push(database);
    const [orphan] = await database.db
      .select({
        state: jobs.state,
        attempts: jobs.attempts,
        leaseEndMs: sql<string>`(extract(epoch FROM ${jobs.lockedUntil}) * 1000)::bigint::text`,
      })
      .from(jobs)
      .where(eq(jobs.id, id));
    assert.equal(orphan?.state, 'running', 'the claim survived the kill');
    assert.equal(orphan?.attempts, 1);

    const platform = testPlatform(database);
    const runs: Array<{ attempts: number; leaseOver: boolean }> = [];
    platform.jobs.register('test.hang', async (job, { platform: p }) => {
      const [row] = (
        await p.db.execute<{ nowMs: string }>(sql`SELECT (extract(epoch FROM now()) * 1000)::bigint::text AS "nowMs"`)
      ).rows;
      runs.push({ attempts: job.attempts, leaseOver: Number(row?.nowMs) >= Number(orphan?.leaseEndMs) });
    });
    const workers = startWorkers(platform, { pollMs: 20, leaseMs: 5000 });
    await waitFor('the job to be taken over', async () => {
      const [row] = await database.db.select({ state: jobs.state }).from(jobs).where(eq(jobs.id, id));
      return row?.state === 'done';
    });
    await new Promise((r) => setTimeout(r, 300));
    await workers.stop();
    assert.deepEqual(runs, [{ attempts: 2, leaseOver: true }]);
    const [done] = await database.db.select().from(jobs).where(eq(jobs.id, id));
    assert.deepEqual([done?.state, done?.attempts], ['done', 2]);
  });

  void it('shares the outbox between two instances without running a job twice', async () => {
    const a = open[0] ?? (await store.open());
    const b = store.kind === 'postgres' ? await store.open() : a;
    if (b !== a) {
      open.push(b);
    }
    const runs = new Map<number, number>();
    const sets = [a, b].map((database) => {
      const platform = testPlatform(database);
      platform.jobs.register('test.shared', async (job) => {
        runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 2));
      });
      return platform;
    });
    await a.db.transaction(async (tx) => {
      for (let i = 0; i < 200; i++) {
        await enqueue(tx, { kind: 'test.shared', payload: { i } });
      }
    });
    const workers = sets.map((p) => startWorkers(p, { pollMs: 10, concurrency: 4, batchSize: 3 }));
    await waitFor('every job to run', () => runs.size === 200, 20_000);
    await Promise.all(workers.map((w) => w.stop()));
    assert.deepEqual(new Set(runs.values()), new Set([1]));
    const done = workers.map((w) => w.stats().done);
    assert.equal((done[0] ?? 0) + (done[1] ?? 0), 200, `each job done once (${done.join(' + ')})`);
    if (store.kind === 'postgres') {
      assert.ok(
        done.every((d) => d > 0),
        `both instances worked (${done.join(' + ')})`,
      );
    }
  });
});
