import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ProblemResponse } from '@helsebro/contracts';
import { officialExamples } from '../testing/official-examples.ts';
import { buildPloTestApp, type PloTestApp } from '../testing/plo-test-app.ts';

const ex = officialExamples().find((e) => e.type === 'LOG_INNLAGT')!;
const fresh = () => ex.bytes.toString('utf8').replace(ex.msgId, crypto.randomUUID());

void describe('POST /edi/v1/messages rate limit (RATE_LIMIT_EDI_PER_MINUTE)', () => {
  let t: PloTestApp;
  before(async () => {
    t = await buildPloTestApp({ RATE_LIMIT_EDI_PER_MINUTE: '3' });
  });
  after(() => t.close());

  void it('counts per partner credential and answers 429 problem+json beyond the limit, storing nothing', async () => {
    for (let i = 0; i < 3; i++) {
      assert.equal((await t.post(fresh(), '59')).statusCode, 202);
    }
    const stored = async () =>
      (await t.database.query<{ n: number }>("SELECT count(*)::int AS n FROM plo_messages WHERE direction = 'in'"))[0]!
        .n;
    const before = await stored();
    const limited = await t.post(fresh(), '59');
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(limited.json<ProblemResponse>().code, 'rate_limited');
    assert.ok(Number(limited.headers['retry-after']) > 0);
    assert.equal(await stored(), before);
    // Another partner has its own allowance.
    const ir = officialExamples().find((e) => e.type === 'INNLEGGELSESRAPPORT')!;
    const other = await t.post(ir.bytes.toString('utf8').replace(ir.msgId, crypto.randomUUID()), '99387');
    assert.equal(other.statusCode, 202, other.body);
    // An unknown caller is refused before it is counted.
    const anon = await t.post(fresh(), '59', { authorization: 'Bearer not-a-real-token-0000000000' });
    assert.equal(anon.statusCode, 401);
  });
});
