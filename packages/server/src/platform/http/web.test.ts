import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProblemResponse } from '@helsebro/contracts';
import Fastify from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { registerProblemHandlers } from './problem.ts';
import { webPlugin } from './web.ts';

const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

void describe('web app serving in the full application', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(async () => {
    await t.close();
  });

  void it('answers a browser opening an app route with an HTML page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/min-side', headers: HTML });
    // 200 with the app once `npm run build` has run, 503 with the build hint before.
    assert.ok([200, 503].includes(res.statusCode), String(res.statusCode));
    assert.match(String(res.headers['content-type']), /^text\/html/);
  });

  void it('keeps an unknown /api path a problem+json 404, even for a browser', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/no-such-thing', headers: HTML });
    assert.equal(res.statusCode, 404);
    assert.match(String(res.headers['content-type']), /application\/problem\+json/);
    assert.equal(res.json<ProblemResponse>().code, 'route_not_found');
  });

  void it('keeps other server paths out of the fallback', async () => {
    for (const url of ['/api', '/health/extra', '/ready/x', '/edi/v1/none', '/auth/no-such-step']) {
      const res = await t.app.inject({ method: 'GET', url, headers: HTML });
      assert.equal(res.statusCode, 404, url);
      assert.match(String(res.headers['content-type']), /application\/problem\+json/, url);
    }
  });

  void it('answers a request that does not accept HTML with a problem+json 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/min-side', headers: { accept: 'application/json' } });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json<ProblemResponse>().code, 'route_not_found');
  });

  void it('does not answer writes with the web app', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/min-side', headers: HTML, payload: {} });
    assert.equal(res.statusCode, 404);
    assert.match(String(res.headers['content-type']), /application\/problem\+json/);
  });
});

void describe('web app serving from a build directory', () => {
  let dist: string;
  const INDEX = '<!doctype html><html lang="nb"><body><div id="root"></div></body></html>';

  async function appWith(distDir: string) {
    const app = Fastify().withTypeProvider<ZodTypeProvider>();
    registerProblemHandlers(app);
    app.get('/api/known', () => Promise.resolve({ ok: true }));
    await app.register(webPlugin, { distDir });
    await app.ready();
    return app;
  }

  before(async () => {
    dist = await mkdtemp(join(tmpdir(), 'helsebro-web-'));
    await mkdir(join(dist, 'assets'));
    await writeFile(join(dist, 'index.html'), INDEX);
    await writeFile(join(dist, 'assets', 'index-Abc123.js'), 'console.log(1);');
    await writeFile(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  });
  after(async () => {
    await rm(dist, { recursive: true, force: true });
  });

  void it('serves index.html, never cached without revalidation, for every app route', async () => {
    const app = await appWith(dist);
    for (const url of ['/', '/min-side', '/ansatt', '/drift?state=dead', '/no/such/page']) {
      const res = await app.inject({ method: 'GET', url, headers: HTML });
      assert.equal(res.statusCode, 200, url);
      assert.equal(res.body, INDEX, url);
      assert.equal(res.headers['cache-control'], 'no-cache', url);
    }
    await app.close();
  });

  void it('serves hashed assets with a year of immutable caching', async () => {
    const app = await appWith(dist);
    const res = await app.inject({ method: 'GET', url: '/assets/index-Abc123.js' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.body, 'console.log(1);');
    assert.match(String(res.headers['content-type']), /javascript/);
    assert.match(String(res.headers['cache-control']), /max-age=31536000/);
    assert.match(String(res.headers['cache-control']), /immutable/);
    const missing = await app.inject({ method: 'GET', url: '/assets/gone-123.js' });
    assert.equal(missing.statusCode, 404);
    await app.close();
  });

  void it('serves top-level files such as the favicon', async () => {
    const app = await appWith(dist);
    const res = await app.inject({ method: 'GET', url: '/favicon.svg' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /image\/svg\+xml/);
    await app.close();
  });

  void it('leaves API routes and unknown API paths alone', async () => {
    const app = await appWith(dist);
    const known = await app.inject({ method: 'GET', url: '/api/known', headers: HTML });
    assert.deepEqual(known.json(), { ok: true });
    const unknown = await app.inject({ method: 'GET', url: '/api/unknown', headers: HTML });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json<ProblemResponse>().code, 'route_not_found');
    await app.close();
  });

  void it('never serves files outside the build directory', async () => {
    const app = await appWith(join(dist, 'assets'));
    for (const url of ['/..%2findex.html', '/assets/..%2f..%2findex.html', '/%2e%2e/index.html']) {
      const res = await app.inject({ method: 'GET', url });
      assert.notEqual(res.body, INDEX, url);
    }
    await app.close();
  });

  void it('tells the visitor to run npm run build when there is no build', async () => {
    const app = await appWith(join(dist, 'no-such-dir'));
    const res = await app.inject({ method: 'GET', url: '/min-side', headers: HTML });
    assert.equal(res.statusCode, 503);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(res.body, /npm run build/);
    await app.close();
  });
});
