import { join } from 'node:path';
import { loadConfig } from '../../../config.ts';
import { openDatabase } from '../../db/client.ts';
import { createLogger } from '../../logger.ts';
import { systemClock, type Platform } from '../../platform.ts';
import { createJobRegistry } from '../registry.ts';
import { startWorkers } from '../worker.ts';

/**
 * A worker process for the crash test: it claims `test.hang` jobs with a handler that never finishes, says
 * `claimed <id>` on stdout, and waits to be killed. Configured like the server (DATABASE_URL or DATA_DIR);
 * LEASE_MS sets the lease.
 */
const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: join(config.dataDir, 'pglite'), poolSize: 2 });
const platform: Platform = {
  config,
  database,
  db: database.db,
  logger: createLogger(config.logLevel),
  clock: systemClock,
  jobs: createJobRegistry<Platform>(),
};
platform.jobs.register('test.hang', (job) => {
  process.stdout.write(`claimed ${job.id}\n`);
  return new Promise<void>(() => undefined);
});
startWorkers(platform, { pollMs: 20, leaseMs: Number(process.env.LEASE_MS ?? 1500), concurrency: 1 });
setInterval(() => undefined, 60_000);
