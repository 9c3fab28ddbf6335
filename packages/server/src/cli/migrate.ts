import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../platform/db/client.ts';
import { listMigrations, migrate } from '../platform/db/migrate.ts';

/**
 * `npm run db:migrate`: applies the pending migrations to the configured store (DATABASE_URL, or the embedded
 * store under DATA_DIR) and says which, without starting the server — for a deployment that migrates before it
 * rolls out new instances. The server migrates at start as well; both take the same lock.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
  try {
    const applied = await migrate(database);
    const all = listMigrations();
    process.stdout.write(
      applied.length === 0
        ? `The store is at the newest migration (${all.at(-1)?.version ?? 'none'}); nothing to apply.\n`
        : `Applied ${applied.length} migration(s): ${applied.join(', ')}.\n`,
    );
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`Migrating failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
