import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import type { App } from './app-type.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.ts';
import { ConflictError } from '../errors.ts';

describe('bad input answers problem+json and the server stays up', () => {
  let app: App;
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
    app = await buildApp(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), { database });
    app.post('/test/echo', { schema: { body: z.object({ name: z.string().min(1) }) } }, async (req) => req.body);
    app.get('/test/conflict', async () => {
      throw new ConflictError('Tiden er allerede tatt.', 'slot_taken');
    });
    app.get('/test/crash', async () => {
      throw new Error('internal detail 14838510036');
    });
    await app.ready();
  });
  after(async () => {
    await app.close();
    await database.cleanup();
  });

  const isProblem = (res: { headers: Record<string, unknown> }) =>
    assert.match(String(res.headers['content-type']), /application\/problem\+json/);

  it('malformed JSON → 400', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    assert.equal(res.statusCode, 400);
    isProblem(res);
  });

  it('a schema violation → 400 with field errors', async () => {
    const res = await app.inject({ method: 'POST', url: '/test/echo', payload: { name: '' } });
    assert.equal(res.statusCode, 400);
    isProblem(res);
    assert.equal(res.json().code, 'validation_failed');
    assert.equal(res.json().errors[0].path, 'body.name');
  });

  it('an oversized body → 413', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    });
    assert.equal(res.statusCode, 413);
    isProblem(res);
  });

  it('an unsupported media type → 415', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/test/echo',
      headers: { 'content-type': 'text/csv' },
      payload: 'a,b',
    });
    assert.equal(res.statusCode, 415);
    isProblem(res);
  });

  it('an AppError keeps its status, code and message', async () => {
    const res = await app.inject({ method: 'GET', url: '/test/conflict' });
    assert.equal(res.statusCode, 409);
    assert.deepEqual([res.json().code, res.json().detail], ['slot_taken', 'Tiden er allerede tatt.']);
  });

  it('an unexpected error → a bare 500 that leaks nothing, and the server still answers', async () => {
    const res = await app.inject({ method: 'GET', url: '/test/crash' });
    assert.equal(res.statusCode, 500);
    assert.doesNotMatch(res.body, /internal detail|14838510036/);
    const health = await app.inject({ method: 'GET', url: '/health' });
    assert.equal(health.statusCode, 200);
  });

  it('echoes a well-formed request id and replaces a malformed one', async () => {
    const ok = await app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'abc-123' } });
    assert.equal(ok.headers['x-request-id'], 'abc-123');
    const bad = await app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': '<script>' } });
    assert.notEqual(bad.headers['x-request-id'], '<script>');
  });
});
