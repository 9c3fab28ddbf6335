import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.ts';
import { systemContext, type RequestContext } from '../http/request-context.ts';
import { ForbiddenError } from '../errors.ts';
import { audited, recordAudit } from './audit.ts';
import { chainHash, type ChainEntry } from './chain.ts';
import { sealAll, sealPending, startAuditSealer } from './sealer.ts';
import { verifyAuditChain } from './verify.ts';
import { createSharedStore, type SharedStore } from '../jobs/testing/shared-store.ts';
import type { Database } from '../db/client.ts';

const KEY = 'test-audit-key-0123456789abcdef0123456789';
const ctx = (i: number): RequestContext => ({ ...systemContext('test', `req-${i}`), purpose: 'testing' });

async function record(database: Database, n: number, from = 0): Promise<void> {
  for (let i = from; i < from + n; i++) {
    await recordAudit(database.db, ctx(i), {
      action: 'profile.read',
      resourceType: 'person',
      resourceId: String(i),
      details: { z: i, a: { list: [3, 1, 2], nested: { b: true, a: null } } },
    });
  }
}

type SealRow = { id: number; seq: number; prev_hash: string; hash: string };
async function sealedRows(database: Database): Promise<SealRow[]> {
  const rows = await database.query<SealRow>(
    'SELECT id::int AS id, seq::int AS seq, prev_hash, hash FROM audit_log WHERE seq IS NOT NULL ORDER BY seq',
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), seq: Number(r.seq) }));
}

const silentLogger = () => pino({ level: 'silent' });

void describe('audit sealer', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    await database.cleanup();
  });

  void it('seals recorded entries into a gapless chain that verifies', async () => {
    await record(database, 7);
    const first = await sealPending(database, KEY, 3);
    assert.equal(await sealAll(database, KEY, 3), 4);
    const rows = await sealedRows(database);
    assert.deepEqual(first, { sealed: 3, headSeq: 3, headHash: rows[2]?.hash });
    assert.deepEqual(
      rows.map((r) => r.seq),
      [1, 2, 3, 4, 5, 6, 7],
    );
    assert.deepEqual(
      rows.map((r) => r.id),
      [...rows.map((r) => r.id)].sort((a, b) => a - b),
      'sealed in id order',
    );
    assert.equal(rows[0]?.prev_hash, 'genesis');
    rows.slice(1).forEach((r, i) => assert.equal(r.prev_hash, rows[i]?.hash));
    const [head] = await database.query<{ seq: string; hash: string }>('SELECT seq, hash FROM audit_chain_head');
    assert.equal(Number(head?.seq), 7);
    assert.equal(head?.hash, rows.at(-1)?.hash);
    assert.deepEqual(await verifyAuditChain(database, KEY), { ok: true, checked: 7, pending: 0 });
  });

  void it('leaves entries recorded after the last seal out of the chain, as pending', async () => {
    await record(database, 2, 100);
    assert.deepEqual(await verifyAuditChain(database, KEY), { ok: true, checked: 7, pending: 2 });
    assert.equal(await sealAll(database, KEY), 2);
    assert.deepEqual(await verifyAuditChain(database, KEY), { ok: true, checked: 9, pending: 0 });
  });

  void it('hashes the same bytes on every engine: microseconds, uuids and jsonb read as text', async () => {
    await database.exec(`INSERT INTO audit_log (id, occurred_at, request_id, actor_kind, actor_id, subject_person_id,
      action, resource_type, purpose, emergency, outcome, details) VALUES (900001, '2026-03-01 13:34:56.123456+01',
      'req-fixed', 'personnel', 'p-1', '0B3F2C4E-1111-4A2B-8C3D-222233334444', 'profile.read', 'person', 'health_care',
      true, 'denied', '{"z": 1.50, "a": {"y": [2, 1], "b": null}, "name": "Åse"}')`);
    await sealAll(database, KEY);
    const [head] = await database.query<{ hash: string; prev: string }>(
      'SELECT hash, prev_hash AS prev FROM audit_log WHERE id = 900001',
    );
    const expected: ChainEntry = {
      id: '900001',
      occurredAt: '2026-03-01T12:34:56.123456Z',
      requestId: 'req-fixed',
      actorKind: 'personnel',
      actorId: 'p-1',
      actingForPersonId: null,
      subjectPersonId: '0b3f2c4e-1111-4a2b-8c3d-222233334444',
      municipalityId: null,
      action: 'profile.read',
      resourceType: 'person',
      resourceId: null,
      purpose: 'health_care',
      emergency: true,
      outcome: 'denied',
      details: '{"a": {"b": null, "y": [2, 1]}, "z": 1.5, "name": "Åse"}',
    };
    assert.equal(head?.hash, chainHash(KEY, head?.prev ?? '', expected));
  });

  void it('refuses a plain UPDATE or DELETE of the log (the append-only trigger)', async () => {
    await assert.rejects(database.exec("UPDATE audit_log SET action = 'x' WHERE seq = 1"), /append-only/);
    await assert.rejects(database.exec('UPDATE audit_log SET hash = hash WHERE seq = 1'), /append-only/);
    await assert.rejects(database.exec('DELETE FROM audit_log WHERE seq = 1'), /append-only/);
  });

  void it('seals in the background and flushes what is left on stop', async () => {
    const sealer = startAuditSealer(
      { config: { auditKey: KEY, auditSealIntervalMs: 20 }, database, logger: silentLogger() },
      { batchSize: 4 },
    );
    await record(database, 10, 200);
    await new Promise((r) => setTimeout(r, 300));
    const mid = await verifyAuditChain(database, KEY);
    assert.equal(mid.pending, 0, 'sealed within a few intervals');
    await record(database, 3, 300);
    await sealer.stop();
    const end = await verifyAuditChain(database, KEY);
    assert.equal(end.ok, true);
    assert.equal(end.pending, 0, 'stop() sealed the last entries');
  });

  void it('logs a failing round and keeps going', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'error' }, { write: (s: string) => void lines.push(s) });
    let calls = 0;
    const transaction = database.db.transaction.bind(database.db);
    const flaky = {
      db: {
        transaction: (...args: Parameters<typeof transaction>) => {
          calls += 1;
          return calls <= 2 ? Promise.reject(new Error('connection refused')) : transaction(...args);
        },
      },
    } as unknown as Pick<Database, 'db'>;
    const sealer = startAuditSealer({ config: { auditKey: KEY, auditSealIntervalMs: 10 }, database: flaky, logger });
    await new Promise((r) => setTimeout(r, 150));
    await sealer.stop();
    assert.ok(calls > 2, 'retried after the failures');
    assert.equal(lines.length, 2);
    assert.match(lines[0] ?? '', /audit sealing failed/);
  });
});

