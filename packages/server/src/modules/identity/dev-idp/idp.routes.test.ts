import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SessionResponse } from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../../test/test-app.ts';
import { makeMunicipality, makeOperator, makePerson, makePersonnel } from '../../../../test/factories.ts';
import { formAction, TestBrowser, type Page } from '../../../../test/oidc-browser.ts';

/** The user buttons of one group on the login page, in page order. */
function group(page: Page, id: string): string[] {
  const start = page.body.indexOf(`<h2 id="${id}">`);
  const end = page.body.indexOf('</section>', start);
  return [
    ...page.body.slice(start, end).matchAll(/<button type="submit" name="account" value="([^"]+)">([^<]+)</g),
  ].map((m) => `${m[2]}|${m[1]}`);
}

describe('the development IdP', () => {
  let t: TestApp;
  let base: string;
  const messages: string[] = [];
  const { warn, info } = console;

  before(async () => {
    console.warn = (...args: unknown[]) => messages.push(args.map(String).join(' '));
    console.info = (...args: unknown[]) => messages.push(args.map(String).join(' '));
    t = await buildTestApp({}, { listen: true });
    base = t.config.publicUrl;
  });
  after(async () => {
    console.warn = warn;
    console.info = info;
    await t.close();
  });

  it('lists at most 40 users per group, ordered by name, without identity numbers', async () => {
    const db = t.app.platform.db;
    const m = await makeMunicipality(db);
    const people = [];
    for (let i = 0; i < 42; i++) {
      people.push(
        await makePerson(db, {
          municipalityId: m.id,
          givenName: `Test${String(i).padStart(2, '0')}`,
          familyName: 'Person',
        }),
      );
    }
    const b = new TestBrowser(base);
    const [page] = await b.follow('/auth/login');
    const citizens = group(page!, 'innbyggere');
    assert.equal(citizens.length, 40);
    assert.deepEqual(
      citizens.map((c) => c.split('|')[0]),
      people.slice(0, 40).map((p) => `${p.givenName} ${p.familyName}`),
    );
    for (const p of people) {
      assert.ok(!page!.body.includes(p.nin));
    }
    assert.match(page!.body, /<label for="fnr">Fødselsnummer<\/label>/);
    assert.match(page!.body, /<label for="rolle">Logg inn som<\/label>/);
    assert.match(page!.body, /<h2 id="helsepersonell">Helsepersonell \(HelseID\)<\/h2>/);
    assert.match(page!.body, /<h2 id="drift">Drift \(operatør\)<\/h2>/);
    const csp = page!.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'(;|$)/, 'no inline scripts allowed on the IdP pages');
  });

  it('logs personnel in to the municipality they chose when they work in several', async () => {
    const db = t.app.platform.db;
    const north = await makeMunicipality(db, { name: 'Nordby' });
    const south = await makeMunicipality(db, { name: 'Sørby' });
    const nurse = await makePersonnel(db, { municipalityId: north.id, givenName: 'Aase', familyName: 'Tokommune' });
    await t.database.query(
      "INSERT INTO personnel_roles (municipality_id, personnel_id, role) VALUES ($1, $2, 'physician')",
      [south.id, nurse.id],
    );
    const b = new TestBrowser(base);
    const [page] = await b.follow('/auth/login');
    const mine = group(page!, 'helsepersonell').filter((s) => s.startsWith('Aase Tokommune'));
    assert.equal(mine.length, 2);
    const pages = await b.follow(formAction(page!.body)!, { form: { account: `personnel:${nurse.id}:${south.id}` } });
    assert.equal(pages.find((p) => p.url.includes('/auth/callback'))?.location, `${base}/ansatt`);
    const s = JSON.parse(
      (await b.request('/api/session', { headers: { accept: 'application/json' } })).body,
    ) as SessionResponse;
    assert.equal(s.user?.municipality?.name, 'Sørby');
    assert.deepEqual(
      s.user?.roles.map((r) => r.role),
      ['physician'],
    );
  });

  it('logs personnel and operators in by typed number', async () => {
    const db = t.app.platform.db;
    const m = await makeMunicipality(db);
    const nurse = await makePersonnel(db, { municipalityId: m.id });
    const op = await makeOperator(db);
    for (const [nin, kind, home] of [
      [nurse.nin, 'personnel', '/ansatt'],
      [op.nin, 'operator', '/drift'],
    ] as const) {
      const b = new TestBrowser(base);
      const [page] = await b.follow('/auth/login');
      const pages = await b.follow(formAction(page!.body)!, { form: { nin, kind } });
      assert.equal(pages.find((p) => p.url.includes('/auth/callback'))?.location, `${base}${home}`);
    }
  });

  it('refuses a forged account choice with a 404 page', async () => {
    const b = new TestBrowser(base);
    const [page] = await b.follow('/auth/login');
    const res = await b.request(formAction(page!.body)!, {
      form: { account: 'citizen:00000000-0000-4000-8000-000000000000' },
    });
    assert.equal(res.status, 404);
    assert.match(res.body, /Fant ikke testbrukeren/);
    const junk = await b.request(formAction(page!.body)!, { form: { account: 'admin' } });
    assert.equal(junk.status, 404);
  });

  it('answers an interaction without its cookie with a 4xx page, not a crash', async () => {
    const res = await fetch(`${base}/idp/interaction/does-not-exist`, { headers: { accept: 'text/html' } });
    assert.ok(res.status >= 400 && res.status < 500);
    const body = await res.text();
    assert.match(body, /<html lang="nb">/);
    assert.doesNotMatch(body, /node_modules/);
    const post = await fetch(`${base}/idp/interaction/does-not-exist/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'account=x',
    });
    assert.ok(post.status >= 400 && post.status < 500);
    assert.equal((await fetch(`${base}/health`)).status, 200);
  });

  it('renders its own error page for a bad authorization request', async () => {
    const res = await fetch(`${base}/idp/auth?client_id=unknown&response_type=code&scope=openid`);
    assert.equal(res.status, 400);
    const body = await res.text();
    assert.match(body, /Innloggingen kunne ikke fullføres/);
    assert.match(body, /invalid_client/);
  });

  it('prints no oidc-provider warnings or notices', () => {
    assert.deepEqual(
      messages.filter((m) => m.includes('oidc-provider')),
      [],
    );
  });
});
