import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { requestEpjToken } from '../../../test/epj-token.ts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { seedDemo, DEMO_MUNICIPALITIES } from '../demo-data/index.ts';
import { demoEpjClient } from './epj.seed.ts';

/** The README's demo clients work: a token from the development IdP, and each sees its own municipality's feed. */
void describe('EPJ demo clients', () => {
  let t: TestApp;

  before(async () => {
    t = await buildTestApp({}, { listen: true });
    await seedDemo(t.app.platform.db);
    await seedDemo(t.app.platform.db);
  });
  after(() => t.close());

  void it('registers one client per demo municipality, tied to its organisation number, once', async () => {
    const rows = await t.database.query<{ client_id: string; org_number: string }>(
      'SELECT client_id, org_number FROM epj_clients ORDER BY client_id',
    );
    assert.deepEqual(
      rows,
      DEMO_MUNICIPALITIES.map((m) => ({ client_id: demoEpjClient(m.number).clientId, org_number: m.orgNumber })).sort(
        (a, b) => a.client_id.localeCompare(b.client_id),
      ),
    );
    assert.deepEqual(
      rows.map((r) => r.client_id),
      ['epj-demo-9901', 'epj-demo-9902'],
    );
  });

  void it('gets a token with the documented secret and reads the feed', async () => {
    for (const m of DEMO_MUNICIPALITIES) {
      const { clientId, clientSecret } = demoEpjClient(m.number);
      const { status, body } = await requestEpjToken(t, clientId, clientSecret);
      assert.equal(status, 200, clientId);
      const accessToken = body.access_token!;
      const feed = await fetch(`${t.config.publicUrl}/epj/v1/events`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      assert.equal(feed.status, 200, clientId);
    }
  });
});
