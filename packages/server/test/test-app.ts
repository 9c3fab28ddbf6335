import type { App } from '../src/platform/http/app-type.ts';
import { buildApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import type { Clock } from '../src/platform/platform.ts';
import { createTestDatabase, type TestDatabase } from './test-db.ts';

export type TestApp = {
  app: App;
  database: TestDatabase;
  config: Config;
  close(): Promise<void>;
};

/**
 * Builds the real application on a fresh test database, not listening (use `app.inject`), unless `listen` is
 * set, in which case it listens on a free loopback port and PUBLIC_URL points there (the OIDC flow needs it).
 * @param env - extra environment variables, as a deployment would set them
 */
export async function buildTestApp(
  env: Record<string, string> = {},
  opts: { listen?: boolean; clock?: Clock; database?: TestDatabase } = {},
): Promise<TestApp> {
  const port = opts.listen ? await freePort() : 0;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    WORKERS: 'false',
    PORT: String(port),
    ...env,
  });
  const database = opts.database ?? (await createTestDatabase());
  const app = await buildApp(config, { database, ...(opts.clock ? { clock: opts.clock } : {}) });
  if (opts.listen) {
    await app.listen({ host: '127.0.0.1', port });
  } else {
    await app.ready();
  }
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.cleanup();
    },
  };
}

/** A free TCP port on loopback, found by letting the OS pick one. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
