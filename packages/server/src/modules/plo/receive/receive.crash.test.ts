import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EdiReceipt } from '@helsebro/contracts';
import { startServerProcess, type ScriptProcess } from '../../../../test/child-process.ts';
import { freePort } from '../../../../test/test-app.ts';
import { usingPostgres } from '../../../../test/test-db.ts';
import { systemContext } from '../../../platform/http/request-context.ts';
import { createSharedStore, type SharedStore } from '../../../platform/jobs/testing/shared-store.ts';
import { waitFor } from '../../../platform/jobs/testing/platform.ts';
import { systemClock } from '../../../platform/platform.ts';
import { seedDemo } from '../../demo-data/index.ts';
import { createAddressRegister } from '../address-register/address-register.service.ts';
import { parseAppRec } from '../apprec/apprec.parse.ts';
import { buildMessage, type BuildableType } from '../msghead/message.build.ts';
import { ploSchemaSet } from '../schema-set.ts';
import { createOutgoingCredentials } from '../send/outgoing-credentials.ts';
import { DEMO_HOSPITAL_SOMATIC, sampleMessage } from '../testing/sample-messages.ts';

/**
 * The real server (src/main.ts) as a child process takes PLO messages from the demo hospital over concurrent
 * connections and is killed with SIGKILL halfway through; it is started again on the same store. Every message the
 * test saw acknowledged (202) must be stored exactly once with exactly one AppRec; a resend of every message must
 * answer `duplicate` for the stored ones and store the others once; and every AppRec must then reach the hospital
 * (a small receiver here), once per MsgId (HITS 1168 §5.4: each message is processed and answered once).
 *
 * The first run takes messages in only (WORKERS=false, as an ingest instance runs), so the kill lands on the
 * request path and the store, and every AppRec is still queued when it dies; the restarted server runs the outbox.
 * A kill during an AppRec delivery is the worker crash test's case (platform/jobs/worker.crash.test.ts).
 *
 * On PostgreSQL (TEST_DATABASE_URL) the full load; on PGlite, which is one connection in one process and several
 * times slower, a smaller one on the same path (the server's PGlite folder is recovered after the kill).
 */
const LOAD = usingPostgres()
  ? { store: 'PostgreSQL', messages: 400, connections: 16 }
  : { store: 'PGlite', messages: 60, connections: 4 };

const HOSPITAL = DEMO_HOSPITAL_SOMATIC.organisation.herId;
const PLO_CREDENTIAL_KEY = 'receive-crash-test-plo-credential-key-0123';
/** The token the hospital issued us: the restarted server presents it with each AppRec. */
const APPREC_TOKEN = 'token-the-hospital-issued-us-0123456789';
/** Types the hospital sends to the demo municipality's services, each taken by the service it goes to. */
const TYPES: BuildableType[] = [
  'LOG_INNLAGT',
  'LOG_UTSKRIVNINGSKLAR',
  'LOG_AVMELDING',
  'LOG_UTSKREVET',
  'UTSKRIVNINGSRAPPORT',
  'HELSEOPPL_SOKNAD',
  'DIALOG_FORESPORSEL',
];

type Message = { msgId: string; xml: string };
type Answer = { status: number; receipt: EdiReceipt | null } | { error: string };
type Stored = {
  msg_id: string;
  id: string;
  status: string;
  apprecs: number;
  apprec_id: string | null;
  delivery: string | null;
  jobs: number;
  job_state: string | null;
  audits: number;
};

/**
 * POSTs every message over `connections` connections until `stop()` says so (checked before each new request).
 * A request cut off by the kill has no answer; nothing is retried here.
 */
