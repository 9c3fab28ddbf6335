import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { buildApp } from '../../../packages/server/src/app.ts';
import { startBackground } from '../../../packages/server/src/background.ts';
import { loadConfig } from '../../../packages/server/src/config.ts';
import { openDatabase } from '../../../packages/server/src/platform/db/client.ts';
import { migrate } from '../../../packages/server/src/platform/db/migrate.ts';
import { persons } from '../../../packages/server/src/platform/db/schema.ts';
import { seedDemo } from '../../../packages/server/src/modules/demo-data/index.ts';
import { loginAs } from '../../../packages/server/test/login.ts';

// Helsebro as deployed (audit sealer and workers running), on a fresh store: PGlite in a temporary folder, or the
// PostgreSQL database in DATABASE_URL. Logs in the demo citizen and prints the port and the session cookie.
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
});
const database = await openDatabase({ url: config.databaseUrl, dataDir: join(dataDir, 'pglite'), poolSize: 16 });
await migrate(database);
await seedDemo(database.db);
const app = await buildApp(config, { database });
const background = await startBackground(app.platform);
await app.listen({ host: '127.0.0.1', port: 0 });
const [kari] = await database.db.select({ id: persons.id }).from(persons).where(eq(persons.givenName, 'Kari'));
const login = await loginAs(app, { kind: 'citizen', personId: kari!.id });
const addr = app.server.address();
process.stdout.write(
  `${JSON.stringify({ port: typeof addr === 'object' && addr ? addr.port : 0, cookie: login.headers.cookie })}\n`,
);

process.on('SIGTERM', () => {
  void (async () => {
    await app.close();
    await background.stop();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  })();
});
