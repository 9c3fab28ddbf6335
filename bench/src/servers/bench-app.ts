import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../../packages/server/src/app.ts';
import { startBackground } from '../../../packages/server/src/background.ts';
import { loadConfig } from '../../../packages/server/src/config.ts';
import { openDatabase } from '../../../packages/server/src/platform/db/client.ts';
import { migrate } from '../../../packages/server/src/platform/db/migrate.ts';
import { seedDemo } from '../../../packages/server/src/modules/demo-data/index.ts';
import type { App } from '../../../packages/server/src/platform/http/app-type.ts';

/**
 * Helsebro configured as in production (no development IdP, sealer running), on a fresh store — PGlite in a
 * temporary folder, or the PostgreSQL database in DATABASE_URL — seeded with the demo data and listening on a
 * free loopback port. `ready(info)` prints the JSON line the benchmark runner waits for; SIGTERM cleans up.
 * @param env - settings on top of the production-like defaults (e.g. WORKERS)
 */
export async function startBenchApp(
  env: Record<string, string> = {},
): Promise<{ app: App; ready: (info: object) => void }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'helsebro-bench-'));
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    PORT: '0',
    PUBLIC_URL: 'http://127.0.0.1:1',
    SESSION_SECRET: 'bench-session-secret-0123456789abcdef',
    AUDIT_KEY: 'bench-audit-key-0123456789abcdef0123',
    OIDC_ISSUER: 'http://127.0.0.1:1/idp',
    OIDC_CLIENT_SECRET: 'bench-client-secret',
    DEV_IDP: 'false',
    RATE_LIMIT_PUBLIC_PER_MINUTE: '100000000',
    DATA_DIR: dataDir,
    ...env,
  });
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: join(dataDir, 'pglite'),
    poolSize: Number(process.env.BENCH_POOL_SIZE ?? 16),
  });
  await migrate(database);
  await seedDemo(database.db);
  const app = await buildApp(config, { database });
  const background = await startBackground(app.platform);
  await app.listen({ host: '127.0.0.1', port: 0 });
  process.on('SIGTERM', () => {
    void (async () => {
      await app.close();
      await background.stop();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    })();
  });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { app, ready: (info) => process.stdout.write(`${JSON.stringify({ port, ...info })}\n`) };
}
