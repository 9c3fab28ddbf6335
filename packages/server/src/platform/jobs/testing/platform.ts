import { pino, type Logger } from 'pino';
import { loadConfig } from '../../../config.ts';
import { createLogger } from '../../logger.ts';
import type { Database } from '../../db/client.ts';
import { systemClock, type Platform } from '../../platform.ts';
import { createJobRegistry } from '../registry.ts';

/**
 * A Platform on a test store without the HTTP app, for worker tests.
 * @param database - the store
 * @param logger - silent unless given
 */
export function testPlatform(database: Database, logger: Logger = pino({ level: 'silent' })): Platform {
  return {
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', WORKER_POLL_MS: '20', AUDIT_SEAL_INTERVAL_MS: '20' }),
    database,
    db: database.db,
    logger,
    clock: systemClock,
    jobs: createJobRegistry<Platform>(),
  };
}

/** A logger configured as the server's (identity numbers masked) that keeps its lines, to check what was logged. */
export function capturingLogger(): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger('debug', {
    write: (s: string) => void lines.push(JSON.parse(s) as Record<string, unknown>),
  });
  return { logger, lines };
}

/**
 * Resolves once `check` returns something truthy, polling every 10 ms.
 * @param what - named in the error when `timeoutMs` passes first
 */
export async function waitFor<T>(what: string, check: () => Promise<T> | T, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) {
      return value;
    }
    if (Date.now() > until) {
      throw new Error(`Timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}
