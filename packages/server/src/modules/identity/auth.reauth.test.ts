import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { makeMunicipality, makePerson, type Person } from '../../../test/factories.ts';
import { formAction, TestBrowser } from '../../../test/oidc-browser.ts';

/** Logs in through the development IdP and returns the callback page. */
async function login(b: TestBrowser, account: string, path = '/auth/login') {
  const start = await b.follow(path);
  assert.equal(start[0]!.status, 200, 'the IdP shows its login page');
  assert.match(start[0]!.body, /velg testbruker/);
  const pages = await b.follow(formAction(start[0]!.body)!, { form: { account } });
  return { start, callback: pages.find((p) => p.url.includes('/auth/callback')) };
}

describe('fresh login (prompt=login) before switching who you act for', () => {
  let t: TestApp;
  let base: string;
  let citizen: Person;
  before(async () => {
    t = await buildTestApp({ REAUTH_MAX_AGE_MINUTES: '15' }, { listen: true });
    base = t.config.publicUrl;
    const m = await makeMunicipality(t.app.platform.db);
    citizen = await makePerson(t.app.platform.db, { municipalityId: m.id });
  });
  after(async () => {
    await t.close();
  });

  it('asks the IdP to authenticate again although its session lives, and records the new auth time', async () => {
    const b = new TestBrowser(base);
    await login(b, `citizen:${citizen.id}`);
    const redirect = await b.request('/auth/login?prompt=login&returnTo=/min-side/velg');
    assert.equal(redirect.status, 303);
    const authorize = new URL(redirect.location!);
    assert.equal(authorize.searchParams.get('prompt'), 'login');
    assert.equal(authorize.searchParams.get('max_age'), '900');
    const before = Date.now();
    const { callback } = await login(b, `citizen:${citizen.id}`, '/auth/login?prompt=login&returnTo=/min-side/velg');
    assert.equal(callback?.location, `${base}/min-side/velg`, 'and back to where the user was');
    const [row] = await t.database.query<{ auth_time: Date }>(
      'SELECT auth_time FROM sessions WHERE person_id = $1 ORDER BY created_at DESC LIMIT 1',
      [citizen.id],
    );
    assert.ok(row!.auth_time.getTime() >= before - 1000, 'auth_time is the fresh login');
  });

  it('refuses a login that the IdP did not make fresh (auth_time before the request)', async () => {
    // The app's clock runs ten minutes ahead of the IdP, so the IdP's auth_time is older than the request.
    const ahead = await buildTestApp({}, { listen: true, clock: { now: () => new Date(Date.now() + 600_000) } });
    try {
      const m = await makeMunicipality(ahead.app.platform.db);
      const p = await makePerson(ahead.app.platform.db, { municipalityId: m.id });
      const b = new TestBrowser(ahead.config.publicUrl);
      const start = await b.follow('/auth/login?prompt=login');
      const pages = await b.follow(formAction(start[0]!.body)!, { form: { account: `citizen:${p.id}` } });
      const callback = pages.find((x) => x.url.includes('/auth/callback'));
      assert.equal(callback?.status, 400);
      assert.match(callback.body, /reauthentication_failed|ny innlogging/);
    } finally {
      await ahead.close();
    }
  });

  it('with DEV_CLOCK_START three days ahead, a fresh login counts as fresh and its auth time is on the set clock', async () => {
    const start = new Date(Date.now() + 3 * 86_400_000);
    const set = await buildTestApp({ DEV_CLOCK_START: start.toISOString() }, { listen: true });
    try {
      const m = await makeMunicipality(set.app.platform.db);
      const p = await makePerson(set.app.platform.db, { municipalityId: m.id });
      const b = new TestBrowser(set.config.publicUrl);
      await login(b, `citizen:${p.id}`);
      const { callback } = await login(b, `citizen:${p.id}`, '/auth/login?prompt=login&returnTo=/min-side/velg');
      assert.equal(callback?.location, `${set.config.publicUrl}/min-side/velg`, 'not refused as stale');
      const [row] = await set.database.query<{ auth_time: Date }>(
        'SELECT auth_time FROM sessions WHERE person_id = $1 ORDER BY created_at DESC LIMIT 1',
        [p.id],
      );
      const skew = Math.abs(row!.auth_time.getTime() - set.app.platform.clock.now().getTime());
      assert.ok(skew < 60_000, `the auth time is the set clock's now, not the real one (off by ${skew} ms)`);
    } finally {
      await set.close();
    }
  });
});
