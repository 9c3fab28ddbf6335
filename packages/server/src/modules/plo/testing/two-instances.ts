import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, usingPostgres } from '../../../../test/test-db.ts';
import { loginAs, type LoggedIn } from '../../../../test/login.ts';
import { makeMunicipality, makePerson, makePersonnel } from '../../../../test/factories.ts';
import { buildApp } from '../../../app.ts';
import { loadConfig } from '../../../config.ts';
import { openDatabase, type Database } from '../../../platform/db/client.ts';
import { migrate } from '../../../platform/db/migrate.ts';
import type { App } from '../../../platform/http/app-type.ts';
import { systemContext } from '../../../platform/http/request-context.ts';
import { startWorkers, type Workers } from '../../../platform/jobs/index.ts';
import { seedDemo } from '../../demo-data/index.ts';
import { createAddressRegister } from '../address-register/address-register.service.ts';
import { createOutgoingCredentials } from '../send/outgoing-credentials.ts';
import { SAMPLE_PATIENT } from './sample-messages.ts';

/**
 * Two Helsebro installations on one machine for the PLO chain test (issue 4, "Tests that must exist"): each a real
 * HTTP server on its own port with its own store, outbox workers polling every 20 ms, and a store that outlives the
 * instance so a test can stop one and start it again.
 */

const HOSPITAL_ORG = '9900001000';
const FJORDVIK_ORG = '9900002000';
/**
 * Backoff short enough for a test, long enough that the 12 attempts of a delivery span at least ~15 s: a restart of
 * the municipality on a loaded machine fits inside, so the test shows waiting, not failing.
 */
const BACKOFF = { baseMs: 100, maxMs: 4000 };

export type Store = { open(): Promise<Database>; close(db: Database): Promise<void>; cleanup(): Promise<void> };

/**
 * A store that outlives its instance: a PGlite directory (closed with the instance, opened again on restart), or a
 * PostgreSQL database (a server keeps it whether or not the instance runs; the pool stays open between runs).
 * @param name - part of the PGlite directory's name
 */
export function makeStore(name: string): Store {
  if (usingPostgres()) {
    let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
    return {
      open: async () => (db ??= await createTestDatabase()),
      close: async () => {},
      cleanup: async () => db?.cleanup(),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), `helsebro-chain-${name}-`));
  return {
    open: async () => {
      const db = await openDatabase({ dataDir: dir });
      await migrate(db);
      return db;
    },
    close: (db) => db.close(),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export type Instance = { name: string; port: number; url: string; app: App; database: Database; workers: Workers };

/**
 * Starts an installation on the store, listening on loopback at the port, with its workers running.
 * @param name - `hospital` or `municipality`; also names the installation's credential key
 * @param store - the store it opens (the same one again after a restart)
 * @param port - a free port (the same one again after a restart: the partner's register points there)
 */
export async function start(name: string, store: Store, port: number): Promise<Instance> {
  const database = await store.open();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    WORKERS: 'false',
    PORT: String(port),
    // Each installation has its own key for the tokens it presents; the same one after a restart.
    PLO_CREDENTIAL_KEY: `${name}-plo-credential-key-for-the-chain-test`,
  });
  const app = await buildApp(config, { database });
  await app.listen({ host: '127.0.0.1', port });
  const workers = startWorkers(app.platform, { pollMs: 20, backoff: BACKOFF });
  return { name, port, url: `http://127.0.0.1:${port}`, app, database, workers };
}

/** Stops the installation and its workers; the store keeps its data. */
export async function stop(i: Instance, store: Store): Promise<void> {
  await i.app.close();
  await i.workers.stop();
  await store.close(i.database);
}

/** A query on the installation's store. */
export const query = <T>(i: Instance, sql: string, params: unknown[] = []) =>
  i.database.query<T & Record<string, unknown>>(sql, params);

/**
 * Connects a hospital's and a municipality's running installations: demo data and the sample patient on both,
 * address registers pointing at each other's /edi/v1/messages, a bearer credential issued each way and kept
 * (encrypted) by the other side. Answers a logged-in message handler on each side.
 * @param hospital - the hospital's installation
 * @param municipality - the municipality's installation
 */
