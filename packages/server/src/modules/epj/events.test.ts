import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.ts';
import { makeMunicipality, makeServiceUnit, type Municipality } from '../../../test/factories.ts';
import { recordEpjEvent } from './events.ts';

/**
 * The feed's cursor is the event id. A sequence hands out ids at insert, not at commit, so without care a later
 * transaction could commit a larger id first and a poller would move past a smaller one that commits afterwards.
 */
void describe('recordEpjEvent: events commit in id order within a municipality', () => {
  let database: TestDatabase;
  let m: Municipality, other: Municipality;
  let unitId: string;

  before(async () => {
    database = await createTestDatabase();
    m = await makeMunicipality(database.db);
    other = await makeMunicipality(database.db);
    unitId = (await makeServiceUnit(database.db, m.id)).id;
  });
  after(() => database.cleanup());

  const event = (municipalityId: string, n: string) => ({
    municipalityId,
    serviceUnitId: municipalityId === m.id ? unitId : null,
    personId: null,
    kind: 'conversation.closed' as const,
    refs: { conversationId: n },
  });

  void it('holds a second writer of the same municipality until the first commits', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let firstWrote!: () => void;
    const wrote = new Promise<void>((r) => (firstWrote = r));
    const first = database.db.transaction(async (tx) => {
      await recordEpjEvent(tx, event(m.id, 'first'));
      firstWrote();
      await gate;
    });
    await wrote;
    let secondDone = false;
    const second = database.db
      .transaction((tx) => recordEpjEvent(tx, event(m.id, 'second')))
      .then(() => (secondDone = true));
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(secondDone, false, 'the second writer waits while the first is open');
    release();
    await first;
    await second;
    const rows = await database.query<{ id: string; c: string }>(
      "SELECT id::text, refs->>'conversationId' AS c FROM epj_events WHERE municipality_id = $1 ORDER BY id",
      [m.id],
    );
    assert.deepEqual(
      rows.map((r) => r.c),
      ['first', 'second'],
    );
  });

  void it('stores ids only, with the municipality, unit and kind, in the caller transaction', async () => {
    await assert.rejects(
      database.db.transaction(async (tx) => {
        await recordEpjEvent(tx, event(other.id, 'rolled-back'));
        throw new Error('the write that caused it failed');
      }),
    );
    const [n] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM epj_events WHERE refs->>'conversationId' = 'rolled-back'",
    );
    assert.equal(n!.n, 0, 'no event without the change that caused it');
    await database.db.transaction((tx) =>
      recordEpjEvent(tx, { ...event(other.id, 'kept'), occurredAt: new Date('2026-11-23T08:00:00Z') }),
    );
    const [row] = await database.query<{ municipality_id: string; kind: string; occurred_at: Date }>(
      "SELECT municipality_id, kind, occurred_at FROM epj_events WHERE refs->>'conversationId' = 'kept'",
    );
    assert.equal(row!.municipality_id, other.id);
    assert.equal(row!.kind, 'conversation.closed');
    assert.equal(new Date(row!.occurred_at).toISOString(), '2026-11-23T08:00:00.000Z');
  });
});
