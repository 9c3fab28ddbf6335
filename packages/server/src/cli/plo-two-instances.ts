import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../config.ts';
import { openDatabase, type Database } from '../platform/db/client.ts';
import { migrate } from '../platform/db/migrate.ts';
import { municipalities, personnel, personnelRoles } from '../platform/db/schema.ts';
import { systemContext } from '../platform/http/request-context.ts';
import { systemClock } from '../platform/platform.ts';
import { makeSyntheticNin } from '@helsebro/contracts';
import { seedDemo } from '../modules/demo-data/index.ts';
import {
  createAddressRegister,
  createOutgoingCredentials,
  DEMO_HOSPITAL_HER_ID,
  DEMO_HOSPITAL_TOKEN,
} from '../modules/plo/index.ts';

/**
 * `npm run plo:two-instances`: prepares two stores for the two-instance demo (README, "Sending PLO messages"):
 * the hospital's (its own parties hosted, the demo municipalities as partners at the municipality's port) and the
 * municipality's (the demo as seeded, the hospital at the hospital's port), a credential each way, and a message
 * handler at the hospital (Hanne Meldingsmottak, who logs in to "Fjordvik sykehus HF" in the development IdP).
 * Run it with both instances stopped (PGlite is one process per directory); start the hospital with SEED_DEMO=false
 * so the demo seed does not make it host the municipalities again.
 */

const MUNICIPALITY_ORGS = ['9900002000', '9900003000'];
const HOSPITAL_ORG_NUMBER = '921000057';

async function open(dir: string): Promise<Database> {
  const database = await openDatabase({ dataDir: join(dir, 'pglite') });
  await migrate(database);
  await seedDemo(database.db);
  return database;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'hospital-dir': { type: 'string', default: '.data/sykehus' },
      'municipality-dir': { type: 'string', default: '.data/kommune' },
      'hospital-port': { type: 'string', default: '8081' },
      'municipality-port': { type: 'string', default: '8080' },
    },
  });
  const config = loadConfig();
  const hospitalEdi = `http://127.0.0.1:${values['hospital-port']}/edi/v1/messages`;
  const municipalityEdi = `http://127.0.0.1:${values['municipality-port']}/edi/v1/messages`;
  const hospital = await open(values['hospital-dir']);
  const municipality = await open(values['municipality-dir']);
  try {
    const ctx = systemContext('plo-two-instances');
    const hReg = createAddressRegister({ db: hospital.db, clock: systemClock });
    const hDoc = await hReg.exportDocument(ctx);
    hDoc.parties = hDoc.parties.map((p) => ({
      ...p,
      hosted: p.herId === DEMO_HOSPITAL_HER_ID || p.parentHerId === DEMO_HOSPITAL_HER_ID,
      transportEndpoint:
        p.herId === DEMO_HOSPITAL_HER_ID ? hospitalEdi : MUNICIPALITY_ORGS.includes(p.herId) ? municipalityEdi : null,
    }));
    await hReg.importDocument(ctx, hDoc, 'merge');
    const mReg = createAddressRegister({ db: municipality.db, clock: systemClock });
    const mDoc = await mReg.exportDocument(ctx);
    mDoc.parties = mDoc.parties.map((p) =>
      p.herId === DEMO_HOSPITAL_HER_ID ? { ...p, transportEndpoint: hospitalEdi } : p,
    );
    await mReg.importDocument(ctx, mDoc, 'merge');

    // The municipality's store already knows the demo hospital token; the hospital presents it. The hospital issues
    // one token per municipality, which the municipality's store keeps to present.
    const hOut = createOutgoingCredentials({ db: hospital.db, register: hReg, secret: config.ploCredentialKey });
    const mOut = createOutgoingCredentials({ db: municipality.db, register: mReg, secret: config.ploCredentialKey });
    for (const org of MUNICIPALITY_ORGS) {
      await hOut.set(org, DEMO_HOSPITAL_TOKEN, 'demo: issued by the municipality');
    }
    const token = randomBytes(32).toString('base64url');
    for (const org of MUNICIPALITY_ORGS) {
      await hReg.issueCredential(org, 'demo: the municipality posts to the hospital', token);
    }
    await mOut.set(DEMO_HOSPITAL_HER_ID, token, 'demo: issued by Fjordvik sykehus HF');

    // The hospital's login row: an organisation row with the hospital's organisation number (see the console).
    const [org] = await hospital.db
      .insert(municipalities)
      .values({ number: '9990', name: 'Fjordvik sykehus HF', orgNumber: HOSPITAL_ORG_NUMBER })
      .onConflictDoNothing()
      .returning({ id: municipalities.id });
    const orgId =
      org?.id ??
      (await hospital.db.select().from(municipalities).where(eq(municipalities.orgNumber, HOSPITAL_ORG_NUMBER)))[0]!.id;
    const [clerk] = await hospital.db
      .insert(personnel)
      .values({
        nin: makeSyntheticNin('1970-06-05', 900),
        hprNumber: '9100099',
        givenName: 'Hanne',
        familyName: 'Meldingsmottak',
      })
      .onConflictDoNothing()
      .returning({ id: personnel.id });
    if (clerk) {
      await hospital.db
        .insert(personnelRoles)
        .values({ municipalityId: orgId, personnelId: clerk.id, role: 'message_handler' });
    }
    process.stdout.write(
      `Ready. Start the two instances:\n` +
        `  PORT=${values['municipality-port']} DATA_DIR=${values['municipality-dir']} npm start\n` +
        `  PORT=${values['hospital-port']} DATA_DIR=${values['hospital-dir']} SEED_DEMO=false npm start\n`,
    );
  } finally {
    await hospital.close();
    await municipality.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`Preparing the two instances failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
