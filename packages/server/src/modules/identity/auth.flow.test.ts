import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeSyntheticNin, type SessionResponse } from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { makeMunicipality, makeOperator, makePerson, makePersonnel, makeServiceUnit } from '../../../test/factories.ts';
import { formAction, formValue, TestBrowser, type Page } from '../../../test/oidc-browser.ts';

/** Logs in through the real OIDC flow: /auth/login → IdP page → pick `account` → callback. */
async function loginThroughIdp(b: TestBrowser, account: string, returnTo?: string) {
  const start = await b.follow(`/auth/login${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`);
  const loginPage = start[0]!;
  assert.equal(loginPage.status, 200, 'the IdP shows its login page');
  assert.match(loginPage.url, /\/idp\/interaction\//);
  const pages = await b.follow(formAction(loginPage.body)!, { form: { account } });
  return { loginPage, pages, callback: pages.find((p) => p.url.includes('/auth/callback')) };
}

async function session(b: TestBrowser): Promise<SessionResponse> {
  const res = await b.request('/api/session', { headers: { accept: 'application/json' } });
  return JSON.parse(res.body) as SessionResponse;
}

describe('login through the development identity provider', () => {
  let t: TestApp;
  let base: string;
  let citizen: Awaited<ReturnType<typeof makePerson>>;
  let nurse: Awaited<ReturnType<typeof makePersonnel>>;
  let operator: Awaited<ReturnType<typeof makeOperator>>;
  let municipality: Awaited<ReturnType<typeof makeMunicipality>>;

  before(async () => {
    t = await buildTestApp({}, { listen: true });
    base = t.config.publicUrl;
    const db = t.app.platform.db;
    municipality = await makeMunicipality(db, { name: 'Fjordvik' });
    const unit = await makeServiceUnit(db, municipality.id, { name: 'Hjemmesykepleien sentrum' });
    citizen = await makePerson(db, { municipalityId: municipality.id, givenName: 'Kari', familyName: 'Nordmann' });
    nurse = await makePersonnel(db, {
      municipalityId: municipality.id,
      serviceUnitId: unit.id,
      givenName: 'Nina',
      familyName: 'Sykepleier',
    });
    operator = await makeOperator(db, { givenName: 'Ola', familyName: 'Drift' });
  });
  after(async () => {
    await t.close();
  });

  it('serves discovery at /idp/.well-known/openid-configuration', async () => {
    const res = await fetch(`${base}/idp/.well-known/openid-configuration`);
    assert.equal(res.status, 200);
    const meta = (await res.json()) as Record<string, unknown>;
    assert.equal(meta.issuer, `${base}/idp`);
    assert.equal(meta.authorization_endpoint, `${base}/idp/auth`);
    assert.ok(meta.end_session_endpoint);
  });

  it('logs a citizen in and sends them to their returnTo under /min-side', async () => {
    const b = new TestBrowser(base);
    const { loginPage, callback, pages } = await loginThroughIdp(b, `citizen:${citizen.id}`, '/min-side/meldinger');
    assert.match(loginPage.body, /<html lang="nb">/);
    assert.match(loginPage.body, /Helsebro test-ID — velg testbruker/);
    assert.match(loginPage.body, /Kari Nordmann/);
    assert.match(loginPage.body, /Nina Sykepleier/);
    assert.match(loginPage.body, /Ola Drift/);
    assert.doesNotMatch(loginPage.body, new RegExp(citizen.nin), 'never prints an identity number');
    assert.ok(callback, `reached the callback: ${pages.map((p) => `${p.status} ${p.url}`).join(' ← ')}`);
    assert.equal(callback.status, 303);
    assert.equal(callback.location, `${base}/min-side/meldinger`);
    assert.ok(b.cookie('helsebro_session'));
    const s = await session(b);
    assert.equal(s.authenticated, true);
    assert.equal(s.user?.kind, 'citizen');
    assert.equal(s.user?.displayName, 'Kari Nordmann');
    assert.equal(s.user?.municipality?.name, 'Fjordvik');
    const row = await t.database.query<{ acr: string; id_token: string }>(
      'SELECT acr, id_token FROM sessions WHERE person_id = $1',
      [citizen.id],
    );
    assert.equal(row[0]?.acr, 'idporten-loa-high');
    const claims = JSON.parse(Buffer.from(row[0].id_token.split('.')[1]!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    assert.equal(claims.pid, citizen.nin);
    assert.deepEqual(claims.amr, ['TestID']);
    assert.equal(claims.locale, 'nb');
  });

  it('logs a nurse in with HelseID claims and sends them to /ansatt', async () => {
    const b = new TestBrowser(base);
    const { callback } = await loginThroughIdp(b, `personnel:${nurse.id}:${municipality.id}`, '/min-side');
    assert.equal(callback?.location, `${base}/ansatt`, 'a returnTo for another kind of user is ignored');
    const s = await session(b);
    assert.equal(s.user?.kind, 'personnel');
    assert.equal(s.user?.displayName, 'Nina Sykepleier');
    assert.equal(s.user?.roles[0]?.serviceUnitName, 'Hjemmesykepleien sentrum');
    const row = await t.database.query<{ id_token: string }>('SELECT id_token FROM sessions WHERE personnel_id = $1', [
      nurse.id,
    ]);
    const claims = JSON.parse(Buffer.from(row[0]!.id_token.split('.')[1]!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    assert.equal(claims['helseid://claims/identity/pid'], nurse.nin);
    assert.equal(claims['helseid://claims/hpr/hpr_number'], nurse.hprNumber);
    assert.equal(claims['helseid://claims/identity/security_level'], '4');
    assert.equal(claims['helseid://claims/client/claims/orgnr_parent'], municipality.orgNumber);
    assert.equal(claims.given_name, 'Nina');
  });

  it('logs an operator in and sends them to /drift', async () => {
    const b = new TestBrowser(base);
    const { callback } = await loginThroughIdp(b, `operator:${operator.id}`);
    assert.equal(callback?.location, `${base}/drift`);
    assert.equal((await session(b)).user?.kind, 'operator');
  });

  it('logs in by a typed fødselsnummer', async () => {
    const b = new TestBrowser(base);
    const start = await b.follow('/auth/login');
    const pages = await b.follow(formAction(start[0]!.body)!, { form: { nin: citizen.nin, kind: 'citizen' } });
    assert.equal(pages.find((p) => p.url.includes('/auth/callback'))?.location, `${base}/min-side`);
    assert.equal((await session(b)).user?.displayName, 'Kari Nordmann');
  });

  it('shows a clear error for an invalid or unknown fødselsnummer, and stays up', async () => {
    const b = new TestBrowser(base);
    const start = await b.follow('/auth/login');
    const action = formAction(start[0]!.body)!;
    const invalid = await b.request(action, { form: { nin: '12345678901', kind: 'citizen' } });
    assert.equal(invalid.status, 400);
    assert.match(invalid.body, /Fødselsnummeret er ikke gyldig/);
    assert.match(invalid.body, /aria-invalid="true"/);
    const unknown = await b.request(action, { form: { nin: makeSyntheticNin('1901-01-01'), kind: 'citizen' } });
    assert.equal(unknown.status, 404);
    assert.match(unknown.body, /Fant ingen testbruker/);
    assert.equal((await fetch(`${base}/health`)).status, 200);
  });

  it('sends a health worker HelseID knows but Helsebro does not to the page that says whom to ask', async () => {
    const b = new TestBrowser(base);
    const start = await b.follow('/auth/login');
    const nin = makeSyntheticNin('1974-09-12');
    const pages = await b.follow(formAction(start[0]!.body)!, { form: { nin, kind: 'personnel' } });
    assert.ok(
      pages.every((p) => !p.url.includes(nin) && !(p.location ?? '').includes(nin)),
      'the number in no URL',
    );
    assert.equal(pages.find((p) => p.url.includes('/auth/callback'))?.location, `${base}/ikke-registrert?hvem=ansatt`);
    assert.equal((await session(b)).authenticated, false);
  });

  it('logs out at Helsebro and at the IdP without the id token or identity number in any URL', async () => {
    const b = new TestBrowser(base);
    await loginThroughIdp(b, `citizen:${citizen.id}`);
    const s = await session(b);
    const before = await t.database.query<{ id_token: string }>('SELECT id_token FROM sessions WHERE person_id = $1', [
      citizen.id,
    ]);
    const idToken = before.at(-1)!.id_token;
    assert.match(idToken, /^eyJ/);
    // What browser history, proxies and access logs see (the URL and headers of every step), and the pages.
    const leaks = (pages: Page[]) =>
      pages.flatMap((p) =>
        [p.url, ...[...p.headers.entries()].map(([k, v]) => `${k}: ${v}`), p.body].filter(
          (text) => /eyJ[\w-]*\.[\w-]+\./.test(text) || text.includes(idToken) || text.includes(citizen.nin),
        ),
      );

    const out = await b.request('/auth/logout', { form: { _csrf: s.csrfToken! } });
    assert.equal(out.status, 303);
    const end = new URL(out.location!);
    assert.equal(end.pathname, '/idp/session/end');
    assert.deepEqual(
      [...end.searchParams.keys()].sort(),
      ['client_id', 'post_logout_redirect_uri'],
      'the client is named, the user is not (no id_token_hint)',
    );
    assert.equal(end.searchParams.get('client_id'), t.config.oidc.clientId);
    assert.equal(end.searchParams.get('post_logout_redirect_uri'), `${base}/logget-ut`);
    assert.equal((await session(b)).authenticated, false);
    const after = await t.database.query('SELECT id FROM sessions WHERE person_id = $1', [citizen.id]);
    assert.equal(after.length, before.length - 1, 'the session row is gone');

    const confirmation = await b.follow(out.location!);
    const logoutPage = confirmation[0]!;
    assert.equal(logoutPage.status, 200, "the IdP's confirmation page, which submits itself");
    assert.match(logoutPage.body, /<script src="\/idp-assets\/logout\.js" defer><\/script>/);
    assert.match(logoutPage.body, />Logg ut</);
    assert.equal((await fetch(`${base}/idp-assets/logout.js`)).status, 200);
    const done = await b.follow(formAction(logoutPage.body)!, {
      form: { xsrf: formValue(logoutPage.body, 'xsrf')!, logout: 'yes' },
    });
    const back = done.at(-1)!;
    assert.equal(back.status, 303);
    assert.equal(back.location, `${base}/logget-ut`, 'back to Helsebro, to its "Du er logget ut" page');
    assert.deepEqual(leaks([out, ...confirmation, ...done]), []);
    assert.equal(leaks([{ ...out, url: `${base}/?${idToken}` }]).length, 1, 'the leak check sees a token');

    const again = await b.follow('/auth/login');
    assert.equal(again[0]!.status, 200);
    assert.match(again[0]!.body, /velg testbruker/, 'the IdP asks again instead of logging straight in');
  });

  it('logs straight in while the IdP session lives (single sign-on)', async () => {
    const b = new TestBrowser(base);
    await loginThroughIdp(b, `citizen:${citizen.id}`);
    const again = await b.follow('/auth/login');
    assert.ok(again.some((p: Page) => p.url.includes('/auth/callback')));
  });
});
