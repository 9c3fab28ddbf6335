import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.ts';
import { systemContext } from '../http/request-context.ts';
import { recordAudit } from './audit.ts';
import { sealAll } from './sealer.ts';
import { asSuperuser } from './testing/tamper.ts';
import { verifyAuditChain, type ChainProblem } from './verify.ts';

const KEY = 'test-audit-key-0123456789abcdef0123456789';

async function idAt(database: TestDatabase, seq: number): Promise<number> {
  const [row] = await database.query<{ id: string }>(`SELECT id::text AS id FROM audit_log WHERE seq = ${seq}`);
  assert.ok(row, `no entry #${seq}`);
  return Number(row.id);
}

void describe('audit chain verification', () => {
  const opened: TestDatabase[] = [];
  afterEach(async () => {
    for (const d of opened.splice(0)) {
      await d.cleanup();
    }
  });

  /** A fresh store with `n` sealed entries (#1 … #n). */
  async function chainOf(n: number): Promise<TestDatabase> {
    const database = await createTestDatabase();
    opened.push(database);
    for (let i = 1; i <= n; i++) {
      await recordAudit(database.db, systemContext('test', `req-${i}`), {
        action: 'test.step',
        resourceType: 'thing',
        resourceId: String(i),
        details: { n: i },
      });
    }
    await sealAll(database, KEY);
    return database;
  }

  const problemOf = async (database: TestDatabase, batchSize?: number): Promise<ChainProblem | undefined> => {
    const result = await verifyAuditChain(database, KEY, undefined, batchSize ? { batchSize } : {});
    assert.equal(result.ok, false, 'the tampering is detected');
    return result.firstProblem;
  };

  void it('finds an intact chain intact and reports progress', async () => {
    const database = await chainOf(5);
    const progress: Array<[number, number]> = [];
    const result = await verifyAuditChain(database, KEY, (c, t) => progress.push([c, t]), { batchSize: 2 });
    assert.deepEqual(result, { ok: true, checked: 5, pending: 0 });
    assert.deepEqual(progress.at(-1), [5, 5]);
    assert.ok(progress.length >= 3);
  });

  void it('names an entry whose content was changed', async () => {
    const database = await chainOf(5);
    const id = await idAt(database, 3);
    await asSuperuser(database, "UPDATE audit_log SET outcome = 'denied' WHERE seq = 3");
    const p = await problemOf(database);
    assert.deepEqual(
      { kind: p?.kind, seq: p?.seq, id: p?.id, action: p?.action },
      {
        kind: 'changed',
        seq: 3,
        id,
        action: 'test.step',
      },
    );
    assert.match(p?.occurredAt ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  });

  void it('notices a change of one microsecond in the time of an entry', async () => {
    const database = await chainOf(3);
    await asSuperuser(
      database,
      "UPDATE audit_log SET occurred_at = occurred_at + interval '1 microsecond' WHERE seq = 2",
    );
    const p = await problemOf(database);
    assert.equal(p?.kind, 'changed');
    assert.equal(p?.seq, 2);
  });

  void it('names the gap where an entry was deleted', async () => {
    const database = await chainOf(5);
    await asSuperuser(database, 'DELETE FROM audit_log WHERE seq = 3');
    const p = await problemOf(database);
    assert.deepEqual({ kind: p?.kind, seq: p?.seq, id: p?.id }, { kind: 'removed', seq: 3, id: null });
    assert.match(p?.detail ?? '', /1 entry missing between #2 .* and #4/);
  });

  void it('notices a deletion even when the numbers after it were closed up', async () => {
    const database = await chainOf(5);
    const id = await idAt(database, 4);
    await asSuperuser(
      database,
      `DELETE FROM audit_log WHERE seq = 3;
       UPDATE audit_log SET seq = seq - 1 WHERE seq > 3;
       UPDATE audit_chain_head SET seq = seq - 1`,
    );
    const p = await problemOf(database);
    assert.deepEqual({ kind: p?.kind, seq: p?.seq, id: p?.id }, { kind: 'removed', seq: 3, id });
  });

  void it('names a forged entry slipped in between two that chain correctly', async () => {
    for (const batchSize of [1000, 3]) {
      const database = await chainOf(5);
      await asSuperuser(
        database,
        `UPDATE audit_log SET seq = -seq WHERE seq >= 3;
         UPDATE audit_log SET seq = -seq + 1 WHERE seq < 0;
         INSERT INTO audit_log (actor_kind, action, resource_type, outcome, seq, prev_hash, hash)
           SELECT 'system', 'thing.forged', 'thing', 'success', 3, hash, md5('forged') || md5('x')
           FROM audit_log WHERE seq = 2;
         UPDATE audit_chain_head SET seq = seq + 1`,
      );
      const [forged] = await database.query<{ id: string }>(
        "SELECT id::text AS id FROM audit_log WHERE action = 'thing.forged'",
      );
      const p = await problemOf(database, batchSize);
      assert.deepEqual(
        { kind: p?.kind, seq: p?.seq, id: p?.id, action: p?.action },
        {
          kind: 'inserted',
          seq: 3,
          id: Number(forged?.id),
          action: 'thing.forged',
        },
      );
    }
  });

  void it('notices that the last entry was deleted', async () => {
    const database = await chainOf(5);
    await asSuperuser(database, 'DELETE FROM audit_log WHERE seq = 5');
    const p = await problemOf(database);
    assert.deepEqual({ kind: p?.kind, seq: p?.seq, id: p?.id }, { kind: 'removed', seq: 5, id: null });
    assert.match(p?.detail ?? '', /chain head records #5/);
  });

  void it('notices entries that swapped places', async () => {
    const database = await chainOf(5);
    const id = await idAt(database, 4);
    await asSuperuser(
      database,
      `UPDATE audit_log SET seq = 0 WHERE seq = 2;
       UPDATE audit_log SET seq = 2 WHERE seq = 4;
       UPDATE audit_log SET seq = 4 WHERE seq = 0`,
    );
    const p = await problemOf(database);
    assert.deepEqual({ kind: p?.kind, seq: p?.seq, id: p?.id }, { kind: 'reordered', seq: 2, id });
  });

  void it('names the first problem in chain order when there are several', async () => {
    const database = await chainOf(6);
    await asSuperuser(database, "UPDATE audit_log SET action = 'x' WHERE seq = 5; DELETE FROM audit_log WHERE seq = 2");
    const p = await problemOf(database);
    assert.deepEqual({ kind: p?.kind, seq: p?.seq }, { kind: 'removed', seq: 2 });
  });

  void it('fails every entry when checked with another key', async () => {
    const database = await chainOf(2);
    const result = await verifyAuditChain(database, 'another-key-0123456789abcdef012345678');
    assert.equal(result.ok, false);
    assert.deepEqual({ kind: result.firstProblem?.kind, seq: result.firstProblem?.seq }, { kind: 'changed', seq: 1 });
  });
});
