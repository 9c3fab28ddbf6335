import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger } from './logger.ts';
import { redactNin } from './redact.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  return { logger: createLogger('info', stream), lines };
}

describe('logging', () => {
  it('masks identity numbers in messages, objects and errors', () => {
    const { logger, lines } = capture();
    logger.info({ url: '/api/persons/14838510036', nested: { pid: '14838510036' } }, 'lookup of 148385 10036');
    logger.error({ err: new Error('no person 14838510036') }, 'failed');
    const out = lines.join('');
    assert.doesNotMatch(out, /14838510036/);
    assert.doesNotMatch(out, /148385 10036/);
    assert.match(out, /\*{11}/);
  });

  it('drops bodies, cookies and authorization headers', () => {
    const { logger, lines } = capture();
    logger.info({
      req: { headers: { cookie: 'helsebro_session=secret', authorization: 'Bearer t' } },
      body: 'health text',
    });
    const out = lines.join('');
    assert.doesNotMatch(out, /secret|Bearer|health text/);
  });

  it('leaves longer digit runs alone', () => {
    assert.equal(redactNin('id 1234567890123 and 14838510036'), 'id 1234567890123 and ***********');
  });

  it('keeps the request line of a served request, with the identity number masked', async () => {
    const { logger, lines } = capture();
    const { default: Fastify } = await import('fastify');
    const app = Fastify({ loggerInstance: logger });
    app.get('/persons/:nin', async () => ({ ok: true }));
    await app.inject({ method: 'GET', url: '/persons/14838510036' });
    await app.close();
    const out = lines.join('');
    assert.match(out, /"url":"\/persons\/\*{11}"/);
    assert.doesNotMatch(out, /14838510036/);
  });
});
