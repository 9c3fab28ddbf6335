import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Connection, Database } from './client.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
/** Any constant shared by all instances; serialises migrations when several start at once on PostgreSQL. */
const MIGRATION_LOCK = 4_817_221;

export type Migration = { version: string; name: string; sql: string; checksum: string };

/** The numbered migration files (`NNNN_verb_thing.sql`), in order. */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      return {
        version: file.slice(0, 4),
        name: file.slice(5, -4),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version text PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`;

/**
 * Applies every migration not yet applied, each in its own transaction. A migration whose file changed after
 * it was applied stops the start: migrations are never edited once merged.
 * @returns the versions applied by this call
 */
export async function migrate(database: Database, migrations = listMigrations()): Promise<string[]> {
  return database.withConnection((conn) => migrateOn(conn, migrations));
}

async function migrateOn(database: Connection, migrations: Migration[]): Promise<string[]> {
  await database.exec(CREATE_TABLE);
  await database.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    const applied = new Map(
      (
        await database.query<{ version: string; checksum: string }>('SELECT version, checksum FROM schema_migrations')
      ).map((r) => [r.version, r.checksum]),
    );
    const done: string[] = [];
    for (const m of migrations) {
      const checksum = applied.get(m.version);
      if (checksum !== undefined) {
        if (checksum !== m.checksum) {
          throw new Error(`Migration ${m.version}_${m.name} was changed after it was applied`);
        }
        continue;
      }
      await database.exec(
        `BEGIN;\n${m.sql}\n;INSERT INTO schema_migrations (version, name, checksum) VALUES ('${m.version}', '${m.name}', '${m.checksum}');\nCOMMIT;`,
      );
      done.push(m.version);
    }
    return done;
  } catch (err) {
    await database.exec('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await database.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}

/** True when every migration file has been applied with the same content (the /ready check). */
export async function migrationsAtHead(database: Connection, migrations = listMigrations()): Promise<boolean> {
  const rows = await database.query<{ version: string; checksum: string }>(
    'SELECT version, checksum FROM schema_migrations',
  );
  const applied = new Map(rows.map((r) => [r.version, r.checksum]));
  return migrations.every((m) => applied.get(m.version) === m.checksum);
}
