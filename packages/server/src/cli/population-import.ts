import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../platform/db/client.ts';
import { migrate } from '../platform/db/migrate.ts';
import { progressBar } from '../platform/cli/progress.ts';
import { systemContext } from '../platform/http/request-context.ts';
import { createLogger } from '../platform/logger.ts';
import { createPopulationRegisterService, describeImport } from '../modules/population-register/index.ts';

/**
 * `npm run population:import -- <file>`: a register extract (`.json`, an array of person documents) or change
 * events (`.ndjson`, one a line) into the population register (docs/population-register.md).
 */
async function main(): Promise<void> {
  const { positionals } = parseArgs({ allowPositionals: true });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    throw new Error('usage: npm run population:import -- <file.json | file.ndjson>');
  }
  const text = await readFile(file, 'utf8');
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
  try {
    await migrate(database);
    const service = createPopulationRegisterService({
      db: database.db,
      config,
      logger: createLogger(config.logLevel, process.stderr),
    });
    const ctx = systemContext('population-import');
    const progress = progressBar('records');
    const started = Date.now();
    const events = file.endsWith('.ndjson') || !text.trimStart().startsWith('[');
    const records: unknown[] | string[] = events ? text.split('\n') : (JSON.parse(text) as unknown[]);
    if (!Array.isArray(records)) {
      throw new Error('a .json file must hold an array of person documents');
    }
    const summary = events
      ? await service.importEvents(ctx, records as string[], { onProgress: progress.update })
      : await service.importDocuments(ctx, records, { onProgress: progress.update });
    progress.end();
    process.stdout.write(describeImport(summary, records.length, Date.now() - started));
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`Import failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
