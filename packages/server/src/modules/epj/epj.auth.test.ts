import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { movableClock } from '../../../test/clock.ts';
import { epjCaller, makeEpjMunicipality, type EpjMunicipality } from '../../../test/epj-dialog.ts';
import { requestEpjToken } from '../../../test/epj-token.ts';
import { createEpjSimulator, EpjSimError } from '../../cli/epj-sim.ts';
import { registerMachineClient } from '../identity/index.ts';

/** The EPJ scope's auth hook over HTTP: tokens from the development IdP, refusals as problem+json. */
void describe('EPJ API: who gets in', () => {
  let t: TestApp;
  const clock = movableClock(new Date());
  let fjordvik: EpjMunicipality;

  before(async () => {
    t = await buildTestApp({}, { listen: true, clock });
    fjordvik = await makeEpjMunicipality(t);
    await registerMachineClient(t.app.platform.db, {
      clientId: 'epj-nowhere',
      clientName: 'EPJ of no municipality',
      clientSecret: 'epj-test-secret-nowhere',
      orgNumber: '811111111',
    });
  });
  after(async () => {
    await t.close();
  });

  void it('refuses bad tokens with 401 and a client of no municipality with 403, as problem+json', async () => {
    const epj = epjCaller(t);
    const call = (authorization?: string) =>
      fetch(`${t.config.publicUrl}/epj/v1/events`, { headers: authorization ? { authorization } : {} });
    const missing = await call();
    assert.equal(missing.status, 401);
    assert.match(missing.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.match(missing.headers.get('www-authenticate') ?? '', /^Bearer /);
    assert.equal(((await missing.json()) as { code: string }).code, 'missing_token');
    assert.equal((await call('Bearer abc.def.ghi')).status, 401);

    // A session cookie is no way in either.
    const withCookie = await t.app.inject({
      method: 'GET',
      url: '/epj/v1/events',
      headers: fjordvik.citizenLogin.headers,
    });
    assert.equal(withCookie.statusCode, 401);

    // Tampered: the claims changed after signing.
    const good = await epj.bearer(fjordvik.client);
    const [h, p, s] = good.slice('Bearer '.length).split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, client_id: 'epj-bakkedal' })).toString('base64url');
    assert.equal((await call(`Bearer ${h}.${forged}.${s}`)).status, 401);

    // Expired: the token's ten minutes pass on the server's clock.
    assert.equal((await call(good)).status, 200);
    clock.advance(11 * 60_000);
    try {
      const expired = await call(good);
      assert.equal(expired.status, 401);
      assert.equal(((await expired.json()) as { code: string }).code, 'invalid_token');
    } finally {
      clock.advance(-11 * 60_000);
    }

    // The IdP refuses a wrong secret; the simulator reports it.
    assert.equal((await requestEpjToken(t, fjordvik.client.clientId, 'wrong-secret-wrong-secret')).status, 401);
    const sim = createEpjSimulator({
      url: t.config.publicUrl,
      clientId: fjordvik.client.clientId,
      clientSecret: 'wrong-secret-wrong-secret',
      cursorFile: null,
      autoReply: null,
      author: { hprNumber: '1', name: 'x' },
      print: () => undefined,
    });
    await assert.rejects(sim.pollOnce(), (err: unknown) => err instanceof EpjSimError && err.status === 401);

    const nowhere = await epj.call(
      { clientId: 'epj-nowhere', clientSecret: 'epj-test-secret-nowhere' },
      'GET',
      '/events',
    );
    assert.equal(nowhere.status, 403);
    assert.equal((nowhere.json as { code: string }).code, 'organisation_not_customer');
    const [denied] = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE actor_id = 'epj-nowhere' AND outcome = 'denied'",
    );
    assert.equal(denied!.n, 1);
  });

  void it('answers a call without a token alike on every EPJ route: 401, one WWW-Authenticate, no-store', async () => {
    const routes = t.app.routeTable.routes().filter((r) => r.url.startsWith('/epj/v1/') && !r.hidden && !r.headTwin);
    assert.ok(routes.length > 10, `${routes.length} EPJ routes`);
    for (const r of routes) {
      const res = await t.app.inject({
        method: r.method as 'GET',
        url: r.url.replace(/:[A-Za-z]+/g, crypto.randomUUID()),
        ...(r.method === 'GET' ? {} : { payload: {} }),
      });
      const where = `${r.method} ${r.url}`;
      assert.equal(res.statusCode, 401, where);
      assert.equal(res.headers['www-authenticate'], 'Bearer realm="helsebro-epj"', where);
      assert.equal(res.headers['cache-control'], 'no-store', where);
      assert.match(String(res.headers['content-type']), /application\/problem\+json/, where);
      assert.equal(res.json<{ code: string }>().code, 'missing_token', where);
    }
  });
});
