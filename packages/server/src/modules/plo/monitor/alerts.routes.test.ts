import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type {
  AddressRegisterOrganisationsResponse,
  PloAlert,
  PloAlertListResponse,
  PloSendReceipt,
} from '@helsebro/contracts';
import { movableClock } from '../../../../test/clock.ts';
import { makeOperator } from '../../../../test/factories.ts';
import { loginAs, type LoggedIn } from '../../../../test/login.ts';
import { readableMail, startMailCatcher, type MailCatcher } from '../../../../test/mail-catcher.ts';
import { buildAppRec } from '../apprec/apprec.build.ts';
import { transition } from '../send/send.repository.ts';
import { DEMO_RESPONSIBLE, runSweep, sendQueuedAlertEmails } from '../testing/alerts.ts';
import { sampleMessage, SAMPLE_PATIENT } from '../testing/sample-messages.ts';
import { buildPloTestApp, fjordvikHandlerAndPatient, outsiders, type PloTestApp } from '../testing/plo-test-app.ts';

const HOSPITAL = '9900001000';
const HOUR = 3_600_000;
const FJORDVIK_RESPONSIBLE = DEMO_RESPONSIBLE.fjordvik;
const HOSPITAL_RESPONSIBLE = DEMO_RESPONSIBLE.hospital;

/**
 * Message monitoring and alerts (issue 14, D3/D9): the real app with the demo register, a clock the test moves
 * past the thresholds, the monitoring sweep, the e-mail job over real SMTP (an in-process SMTP server), and the
 * console's alert routes for Fjordvik's message handler, another organisation's handler, a nurse and the operator.
 */
