import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PloSendReceipt } from '@helsebro/contracts';
import type { LoggedIn } from '../../../../test/login.ts';
import { startWorkers } from '../../../platform/jobs/worker.ts';
import { waitFor } from '../../../platform/jobs/testing/platform.ts';
import { seedDemo } from '../../demo-data/index.ts';
import { DEMO_HOSPITAL_HER_ID } from '../address-register/demo-register.ts';
import { buildMessage } from '../msghead/message.build.ts';
import { buildPloTestApp, fjordvikHandlerAndPatient, type PloTestApp } from '../testing/plo-test-app.ts';
import {
  DEMO_FJORDVIK_HOME_NURSING as NURSING,
  DEMO_HOSPITAL_SOMATIC as SOMATIC,
  sampleMessage,
} from '../testing/sample-messages.ts';
import { demoHospitalLink, DEMO_HOSPITAL_INBOX_TOKEN } from './demo-hospital.ts';

/**
 * The single-instance demo's hospital (issue 15, "a fresh demo must not start with dead jobs"): with the development
 * IdP the demo seed points the demo hospital at a stand-in on the same server, over real HTTP, which takes what we
 * send and answers business messages with an AppRec, as a hospital's system does.
 */
void describe('the demo hospital stand-in', () => {
  let t: PloTestApp;
  let workers: { stop(): Promise<void> };
  let handler: LoggedIn;
  const q = <T>(sql: string, params: unknown[] = []) => t.database.query<T & Record<string, unknown>>(sql, params);

  before(async () => {
    t = await buildPloTestApp({}, { listen: true });
    const link = demoHospitalLink(t.config);
    assert.ok(link, 'the tests run with the development IdP');
    // As `npm start` seeds: the same idempotent seed, given the link.
    await seedDemo(t.database.db, { demoHospital: link });
    ({ handler } = await fjordvikHandlerAndPatient(t));
    workers = startWorkers(t.app.platform, { pollMs: 20 });
  });
  after(async () => {
    await workers?.stop();
    await t?.close();
  });

  const deadJobs = async () =>
    (await q<{ n: number }>("SELECT count(*)::int AS n FROM jobs WHERE state = 'dead'"))[0]!.n;

  void it('is where the demo register sends the hospital its messages, with a credential to present', async () => {
    const [party] = await q<{ endpoint: string; credential: boolean }>(
      `SELECT p.transport_endpoint AS endpoint,
              EXISTS (SELECT 1 FROM plo_outgoing_credentials c WHERE c.party_id = p.id) AS credential
         FROM plo_parties p WHERE p.her_id = $1`,
      [DEMO_HOSPITAL_HER_ID],
    );
    assert.deepEqual(party, { endpoint: `${t.config.publicUrl}/dev/demo-hospital/edi/v1/messages`, credential: true });
  });

  void it('takes the AppRec for a message the hospital sent (the README example), so no job dies', async () => {
    const xml = buildMessage(sampleMessage('LOG_INNLAGT', { msgId: crypto.randomUUID() })).xml;
    const res = await fetch(`${t.config.publicUrl}/edi/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml', authorization: `Bearer ${t.tokens[DEMO_HOSPITAL_HER_ID]}` },
      body: xml,
    });
    assert.equal(res.status, 202, await res.text());
    await waitFor('the AppRec delivered', async () => {
      const rows = await q<{ state: string }>("SELECT state FROM jobs WHERE kind = 'plo.apprec.send'");
      return rows.length > 0 && rows.every((r) => r.state === 'done');
    });
    assert.equal(await deadJobs(), 0);
  });

  void it('answers what the municipality sends with a positive AppRec, through our own receiving endpoint', async () => {
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/plo/messages',
      headers: handler.headers,
      payload: sampleMessage('INNLEGGELSESRAPPORT', { sender: NURSING, receiver: SOMATIC }) as object,
    });
    assert.equal(sent.statusCode, 202, sent.body);
    const { id } = sent.json<PloSendReceipt>();
    const status = await waitFor('the AppRec from the demo hospital', async () => {
      const [row] = await q<{ status: string }>('SELECT status FROM plo_messages WHERE id = $1', [id]);
      return row?.status === 'apprec_ok' ? row.status : undefined;
    });
    assert.equal(status, 'apprec_ok');
    assert.equal(await deadJobs(), 0);
  });

  void it('refuses a caller without the token we were issued, and reads nothing', async () => {
    const url = `${t.config.publicUrl}/dev/demo-hospital/edi/v1/messages`;
    for (const authorization of [undefined, 'Bearer wrong-token-0123456789', `Bearer ${DEMO_HOSPITAL_INBOX_TOKEN}x`]) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/xml', ...(authorization ? { authorization } : {}) },
        body: '<MsgHead/>',
      });
      assert.equal(res.status, 401);
      assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
    }
    const json = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_HOSPITAL_INBOX_TOKEN}` },
      body: '{}',
    });
    assert.equal(json.status, 415);
  });
});
