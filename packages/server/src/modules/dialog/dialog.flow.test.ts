import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type {
  ConversationResponse,
  DialogUnitsResponse,
  StaffInboxResponse,
  UnitStaffResponse,
} from '@helsebro/contracts';
import { makeDialogWorld, PDF, startDialogApp, type DialogTestApp } from './testing/dialog-world.ts';

void describe('dialog: citizen and unit exchange messages; notices go through the outbox', () => {
  let d: DialogTestApp;
  before(async () => {
    d = await startDialogApp();
  });
  after(async () => {
    await d.close();
  });

  void it('citizen writes with a PDF; the nurse sees it unread, replies; one e-mail notice without the text; read both ways', async () => {
    const { get, send, homeCare, per, kari, perLogin, nurse, ...w } = await makeDialogWorld(d);
    const units = await get('/api/dialog/units', perLogin);
    assert.equal(units.statusCode, 200, units.body);
    assert.deepEqual(
      units.json<DialogUnitsResponse>().units.map((u) => [u.name, u.openForDialog]),
      [
        ['Helsestasjonen', false],
        ['Hjemmesykepleien', true],
      ],
    );

    const started = await send(
      '/api/dialog/conversations',
      perLogin,
      { serviceUnitId: homeCare.id, subject: 'Medisiner', text: 'Kan dere se på dosetten?' },
      [{ name: 'liste.pdf', type: 'application/pdf', bytes: PDF }],
    );
    assert.equal(started.statusCode, 201, started.body);
    const conv = started.json<ConversationResponse>();
    const conversationId = conv.conversation.id;
    assert.equal(conv.autoReply, 'Vi svarer innen én virkedag. Ring 113 hvis det haster.');
    assert.equal(conv.expectedResponseWorkingDays, 1);
    assert.equal(conv.messages[0]!.attachments[0]!.contentType, 'application/pdf');

    const inbox = await get(`/api/staff/dialog/units/${homeCare.id}/inbox`, nurse);
    assert.equal(inbox.statusCode, 200, inbox.body);
    const box = inbox.json<StaffInboxResponse>();
    assert.equal(box.unread, 1);
    assert.equal(box.conversations[0]!.citizen.displayName, 'Per Hansen');
    const units2 = await get('/api/staff/dialog/units', nurse);
    assert.equal(units2.statusCode, 200, units2.body);
    assert.equal(units2.json().units[0].unread, 1);

    const viewed = await get(`/api/staff/dialog/conversations/${conversationId}`, nurse);
    assert.equal(viewed.statusCode, 200, viewed.body);
    const attachmentId = viewed.json<ConversationResponse>().messages[0]!.attachments[0]!.id;
    const file = await get(`/api/staff/dialog/attachments/${attachmentId}`, nurse);
    assert.equal(file.statusCode, 200);
    assert.ok(file.rawPayload.equals(PDF));
    assert.equal((await get(`/api/staff/dialog/units/${homeCare.id}/inbox`, nurse)).json().unread, 0);

    const secret = 'Dosetten er endret: Paracet 1 g morgen og kveld.';
    const replied = await send(`/api/staff/dialog/conversations/${conversationId}/messages`, nurse, { text: secret });
    assert.equal(replied.statusCode, 201, replied.body);
    assert.equal((await get(`/api/dialog/conversations`, perLogin)).json().conversations[0].unread, 1);

    // Per's and Kari's notices only: other cases' worlds share the app and its outbox.
    const family = [per.id, kari.id];
    await w.drainOutbox(async () => {
      const rows = await d.t.database.query<{ state: string }>(
        "SELECT state FROM notification_notices WHERE state = 'sent' AND person_id IN ($1, $2)",
        family,
      );
      return rows.length === 1 && w.mailsTo(w.address).length === 1;
    });
    const notices = await d.t.database.query<{ person_id: string; channel: string }>(
      'SELECT person_id, channel FROM notification_notices WHERE person_id IN ($1, $2)',
      family,
    );
    assert.deepEqual(notices, [{ person_id: per.id, channel: 'email' }], 'Per and Kari share an address: one notice');
    const mail = w.mailsTo(w.address)[0]!.raw;
    assert.match(mail, /Du har en ny melding p/);
    assert.ok(!mail.includes('Paracet') && !mail.includes('Medisiner') && !mail.includes('Hjemmesykepleien'));

    const read = await get(`/api/dialog/conversations/${conversationId}`, perLogin);
    const reply = read.json<ConversationResponse>().messages[1]!;
    assert.equal(reply.text, secret);
    assert.equal(reply.from, 'unit');
    const nurseView = await get(`/api/staff/dialog/conversations/${conversationId}`, nurse);
    assert.ok(nurseView.json<ConversationResponse>().messages[1]!.readAt, 'the nurse sees the reply read');
  });

  void it('assigns to a colleague and closes; a closed conversation takes no more messages', async () => {
    const { get, post, send, homeCare, physio, nurse, nurseId, colleagueId, perLogin, ...w } = await makeDialogWorld(d);
    const conversationId = await w.startConversation();
    const colleagues = await get(`/api/staff/dialog/units/${homeCare.id}/staff`, nurse);
    assert.equal(colleagues.statusCode, 200, colleagues.body);
    assert.deepEqual(colleagues.json<UnitStaffResponse>().staff, [
      { personnelId: colleagueId, displayName: 'Jon Kollega' },
      { personnelId: nurseId, displayName: 'Siri Sykepleier' },
    ]);
    const otherUnit = await get(`/api/staff/dialog/units/${physio.id}/staff`, nurse);
    assert.equal(otherUnit.statusCode, 403);
    assert.equal(otherUnit.json().code, 'not_unit_staff');
    const assigned = await post(`/api/staff/dialog/conversations/${conversationId}/assign`, nurse, {
      personnelId: colleagueId,
    });
    assert.equal(assigned.statusCode, 200, assigned.body);
    assert.equal(assigned.json<ConversationResponse>().conversation.assignedTo?.displayName, 'Jon Kollega');
    const closedRes = await post(`/api/staff/dialog/conversations/${conversationId}/close`, nurse);
    assert.equal(closedRes.json<ConversationResponse>().conversation.status, 'closed');
    const late = await send(`/api/dialog/conversations/${conversationId}/messages`, perLogin, { text: 'en til' });
    assert.equal(late.statusCode, 409);
    assert.equal(late.json().code, 'conversation_closed');
    assert.ok(nurseId);
  });
});
