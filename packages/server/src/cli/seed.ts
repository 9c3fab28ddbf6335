import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../platform/db/client.ts';
import { migrate } from '../platform/db/migrate.ts';
import { seedDemo, seedPersons } from '../modules/demo-data/index.ts';
import { DEMO_HOSPITAL_TOKEN, demoHospitalLink } from '../modules/plo/index.ts';

/** `npm run seed [-- --persons N]`: the demo population, and optionally N more synthetic persons. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { persons: { type: 'string' } } });
  const extra = values.persons === undefined ? 0 : Number(values.persons);
  if (!Number.isInteger(extra) || extra < 0 || extra > 10_000_000) {
    throw new Error('--persons takes a whole number from 0 to 10000000');
  }
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
  try {
    await migrate(database);
    const s = await seedDemo(database.db, { demoHospital: demoHospitalLink(config) });
    process.stdout.write(
      `Demo data: ${s.municipalities} municipalities, ${s.serviceUnits} service units, ${s.persons} persons, ${s.personnel} personnel, ${s.operators} operator(s).\n`,
    );
    process.stdout.write(
      `PLO: the demo hospital posts to /edi/v1/messages with "Authorization: Bearer ${DEMO_HOSPITAL_TOKEN}" (README, "Receiving PLO messages").\n`,
    );
    if (extra > 0) {
      await seedPersons(database.db, extra);
    }
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`Seeding failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
