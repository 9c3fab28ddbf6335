import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { EdiReceipt, PloConsoleListResponse, PloConsoleMessage } from '@helsebro/contracts';
import type { LoggedIn } from '../../../../test/login.ts';
import { buildMessage, type OutgoingMessageInput } from '../msghead/message.build.ts';
import { sampleMessage } from '../testing/sample-messages.ts';
import { buildPloTestApp, fjordvikHandlerAndPatient, type PloTestApp } from '../testing/plo-test-app.ts';

const BASE = '/api/plo/console';
const HOSPITAL = '9900001000';
const SERVICES = ['9900002001', '9900002002'];

/** The same message as a change (M) or cancellation (C) of `parent`: a new MsgId, RefToParent the parent's. */
function followUp(parent: OutgoingMessageInput & { msgId: string }, status: 'M' | 'C'): OutgoingMessageInput {
  return {
    ...parent,
    msgId: crypto.randomUUID(),
    conversationRef: { refToParent: parent.msgId, refToConversation: parent.msgId },
    content: { ...parent.content, status },
  } as OutgoingMessageInput;
}

/**
 * Forsendelsesstatus M and C applied (issue 14, D2; HISD 1154 §4.2): a later message from the same sender whose
 * RefToParent is an earlier message's MsgId changes (M) or cancels (C) it. The console marks the earlier one in the
 * list and the view and links the two; a change that was rejected changes nothing.
 */
void describe('the console applies changes and cancellations (M/C) and flags a patient named otherwise', () => {
  let t: PloTestApp;
  let handler: LoggedIn;
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: handler.headers });
  const receive = async (input: OutgoingMessageInput, from = HOSPITAL) => {
    const res = await t.post(buildMessage(input).xml, from);
    assert.equal(res.statusCode, 202, res.body);
    return res.json<EdiReceipt>();
  };
  const view = async (id: string) => {
    const res = await get(`${BASE}/messages/${id}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json<PloConsoleMessage>();
  };
  /** Both Fjordvik services' inboxes, by message id. */
  const listed = async () => {
    const items = [];
    for (const service of SERVICES) {
      const res = await get(`${BASE}/services/${service}/inbox`);
      assert.equal(res.statusCode, 200, res.body);
      items.push(...res.json<PloConsoleListResponse>().items);
    }
    return new Map(items.map((i) => [i.id, i]));
  };

  before(async () => {
    t = await buildPloTestApp();
    ({ handler } = await fjordvikHandlerAndPatient(t));
  });
  after(async () => {
    await t.close();
  });

  void it('a cancellation marks the admission cancelled in the list and the view, and links both ways', async () => {
    const admitted = { ...sampleMessage('LOG_INNLAGT'), msgId: crypto.randomUUID() };
    const original = await receive(admitted);
    assert.equal(original.outcome, 'accepted');
    assert.equal((await listed()).get(original.messageId)?.supersededAs, null, 'nothing changed it yet');

    const cancel = await receive(followUp(admitted, 'C'));
    assert.equal(cancel.outcome, 'accepted', 'Pasientlogistikk allows C');
    const items = await listed();
    assert.deepEqual(
      [items.get(original.messageId)?.supersededAs, items.get(original.messageId)?.forsendelsesstatus],
      ['C', 'N'],
    );
    assert.deepEqual(
      [items.get(cancel.messageId)?.forsendelsesstatus, items.get(cancel.messageId)?.supersededAs],
      ['C', null],
    );

    const first = await view(original.messageId);
    assert.equal(first.supersededBy?.id, cancel.messageId);
    assert.equal(first.supersededBy?.as, 'C');
    assert.equal(first.supersedes, null);
    const second = await view(cancel.messageId);
    assert.deepEqual(second.supersedes, { id: original.messageId });
    assert.equal(second.supersededBy, null);
  });

  void it('a change is followed to the latest; a rejected change changes nothing', async () => {
    const report = { ...sampleMessage('HELSEOPPL_SOKNAD'), msgId: crypto.randomUUID() };
    const original = await receive(report);
    assert.equal(original.outcome, 'accepted', JSON.stringify(original.appRecs));
    const change = { ...followUp(report, 'M'), msgId: crypto.randomUUID() } as OutgoingMessageInput & { msgId: string };
    const changed = await receive(change);
    assert.equal(changed.outcome, 'accepted');
    assert.equal((await view(original.messageId)).supersededBy?.as, 'M');
    assert.equal((await view(changed.messageId)).supersededBy, null, 'the change is the version in force');

    // The change is then cancelled: the change shows that, the original still points to its change.
    const cancelled = await receive(followUp(change, 'C'));
    assert.equal((await view(changed.messageId)).supersededBy?.id, cancelled.messageId);
    assert.equal((await view(original.messageId)).supersededBy?.id, changed.messageId);

    // A "change" whose patient is unknown is rejected with a negative AppRec, and does not change the original.
    const other = { ...sampleMessage('HELSEOPPL_SOKNAD'), msgId: crypto.randomUUID() };
    const otherOriginal = await receive(other);
    const unknownPatient = followUp(other, 'M');
    const rejected = await receive({
      ...unknownPatient,
      patient: { ...unknownPatient.patient, nin: '01817499908' },
    });
    assert.equal(rejected.outcome, 'rejected');
    assert.equal((await view(otherOriginal.messageId)).supersededBy, null);
    assert.equal((await listed()).get(otherOriginal.messageId)?.supersededAs, null);
  });
  void it('flags a patient the message names otherwise than the population register, and not a middle name', async () => {
    const same = await receive(sampleMessage('LOG_INNLAGT'));
    assert.equal((await view(same.messageId)).patient.nameInMessage, null);
    const base = sampleMessage('LOG_INNLAGT');
    const middle = await receive({ ...base, patient: { ...base.patient, givenName: 'olav  Magne' } });
    assert.equal((await view(middle.messageId)).patient.nameInMessage, null, 'case, spacing and a middle name');
    const other = await receive({ ...base, patient: { ...base.patient, givenName: 'Ola', familyName: 'Nordmann' } });
    const shown = await view(other.messageId);
    assert.deepEqual([shown.patient.name, shown.patient.nameInMessage], ['Olav Nordmann', 'Ola Nordmann']);
    const family = await receive({ ...base, patient: { ...base.patient, familyName: 'Nordby' } });
    assert.equal((await view(family.messageId)).patient.nameInMessage, 'Olav Nordby');
    assert.equal((await listed()).get(family.messageId)?.patient.nameInMessage, 'Olav Nordby', 'in the list too');
  });
});
