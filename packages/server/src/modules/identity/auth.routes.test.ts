import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ProblemResponse, SessionResponse } from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { makeMunicipality, makePerson } from '../../../test/factories.ts';
import { loginAs } from '../../../test/login.ts';
import { formAction, TestBrowser } from '../../../test/oidc-browser.ts';
import { safeReturnTo } from './index.ts';

const JSON_ACCEPT = { accept: 'application/json' };

describe('login edge cases against a listening instance', () => {
  let t: TestApp;
  let base: string;
  let personId: string;
  before(async () => {
    t = await buildTestApp({}, { listen: true });
    base = t.config.publicUrl;
    const m = await makeMunicipality(t.app.platform.db);
    personId = (await makePerson(t.app.platform.db, { municipalityId: m.id })).id;
  });
  after(async () => {
    await t.close();
  });

  const healthy = async () => assert.equal((await fetch(`${base}/health`)).status, 200);

  it('refuses a callback with a wrong state (400) and stays up', async () => {
    const b = new TestBrowser(base);
    const start = await b.request('/auth/login');
    assert.equal(start.status, 303);
    assert.ok(b.cookieHeader('/auth/callback').includes('helsebro_login='));
    const res = await b.request('/auth/callback?code=abc&state=not-the-one', { headers: JSON_ACCEPT });
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('content-type')?.split(';')[0], 'application/problem+json');
    assert.equal((JSON.parse(res.body) as ProblemResponse).code, 'state_mismatch');
    await healthy();
  });

  it('refuses a callback without the login cookie, with a Norwegian page for browsers', async () => {
    const b = new TestBrowser(base);
    const res = await b.request('/auth/callback?code=abc&state=xyz');
    assert.equal(res.status, 400);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    assert.match(res.body, /<html lang="nb">/);
    assert.match(res.body, /Innloggingen mislyktes/);
    assert.match(res.body, /login_state_missing/);
    assert.match(res.body, /href="[^"]*\/auth\/login"/);
    assert.doesNotMatch(res.body, /at .*\.ts:\d+/, 'no stack trace');
    await healthy();
  });

  it('refuses a callback with a tampered login cookie', async () => {
    const b = new TestBrowser(base);
    await b.request('/auth/login');
    const value = b.cookie('helsebro_login')!;
    b.setCookie(
      'helsebro_login',
      value.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      '/auth/callback',
    );
    const res = await b.request('/auth/callback?code=abc&state=xyz', { headers: JSON_ACCEPT });
    assert.equal(res.status, 400);
    assert.equal((JSON.parse(res.body) as ProblemResponse).code, 'login_state_missing');
  });

  it('reports an error from the identity provider as 400', async () => {
    const b = new TestBrowser(base);
    await b.request('/auth/login');
    const res = await b.request('/auth/callback?error=access_denied&state=whatever', { headers: JSON_ACCEPT });
    assert.equal(res.status, 400);
    const body = JSON.parse(res.body) as ProblemResponse;
    assert.equal(body.code, 'idp_error');
    assert.match(body.detail ?? '', /avbrutt/);
    await healthy();
  });

  it('ignores a returnTo on another host', async () => {
    for (const evil of ['https://evil.example/min-side', '//evil.example/min-side', '/\\evil.example']) {
      const b = new TestBrowser(base);
      const start = await b.follow(`/auth/login?returnTo=${encodeURIComponent(evil)}`);
      const pages = await b.follow(formAction(start[0]!.body)!, { form: { account: `citizen:${personId}` } });
      const callback = pages.find((p) => p.url.includes('/auth/callback'));
      assert.equal(callback?.location, `${base}/min-side`, evil);
    }
  });

  it('answers 4xx when the person disappeared from the register during the login', async () => {
    const m = await makeMunicipality(t.app.platform.db);
    const gone = await makePerson(t.app.platform.db, { municipalityId: m.id });
    const b = new TestBrowser(base);
    const start = await b.follow('/auth/login');
    await t.database.query('DELETE FROM persons WHERE id = $1', [gone.id]);
    const pages = await b.follow(formAction(start[0]!.body)!, { form: { account: `citizen:${gone.id}` } });
    assert.ok(pages[0]!.status >= 400 && pages[0]!.status < 500, `got ${pages[0]!.status}`);
    const session = await b.request('/api/session', { headers: JSON_ACCEPT });
    assert.equal((JSON.parse(session.body) as SessionResponse).authenticated, false);
    await healthy();
  });

  it('does not ask bearer-token callers without a session cookie for a CSRF token', async () => {
    const res = await fetch(`${base}/auth/logout`, {
      method: 'POST',
      headers: { authorization: 'Bearer some-epj-token' },
      redirect: 'manual',
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `${base}/logget-ut`);
  });

  it('accepts the logout form with its _csrf field', async () => {
    const login = await loginAs(t.app, { kind: 'citizen', personId });
    const res = await t.app.inject({
      method: 'POST',
      url: '/auth/logout',
      headers: { cookie: login.headers.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(login.csrfToken)}`,
    });
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers['set-cookie']), /helsebro_session=;/);
    const rows = await t.database.query('SELECT 1 FROM sessions WHERE id = $1', [login.sessionId]);
    assert.equal(rows.length, 0);
    const audit = await t.database.query<{ subject_person_id: string }>(
      "SELECT subject_person_id FROM audit_log WHERE action = 'session.end' AND actor_id = $1",
      [personId],
    );
    assert.equal(audit[0]?.subject_person_id, personId);
  });
});

describe('login rate limit and an unreachable issuer', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp({ RATE_LIMIT_LOGIN_PER_MINUTE: '3' });
  });
  after(async () => {
    await t.close();
  });

  it('answers 503 problem+json while the issuer cannot be reached, and starts anyway', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/auth/login', headers: JSON_ACCEPT });
    assert.equal(res.statusCode, 503);
    assert.equal(res.json<ProblemResponse>().code, 'idp_unavailable');
  });

  it('answers 429 problem+json after too many /auth/login calls', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await t.app.inject({ method: 'GET', url: '/auth/login' })).statusCode);
    }
    const res = await t.app.inject({ method: 'GET', url: '/auth/login', headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 429);
    assert.match(String(res.headers['content-type']), /application\/problem\+json/);
    assert.equal(res.json<ProblemResponse>().code, 'rate_limited');
    assert.ok(res.headers['retry-after']);
    assert.ok(statuses.includes(429));
    assert.equal((await t.app.inject({ method: 'GET', url: '/health' })).statusCode, 200);
  });
});

describe('safeReturnTo', () => {
  it('keeps paths on this site and drops everything else', () => {
    const base = 'http://127.0.0.1:8080';
    assert.equal(safeReturnTo('/min-side/meldinger?x=1#a', base), '/min-side/meldinger?x=1#a');
    assert.equal(safeReturnTo('/ansatt/../min-side', base), '/min-side');
    for (const bad of [
      undefined,
      '',
      'min-side',
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
    ]) {
      assert.equal(safeReturnTo(bad, base), null, String(bad));
    }
  });
});
