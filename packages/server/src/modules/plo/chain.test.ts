import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PloConsoleListResponse, PloConsoleServicesResponse, PloSendReceipt } from '@helsebro/contracts';
import { freePort } from '../../../test/test-app.ts';
import { createTestDatabase, usingPostgres } from '../../../test/test-db.ts';
import { loginAs, type LoggedIn } from '../../../test/login.ts';
import { makeMunicipality, makePerson, makePersonnel } from '../../../test/factories.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase, type Database } from '../../platform/db/client.ts';
import { migrate } from '../../platform/db/migrate.ts';
import type { App } from '../../platform/http/app-type.ts';
import { systemContext } from '../../platform/http/request-context.ts';
import { startWorkers, type Workers } from '../../platform/jobs/index.ts';
import { waitFor } from '../../platform/jobs/testing/platform.ts';
import { seedDemo } from '../demo-data/index.ts';
import { createAddressRegister } from './address-register/address-register.service.ts';
import type { OutgoingMessageInput } from './msghead/message.build.ts';
import { followUpOf, type PartyAddress } from './msghead/msghead.build.ts';
import { createOutgoingCredentials } from './send/outgoing-credentials.ts';
import {
  DEMO_FJORDVIK_ALLOCATION as ALLOCATION,
  DEMO_FJORDVIK_HOME_NURSING as NURSING,
  DEMO_HOSPITAL_SOMATIC as SOMATIC,
  SAMPLE_PATIENT,
  sampleMessage,
} from './testing/sample-messages.ts';

/**
 * Two Helsebro installations on one machine (issue 4, "Tests that must exist"): a hospital's and a municipality's,
 * each a real HTTP server on its own port with its own store (a PGlite directory each, or a PostgreSQL database
 * each with TEST_DATABASE_URL), address registers pointing at each other's /edi/v1/messages, a bearer credential
 * issued each way, outbox workers polling every 20 ms. Messages go in through the send API of each side as a
 * message handler would send them, and come back as AppRecs.
 */

const HOSPITAL_ORG = '9900001000';
const FJORDVIK_ORG = '9900002000';
/**
 * Backoff short enough for a test, long enough that the 12 attempts of a delivery span at least ~15 s: a restart of
 * the municipality on a loaded machine fits inside, so the test shows waiting, not failing.
 */
const BACKOFF = { baseMs: 100, maxMs: 4000 };

type Store = { open(): Promise<Database>; close(db: Database): Promise<void>; cleanup(): Promise<void> };

/**
 * A store that outlives its instance: a PGlite directory (closed with the instance, opened again on restart), or a
 * PostgreSQL database (a server keeps it whether or not the instance runs; the pool stays open between runs).
 */
