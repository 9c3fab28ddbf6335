import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EdiReceipt } from '@helsebro/contracts';
import { systemContext } from '../../../platform/http/request-context.ts';
import { startWorkers } from '../../../platform/jobs/worker.ts';
import { waitFor } from '../../../platform/jobs/testing/platform.ts';
import type { Job } from '../../../platform/jobs/index.ts';
import { createAddressRegister } from '../address-register/address-register.service.ts';
import { parseAppRec } from '../apprec/apprec.parse.ts';
import { ploSchemaSet } from '../schema-set.ts';
import { officialExamples } from '../testing/official-examples.ts';
import { buildPloTestApp, type PloTestApp } from '../testing/plo-test-app.ts';
import { createOutgoingCredentials, type OutgoingCredentials } from '../send/outgoing-credentials.ts';
import { appRecSendHandler } from './apprec-send.job.ts';

const ex = officialExamples().find((e) => e.type === 'LOG_INNLAGT')!;
const fresh = () => Buffer.from(ex.bytes.toString('utf8').replace(ex.msgId, crypto.randomUUID()));

void describe('plo.apprec.send: delivering AppRecs to the sender', () => {
  let t: PloTestApp;
  let partner: Server;
  const received: Array<{ contentType: string | undefined; authorization: string | undefined; body: Buffer }> = [];
  let credentials: OutgoingCredentials;
  const TOKEN_59 = 'token-st-olavs-gave-us-0123456789';
  let answer = 200;

  before(async () => {
    t = await buildPloTestApp();
    partner = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({
          contentType: req.headers['content-type'],
          authorization: req.headers.authorization,
          body: Buffer.concat(chunks),
        });
        res.writeHead(answer).end();
      });
    });
    await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(partner.address() as AddressInfo).port}/edi/v1/messages`;
    // St. Olavs' endpoint now points at the fake partner; its services inherit it.
    const register = createAddressRegister(t.app.platform);
    const doc = await register.exportDocument(systemContext('test'));
    doc.parties = doc.parties.map((p) => (p.herId === '59' ? { ...p, transportEndpoint: url } : p));
    await register.importDocument(systemContext('test'), doc, 'merge');
    credentials = createOutgoingCredentials({ db: t.app.platform.db, register, secret: t.config.ploCredentialKey });
    await credentials.set('59', TOKEN_59, 'St. Olavs gave us this');
  });
  after(async () => {
    partner.close();
    await t.close();
  });

  const jobFor = async (messageId: string) => {
    const [row] = await t.database.query<{ id: number; payload: Record<string, unknown>; apprec: string }>(
      "SELECT j.id, j.payload, a.id AS apprec FROM jobs j JOIN plo_apprecs a ON a.id::text = j.payload->>'appRecRowId' WHERE a.message_id = $1",
      [messageId],
    );
    return row!;
  };

  void it('the outbox workers POST the AppRec XML to the sender endpoint and mark it delivered', async () => {
    const res = await t.post(fresh(), '59');
    const { messageId, appRecs } = res.json<EdiReceipt>();
    const job = await jobFor(messageId);
    const workers = startWorkers(t.app.platform, { pollMs: 10, backoff: { baseMs: 20, maxMs: 100 } });
    try {
      await waitFor('the AppRec to be delivered', async () => {
        const [a] = await t.database.query<{ delivery: string }>('SELECT delivery FROM plo_apprecs WHERE id = $1', [
          job.apprec,
        ]);
        return a?.delivery === 'delivered';
      });
    } finally {
      await workers.stop();
    }
    const [j] = await t.database.query<{ state: string }>('SELECT state FROM jobs WHERE id = $1', [job.id]);
    assert.equal(j!.state, 'done');
    assert.equal(received.length, 1);
    assert.equal(received[0]!.contentType, 'application/xml; charset=utf-8');
    assert.equal(received[0]!.authorization, `Bearer ${TOKEN_59}`, 'presents the credential St. Olavs issued to us');
    const outcome = ploSchemaSet().validate(received[0]!.body);
    assert.ok(outcome.wellFormed && outcome.valid);
    assert.equal(parseAppRec(outcome.root).id, appRecs[0]!.id);
  });

  void it('throws (so the outbox retries) when the partner answers an error, and does nothing once delivered', async () => {
    const res = await t.post(fresh(), '59');
    const job = await jobFor(res.json<EdiReceipt>().messageId);
    const handler = appRecSendHandler(createAddressRegister(t.app.platform), credentials);
    const asJob = { id: job.id, kind: 'plo.apprec.send', payload: job.payload } as unknown as Job;
    const ctx = { platform: t.app.platform, signal: new AbortController().signal };
    const before = received.length;
    answer = 503;
    await assert.rejects(handler(asJob, ctx), /503/);
    answer = 200;
    await handler(asJob, ctx);
    await handler(asJob, ctx);
    assert.equal(received.length, before + 2, 'one failed and one successful delivery, no third');
  });

  void it('throws when the sender has no transport endpoint in the address register', async () => {
    const res = await t.post(officialExamples().find((e) => e.type === 'DIALOG_HELSEFAGLIG')!.bytes, '56704');
    const job = await jobFor(res.json<EdiReceipt>().messageId);
    const noEndpoint: typeof fetch = () => Promise.reject(new Error('no call expected'));
    const register = createAddressRegister(t.app.platform);
    const doc = await register.exportDocument(systemContext('test'));
    doc.parties = doc.parties.map((p) => (p.herId === '56704' ? { ...p, transportEndpoint: null } : p));
    await register.importDocument(systemContext('test'), doc, 'merge');
    const handler = appRecSendHandler(register, credentials, noEndpoint);
    await assert.rejects(
      handler({ id: job.id, kind: 'plo.apprec.send', payload: job.payload } as unknown as Job, {
        platform: t.app.platform,
        signal: new AbortController().signal,
      }),
      /No transport endpoint/,
    );
  });

  void it('throws and sends nothing when we hold no credential for the partner (a real partner answers 401)', async () => {
    const ir = officialExamples().find((e) => e.type === 'INNLEGGELSESRAPPORT')!;
    const res = await t.post(ir.bytes.toString('utf8').replace(ir.msgId, crypto.randomUUID()), '99387');
    assert.equal(res.statusCode, 202, res.body);
    const job = await jobFor(res.json<EdiReceipt>().messageId);
    const register = createAddressRegister(t.app.platform);
    const doc = await register.exportDocument(systemContext('test'));
    doc.parties = doc.parties.map((p) =>
      p.herId === '99387' ? { ...p, transportEndpoint: 'http://127.0.0.1:9/x' } : p,
    );
    await register.importDocument(systemContext('test'), doc, 'merge');
    const calls: string[] = [];
    const spy: typeof fetch = (url) => {
      calls.push(url instanceof Request ? url.url : url.toString());
      return Promise.resolve(new Response(null, { status: 200 }));
    };
    const handler = appRecSendHandler(register, credentials, spy);
    await assert.rejects(
      handler({ id: job.id, kind: 'plo.apprec.send', payload: job.payload } as unknown as Job, {
        platform: t.app.platform,
        signal: new AbortController().signal,
      }),
      /No outgoing credential/,
    );
    assert.deepEqual(calls, []);
  });
});
