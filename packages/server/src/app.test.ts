import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../test/test-db.ts';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './platform/logger.ts';

describe('buildApp: the platform clock', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    await database.cleanup();
  });

  /** Builds the app with a logger whose lines the test reads, and closes it again. */
  async function platformClockOf(env: Record<string, string>) {
    const lines: string[] = [];
    const config = loadConfig({ NODE_ENV: 'test', WORKERS: 'false', ...env });
    const app = await buildApp(config, { database, logger: createLogger('warn', { write: (l) => lines.push(l) }) });
    try {
      const read = app.platform.clock.now().getTime();
      return { read, real: Date.now(), warnings: lines.map((l) => JSON.parse(l) as { level: number; msg: string }) };
    } finally {
      await app.close();
    }
  }

  it('with DEV_CLOCK_START: read that instant when the process started, runs on since, and warns', async () => {
    const start = Date.parse('2026-12-12T09:00:00+01:00');
    const { read, real, warnings } = await platformClockOf({ DEV_CLOCK_START: '2026-12-12T09:00:00+01:00' });
    const sinceProcessStart = real - performance.timeOrigin;
    assert.ok(sinceProcessStart > 0);
    const drift = start + sinceProcessStart - read;
    assert.ok(drift >= 0 && drift < 1_000, `the clock read ${new Date(read).toISOString()} (${drift} ms off)`);
    assert.deepEqual(
      warnings.map((w) => [w.level, w.msg]),
      [[40, 'DEV_CLOCK_START is set: the server runs on a set clock, not the real time (development and tests only)']],
    );
  });

  it('without it: the system clock, and no warning', async () => {
    const { read, real, warnings } = await platformClockOf({});
    assert.ok(real - read >= 0 && real - read < 1_000, `${real - read} ms off`);
    assert.deepEqual(warnings, []);
  });
});
