import { join } from 'node:path';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createLogger } from './platform/logger.ts';
import { openDatabase } from './platform/db/client.ts';
import { migrate } from './platform/db/migrate.ts';
import { buildApp } from './app.ts';
import { startBackground } from './background.ts';

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nHelsebro did not start. See README.md, "Configuration".\n`);
      process.exit(78);
    }
    throw err;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase({ url: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
  const applied = await migrate(database);
  if (applied.length > 0) {
    logger.info({ applied }, 'migrations applied');
  }
  if (config.seedDemo === 'all') {
    const { seedDemo } = await import('./modules/demo-data/index.ts');
    const { demoHospitalLink } = await import('./modules/plo/index.ts');
    await seedDemo(database.db, { demoHospital: demoHospitalLink(config) });
  } else if (config.seedDemo === 'operators') {
    const { seedDemoOperators } = await import('./modules/demo-data/index.ts');
    await database.db.transaction((tx) => seedDemoOperators(tx));
  }
  const app = await buildApp(config, { database, logger });
  // Listening before the workers start: jobs may call this same server (the KRR and other stand-ins under /dev in
  // development), and a job run before it listens fails its first attempt for nothing.
  await app.listen({ host: config.host, port: config.port });
  const background = await startBackground(app.platform);
  if (config.seedDemo === 'all') {
    const { printDemoBanner } = await import('./cli/demo-banner.ts');
    printDemoBanner(config);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app.close();
    await background.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Helsebro failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
