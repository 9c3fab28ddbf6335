import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../test/test-app.ts';
import { loginAs } from '../test/login.ts';
import { movableClock } from '../test/clock.ts';
import { makePerson } from '../test/factories.ts';
import { runHousekeeping } from './housekeeping.ts';

describe('housekeeping', () => {
  let t: TestApp;
  const clock = movableClock(new Date());
  before(async () => {
    t = await buildTestApp({ SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '8', JOB_RETENTION_DAYS: '14' }, { clock });
  });
  after(() => t.close());

  it('removes idle sessions and keeps active ones', async () => {
    const idle = await loginAs(t.app, { kind: 'citizen', personId: (await makePerson(t.app.platform.db)).id });
    clock.advance(20 * 60_000);
    const active = await loginAs(t.app, { kind: 'citizen', personId: (await makePerson(t.app.platform.db)).id });
    clock.advance(15 * 60_000);

    const removed = await runHousekeeping(t.app.platform);

    assert.ok(removed.sessions >= 1);
    const left = await t.database.query<{ id: string }>('SELECT id FROM sessions WHERE id = ANY($1)', [
      [idle.sessionId, active.sessionId],
    ]);
    assert.deepEqual(
      left.map((r) => r.id),
      [active.sessionId],
    );
  });

  it('deletes jobs finished past the retention period, keeps recent and dead ones', async () => {
    const rows = await t.database.query<{ id: string }>(
      `INSERT INTO jobs (kind, state, finished_at) VALUES
         ('test.old', 'done', now() - interval '15 days'),
         ('test.recent', 'done', now() - interval '13 days'),
         ('test.dead', 'dead', now() - interval '30 days'),
         ('test.ready', 'ready', NULL)
       RETURNING id::text`,
    );

    await runHousekeeping(t.app.platform);

    const left = await t.database.query<{ kind: string }>(
      'SELECT kind FROM jobs WHERE id = ANY($1::bigint[]) ORDER BY kind',
      [rows.map((r) => r.id)],
    );
    assert.deepEqual(
      left.map((r) => r.kind),
      ['test.dead', 'test.ready', 'test.recent'],
    );
  });
});
