import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { loginAs } from '../../../test/login.ts';
import { movableClock } from '../../../test/clock.ts';
import { makeMunicipality, makePerson, makePersonnel, makeServiceUnit, makeOperator } from '../../../test/factories.ts';
import type { ProblemResponse, ProfileResponse, SessionResponse } from '@helsebro/contracts';
import { systemContext } from '../../platform/http/request-context.ts';
import { createSessionService, SESSION_COOKIE } from './index.ts';

describe('sessions, /api/session and /api/me/profile', () => {
  let t: TestApp;
  const clock = movableClock();
  before(async () => {
    t = await buildTestApp({ SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '2' }, { clock });
  });
  after(async () => {
    await t.close();
  });

  it('answers anonymous callers with an empty session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/session' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json<SessionResponse>(), {
      authenticated: false,
      user: null,
      csrfToken: null,
      expiresAt: null,
    });
  });

  it('describes a logged-in citizen with name and municipality', async () => {
    const m = await makeMunicipality(t.app.platform.db, { name: 'Lillevik' });
    const p = await makePerson(t.app.platform.db, { municipalityId: m.id, givenName: 'Kari', familyName: 'Nordmann' });
    const login = await loginAs(t.app, { kind: 'citizen', personId: p.id });
    const res = await t.app.inject({ method: 'GET', url: '/api/session', headers: login.headers });
    assert.equal(res.statusCode, 200);
    const body = res.json<SessionResponse>();
    assert.equal(body.authenticated, true);
    assert.ok(body.user);
    assert.equal(body.user.kind, 'citizen');
    assert.equal(body.user.displayName, 'Kari Nordmann');
    assert.deepEqual(body.user.municipality, { id: m.id, name: 'Lillevik', number: m.number });
    assert.equal(body.csrfToken, login.csrfToken);
    assert.ok(Date.parse(body.expiresAt ?? '') > clock.now().getTime());
  });

  it('lists a nurse’s roles with unit names', async () => {
    const m = await makeMunicipality(t.app.platform.db);
    const unit = await makeServiceUnit(t.app.platform.db, m.id, { name: 'Hjemmesykepleien nord' });
    const n = await makePersonnel(t.app.platform.db, { municipalityId: m.id, serviceUnitId: unit.id, role: 'nurse' });
    const login = await loginAs(t.app, { kind: 'personnel', personnelId: n.id, municipalityId: m.id });
    const body = (
      await t.app.inject({ method: 'GET', url: '/api/session', headers: login.headers })
    ).json<SessionResponse>();
    assert.ok(body.user);
    assert.equal(body.user.kind, 'personnel');
    assert.deepEqual(body.user.roles, [
      { role: 'nurse', serviceUnitId: unit.id, serviceUnitName: 'Hjemmesykepleien nord' },
    ]);
  });

  it('treats a tampered cookie as anonymous, clears it and answers 401 on the profile', async () => {
    const p = await makePerson(t.app.platform.db);
    const login = await loginAs(t.app, { kind: 'citizen', personId: p.id });
    const tampered = login.headers.cookie.replace(/=(.)/, (_m, c: string) => `=${c === 'A' ? 'B' : 'A'}`);
    const res = await t.app.inject({ method: 'GET', url: '/api/me/profile', headers: { cookie: tampered } });
    assert.equal(res.statusCode, 401);
    assert.match(String(res.headers['set-cookie']), new RegExp(`${SESSION_COOKIE}=;`));
    const unknown = `${SESSION_COOKIE}=${encodeURIComponent(t.app.signCookie('no-such-token'))}`;
    const res2 = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: unknown } });
    assert.equal(res2.json<SessionResponse>().authenticated, false);
    assert.equal((await t.app.inject({ method: 'GET', url: '/health' })).statusCode, 200);
  });

  it('returns the citizen’s profile and leaves an audit row with subject and request id', async () => {
    const m = await makeMunicipality(t.app.platform.db);
    const p = await makePerson(t.app.platform.db, { municipalityId: m.id });
    const login = await loginAs(t.app, { kind: 'citizen', personId: p.id });
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/me/profile',
      headers: { ...login.headers, 'x-request-id': 'req-profile-1' },
    });
    assert.equal(res.statusCode, 200);
    const body = res.json<ProfileResponse & { nin?: string }>();
    assert.equal(body.personId, p.id);
    assert.equal(body.givenName, p.givenName);
    assert.equal(body.birthDate, p.birthDate);
    assert.equal(body.municipality?.id, m.id);
    assert.equal(body.nin, undefined);
    const rows = await t.database.query<Record<string, unknown>>(
      "SELECT * FROM audit_log WHERE action = 'profile.read' AND request_id = 'req-profile-1'",
    );
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.subject_person_id, p.id);
    assert.equal(rows[0]!.actor_kind, 'citizen');
    assert.equal(rows[0]!.actor_id, p.id);
    assert.equal(rows[0]!.outcome, 'success');
    assert.equal(rows[0]!.municipality_id, m.id);
  });

  it('refuses the profile to a nurse (403) and to anonymous callers (401)', async () => {
    const m = await makeMunicipality(t.app.platform.db);
    const n = await makePersonnel(t.app.platform.db, { municipalityId: m.id });
    const login = await loginAs(t.app, { kind: 'personnel', personnelId: n.id, municipalityId: m.id });
    const res = await t.app.inject({ method: 'GET', url: '/api/me/profile', headers: login.headers });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json<ProblemResponse>().code, 'wrong_role');
    const anon = await t.app.inject({ method: 'GET', url: '/api/me/profile' });
    assert.equal(anon.statusCode, 401);
    assert.match(String(anon.headers['content-type']), /application\/problem\+json/);
  });

  it('refuses a cookie-authenticated write without the CSRF token (403 csrf_failed)', async () => {
    const op = await makeOperator(t.app.platform.db);
    const login = await loginAs(t.app, { kind: 'operator', operatorId: op.id });
    const res = await t.app.inject({
      method: 'POST',
      url: '/auth/logout',
      headers: { cookie: login.headers.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json<ProblemResponse>().code, 'csrf_failed');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/auth/logout',
      headers: { cookie: login.headers.cookie, 'x-csrf-token': 'wrong' },
    });
    assert.equal(wrong.statusCode, 403);
    const still = await t.app.inject({ method: 'GET', url: '/api/session', headers: login.headers });
    assert.equal(still.json<SessionResponse>().authenticated, true);
  });

  it('expires a session after inactivity, but not while it is used', async () => {
    const p = await makePerson(t.app.platform.db);
    const login = await loginAs(t.app, { kind: 'citizen', personId: p.id });
    const get = async () =>
      (await t.app.inject({ method: 'GET', url: '/api/session', headers: login.headers })).json<SessionResponse>();
    clock.advance(20 * 60_000);
    assert.equal((await get()).authenticated, true);
    clock.advance(20 * 60_000);
    assert.equal((await get()).authenticated, true, 'activity 20 minutes ago keeps it alive');
    clock.advance(31 * 60_000);
    assert.equal((await get()).authenticated, false);
    const rows = await t.database.query('SELECT 1 FROM sessions WHERE id = $1', [login.sessionId]);
    assert.equal(rows.length, 0);
  });

  it('expires a session at the absolute limit even when active', async () => {
    const p = await makePerson(t.app.platform.db);
    const login = await loginAs(t.app, { kind: 'citizen', personId: p.id });
    for (let i = 0; i < 7; i++) {
      clock.advance(17 * 60_000);
      const body = (
        await t.app.inject({ method: 'GET', url: '/api/session', headers: login.headers })
      ).json<SessionResponse>();
      assert.equal(body.authenticated, true, `still valid after ${(i + 1) * 17} minutes`);
    }
    clock.advance(2 * 60_000);
    const body = (
      await t.app.inject({ method: 'GET', url: '/api/session', headers: login.headers })
    ).json<SessionResponse>();
    assert.equal(body.authenticated, false);
    const ended = await t.database.query<{ details: { reason: string } }>(
      "SELECT details FROM audit_log WHERE action = 'session.end' AND subject_person_id = $1",
      [p.id],
    );
    assert.equal(ended[0]?.details.reason, 'expired');
  });

  it('purges sessions past their absolute limit', async () => {
    const p = await makePerson(t.app.platform.db);
    const login = await loginAs(t.app, { kind: 'citizen', personId: p.id });
    const sessions = createSessionService(t.app.platform);
    clock.advance(3 * 3_600_000);
    assert.ok((await sessions.purgeExpired(systemContext('test'))) >= 1);
    assert.equal((await t.database.query('SELECT 1 FROM sessions WHERE id = $1', [login.sessionId])).length, 0);
  });
});
