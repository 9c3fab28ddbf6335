import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';

describe('health and readiness', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(async () => {
    await t.close();
  });

  it('answers /health while the process lives', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok' });
  });

  it('reports ready when migrations are at head', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/ready' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().migrations, 'at_head');
  });

  it('reports not ready (503) when a migration is missing', async () => {
    await t.database.query("DELETE FROM schema_migrations WHERE version = '0001'");
    const res = await t.app.inject({ method: 'GET', url: '/ready' });
    assert.equal(res.statusCode, 503);
    assert.equal(res.json().migrations, 'behind');
  });

  it('answers an unknown route with problem+json 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/no/such/route' });
    assert.equal(res.statusCode, 404);
    assert.match(String(res.headers['content-type']), /application\/problem\+json/);
    assert.equal(res.json().code, 'route_not_found');
  });

  it('sends security headers with a content security policy', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
  });
});