function makeStore(name: string): Store {
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

type Instance = { name: string; port: number; url: string; app: App; database: Database; workers: Workers };

async function start(name: string, store: Store, port: number): Promise<Instance> {
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

async function stop(i: Instance, store: Store): Promise<void> {
  await i.app.close();
  await i.workers.stop();
  await store.close(i.database);
}

void describe('two Helsebro instances: a hospital and a municipality exchange a whole admission → discharge chain', () => {
  const hospitalStore = makeStore('hospital');
  const municipalityStore = makeStore('municipality');
  let hospital: Instance;
  let municipality: Instance;
  let hospitalHandler: LoggedIn;
  let municipalityHandler: LoggedIn;
  const stopped = new Set<Instance>();

  const q = <T>(i: Instance, sql: string, params: unknown[] = []) =>
    i.database.query<T & Record<string, unknown>>(sql, params);

  /** Sends through the instance's real HTTP API as its message handler; 202 and the receipt. */
  async function send(from: Instance, who: LoggedIn, input: OutgoingMessageInput): Promise<PloSendReceipt> {
    const res = await fetch(`${from.url}/api/plo/messages`, {
      method: 'POST',
      headers: { ...who.headers, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const body = await res.text();
    assert.equal(res.status, 202, body);
    return JSON.parse(body) as PloSendReceipt;
  }
  const message = (
    type: OutgoingMessageInput['type'],
    sender: PartyAddress,
    receiver: PartyAddress,
    extra: Partial<OutgoingMessageInput> = {},
  ) => ({ ...sampleMessage(type, { sender, receiver }), ...extra }) as OutgoingMessageInput;

  const statusOf = async (i: Instance, id: string) =>
    (await q<{ status: string }>(i, 'SELECT status FROM plo_messages WHERE id = $1', [id]))[0]?.status;
  const settled = (i: Instance, ids: string[]) =>
    waitFor(
      `${ids.length} message(s) from the ${i.name} AppRec'd`,
      async () => {
        const rows = await q<{ status: string }>(i, 'SELECT status FROM plo_messages WHERE id = ANY($1::uuid[])', [
          ids,
        ]);
        assert.ok(!rows.some((r) => r.status === 'failed' || r.status === 'apprec_rejected'), JSON.stringify(rows));
        return rows.length === ids.length && rows.every((r) => r.status === 'apprec_ok');
      },
      30_000,
    );
  const get = async <T>(i: Instance, who: LoggedIn, path: string): Promise<T> => {
    const res = await fetch(`${i.url}${path}`, { headers: who.headers });
    assert.equal(res.status, 200, path);
    return (await res.json()) as T;
  };

  before(async () => {
    const [hp, mp] = [await freePort(), await freePort()];
    hospital = await start('hospital', hospitalStore, hp);
    municipality = await start('municipality', municipalityStore, mp);
    for (const i of [hospital, municipality]) {
      await seedDemo(i.database.db);
      const fjordvik = (await q<{ id: string }>(i, "SELECT id FROM municipalities WHERE number = '9901'"))[0]!.id;
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
      await q<{ id: string }>(municipality, "SELECT id FROM municipalities WHERE number = '9901'")
    )[0]!.id;
    const are = (await q<{ id: string }>(municipality, "SELECT id FROM personnel WHERE hpr_number = '9100007'"))[0]!.id;
    municipalityHandler = await loginAs(municipality.app, {
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
    hospitalHandler = await loginAs(hospital.app, {
      kind: 'personnel',
      personnelId: clerk.id,
      municipalityId: hospitalOrg.id,
    });
  });

  after(async () => {
    for (const [i, store] of [
      [hospital, hospitalStore],
      [municipality, municipalityStore],
    ] as const) {
      if (i && !stopped.has(i)) {
        await stop(i, store);
      }
    }
    await hospitalStore.cleanup();
    await municipalityStore.cleanup();
  });

  void it('delivers and AppRecs every message once; a stopped partner gets the rest when it is back', async () => {
    // Admission: the hospital tells home nursing, home nursing sends its admission report.
    const innlagt = await send(hospital, hospitalHandler, message('LOG_INNLAGT', SOMATIC, NURSING));
    const innleggelsesrapport = await send(
      municipality,
      municipalityHandler,
      message('INNLEGGELSESRAPPORT', NURSING, SOMATIC),
    );
    // The hospital informs the allocation office and says when the patient is ready for discharge.
    const helseopplysninger = await send(hospital, hospitalHandler, message('HELSEOPPL_SOKNAD', SOMATIC, ALLOCATION));
    const utskrivningsklar = await send(
      hospital,
      hospitalHandler,
      message('LOG_UTSKRIVNINGSKLAR', SOMATIC, ALLOCATION),
    );
    // A question from the hospital, answered by the allocation office in the same conversation.
    const question = await send(hospital, hospitalHandler, message('DIALOG_FORESPORSEL', SOMATIC, ALLOCATION));
    await waitFor('the question at the municipality', async () => {
      const rows = await q(municipality, "SELECT 1 FROM plo_messages WHERE direction = 'in' AND msg_id = $1", [
        question.msgId,
      ]);
      return rows.length === 1;
    });
    const answer = await send(
      municipality,
      municipalityHandler,
      message('DIALOG_SVAR', ALLOCATION, SOMATIC, { conversationRef: followUpOf({ msgId: question.msgId }) }),
    );
    await settled(hospital, [innlagt.id, helseopplysninger.id, utskrivningsklar.id, question.id]);
    await settled(municipality, [innleggelsesrapport.id, answer.id]);

    // The municipality's instance goes down (its store stays); the hospital sends the discharge.
    await stop(municipality, municipalityStore);
    stopped.add(municipality);
    const utskrevet = await send(hospital, hospitalHandler, message('LOG_UTSKREVET', SOMATIC, NURSING));
    const utskrivningsrapport = await send(hospital, hospitalHandler, message('UTSKRIVNINGSRAPPORT', SOMATIC, NURSING));
    const waiting = [utskrevet.id, utskrivningsrapport.id];
    await waitFor('two failed attempts each, waiting for a retry', async () => {
      const rows = await q<{ tries: number }>(
        hospital,
        `SELECT count(*) FILTER (WHERE status = 'sent')::int AS tries FROM plo_message_events
          WHERE message_id = ANY($1::uuid[]) GROUP BY message_id`,
        [waiting],
      );
      return rows.length === 2 && rows.every((r) => r.tries >= 2);
    });
    for (const id of waiting) {
      assert.notEqual(await statusOf(hospital, id), 'failed', 'waiting, not failed');
      assert.ok(['queued', 'sent'].includes((await statusOf(hospital, id))!));
      const [job] = await q<{ state: string; last_error: string }>(
        hospital,
        "SELECT state, last_error FROM jobs WHERE kind = 'plo.message.send' AND payload->>'messageId' = $1",
        [id],
      );
      assert.ok(['ready', 'running'].includes(job!.state), job!.state);
      assert.match(job!.last_error, /network error/);
    }

    // Back on the same store and port: everything arrives, once.
    municipality = await start('municipality', municipalityStore, municipality.port);
    stopped.delete(municipality);
    await settled(hospital, waiting);

    const chain = [
      { from: hospital, to: () => municipality, sent: innlagt, type: 'LOG_INNLAGT', service: '9900002001' },
      {
        from: municipality,
        to: () => hospital,
        sent: innleggelsesrapport,
        type: 'INNLEGGELSESRAPPORT',
        service: '9900001001',
      },
      {
        from: hospital,
        to: () => municipality,
        sent: helseopplysninger,
        type: 'HELSEOPPL_SOKNAD',
        service: '9900002002',
      },
      {
        from: hospital,
        to: () => municipality,
        sent: utskrivningsklar,
        type: 'LOG_UTSKRIVNINGSKLAR',
        service: '9900002002',
      },
      { from: hospital, to: () => municipality, sent: question, type: 'DIALOG_FORESPORSEL', service: '9900002002' },
      { from: municipality, to: () => hospital, sent: answer, type: 'DIALOG_SVAR', service: '9900001001' },
      { from: hospital, to: () => municipality, sent: utskrevet, type: 'LOG_UTSKREVET', service: '9900002001' },
      {
        from: hospital,
        to: () => municipality,
        sent: utskrivningsrapport,
        type: 'UTSKRIVNINGSRAPPORT',
        service: '9900002001',
      },
    ];
    for (const c of chain) {
      // The sender's instance object changed for the municipality after the restart; read it afresh.
      const from = c.from === hospital ? hospital : municipality;
      const to = c.to();
      const out = await q<{ id: string; status: string; msg_type: string }>(
        from,
        "SELECT id, status, msg_type FROM plo_messages WHERE direction = 'out' AND msg_id = $1",
        [c.sent.msgId],
      );
      assert.deepEqual(
        out.map((r) => [r.msg_type, r.status]),
        [[c.type, 'apprec_ok']],
        `${c.type}: one outgoing row, AppRec OK`,
      );
      const events = (
        await q<{ status: string }>(from, 'SELECT status FROM plo_message_events WHERE message_id = $1 ORDER BY id', [
          c.sent.id,
        ])
      ).map((e) => e.status);
      assert.equal(events[0], 'queued', c.type);
      assert.ok(events.includes('sent'), c.type);
      assert.equal(events.at(-1), 'apprec_ok', `${c.type}: ${events.join(' → ')}`);
      assert.equal(events.filter((e) => e === 'apprec_ok').length, 1);
      const appRecs = await q<{ status: string }>(
        from,
        "SELECT status FROM plo_apprecs WHERE direction = 'in' AND message_id = $1",
        [c.sent.id],
      );
      assert.deepEqual(
        appRecs.map((a) => a.status),
        ['1'],
        `${c.type}: exactly one AppRec, OK`,
      );
      const received = await q<{ id: string; status: string }>(
        to,
        "SELECT id, status FROM plo_messages WHERE direction = 'in' AND msg_id = $1",
        [c.sent.msgId],
      );
      assert.deepEqual(
        received.map((r) => r.status),
        ['accepted'],
        `${c.type}: exactly once in the receiver's store`,
      );
      const inbox = await q<{ her_id: string }>(
        to,
        'SELECT p.her_id FROM plo_inbox i JOIN plo_parties p ON p.id = i.party_id WHERE i.message_id = $1',
        [received[0]!.id],
      );
      assert.deepEqual(
        inbox.map((r) => r.her_id),
        [c.service],
        `${c.type}: once in the receiving service's inbox`,
      );
      // The sender may have stored the AppRec before the receiver's job recorded the sender's 2xx.
      const answered = await waitFor(`${c.type}: the receiver's AppRec marked delivered`, async () => {
        const rows: Array<{ delivery: string }> = await q<{ delivery: string }>(
          to,
          "SELECT delivery FROM plo_apprecs WHERE direction = 'out' AND message_id = $1",
          [received[0]!.id],
        );
        return rows.every((r) => r.delivery === 'delivered') ? rows : undefined;
      });
      assert.deepEqual(
        answered?.map((a) => a.delivery),
        ['delivered'],
        `${c.type}: exactly one AppRec sent back`,
      );
    }
    // Nothing else arrived, nothing twice: six messages at the municipality, two at the hospital.
    const count = async (i: Instance, sql: string) => Number((await q<{ n: number }>(i, sql))[0]!.n);
    assert.equal(await count(municipality, "SELECT count(*) AS n FROM plo_messages WHERE direction = 'in'"), 6);
    assert.equal(await count(hospital, "SELECT count(*) AS n FROM plo_messages WHERE direction = 'in'"), 2);
    assert.equal(
      await count(municipality, "SELECT count(DISTINCT msg_id) AS n FROM plo_messages WHERE direction = 'in'"),
      6,
    );
    const [svar] = await q<{ conversation_parent: string; conversation_root: string }>(
      hospital,
      "SELECT conversation_parent, conversation_root FROM plo_messages WHERE direction = 'in' AND msg_id = $1",
      [answer.msgId],
    );
    assert.deepEqual([svar!.conversation_parent, svar!.conversation_root], [question.msgId, question.msgId]);

    // Both message consoles show the chain (modules/plo/console).
    const idsIn = async (i: Instance, msgIds: string[]) =>
      (
        await q<{ id: string }>(i, "SELECT id FROM plo_messages WHERE direction = 'in' AND msg_id = ANY($1::text[])", [
          msgIds,
        ])
      ).map((r) => r.id);
    const box = async (i: Instance, who: LoggedIn, herId: string, which: 'inbox' | 'outbox') =>
      (await get<PloConsoleListResponse>(i, who, `/api/plo/console/services/${herId}/${which}?limit=50`)).items;
    const services = await get<PloConsoleServicesResponse>(
      municipality,
      municipalityHandler,
      '/api/plo/console/services',
    );
    assert.ok(['9900002001', '9900002002'].every((h) => services.services.some((s) => s.herId === h)));
    const nursingInbox = await box(municipality, municipalityHandler, '9900002001', 'inbox');
    assert.deepEqual(
      nursingInbox.map((m) => m.id).sort(),
      (await idsIn(municipality, [innlagt.msgId, utskrevet.msgId, utskrivningsrapport.msgId])).sort(),
    );
    const allocationInbox = await box(municipality, municipalityHandler, '9900002002', 'inbox');
    assert.deepEqual(
      allocationInbox.map((m) => m.id).sort(),
      (await idsIn(municipality, [helseopplysninger.msgId, utskrivningsklar.msgId, question.msgId])).sort(),
    );
    const allocationOutbox = await box(municipality, municipalityHandler, '9900002002', 'outbox');
    assert.deepEqual(
      allocationOutbox.map((m) => [m.id, m.status]),
      [[answer.id, 'apprec_ok']],
    );
    const hospitalInbox = await box(hospital, hospitalHandler, '9900001001', 'inbox');
    assert.deepEqual(
      hospitalInbox.map((m) => m.id).sort(),
      (await idsIn(hospital, [innleggelsesrapport.msgId, answer.msgId])).sort(),
    );
    const hospitalOutbox = await box(hospital, hospitalHandler, '9900001001', 'outbox');
    assert.deepEqual(
      hospitalOutbox.map((m) => m.id).sort(),
      [innlagt, helseopplysninger, utskrivningsklar, question, utskrevet, utskrivningsrapport].map((m) => m.id).sort(),
    );
    assert.ok(hospitalOutbox.every((m) => m.status === 'apprec_ok'));
  });
});