async function postAll(
  url: string,
  token: string,
  messages: Message[],
  connections: number,
  onAnswer: (m: Message, a: Answer) => void,
  stop: () => boolean = () => false,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (!stop() && next < messages.length) {
      const m = messages[next++]!;
      let answer: Answer;
      try {
        const res = await fetch(`${url}/edi/v1/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/xml', authorization: `Bearer ${token}` },
          body: m.xml,
          signal: AbortSignal.timeout(60_000),
        });
        let receipt: EdiReceipt | null = null;
        try {
          receipt = (await res.json()) as EdiReceipt;
        } catch {
          // The status line arrived and the body did not: still the answer the client saw.
        }
        answer = { status: res.status, receipt };
      } catch (err) {
        answer = { error: err instanceof Error ? err.message : String(err) };
      }
      onAnswer(m, answer);
    }
  };
  await Promise.all(Array.from({ length: connections }, lane));
}

void describe(`PLO ingest killed with kill -9 under load and restarted on the same store (${LOAD.store}: ${LOAD.messages} messages, ${LOAD.connections} connections)`, () => {
  let store: SharedStore;
  let port: number;
  let token: string;
  let receiver: Server;
  let server: (ScriptProcess & { url: string }) | undefined;
  const messages: Message[] = Array.from({ length: LOAD.messages }, (_, i) => {
    const built = buildMessage(sampleMessage(TYPES[i % TYPES.length]!, { msgId: randomUUID() }));
    return { msgId: built.msgId, xml: built.xml };
  });
  /** The 202s seen before the kill, by MsgId. */
  const acknowledged = new Map<string, EdiReceipt | null>();
  /** MsgIds posted before the kill that got no answer (the connection died with the server). */
  const unanswered = new Set<string>();
  /** The AppRecs the hospital's endpoint received: authorization, AppRec id and the MsgId it answers. */
  const delivered: Array<{ authorization: string | undefined; appRecId: string; originalMsgId: string }> = [];
  const refusedAtReceiver: string[] = [];
  let storedAfterKill: Stored[] = [];

  const env = (workers: boolean) => ({
    ...store.env,
    WORKERS: String(workers),
    WORKER_POLL_MS: '20',
    PLO_CREDENTIAL_KEY,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
  });

  /** Each incoming message with its AppRecs, jobs and audit entries; read while no server has the store open. */
  async function readStore(): Promise<Stored[]> {
    const database = await store.open();
    try {
      return await database.query<Stored>(
        `SELECT m.msg_id, m.id::text AS id, m.status,
                (SELECT count(*)::int FROM plo_apprecs a WHERE a.message_id = m.id AND a.direction = 'out') AS apprecs,
                (SELECT min(a.apprec_id) FROM plo_apprecs a WHERE a.message_id = m.id AND a.direction = 'out') AS apprec_id,
                (SELECT min(a.delivery) FROM plo_apprecs a WHERE a.message_id = m.id AND a.direction = 'out') AS delivery,
                (SELECT count(*)::int FROM jobs j JOIN plo_apprecs a ON a.id::text = j.payload->>'appRecRowId'
                  WHERE a.message_id = m.id AND j.kind = 'plo.apprec.send') AS jobs,
                (SELECT min(j.state) FROM jobs j JOIN plo_apprecs a ON a.id::text = j.payload->>'appRecRowId'
                  WHERE a.message_id = m.id AND j.kind = 'plo.apprec.send') AS job_state,
                (SELECT count(*)::int FROM audit_log l
                  WHERE l.action = 'plo_message.receive' AND l.resource_id = m.id::text) AS audits
           FROM plo_messages m WHERE m.direction = 'in'`,
      );
    } finally {
      await database.close();
    }
  }

  before(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const v = ploSchemaSet().validate(Buffer.concat(chunks));
        if (!v.wellFormed || !v.valid) {
          refusedAtReceiver.push(JSON.stringify(v.issues).slice(0, 300));
          res.writeHead(400).end();
          return;
        }
        const r = parseAppRec(v.root);
        delivered.push({ authorization: req.headers.authorization, appRecId: r.id, originalMsgId: r.original.id });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/edi/v1/messages`;

    // The installation as an operator leaves it: the demo register, the hospital's endpoint at the receiver, a
    // credential issued to the hospital, and the one it issued us.
    store = await createSharedStore();
    const database = await store.open();
    await seedDemo(database.db);
    const register = createAddressRegister({ db: database.db, clock: systemClock });
    token = await register.issueCredential(HOSPITAL, 'receive crash test');
    const doc = await register.exportDocument(systemContext('test'));
    doc.parties = doc.parties.map((p) => (p.herId === HOSPITAL ? { ...p, transportEndpoint: endpoint } : p));
    await register.importDocument(systemContext('test'), doc, 'merge');
    await createOutgoingCredentials({ db: database.db, register, secret: PLO_CREDENTIAL_KEY }).set(
      HOSPITAL,
      APPREC_TOKEN,
      'issued by the hospital',
    );
    await database.close();
    port = await freePort();
  });

  after(async () => {
    await server?.kill();
    receiver?.close();
    await store?.cleanup();
  });

  void it('acknowledges messages under concurrent load until the server is killed halfway', async (t) => {
    const starting = Date.now();
    server = await startServerProcess(env(false), port);
    const running = server;
    t.diagnostic(`the server was ready in ${((Date.now() - starting) / 1000).toFixed(1)} s`);
    const killAt = Math.floor(LOAD.messages / 2);
    const other: string[] = [];
    let killing: Promise<void> | undefined;
    const started = Date.now();
    await postAll(
      running.url,
      token,
      messages,
      LOAD.connections,
      (m, a) => {
        if ('error' in a) {
          unanswered.add(m.msgId);
        } else if (a.status === 202) {
          acknowledged.set(m.msgId, a.receipt);
          if (acknowledged.size >= killAt) {
            killing ??= running.kill();
          }
        } else {
          other.push(`${a.status} ${JSON.stringify(a.receipt)}`);
        }
      },
      () => killing !== undefined,
    );
    await killing;
    const seconds = (Date.now() - started) / 1000;
    assert.equal(running.child.signalCode, 'SIGKILL', 'the server died of the kill');
    assert.deepEqual(other, [], 'every answer before the kill was a 202');
    assert.ok(acknowledged.size >= killAt, `${acknowledged.size} acknowledged`);
    assert.ok(acknowledged.size < LOAD.messages, 'the kill came before the last message');
    for (const [msgId, receipt] of acknowledged) {
      if (receipt) {
        assert.deepEqual([receipt.outcome, receipt.msgId, receipt.appRecs.length], ['accepted', msgId, 1]);
      }
    }
    t.diagnostic(
      `before the kill (${seconds.toFixed(1)} s): ${acknowledged.size} acknowledged, ` +
        `${unanswered.size} cut off, ${LOAD.messages - acknowledged.size - unanswered.size} not yet sent`,
    );
  });

  void it('has stored each acknowledged message exactly once with exactly one AppRec, queued', async (t) => {
    storedAfterKill = await readStore();
    const byMsgId = new Map<string, Stored[]>();
    for (const row of storedAfterKill) {
      byMsgId.set(row.msg_id, [...(byMsgId.get(row.msg_id) ?? []), row]);
    }
    for (const [msgId, receipt] of acknowledged) {
      const rows = byMsgId.get(msgId) ?? [];
      assert.equal(rows.length, 1, `acknowledged ${msgId} stored ${rows.length} times`);
      if (receipt) {
        assert.equal(rows[0]!.id, receipt.messageId);
        assert.equal(rows[0]!.apprec_id, receipt.appRecs[0]!.id, 'the AppRec the 202 named is the one stored');
      }
    }
    // Also a message whose answer the kill cut off: stored whole or not at all.
    const posted = new Set([...acknowledged.keys(), ...unanswered]);
    for (const row of storedAfterKill) {
      assert.ok(posted.has(row.msg_id), `stored ${row.msg_id}, which was never posted`);
      assert.equal(byMsgId.get(row.msg_id)!.length, 1, `${row.msg_id} stored once`);
      assert.deepEqual(
        [row.status, row.apprecs, row.delivery, row.jobs, row.job_state, row.audits],
        ['accepted', 1, 'queued', 1, 'ready', 1],
        `${row.msg_id}: accepted, one AppRec queued with its job ready, one audit entry`,
      );
    }
    t.diagnostic(
      `in the store after the kill: ${storedAfterKill.length} messages, ${storedAfterKill.length - acknowledged.size} ` +
        `of them stored but not acknowledged (cut off after the commit), each with one AppRec`,
    );
  });

  void it('answers a resend of every message after the restart: duplicate for the stored ones, the rest stored once', async (t) => {
    server = await startServerProcess(env(true), port);
    const storedAppRec = new Map(storedAfterKill.map((r) => [r.msg_id, r.apprec_id]));
    const answers = new Map<string, Answer>();
    await postAll(server.url, token, messages, LOAD.connections, (m, a) => answers.set(m.msgId, a));
    let duplicates = 0;
    let accepted = 0;
    for (const m of messages) {
      const a = answers.get(m.msgId);
      assert.ok(a && !('error' in a), `${m.msgId}: ${JSON.stringify(a)}`);
      if (storedAppRec.has(m.msgId)) {
        assert.deepEqual([a.status, a.receipt?.outcome], [200, 'duplicate'], `${m.msgId} was stored before`);
        assert.equal(a.receipt?.appRecs[0]?.id, storedAppRec.get(m.msgId), 'the duplicate names the first AppRec');
        duplicates += 1;
      } else {
        assert.deepEqual([a.status, a.receipt?.outcome], [202, 'accepted'], `${m.msgId} was not stored before`);
        accepted += 1;
      }
    }
    t.diagnostic(`resend of all ${messages.length}: ${duplicates} duplicate, ${accepted} accepted`);
  });

  void it('delivers every AppRec to the hospital once per MsgId, then holds each message once', async (t) => {
    const running = server!;
    await waitFor(
      `AppRecs for all ${messages.length} messages at the hospital`,
      () => new Set(delivered.map((d) => d.originalMsgId)).size >= messages.length,
      60_000,
    );
    assert.equal(await running.stop(), 0, `an orderly shutdown: ${running.output()}`);
    assert.deepEqual(refusedAtReceiver, [], 'every AppRec validates against the XSDs');

    const rows = await readStore();
    assert.equal(rows.length, messages.length, 'one row per message');
    assert.equal(new Set(rows.map((r) => r.msg_id)).size, messages.length);
    const perMsgId = new Map<string, Array<(typeof delivered)[number]>>();
    for (const d of delivered) {
      perMsgId.set(d.originalMsgId, [...(perMsgId.get(d.originalMsgId) ?? []), d]);
    }
    for (const row of rows) {
      assert.deepEqual(
        [row.status, row.apprecs, row.delivery, row.jobs, row.job_state, row.audits],
        ['accepted', 1, 'delivered', 1, 'done', 1],
        `${row.msg_id}: one AppRec, delivered, its job done`,
      );
      const got = perMsgId.get(row.msg_id) ?? [];
      assert.equal(got.length, 1, `${row.msg_id}: ${got.length} AppRec deliveries`);
      assert.deepEqual(
        [got[0]!.appRecId, got[0]!.authorization],
        [row.apprec_id, `Bearer ${APPREC_TOKEN}`],
        'the stored AppRec, with the credential the hospital issued us',
      );
    }
    assert.equal(delivered.length, messages.length, 'no AppRec for a message that is not stored');
    t.diagnostic(
      `after the restart: ${rows.length} messages stored once each, ${delivered.length} AppRecs delivered, ` +
        `${acknowledged.size} acknowledged before the kill, 0 lost, 0 duplicated`,
    );
  });
});
