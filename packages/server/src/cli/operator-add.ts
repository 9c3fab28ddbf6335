import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../platform/db/client.ts';
import { migrate } from '../platform/db/migrate.ts';
import { systemContext } from '../platform/http/request-context.ts';
import { addOperator, checkNewOperator } from '../modules/identity/index.ts';

const USAGE = 'usage: npm run operator:add -- --nin <fødselsnummer> --given <given name> --family <family name>';

/**
 * `npm run operator:add -- --nin … --given … --family …`: a new installation's first operator (README, "First
 * operator"). Idempotent: an operator with the identity number is left as it is. Audited as `operator.add`.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { nin: { type: 'string' }, given: { type: 'string' }, family: { type: 'string' } },
  });
  if (!values.nin || !values.given || !values.family) {
    throw new Error(USAGE);
  }
  // Checked before the store is opened, so a typing error is told at once.
  const input = checkNewOperator({ nin: values.nin, givenName: values.given, familyName: values.family });
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
  try {
    await migrate(database);
    process.stdout.write(`Adding operator ${values.given} ${values.family} …\n`);
    const { id, created } = await database.db.transaction((tx) =>
      addOperator(tx, systemContext('operator-add'), input),
    );
    // The identity number is never printed; the id finds the row.
    process.stdout.write(
      created
        ? `Operator ${values.given} ${values.family} added (id ${id}); they can log in to /drift.\n`
        : `An operator with this identity number already exists (id ${id}); nothing changed.\n`,
    );
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`Adding the operator failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
