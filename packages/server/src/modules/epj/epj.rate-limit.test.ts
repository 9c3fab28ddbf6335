import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { requestEpjToken } from '../../../test/epj-token.ts';
import { makeMunicipality } from '../../../test/factories.ts';
import { registerMachineClient } from '../identity/index.ts';

/** The EPJ API counts requests per machine client, so one busy EPJ cannot use up another's share. */
void describe('EPJ API rate limit', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};

  before(async () => {
    t = await buildTestApp({ RATE_LIMIT_PUBLIC_PER_MINUTE: '5' }, { listen: true });
    for (const clientId of ['epj-busy', 'epj-calm']) {
      const m = await makeMunicipality(t.app.platform.db);
      const clientSecret = `${clientId}-secret-0123456789`;
      await registerMachineClient(t.app.platform.db, {
        clientId,
        clientName: clientId,
        clientSecret,
        orgNumber: m.orgNumber,
      });
      tokens[clientId] = (await requestEpjToken(t, clientId, clientSecret)).body.access_token!;
    }
  });
  after(() => t.close());

  void it('answers 429 problem+json to the client over its limit and still serves another', async () => {
    const poll = (clientId: string) =>
      fetch(`${t.config.publicUrl}/epj/v1/events`, { headers: { authorization: `Bearer ${tokens[clientId]}` } });
    // The IdP shares the limit per address: two tokens, discovery and JWKS leave it one request to spare.
    for (let i = 0; i < 5; i++) {
      assert.equal((await poll('epj-busy')).status, 200);
    }
    const limited = await poll('epj-busy');
    assert.equal(limited.status, 429);
    assert.match(limited.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.ok(limited.headers.get('retry-after'));
    assert.equal(((await limited.json()) as { code: string }).code, 'rate_limited');
    assert.equal((await poll('epj-calm')).status, 200);
  });
});

/** One count per client over the whole /epj/v1 scope, whichever module's route it calls. */
void describe('EPJ API rate limit across modules', () => {
  let t: TestApp;
  let token: string;

  before(async () => {
    t = await buildTestApp({ RATE_LIMIT_PUBLIC_PER_MINUTE: '5' }, { listen: true });
    const m = await makeMunicipality(t.app.platform.db);
    const clientSecret = 'epj-shared-secret-0123456789';
    await registerMachineClient(t.app.platform.db, {
      clientId: 'epj-shared',
      clientName: 'epj-shared',
      clientSecret,
      orgNumber: m.orgNumber,
    });
    token = (await requestEpjToken(t, 'epj-shared', clientSecret)).body.access_token!;
  });
  after(() => t.close());

  void it('counts the feed, the dialog and the appointments together', async () => {
    const call = (path: string) =>
      fetch(`${t.config.publicUrl}/epj/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
    const statuses = [];
    for (const path of ['/events', '/events', `/conversations/${crypto.randomUUID()}`]) {
      statuses.push((await call(path)).status);
    }
    for (const path of [`/appointments/${crypto.randomUUID()}`, `/slots?serviceUnitId=${crypto.randomUUID()}`]) {
      statuses.push((await call(path)).status);
    }
    assert.deepEqual(statuses, [200, 200, 404, 404, 200]);
    const limited = await call(`/appointments/${crypto.randomUUID()}`);
    assert.equal(limited.status, 429);
    assert.equal(((await limited.json()) as { code: string }).code, 'rate_limited');
  });
});
