import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PloAlertListResponse } from '@helsebro/contracts';
import { movableClock } from '../../../../test/clock.ts';
import type { LoggedIn } from '../../../../test/login.ts';
import { readableMail, startMailCatcher, type MailCatcher } from '../../../../test/mail-catcher.ts';
import { buildMessage } from '../msghead/message.build.ts';
import { DEMO_RESPONSIBLE, runSweep, sendQueuedAlertEmails } from '../testing/alerts.ts';
import { sampleMessage, SAMPLE_PATIENT } from '../testing/sample-messages.ts';
import { buildPloTestApp, fjordvikHandlerAndPatient, outsiders, type PloTestApp } from '../testing/plo-test-app.ts';

const HOSPITAL = '9900001000';
const HOUR = 3_600_000;
const FJORDVIK_RESPONSIBLE = DEMO_RESPONSIBLE.fjordvik;
const HOSPITAL_RESPONSIBLE = DEMO_RESPONSIBLE.hospital;

/**
 * Partner silence (issue 14, D3): the hospital has sent Fjordvik messages, then nothing for eight office hours. The
 * sweep raises one alert on the service that received the last message, e-mails both sides' message-responsible
 * addresses over real SMTP, and shows it in the console; traffic that resumes resets it.
 */
void describe('PLO monitoring: a partner gone silent', () => {
  let t: PloTestApp;
  let catcher: MailCatcher;
  let clock = movableClock(new Date());
  let handler: LoggedIn;
  let otherHandler: LoggedIn;
  const rows = <T>(sql: string, params: unknown[] = []) => t.database.query<T & Record<string, unknown>>(sql, params);
  const sweep = (config = t.app.platform.config.ploMonitor) =>
    runSweep({ ...t.app.platform, config: { ...t.app.platform.config, ploMonitor: config } }, clock);
  const get = (url: string, who: LoggedIn) => t.app.inject({ method: 'GET', url, headers: who.headers });
  const sendAlertEmails = () => sendQueuedAlertEmails(t.app.platform, clock, catcher.mails);

  before(async () => {
    catcher = await startMailCatcher();
    t = await buildPloTestApp({ SMTP_URL: catcher.url, PUBLIC_URL: 'https://helsebro.example' });
    let fjordvikId: string;
    ({ handler, fjordvikId } = await fjordvikHandlerAndPatient(t));
    ({ otherHandler } = await outsiders(t, fjordvikId));
  });
  after(async () => {
    await t.close();
    await catcher.close();
  });

  void it('warns once when a partner has sent nothing for eight office hours, both sides by e-mail; traffic resets it', async () => {
    clock = movableClock(new Date());
    const silences = () =>
      rows<{ id: string; party_id: string; detail: Record<string, unknown>; email_partner: string | null }>(
        "SELECT id, party_id, detail, email_partner FROM plo_alerts WHERE kind = 'partner_silent' ORDER BY raised_at",
      );
    const received = await t.post(buildMessage(sampleMessage('LOG_INNLAGT')).xml, HOSPITAL);
    assert.equal(received.statusCode, 202, received.body);
    const [last] = await rows<{ receiver_party_id: string; received_at: Date }>(
      "SELECT receiver_party_id, received_at FROM plo_messages WHERE direction = 'in' ORDER BY received_at DESC LIMIT 1",
    );
    await sweep();
    assert.deepEqual(await silences(), [], 'the partner just sent a message');

    // A week on: at least two working days of office hours have passed, whatever day the test runs.
    clock.advance(7 * 24 * HOUR);
    const off = await sweep({ ...t.app.platform.config.ploMonitor, partnerSilenceHours: 0 });
    assert.equal(off.partnerSilent, 0, 'PLO_PARTNER_SILENCE_HOURS=0 turns it off');
    assert.deepEqual(await silences(), []);
    assert.equal((await sweep()).partnerSilent, 1);
    assert.equal((await sweep()).partnerSilent, 0, 'raised once');
    const [silent, ...more] = await silences();
    assert.equal(more.length, 0);
    assert.equal(silent!.party_id, last!.receiver_party_id, "on our service that received the partner's message");
    assert.deepEqual(silent!.detail, { hours: 8, silentSince: last!.received_at.toISOString() });

    const sent = await sendAlertEmails();
    assert.deepEqual(sent.map((x) => x.to[0]).sort(), [HOSPITAL_RESPONSIBLE, FJORDVIK_RESPONSIBLE]);
    const ours = readableMail(sent.find((x) => x.to[0] !== HOSPITAL_RESPONSIBLE)!.raw);
    const theirs = readableMail(sent.find((x) => x.to[0] === HOSPITAL_RESPONSIBLE)!.raw);
    assert.match(ours, /Ingen meldinger fra samarbeidspartneren i arbeidstiden/);
    assert.match(theirs, /har ikke mottatt PLO-meldinger fra dere/);
    for (const text of [ours, theirs]) {
      for (const secret of [SAMPLE_PATIENT.nin, SAMPLE_PATIENT.familyName]) {
        assert.ok(!text.includes(secret), `the mail carries no ${secret}`);
      }
    }

    const list = await get('/api/plo/console/alerts', handler);
    assert.equal(list.statusCode, 200, list.body);
    const shown = list.json<PloAlertListResponse>().alerts.find((a) => a.id === silent!.id);
    assert.deepEqual(
      [shown?.kind, shown?.severity, shown?.thresholdHours, shown?.silentSince, shown?.partner?.herId, shown?.message],
      ['partner_silent', 'warning', 8, last!.received_at.toISOString(), HOSPITAL, null],
    );
    assert.equal((await get(`/api/plo/console/alerts/${silent!.id}`, otherHandler)).statusCode, 403);

    // The partner sends again: no new alert while it keeps sending; a new silence raises a new one.
    assert.equal((await t.post(buildMessage(sampleMessage('LOG_INNLAGT')).xml, HOSPITAL)).statusCode, 202);
    clock = movableClock(new Date());
    assert.equal((await sweep()).partnerSilent, 0);
    clock.advance(7 * 24 * HOUR);
    assert.equal((await sweep()).partnerSilent, 1);
    assert.equal((await silences()).length, 2);
    await sendAlertEmails();
  });
});
