import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CapturedNoticesResponse, ContactDetailsResponse } from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { loginAs, type LoggedIn } from '../../../test/login.ts';
import { bornAgo } from '../../../test/ages.ts';
import {
  makeCareRelation,
  makeFullmakt,
  makeMunicipality,
  makeOperator,
  makePerson,
  makePersonnel,
  makeServiceUnit,
  type Person,
} from '../../../test/factories.ts';
import { enqueue, startWorkers } from '../../platform/jobs/index.ts';
import { waitFor } from '../../platform/jobs/testing/platform.ts';
import { TEMPLATES } from './templates.ts';

void describe('notifications in development: synthetic KRR, capture store, preferences', () => {
  let t: TestApp;
  let per: Person, kari: Person;
  let perLogin: LoggedIn, kariLogin: LoggedIn, operator: LoggedIn;

  before(async () => {
    // Listening, so the default KRR_URL (PUBLIC_URL/dev/krr/…) reaches the app's own stand-in.
    t = await buildTestApp({}, { listen: true });
    const db = t.app.platform.db;
    const m = await makeMunicipality(db);
    const unit = await makeServiceUnit(db, m.id, { openForDialog: true });
    await makePersonnel(db, { municipalityId: m.id, serviceUnitId: unit.id });
    per = await makePerson(db, {
      municipalityId: m.id,
      givenName: 'Per',
      familyName: 'Øvrebø',
      birthDate: bornAgo(80),
    });
    kari = await makePerson(db, { municipalityId: m.id, birthDate: bornAgo(50) });
    await makeCareRelation(db, { municipalityId: m.id, personId: per.id, serviceUnitId: unit.id });
    await makeFullmakt(db, per.id, kari.id);
    perLogin = await loginAs(t.app, { kind: 'citizen', personId: per.id });
    kariLogin = await loginAs(t.app, { kind: 'citizen', personId: kari.id });
    operator = await loginAs(t.app, { kind: 'operator', operatorId: (await makeOperator(db)).id });
  });
  after(async () => {
    await t.close();
  });

  void it('the KRR stand-in answers in KRR’s shape with synthetic contact details', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/dev/krr/rest/v2/personer',
      payload: { personidentifikatorer: [per.nin, '01019912345'] },
    });
    assert.equal(res.statusCode, 200, res.body);
    const [found, unknown] = res.json().personer;
    assert.equal(found.personidentifikator, per.nin);
    assert.equal(found.status, 'AKTIV');
    assert.equal(found.reservasjon, 'NEI');
    assert.match(found.kontaktinformasjon.epostadresse, /^per\.ovrebo\.\d{3}@example\.com$/);
    assert.match(found.kontaktinformasjon.mobiltelefonnummer, /^\+479\d{7}$/);
    assert.equal(unknown.status, 'IKKE_REGISTRERT');
  });

  void it("shows the user's own KRR contact details, read-only, without storing or logging them", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me/contact-details', headers: perLogin.headers });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<ContactDetailsResponse>();
    assert.equal(body.status, 'found');
    assert.match(body.email ?? '', /^per\.ovrebo\.\d{3}@example\.com$/);
    assert.match(body.mobile ?? '', /^\+479\d{7}$/);
    assert.equal(res.headers['cache-control'], 'no-store');
    const [entry] = await t.database.query<{ details: string }>(
      "SELECT details::text AS details FROM audit_log WHERE action = 'krr.contact_details.read' ORDER BY id DESC LIMIT 1",
    );
    assert.ok(entry, 'the lookup is audited');
    assert.ok(!entry.details.includes(body.email!) && !entry.details.includes(body.mobile!), 'without the addresses');
    const stored = await t.database.query(
      "SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' AND column_name IN ('email', 'mobile', 'epostadresse') AND table_name LIKE 'notification%'",
    );
    assert.equal(stored.length, 0, 'no notification table has a column for an address');
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/me/contact-details' });
    assert.equal(anonymous.statusCode, 401);
  });

  void it('without SMTP_URL or SMS_GATEWAY_URL a notice goes to the capture store the operator sees; levels filter', async () => {
    // Kari chose level limited: a new message is not for her. Per keeps the default (SMS, normal).
    const prefs = await t.app.inject({
      method: 'PUT',
      url: '/api/me/notification-preferences',
      headers: kariLogin.headers,
      payload: { channel: 'email', level: 'limited', language: 'en' },
    });
    assert.equal(prefs.statusCode, 200, prefs.body);
    await enqueue(t.app.platform.db, {
      kind: 'notifications.dispatch',
      payload: { eventKey: 'test:1', personId: per.id, template: 'new_message', minLevel: 'normal' },
    });
    const workers = startWorkers(t.app.platform, { pollMs: 10 });
    try {
      await waitFor('the captured notice', async () => {
        const rows = await t.database.query<{ id: number }>('SELECT id FROM notification_captures');
        return rows.length === 1;
      });
    } finally {
      await workers.stop();
    }
    const res = await t.app.inject({ method: 'GET', url: '/api/operator/outbox/captured', headers: operator.headers });
    assert.equal(res.statusCode, 200, res.body);
    const [notice] = res.json<CapturedNoticesResponse>().notices;
    assert.equal(notice!.channel, 'sms');
    assert.match(notice!.recipient, /^\+479\d{7}$/);
    assert.equal(notice!.body, TEMPLATES.new_message.nb.text);
    const forbidden = await t.app.inject({
      method: 'GET',
      url: '/api/operator/outbox/captured',
      headers: perLogin.headers,
    });
    assert.equal(forbidden.statusCode, 403);
  });

  void it('preferences are set by the person themselves, not by a representative', async () => {
    const switched = await t.app.inject({
      method: 'POST',
      url: '/api/representation/acting-for',
      headers: kariLogin.headers,
      payload: { personId: per.id },
    });
    assert.equal(switched.statusCode, 200, switched.body);
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/me/notification-preferences',
      headers: kariLogin.headers,
      payload: { channel: 'email', level: 'full', language: 'nb' },
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, 'proxy_cannot_manage_preferences');
  });

  void it('templates carry no health information, no link, and fit an SMS', () => {
    for (const template of Object.values(TEMPLATES)) {
      for (const { subject, text } of Object.values(template)) {
        assert.ok(text.length <= 160, text);
        assert.doesNotMatch(`${subject} ${text}`, /https?:|www\./);
      }
    }
    assert.equal(TEMPLATES.new_message.nb.text.startsWith('Du har en ny melding på Helsebro'), true);
  });
});
