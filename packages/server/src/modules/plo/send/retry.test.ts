import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JobItem, PloSendReceipt } from '@helsebro/contracts';
import { loginAs, type LoggedIn } from '../../../../test/login.ts';
import { makeOperator } from '../../../../test/factories.ts';
import { startWorkers, type Workers } from '../../../platform/jobs/index.ts';
import { waitFor } from '../../../platform/jobs/testing/platform.ts';
import { buildAppRec } from '../apprec/apprec.build.ts';
import { sampleMessage } from '../testing/sample-messages.ts';
import {
  buildPloTestApp,
  fjordvikHandlerAndPatient,
  pointPartnersAt,
  type PloTestApp,
} from '../testing/plo-test-app.ts';

const HOSPITAL = '9900001000';

/**
 * The operator's retry of a dead delivery (issue 10): the real app, its real outbox workers (short backoff), a
 * partner HTTP server that refuses (400), is unreachable (closes the connection) or takes the message (202), and
 * the operator console's retry route.
 */
void describe('retrying a failed PLO message from the operator console', () => {
  let t: PloTestApp;
  let workers: Workers;
  let handler: LoggedIn;
  let operator: LoggedIn;
  let patientId: string;
  let partner: Server;
  let partnerMode: 'refuse' | 'down' | 'take' = 'take';

  const rows = <T>(sql: string, params: unknown[] = []) => t.database.query<T & Record<string, unknown>>(sql, params);
  const statusOf = async (id: string) =>
    (await rows<{ status: string }>('SELECT status FROM plo_messages WHERE id = $1', [id]))[0]!.status;
  const history = async (id: string) =>
    rows<{ status: string; detail: Record<string, unknown> }>(
      'SELECT status, detail FROM plo_message_events WHERE message_id = $1 ORDER BY id',
      [id],
    );
  const jobOf = async (id: string) => {
    const [j] = await rows<{ id: number | string; state: string }>(
      "SELECT id, state FROM jobs WHERE kind = 'plo.message.send' AND payload->>'messageId' = $1",
      [id],
    );
    // bigserial: node-postgres gives it as a string, PGlite as a number.
    return { id: Number(j!.id), state: j!.state };
  };
  const retryAudits = async (jobId: number) =>
    rows<{ subject_person_id: string | null; details: Record<string, unknown>; outcome: string }>(
      "SELECT subject_person_id, details, outcome FROM audit_log WHERE action = 'job.retry' AND resource_id = $1",
      [String(jobId)],
    );
  /** The status and its history entry are two statements (send.repository `transition`): wait for the entry. */
  const delivered = (id: string) =>
    waitFor('the message to be delivered', async () => (await history(id)).some((h) => h.status === 'delivered'));
  const retry = (jobId: number) =>
    t.app.inject({ method: 'POST', url: `/api/operator/jobs/${jobId}/retry`, headers: operator.headers });

  /** Sends an Innleggelsesrapport to the hospital and waits until its delivery job is dead and the message failed. */
  async function failedMessage(mode: 'refuse' | 'down'): Promise<{ id: string; msgId: string; jobId: number }> {
    partnerMode = mode;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/plo/messages',
      headers: handler.headers,
      payload: sampleMessage('INNLEGGELSESRAPPORT') as object,
    });
    assert.equal(res.statusCode, 202, res.body);
    const sent = res.json<PloSendReceipt>();
    const job = await waitFor('the delivery job to die', async () => {
      const j = await jobOf(sent.id);
      return j.state === 'dead' ? j : undefined;
    });
    assert.equal(await statusOf(sent.id), 'failed');
    return { id: sent.id, msgId: sent.msgId, jobId: job!.id };
  }

  before(async () => {
    t = await buildPloTestApp();
    ({ patientId, handler } = await fjordvikHandlerAndPatient(t));
    operator = await loginAs(t.app, { kind: 'operator', operatorId: (await makeOperator(t.database.db)).id });

    partner = createServer((req, res) => {
      if (partnerMode === 'down') {
        req.socket.destroy();
        return;
      }
      req.resume();
      req.on('end', () => {
        res
          .writeHead(partnerMode === 'refuse' ? 400 : 202, { 'content-type': 'application/json' })
          .end(JSON.stringify(partnerMode === 'refuse' ? { code: 'validation_failed' } : { outcome: 'accepted' }));
      });
    });
    await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(partner.address() as AddressInfo).port}/edi/v1/messages`;
    await pointPartnersAt(t, { [HOSPITAL]: { endpoint, token: 'the-hospital-gave-fjordvik-this-0123456789' } });
    workers = startWorkers(t.app.platform, { pollMs: 10, backoff: { baseMs: 10, maxMs: 40 } });
  });
  after(async () => {
    await workers.stop();
    partner.close();
    await t.close();
  });

  /** The hospital's AppRec for one of our messages, posted to /edi/v1/messages with the hospital's token. */
  const appRecFromHospital = (msgId: string) =>
    t.post(
      buildAppRec({
        status: '1',
        sender: {
          inst: { name: 'Fjordvik sykehus HF', herId: HOSPITAL },
          dept: { name: 'Somatikk plo meldingsmottak', herId: '9900001001' },
        },
        senderRole: 'PRIM',
        receiver: { inst: { name: 'Fjordvik kommune', herId: '9900002000' } },
        original: { type: { v: 'INNLEGGELSESRAPPORT' }, genDate: '2025-01-15T10:11:54+01:00', msgId },
      }).xml,
      HOSPITAL,
    );

  void it('a message the partner refused (400) is dead; the retry queues it again, it is delivered and AppRec’d', async () => {
    const m = await failedMessage('refuse');
    assert.deepEqual(
      (await history(m.id)).map((h) => h.status),
      ['queued', 'sent', 'failed'],
    );
    partnerMode = 'take';
    const res = await retry(m.jobId);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json<JobItem>().attempts, 0);
    await delivered(m.id);
    assert.equal((await appRecFromHospital(m.msgId)).statusCode, 202);
    assert.equal(await statusOf(m.id), 'apprec_ok');

    const events = await history(m.id);
    assert.deepEqual(
      events.map((h) => h.status),
      ['queued', 'sent', 'failed', 'queued', 'sent', 'delivered', 'apprec_ok'],
    );
    const retried = events.filter((h) => h.detail.retry === 'operator');
    assert.equal(retried.length, 1, 'one history entry for the retry');
    assert.deepEqual(retried[0], { status: 'queued', detail: { retry: 'operator', jobId: m.jobId } });
    const audits = await retryAudits(m.jobId);
    assert.equal(audits.length, 1);
    assert.equal(audits[0]!.outcome, 'success');
    assert.equal(audits[0]!.subject_person_id, patientId, 'the patient sees the retry in the access log');
    assert.deepEqual(audits[0]!.details, {
      kind: 'plo.message.send',
      messageId: m.id,
      msgId: m.msgId,
      messageStatus: 'failed',
      requeued: true,
    });
    await waitFor('the job to be done', async () => (await jobOf(m.id)).state === 'done');
  });

  void it('a message whose partner was unreachable through every attempt is sent when the operator retries', async () => {
    const m = await failedMessage('down');
    const before = await history(m.id);
    assert.equal(before.filter((h) => h.status === 'sent').length, 12, 'all twelve attempts were made');
    partnerMode = 'take';
    assert.equal((await retry(m.jobId)).statusCode, 200);
    await delivered(m.id);
    const after = (await history(m.id)).slice(before.length);
    assert.deepEqual(
      after.map((h) => [h.status, h.detail.retry ?? null]),
      [
        ['queued', 'operator'],
        ['sent', null],
        ['delivered', null],
      ],
    );
    assert.equal((await retryAudits(m.jobId)).length, 1);
  });

  void it('refuses (409) to resend a failed message the partner AppRec’d late, and changes nothing', async () => {
    const m = await failedMessage('refuse');
    // The partner took it after all and says so (HIS 80415-1.1 Errata 4: a late AppRec counts).
    assert.equal((await appRecFromHospital(m.msgId)).statusCode, 202);
    assert.equal(await statusOf(m.id), 'apprec_ok');
    const eventsBefore = (await history(m.id)).length;
    const res = await retry(m.jobId);
    assert.equal(res.statusCode, 409, res.body);
    assert.match(String(res.headers['content-type']), /application\/problem\+json/);
    assert.equal(res.json<{ code: string }>().code, 'plo_message_acknowledged');
    assert.equal((await jobOf(m.id)).state, 'dead');
    assert.equal(await statusOf(m.id), 'apprec_ok');
    assert.equal((await history(m.id)).length, eventsBefore);
    assert.equal((await retryAudits(m.jobId)).length, 0);
  });
});