void describe('PLO monitoring: alerts raised once, e-mailed, acknowledged and closed', () => {
  let t: PloTestApp;
  let catcher: MailCatcher;
  /** The clock the sweeps measure with; each case starts its own at the real time and moves it. */
  let clock = movableClock(new Date());
  let handler: LoggedIn;
  let otherHandler: LoggedIn;
  let nurse: LoggedIn;
  let operator: LoggedIn;

  const rows = <T>(sql: string, params: unknown[] = []) => t.database.query<T & Record<string, unknown>>(sql, params);
  const alertsOf = (messageId: string) =>
    rows<{ id: string; kind: string; severity: string; detail: Record<string, unknown>; email_ours: string | null }>(
      'SELECT id, kind, severity, detail, email_ours, email_partner FROM plo_alerts WHERE message_id = $1 ORDER BY raised_at, kind',
      [messageId],
    );
  const sweep = (config = t.app.platform.config.ploMonitor) =>
    runSweep({ ...t.app.platform, config: { ...t.app.platform.config, ploMonitor: config } }, clock);
  const get = (url: string, who: LoggedIn) => t.app.inject({ method: 'GET', url, headers: who.headers });
  const post = (url: string, who: LoggedIn, payload?: object) =>
    t.app.inject({ method: 'POST', url, headers: who.headers, ...(payload ? { payload } : {}) });

  /** A report from Fjordvik's home nursing to the hospital, delivered (the partner answered 2xx), no AppRec yet. */
  async function delivered(): Promise<PloSendReceipt> {
    const res = await post('/api/plo/messages', handler, sampleMessage('INNLEGGELSESRAPPORT'));
    assert.equal(res.statusCode, 202, res.body);
    const sent = res.json<PloSendReceipt>();
    assert.ok(await transition(t.app.platform.db, sent.id, ['queued'], 'sent', { attempt: 1 }));
    assert.ok(await transition(t.app.platform.db, sent.id, ['sent'], 'delivered', { attempt: 1, httpStatus: 202 }));
    return sent;
  }

  /** The hospital's AppRec for one of our messages, posted as the hospital. */
  const appRec = (msgId: string, status: '1' | '2') =>
    t.post(
      buildAppRec({
        status,
        ...(status === '2'
          ? { errors: [{ code: 'E35' as const, detail: `Fant ikke ${SAMPLE_PATIENT.givenName}` }] }
          : {}),
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

  const sendAlertEmails = () => sendQueuedAlertEmails(t.app.platform, clock, catcher.mails);

  before(async () => {
    catcher = await startMailCatcher();
    // The app keeps the real clock (sessions would expire as the test moves time); the sweeps use the moved one.
    t = await buildPloTestApp({ SMTP_URL: catcher.url, PUBLIC_URL: 'https://helsebro.example' });
    let fjordvikId: string;
    ({ handler, fjordvikId } = await fjordvikHandlerAndPatient(t));
    ({ otherHandler, nurse } = await outsiders(t, fjordvikId));
    operator = await loginAs(t.app, { kind: 'operator', operatorId: (await makeOperator(t.database.db)).id });
  });
  after(async () => {
    await t.close();
    await catcher.close();
  });

  void it('warns at 2 h and 24 h without AppRec, once each; at 96 h the message counts as rejected; a late AppRec still counts', async () => {
    const m = await delivered();
    clock.advance(HOUR);
    await sweep();
    assert.deepEqual(await alertsOf(m.id), [], 'nothing before the first threshold');

    clock.advance(HOUR + 60_000);
    await sweep();
    await sweep();
    const [warning, ...more] = await alertsOf(m.id);
    assert.deepEqual(
      [warning?.kind, warning?.severity, warning?.detail, more.length],
      ['apprec_missing', 'warning', { hours: 2 }, 0],
    );

    // The e-mail goes to Fjordvik's message-responsible address: that there is an alert, its kind and a link.
    const [mail, ...others] = await sendAlertEmails();
    assert.equal(others.length, 0);
    assert.deepEqual(mail!.to, [FJORDVIK_RESPONSIBLE]);
    const text = readableMail(mail!.raw);
    assert.match(text, /Sendt melding uten applikasjonskvittering/);
    assert.ok(text.includes(`https://helsebro.example/ansatt/meldinger/varsler/${warning!.id}`), text);
    for (const secret of [
      SAMPLE_PATIENT.nin,
      SAMPLE_PATIENT.nin.slice(0, 6),
      SAMPLE_PATIENT.familyName,
      m.msgId,
      m.id,
    ]) {
      assert.ok(!text.includes(secret), `the mail carries no ${secret}`);
    }
    assert.equal((await sendAlertEmails()).length, 0, 'sent once');
    assert.equal((await alertsOf(m.id))[0]!.email_ours, 'sent');

    clock.advance(22 * HOUR);
    await sweep();
    assert.deepEqual(
      (await alertsOf(m.id)).map((a) => [a.kind, a.detail.hours]),
      [
        ['apprec_missing', 2],
        ['apprec_missing', 24],
      ],
    );

    clock.advance(72 * HOUR);
    await sweep();
    await sweep();
    const all = await alertsOf(m.id);
    assert.deepEqual(
      all.map((a) => [a.kind, a.severity]),
      [
        ['apprec_missing', 'warning'],
        ['apprec_missing', 'warning'],
        ['apprec_timeout', 'critical'],
      ],
    );
    const [status] = await rows<{ status: string }>('SELECT status FROM plo_messages WHERE id = $1', [m.id]);
    assert.equal(status!.status, 'apprec_rejected', 'no AppRec in 96 h counts as rejected (HIS 80415-1.1 §3.3.6)');
    const [event] = await rows<{ detail: Record<string, unknown> }>(
      "SELECT detail FROM plo_message_events WHERE message_id = $1 AND status = 'apprec_rejected'",
      [m.id],
    );
    assert.deepEqual(event!.detail, { reason: 'apprec_timeout', hours: 96 });
    // Both sides are told: ours (24 h and 96 h) and the hospital's, whose system has not answered.
    const timeoutMails = await sendAlertEmails();
    assert.deepEqual(
      timeoutMails.map((x) => x.to[0]).sort(),
      [FJORDVIK_RESPONSIBLE, FJORDVIK_RESPONSIBLE, HOSPITAL_RESPONSIBLE].sort(),
    );
    const partnerMail = readableMail(timeoutMails.find((x) => x.to[0] === HOSPITAL_RESPONSIBLE)!.raw);
    assert.match(partnerMail, /Fjordvik kommune har et varsel om PLO-meldinger sendt til dere/);
    assert.ok(!partnerMail.includes(SAMPLE_PATIENT.familyName) && !partnerMail.includes(m.msgId));

    // The receiver may still import it and send a positive AppRec: the sender accepts it (Errata 4).
    assert.equal((await appRec(m.msgId, '1')).statusCode, 202);
    const [settled] = await rows<{ status: string }>('SELECT status FROM plo_messages WHERE id = $1', [m.id]);
    assert.equal(settled!.status, 'apprec_ok');
    await sweep();
    assert.equal((await alertsOf(m.id)).length, 3, 'nothing new');
  });

  void it('alerts on a negative AppRec with its 8221 code explained; the handler acknowledges it and closes it with a note', async () => {
    clock = movableClock(new Date());
    const m = await delivered();
    assert.equal((await appRec(m.msgId, '2')).statusCode, 202);
    await sweep();
    await sweep();
    const [a, ...more] = await alertsOf(m.id);
    assert.deepEqual([a?.kind, a?.severity, more.length], ['apprec_negative', 'critical', 0]);

    const list = await get('/api/plo/console/alerts', handler);
    assert.equal(list.statusCode, 200, list.body);
    const body = list.json<PloAlertListResponse>();
    const shown = body.alerts.find((x) => x.id === a!.id)!;
    assert.deepEqual(shown.errors, [{ code: 'E35', text: 'Pasient finnes ikke i mottakersystemet' }]);
    assert.equal(shown.message?.id, m.id);
    assert.equal(shown.partner?.name, 'Fjordvik sykehus HF');
    assert.equal(shown.service.name, 'Sykepleietjeneste, pleie- og omsorg');
    assert.equal(body.messageResponsible?.email, FJORDVIK_RESPONSIBLE);
    assert.ok(
      !list.body.includes(SAMPLE_PATIENT.nin) && !list.body.includes('Fant ikke'),
      'no patient data, no free text',
    );
    // The most serious first, then the newest.
    const ranks = body.alerts.map((x) => (x.severity === 'critical' ? 0 : 1));
    assert.deepEqual(ranks, [...ranks].sort());

    const ack = await post(`/api/plo/console/alerts/${a!.id}/acknowledge`, handler);
    assert.equal(ack.statusCode, 200, ack.body);
    const acked = ack.json<PloAlert>();
    assert.equal(acked.state, 'acknowledged');
    assert.ok(Math.abs(Date.parse(acked.acknowledged!.at) - Date.now()) < 60_000, 'acknowledged now');
    assert.match(acked.acknowledged?.name ?? '', /\S+ \S+/);
    const again = await post(`/api/plo/console/alerts/${a!.id}/acknowledge`, handler);
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'alert_already_acknowledged');

    const empty = await post(`/api/plo/console/alerts/${a!.id}/close`, handler, { note: '   ' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.headers['content-type'] as string, /application\/problem\+json/);
    const closed = await post(`/api/plo/console/alerts/${a!.id}/close`, handler, {
      note: 'Ringte sykehuset; pasienten var registrert med feil fødselsnummer. Sendt på nytt.',
    });
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal(closed.json<PloAlert>().state, 'closed');
    assert.match(closed.json<PloAlert>().closed?.note ?? '', /Ringte sykehuset/);
    const twice = await post(`/api/plo/console/alerts/${a!.id}/close`, handler, { note: 'Igjen' });
    assert.deepEqual([twice.statusCode, twice.json().code], [409, 'alert_closed']);

    const active = (await get('/api/plo/console/alerts', handler)).json<PloAlertListResponse>();
    assert.ok(!active.alerts.some((x) => x.id === a!.id), 'gone from the open alerts');
    const done = (await get('/api/plo/console/alerts?state=closed', handler)).json<PloAlertListResponse>();
    assert.ok(done.alerts.some((x) => x.id === a!.id && x.closed !== null));

    const [row] = await rows<{ state: string; acknowledged_by: string; closed_by: string; close_note: string }>(
      'SELECT state, acknowledged_by, closed_by, close_note FROM plo_alerts WHERE id = $1',
      [a!.id],
    );
    assert.equal(row!.state, 'closed');
    assert.equal(row!.acknowledged_by, row!.closed_by);
    const audit = await rows<{ action: string; outcome: string }>(
      "SELECT action, outcome FROM audit_log WHERE resource_id = $1 AND action LIKE 'plo_alert.%' ORDER BY id",
      [a!.id],
    );
    assert.deepEqual(
      audit.map((x) => `${x.action}:${x.outcome}`),
      ['plo_alert.raise:success', 'plo_alert.acknowledge:success', 'plo_alert.close:success'],
    );
  });

  void it('alerts when the delivery fails for good, and tells the partner when the retries ran out', async () => {
    clock = movableClock(new Date());
    await sendAlertEmails(); // what earlier cases left queued
    const res = await post('/api/plo/messages', handler, sampleMessage('INNLEGGELSESRAPPORT'));
    const m = res.json<PloSendReceipt>();
    await transition(t.app.platform.db, m.id, ['queued'], 'failed', {
      attempt: 12,
      reason: 'network error',
      final: true,
    });
    await sweep();
    await sweep();
    const [a, ...more] = await alertsOf(m.id);
    assert.deepEqual([a?.kind, a?.severity, more.length], ['delivery_failed', 'critical', 0]);
    const sent = await sendAlertEmails();
    assert.deepEqual(sent.map((x) => x.to[0]).sort(), [FJORDVIK_RESPONSIBLE, HOSPITAL_RESPONSIBLE].sort());
  });

  void it('shows an organisation only its own alerts, refuses others and non-handlers, and problem+json for bad input', async () => {
    clock = movableClock(new Date());
    const m = await delivered();
    assert.equal((await appRec(m.msgId, '2')).statusCode, 202);
    await sweep();
    const [a] = await alertsOf(m.id);

    const theirs = await get('/api/plo/console/alerts', otherHandler);
    assert.equal(theirs.statusCode, 200, theirs.body);
    assert.deepEqual(theirs.json<PloAlertListResponse>().alerts, []);
    for (const [method, url] of [
      ['GET', `/api/plo/console/alerts/${a!.id}`],
      ['POST', `/api/plo/console/alerts/${a!.id}/acknowledge`],
    ] as const) {
      const refused = await t.app.inject({ method, url, headers: otherHandler.headers });
      assert.deepEqual([refused.statusCode, refused.json().code], [403, 'not_your_alert'], url);
    }
    const closeTheirs = await post(`/api/plo/console/alerts/${a!.id}/close`, otherHandler, { note: 'Ikke vår' });
    assert.equal(closeTheirs.statusCode, 403);
    assert.equal((await alertsOf(m.id))[0]!.email_ours !== undefined, true);
    const [still] = await rows<{ state: string }>('SELECT state FROM plo_alerts WHERE id = $1', [a!.id]);
    assert.equal(still!.state, 'open', 'unchanged by the refused calls');
    const denied = await rows<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'plo_console.access' AND outcome = 'denied' AND resource_id = $1",
      [a!.id],
    );
    assert.equal(denied[0]!.n, 3);

    const byNurse = await get('/api/plo/console/alerts', nurse);
    assert.deepEqual([byNurse.statusCode, byNurse.json().code], [403, 'not_message_handler']);
    const byOperator = await get('/api/plo/console/alerts', operator);
    assert.equal(byOperator.statusCode, 403);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/plo/console/alerts' });
    assert.equal(anonymous.statusCode, 401);

    for (const url of [
      '/api/plo/console/alerts/not-a-uuid',
      '/api/plo/console/alerts?page=0',
      '/api/plo/console/alerts?state=everything',
      '/api/plo/console/alerts?service=abc',
    ]) {
      const bad = await get(url, handler);
      assert.equal(bad.statusCode, 400, url);
      assert.match(bad.headers['content-type'] as string, /application\/problem\+json/, url);
    }
    const unknown = await get('/api/plo/console/alerts/00000000-0000-4000-8000-000000000000', handler);
    assert.deepEqual([unknown.statusCode, unknown.json().code], [404, 'alert_not_found']);
    const notOurs = await get('/api/plo/console/alerts?service=9900003001', handler);
    assert.equal(notOurs.statusCode, 403);
    const noNote = await post(`/api/plo/console/alerts/${a!.id}/close`, handler, {});
    assert.equal(noNote.statusCode, 400);
    const page2 = (await get('/api/plo/console/alerts?page=2', handler)).json<PloAlertListResponse>();
    assert.deepEqual([page2.page, page2.alerts.length, page2.pageSize], [2, 0, 20]);
  });

  void it('the operator sets the message-responsible address in the address register, and the next alert goes there', async () => {
    clock = movableClock(new Date());
    await sendAlertEmails(); // what earlier cases left queued
    const url = '/api/operator/address-register/9900002000/message-responsible';
    const bad = await t.app.inject({
      method: 'PUT',
      url,
      headers: operator.headers,
      payload: { messageResponsible: { name: 'Meldingsansvarlig', email: 'ikke en adresse' } },
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.headers['content-type'] as string, /application\/problem\+json/);
    const byHandler = await t.app.inject({
      method: 'PUT',
      url,
      headers: handler.headers,
      payload: { messageResponsible: { name: 'X', email: 'x@example.com' } },
    });
    assert.equal(byHandler.statusCode, 403);
    const unknown = await t.app.inject({
      method: 'PUT',
      url: '/api/operator/address-register/123/message-responsible',
      headers: operator.headers,
      payload: { messageResponsible: { name: 'X', email: 'x@example.com' } },
    });
    assert.deepEqual([unknown.statusCode, unknown.json().code], [404, 'party_not_found']);

    const set = await t.app.inject({
      method: 'PUT',
      url,
      headers: operator.headers,
      payload: {
        messageResponsible: {
          name: 'Meldingsvakta, Fjordvik',
          email: 'meldingsvakt@fjordvik.kommune.example',
          phone: '',
        },
      },
    });
    assert.equal(set.statusCode, 200, set.body);
    const listed = await get('/api/operator/address-register/organisations?q=Fjordvik%20kommune', operator);
    assert.equal(listed.statusCode, 200, listed.body);
    const fjordvik = listed
      .json<AddressRegisterOrganisationsResponse>()
      .organisations.find((o) => o.herId === '9900002000');
    assert.deepEqual(fjordvik?.messageResponsible, {
      name: 'Meldingsvakta, Fjordvik',
      email: 'meldingsvakt@fjordvik.kommune.example',
      phone: null,
    });
    assert.ok(
      fjordvik?.parties.some((p) => p.herId === '9900002001' && p.messageResponsible === null),
      'inherits',
    );

    const res = await post('/api/plo/messages', handler, sampleMessage('INNLEGGELSESRAPPORT'));
    const m = res.json<PloSendReceipt>();
    await transition(t.app.platform.db, m.id, ['queued'], 'failed', { attempt: 1, httpStatus: 400 });
    await sweep();
    const sent = await sendAlertEmails();
    assert.deepEqual(
      sent.map((x) => x.to[0]),
      ['meldingsvakt@fjordvik.kommune.example'],
      'a refusal (4xx) is ours alone, and goes to the new address',
    );
    const [audit] = await rows<{ resource_id: string; details: Record<string, unknown> }>(
      "SELECT resource_id, details FROM audit_log WHERE action = 'address_register.responsible_update' ORDER BY id DESC LIMIT 1",
    );
    assert.equal(audit!.resource_id, '9900002000');
  });
});
