import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { NO_STORE_PREFIXES } from './cache-control.ts';

void describe('no-store by default on the APIs, the login flow and the EPJ API', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(async () => {
    await t.close();
  });

  it('marks every answer no-store, refusals and unknown paths included', async () => {
    const routes = t.app.routeTable
      .routes()
      .filter((r) => !r.headTwin && NO_STORE_PREFIXES.some((p) => r.url.startsWith(p)));
    assert.ok(routes.length > 50, `only ${routes.length} routes found`);
    const urls = [
      ...routes.map((r) => ({
        method: r.method,
        url: r.url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000'),
      })),
      { method: 'GET', url: '/api/no-such-thing' },
      { method: 'GET', url: '/epj/v1/no-such-thing' },
    ];
    const missing: string[] = [];
    for (const { method, url } of urls) {
      const res = await t.app.inject({ method: method as 'GET', url, payload: method === 'GET' ? undefined : {} });
      if (res.headers['cache-control'] !== 'no-store') {
        missing.push(`${method} ${url} → ${res.statusCode} cache-control=${String(res.headers['cache-control'])}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('leaves the web app’s hashed assets and pages to their own caching', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    assert.notEqual(res.headers['cache-control'], 'no-store');
  });
});