void describe('audit sealing under load, with two instances sealing at once', () => {
  let store: SharedStore;
  const pools: Database[] = [];
  before(async () => {
    store = await createSharedStore();
  });
  after(async () => {
    for (const p of pools) {
      await p.close();
    }
    await store.cleanup();
  });

  void it('keeps one gapless chain while 200 audited calls race two sealers', async () => {
    // On PostgreSQL two pools are two instances; PGlite allows one owner, so both sealers share it there.
    const a = await store.open();
    pools.push(a);
    const b = store.kind === 'postgres' ? await store.open() : a;
    if (b !== a) {
      pools.push(b);
    }
    const logger = silentLogger();
    const sealers = [a, b].map((database) =>
      startAuditSealer({ config: { auditKey: KEY, auditSealIntervalMs: 10 }, database, logger }, { batchSize: 7 }),
    );
    const calls = Array.from({ length: 200 }, (_, i) =>
      audited(i % 2 === 0 ? a.db : b.db, ctx(i), { action: 'test.step', resourceType: 'record' }, async (tx) => {
        await tx.execute('SELECT 1');
        if (i % 10 === 0) {
          throw new ForbiddenError('no');
        }
        return i;
      }).catch((err: unknown) => {
        if (err instanceof ForbiddenError) {
          return -1;
        }
        throw err;
      }),
    );
    const results = await Promise.all(calls);
    assert.equal(results.filter((r) => r === -1).length, 20, 'denied calls are audited too');
    await Promise.all(sealers.map((s) => s.stop()));
    const counts = sealers.map((s) => s.stats().sealed);
    assert.equal((counts[0] ?? 0) + (counts[1] ?? 0), 200, `each entry sealed once (${counts.join(' + ')})`);
    assert.ok(
      counts.every((c) => c > 0),
      `both sealers took turns (${counts.join(' + ')})`,
    );
    const rows = await sealedRows(a);
    assert.equal(rows.length, 200);
    assert.deepEqual(
      rows.map((r) => r.seq),
      Array.from({ length: 200 }, (_, i) => i + 1),
    );
    assert.deepEqual(await verifyAuditChain(b, KEY), { ok: true, checked: 200, pending: 0 });
  });

  void it('makes a second sealer wait for the head lock, then continue from the head the first one left', async () => {
    const a = pools[0] ?? (await store.open());
    const b = store.kind === 'postgres' ? await store.open() : a;
    if (b !== a) {
      pools.push(b);
    }
    await record(a, 5, 1000);
    let release = (): void => undefined;
    const held = new Promise<void>((r) => (release = r));
    let locked = (): void => undefined;
    const isLocked = new Promise<void>((r) => (locked = r));
    const first = a.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT seq FROM audit_chain_head WHERE id = 1 FOR UPDATE`);
      locked();
      await held;
    });
    await isLocked;
    let secondDone = false;
    const second = sealPending(b, KEY).then((r) => {
      secondDone = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(secondDone, false, 'the second sealer waits while the head is locked');
    release();
    await first;
    const sealedBySecond = await second;
    const [head] = await a.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = 205');
    assert.deepEqual(sealedBySecond, { sealed: 5, headSeq: 205, headHash: head?.hash });
    assert.deepEqual(await verifyAuditChain(a, KEY), { ok: true, checked: 205, pending: 0 });
  });
});
