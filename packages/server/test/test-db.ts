import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { openDatabase, type Database } from '../src/platform/db/client.ts';
import { listMigrations, migrate } from '../src/platform/db/migrate.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'helsebro');

export type TestDatabase = Database & { /** Drops what the test created. */ cleanup(): Promise<void> };

function schemaFingerprint(): string {
  const h = createHash('sha256');
  for (const m of listMigrations()) {
    h.update(m.version + m.checksum);
  }
  return h.digest('hex').slice(0, 12);
}

/**
 * A fresh, migrated database for one test file: a PGlite copy of a migrated template (1 s instead of the
 * 4 s initdb), or, with TEST_DATABASE_URL set, a new PostgreSQL database cloned from a migrated template
 * (`CREATE DATABASE … TEMPLATE`, as immich does).
 * @param opts - `onDisk`: PGlite in a temporary folder, as `npm start` runs it, instead of in memory. Only for
 *   tests that measure time: the in-memory file system copies a growing file on every extension (measured, a
 *   few hundred ms per 8 MB written), which the store on disk does not.
 */
export async function createTestDatabase(opts: { onDisk?: boolean } = {}): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  return url ? createPostgresTestDatabase(url) : createPgliteTestDatabase(opts.onDisk ?? false);
}

export function usingPostgres(): boolean {
  return Boolean(process.env.TEST_DATABASE_URL);
}

async function createPgliteTestDatabase(onDisk: boolean): Promise<TestDatabase> {
  const file = join(CACHE, `pglite-template-${schemaFingerprint()}.tar.gz`);
  if (!existsSync(file)) {
    const template = await openDatabase({ dataDir: 'memory://' });
    await migrate(template);
    const pgl = (template.db as unknown as { $client: PGlite }).$client;
    const dump = await pgl.dumpDataDir('gzip');
    await template.close();
    mkdirSync(CACHE, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, file);
  }
  const blob = new Blob([readFileSync(file)]);
  const dataDir = onDisk ? mkdtempSync(join(tmpdir(), 'helsebro-test-')) : 'memory://';
  const database = await openDatabase({ dataDir, loadDataDir: blob });
  return {
    ...database,
    cleanup: async () => {
      await database.close();
      if (onDisk) {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

async function createPostgresTestDatabase(url: string): Promise<TestDatabase> {
  const template = `helsebro_tpl_${schemaFingerprint()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    // Parallel test processes race to build the template; an advisory lock lets one build it.
    await admin.query('SELECT pg_advisory_lock(771002)');
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${template}`);
      const t = await openDatabase({ url: withDatabase(url, template), poolSize: 1 });
      try {
        await migrate(t);
      } finally {
        await t.close();
      }
    }
    await admin.query('SELECT pg_advisory_unlock(771002)');
    const name = `helsebro_t_${randomBytes(6).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const database = await openDatabase({ url: withDatabase(url, name), poolSize: 8 });
    return {
      ...database,
      cleanup: async () => {
        await database.close();
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  } finally {
    await admin.end();
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
