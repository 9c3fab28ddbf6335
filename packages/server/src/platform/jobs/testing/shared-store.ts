import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/test-db.ts';

/**
 * A test store that a second pool or another process can open too, as a second server instance would: on
 * PostgreSQL (TEST_DATABASE_URL set) a fresh test database reached by URL, else a PGlite data folder.
 * `env` is what a child process needs (DATABASE_URL, or DATA_DIR with the store at `${DATA_DIR}/pglite`).
 */
export type SharedStore = {
  kind: 'pglite' | 'postgres';
  env: Record<string, string>;
  /** Opens the store; on PGlite only one process may have it open at a time. */
  open(poolSize?: number): Promise<Database>;
  cleanup(): Promise<void>;
};

/** Creates and migrates a store for a test that needs more than one connection pool or process. */
export async function createSharedStore(): Promise<SharedStore> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const first: TestDatabase = await createTestDatabase();
    const name = (await first.query<{ name: string }>('SELECT current_database() AS name'))[0]?.name ?? '';
    const u = new URL(url);
    u.pathname = `/${name}`;
    const dbUrl = u.toString();
    return {
      kind: 'postgres',
      env: { DATABASE_URL: dbUrl },
      open: (poolSize = 8) => openDatabase({ url: dbUrl, poolSize }),
      // Dropping the database (WITH FORCE) also ends connections a killed child left behind.
      cleanup: () => first.cleanup(),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'helsebro-store-'));
  const dataDir = join(dir, 'pglite');
  const database = await openDatabase({ dataDir });
  await migrate(database);
  await database.close();
  return {
    kind: 'pglite',
    env: { DATA_DIR: dir },
    open: () => openDatabase({ dataDir }),
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

/** Environment for a child process of the server's: inherited, minus any database URL the tests run with. */
export function childEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && k !== 'DATABASE_URL' && k !== 'TEST_DATABASE_URL' && k !== 'DATA_DIR') {
      env[k] = v;
    }
  }
  return { ...env, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...extra };
}
