import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { EdiReceipt } from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../../test/test-app.ts';
import { seedDemo } from '../../demo-data/index.ts';
import { DEMO_HOSPITAL_TOKEN } from '../address-register/demo-register.ts';

const DEMO_MESSAGE = readFileSync(new URL('../__fixtures__/demo/LOG_INNLAGT-fjordvik.xml', import.meta.url));

void describe('the README’s curl example on the demo seed', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
    await seedDemo(t.database.db);
  });
  after(async () => {
    await t.close();
  });

  const post = (body: Buffer) =>
    t.app.inject({
      method: 'POST',
      url: '/edi/v1/messages',
      headers: { 'content-type': 'application/xml', authorization: `Bearer ${DEMO_HOSPITAL_TOKEN}` },
      payload: body,
    });

  void it('takes in the demo LOG_INNLAGT for Fjordvik home nursing about Per Hansen, then calls a repeat a duplicate', async () => {
    const res = await post(DEMO_MESSAGE);
    assert.equal(res.statusCode, 202, res.body);
    const body = res.json<EdiReceipt>();
    assert.deepEqual(
      [body.outcome, body.appRecs[0]?.receiverHerId, body.appRecs[0]?.status],
      ['accepted', '9900002001', '1'],
    );
    const [row] = await t.database.query<{ given_name: string; family_name: string }>(
      'SELECT p.given_name, p.family_name FROM plo_messages m JOIN persons p ON p.id = m.patient_person_id WHERE m.id = $1',
      [body.messageId],
    );
    assert.deepEqual([row?.given_name, row?.family_name], ['Per', 'Hansen']);
    const again = await post(DEMO_MESSAGE);
    assert.equal(again.statusCode, 200);
    assert.equal(again.json<EdiReceipt>().outcome, 'duplicate');
    const fresh = DEMO_MESSAGE.toString('utf8').replace(/<MsgId>[^<]*</, `<MsgId>${crypto.randomUUID()}<`);
    assert.equal((await post(Buffer.from(fresh))).statusCode, 202);
  });
});