export async function connectPair(
  hospital: Instance,
  municipality: Instance,
): Promise<{ hospitalHandler: LoggedIn; municipalityHandler: LoggedIn }> {
  for (const i of [hospital, municipality]) {
    await seedDemo(i.database.db);
    const fjordvik = (await query<{ id: string }>(i, "SELECT id FROM municipalities WHERE number = '9901'"))[0]!.id;
    await makePerson(i.database.db, {
      nin: SAMPLE_PATIENT.nin,
      birthDate: '1938-03-14',
      givenName: SAMPLE_PATIENT.givenName,
      familyName: SAMPLE_PATIENT.familyName,
      municipalityId: fjordvik,
    });
  }
  // The hospital hosts its own parties; Fjordvik and Bakkedal are partners it reaches at the municipality's
  // instance. The municipality's register is the demo's, with the hospital's endpoint at the hospital's instance.
  const edi = (i: Instance) => `${i.url}/edi/v1/messages`;
  const hospitalRegister = createAddressRegister(hospital.app.platform);
  const hDoc = await hospitalRegister.exportDocument(systemContext('test'));
  hDoc.parties = hDoc.parties.map((p) => {
    const ours = p.herId.startsWith('99000010');
    return {
      ...p,
      hosted: ours,
      transportEndpoint:
        p.herId === HOSPITAL_ORG ? edi(hospital) : p.herId === FJORDVIK_ORG ? edi(municipality) : p.transportEndpoint,
    };
  });
  await hospitalRegister.importDocument(systemContext('test'), hDoc, 'merge');
  const municipalityRegister = createAddressRegister(municipality.app.platform);
  const mDoc = await municipalityRegister.exportDocument(systemContext('test'));
  mDoc.parties = mDoc.parties.map((p) => (p.herId === HOSPITAL_ORG ? { ...p, transportEndpoint: edi(hospital) } : p));
  await municipalityRegister.importDocument(systemContext('test'), mDoc, 'merge');
  // Credentials both ways: each side issues one to the other, which keeps it (encrypted) to present.
  const forHospital = await municipalityRegister.issueCredential(HOSPITAL_ORG, 'Fjordvik sykehus HF');
  const forMunicipality = await hospitalRegister.issueCredential(FJORDVIK_ORG, 'Fjordvik kommune');
  await createOutgoingCredentials({
    db: hospital.database.db,
    register: hospitalRegister,
    secret: hospital.app.platform.config.ploCredentialKey,
  }).set(FJORDVIK_ORG, forHospital, 'issued by Fjordvik kommune');
  await createOutgoingCredentials({
    db: municipality.database.db,
    register: municipalityRegister,
    secret: municipality.app.platform.config.ploCredentialKey,
  }).set(HOSPITAL_ORG, forMunicipality, 'issued by Fjordvik sykehus HF');

  // The message handlers: Fjordvik's (demo data), and the hospital's, whose login is for the hospital's own
  // organisation row (its organisation number; the hospital's parties have no municipality).
  const fjordvikId = (
    await query<{ id: string }>(municipality, "SELECT id FROM municipalities WHERE number = '9901'")
  )[0]!.id;
  const are = (await query<{ id: string }>(municipality, "SELECT id FROM personnel WHERE hpr_number = '9100007'"))[0]!
    .id;
  const municipalityHandler = await loginAs(municipality.app, {
    kind: 'personnel',
    personnelId: are,
    municipalityId: fjordvikId,
  });
  const hospitalOrg = await makeMunicipality(hospital.database.db, {
    number: '9990',
    name: 'Fjordvik sykehus HF',
    orgNumber: '921000057',
  });
  const clerk = await makePersonnel(hospital.database.db, {
    municipalityId: hospitalOrg.id,
    role: 'message_handler',
  });
  const hospitalHandler = await loginAs(hospital.app, {
    kind: 'personnel',
    personnelId: clerk.id,
    municipalityId: hospitalOrg.id,
  });
  return { hospitalHandler, municipalityHandler };
}
