import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ConversationResponse } from '@helsebro/contracts';
import { EXE, makeDialogWorld, PDF, startDialogApp, type DialogTestApp } from './testing/dialog-world.ts';

void describe('dialog, the citizen side: proxies, verbatim text and refused input', () => {
  let d: DialogTestApp;
  before(async () => {
    d = await startDialogApp();
  });
  after(async () => {
    await d.close();
  });

  void it('a proxy with Digitale helsetjenester writes and reads for the principal, audited as such; one without is refused', async () => {
    const { get, send, homeCare, per, kari, kariLogin, olaLogin, ...w } = await makeDialogWorld(d);
    const conversationId = await w.startConversation();
    const started = await send('/api/dialog/conversations', kariLogin, {
      serviceUnitId: homeCare.id,
      subject: 'Pappa',
      text: 'Jeg skriver for pappa.',
    });
    assert.equal(started.statusCode, 201, started.body);
    const conv = started.json<ConversationResponse>();
    assert.equal(conv.conversation.citizen.personId, per.id, 'addressed to the principal');
    assert.equal(conv.messages[0]!.authorName, 'Kari Hansen');
    assert.equal(conv.messages[0]!.onBehalfOf, 'Per Hansen');
    const readByKari = await get(`/api/dialog/conversations/${conversationId}`, kariLogin);
    assert.equal(readByKari.statusCode, 200);
    const [entry] = await d.t.database.query<{
      actor_id: string;
      acting_for_person_id: string;
      subject_person_id: string;
      details: { basis?: string };
    }>(
      "SELECT actor_id, acting_for_person_id, subject_person_id, details FROM audit_log WHERE action = 'dialog.conversation.read' AND actor_id = $1",
      [kari.id],
    );
    assert.equal(entry!.acting_for_person_id, per.id);
    assert.equal(entry!.subject_person_id, per.id);
    assert.equal(entry!.details.basis, 'fullmakt');

    const before = await w.counts();
    const refused = await send('/api/dialog/conversations', olaLogin, {
      serviceUnitId: homeCare.id,
      subject: 'x',
      text: 'y',
    });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().code, 'service_area_not_granted');
    assert.equal((await get(`/api/dialog/conversations/${conversationId}`, olaLogin)).statusCode, 403);
    assert.deepEqual(await w.counts(), before);
  });

  void it('keeps HTML and script in message text verbatim, as text', async () => {
    const { send, perLogin, ...w } = await makeDialogWorld(d);
    const conversationId = await w.startConversation();
    const text = '<script>alert("x")</script> <b>fet</b> & <img src=x onerror=alert(1)>';
    const res = await send(`/api/dialog/conversations/${conversationId}/messages`, perLogin, { text });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json<ConversationResponse>().messages.at(-1)!.text, text);
    const [row] = await d.t.database.query<{ body: string }>(
      'SELECT body FROM dialog_messages WHERE conversation_id = $1 ORDER BY created_at DESC LIMIT 1',
      [conversationId],
    );
    assert.equal(row!.body, text);
  });

  void it('bad input is refused clearly and nothing is half-stored', async () => {
    const { send, homeCare, physio, closed, per, perLogin, ...w } = await makeDialogWorld(d);
    const conversationId = await w.startConversation();
    const before = await w.counts();
    const other = await send('/api/dialog/conversations', perLogin, {
      serviceUnitId: physio.id,
      subject: 'x',
      text: 'y',
    });
    assert.equal(other.statusCode, 403);
    assert.equal(other.json().code, 'no_service_from_unit');
    assert.match(other.json().detail, /tjenester du mottar/);
    const shut = await send('/api/dialog/conversations', perLogin, {
      serviceUnitId: closed.id,
      subject: 'x',
      text: 'y',
    });
    assert.equal(shut.statusCode, 403);
    assert.equal(shut.json().code, 'unit_closed_for_dialog');
    const empty = await send(
      '/api/dialog/conversations',
      perLogin,
      { serviceUnitId: homeCare.id, subject: 'x', text: '  \n ' },
      [{ name: 'a.pdf', type: 'application/pdf', bytes: PDF }],
    );
    assert.equal(empty.statusCode, 400);
    assert.equal(empty.json().code, 'message_empty');
    const big = await send(`/api/dialog/conversations/${conversationId}/messages`, perLogin, { text: 'stor fil' }, [
      { name: 'stor.pdf', type: 'application/pdf', bytes: Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]) },
    ]);
    assert.equal(big.statusCode, 413);
    assert.equal(big.json().code, 'attachment_too_large');
    const exe = await send(`/api/dialog/conversations/${conversationId}/messages`, perLogin, { text: 'se vedlegg' }, [
      { name: 'ok.pdf', type: 'application/pdf', bytes: PDF },
      { name: 'faktura.pdf', type: 'application/pdf', bytes: EXE },
    ]);
    assert.equal(exe.statusCode, 400);
    assert.equal(exe.json().code, 'attachment_type_not_allowed');
    assert.match(exe.json().detail, /faktura\.pdf/);
    assert.deepEqual(await w.counts(), before);
    const denied = await d.t.database.query<{ outcome: string }>(
      "SELECT outcome FROM audit_log WHERE action = 'dialog.conversation.start' AND outcome = 'denied' AND subject_person_id = $1",
      [per.id],
    );
    assert.ok(denied.length >= 2, 'refusals are audited');
  });
});
