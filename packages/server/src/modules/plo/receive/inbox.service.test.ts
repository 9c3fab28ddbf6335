import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { EdiReceipt } from '@helsebro/contracts';
import { buildMessage } from '../msghead/message.build.ts';
import { sampleMessage, SAMPLE_PATIENT } from '../testing/sample-messages.ts';
import { anonymousContext, type RequestContext } from '../../../platform/http/request-context.ts';
import { ForbiddenError, NotFoundError } from '../../../platform/errors.ts';
import { makePerson } from '../../../../test/factories.ts';
import { createAddressRegister } from '../address-register/address-register.service.ts';
import { buildPloTestApp, type PloTestApp } from '../testing/plo-test-app.ts';
import { createInboxService } from './inbox.service.ts';

void describe('a receiving service’s inbox', () => {
  let t: PloTestApp;
  let nurse: RequestContext;
  let fjordvikId: string;
  let patientId: string;
  before(async () => {
    t = await buildPloTestApp();
    const [m] = await t.database.query<{ id: string }>("SELECT id FROM municipalities WHERE number = '9901'");
    fjordvikId = m!.id;
    patientId = (
      await makePerson(t.database.db, { nin: SAMPLE_PATIENT.nin, birthDate: '1938-03-14', municipalityId: fjordvikId })
    ).id;
    nurse = {
      ...anonymousContext('inbox-test'),
      actor: { kind: 'personnel', personnelId: 'p1', hprNumber: null },
      municipalityId: fjordvikId,
    };
  });
  after(async () => {
    await t.close();
  });

  void it('lists the messages the demo hospital sent to Fjordvik home nursing, audited per message', async () => {
    for (const type of ['LOG_INNLAGT', 'LOG_UTSKREVET'] as const) {
      const res = await t.post(buildMessage(sampleMessage(type)).xml, '9900001000');
      assert.equal(res.json<EdiReceipt>().outcome, 'accepted', res.body);
    }
    const inbox = createInboxService({ db: t.database.db, register: createAddressRegister(t.app.platform) });
    const items = await inbox.list(nurse, '9900002001');
    assert.deepEqual(
      items.map((i) => i.msgType),
      ['LOG_UTSKREVET', 'LOG_INNLAGT'],
    );
    assert.ok(items.every((i) => i.patientPersonId === patientId && i.state === 'new' && i.role === 'PRIM'));
    const reads = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'plo_message.read' AND subject_person_id = $1",
      [patientId],
    );
    assert.equal(reads[0]!.n, 2);
    assert.deepEqual(await inbox.list(nurse, '9900002002'), [], 'the allocation office got none of them');
  });

  void it('refuses a citizen, personnel of another municipality and an unknown service', async () => {
    const inbox = createInboxService({ db: t.database.db, register: createAddressRegister(t.app.platform) });
    const other = { ...nurse, municipalityId: '00000000-0000-4000-8000-000000000000' };
    await assert.rejects(inbox.list(other, '9900002001'), ForbiddenError);
    await assert.rejects(
      inbox.list({ ...anonymousContext('c'), actor: { kind: 'citizen', personId: patientId } }, '9900002001'),
      ForbiddenError,
    );
    await assert.rejects(inbox.list(nurse, '9900001001'), NotFoundError, 'the hospital is not hosted here');
  });
});
