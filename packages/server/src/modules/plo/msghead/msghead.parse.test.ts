import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MESSAGE_TYPES, NS } from '../codes.ts';
import { ploSchemaSet } from '../schema-set.ts';
import { officialExamples } from '../testing/official-examples.ts';
import { addresseeHerIds, isMsgHead, mainContent, parseMsgHead } from './msghead.parse.ts';

void describe('MsgHead v1.2 parse: the official examples', () => {
  const examples = officialExamples();

  void it('has all eight official examples', () => {
    assert.equal(examples.length, 8);
  });

  for (const ex of examples) {
    void it(`reads ${ex.file} (${ex.type})`, () => {
      const outcome = ploSchemaSet().validate(ex.bytes);
      assert.ok(outcome.wellFormed && outcome.valid, JSON.stringify(outcome.issues));
      assert.ok(isMsgHead(outcome.root));
      const m = parseMsgHead(outcome.root);
      assert.equal(m.msgInfo.type.v, ex.type);
      assert.equal(m.msgInfo.migVersion, 'v1.2 2006-05-24');
      assert.equal(m.msgInfo.msgId, ex.msgId);
      assert.match(m.msgInfo.genDate, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
      assert.deepEqual(addresseeHerIds(m.msgInfo.sender).organisation, ex.sender.organisation);
      assert.deepEqual(addresseeHerIds(m.msgInfo.sender).party, ex.sender.party);
      assert.deepEqual(addresseeHerIds(m.msgInfo.receiver).organisation, ex.receiver.organisation);
      assert.deepEqual(addresseeHerIds(m.msgInfo.receiver).party, ex.receiver.party);
      const fnr = m.msgInfo.patient?.idents.find((i) => i.typeId.v === 'FNR');
      assert.equal(fnr?.id, ex.nin);
      assert.equal(fnr?.typeId.s, '2.16.578.1.12.4.1.1.8116');
      assert.equal(mainContent(m)?.ns, MESSAGE_TYPES[ex.type].ns);
    });
  }

  void it('reads ConversationRef, a person as level-2 sender and an attachment (Helsefaglig dialog)', () => {
    const ex = examples.find((e) => e.type === 'DIALOG_HELSEFAGLIG')!;
    const outcome = ploSchemaSet().parse(ex.bytes);
    assert.ok(outcome.wellFormed);
    const m = parseMsgHead(outcome.root);
    assert.deepEqual(m.msgInfo.conversationRef, {
      refToParent: 'd14ea2f3-d796-4d7b-8271-a4480d2b4035',
      refToConversation: 'd14ea2f3-d796-4d7b-8271-a4480d2b4035',
    });
    const hcp = m.msgInfo.sender.organisation.healthcareProfessional;
    assert.deepEqual([hcp?.givenName, hcp?.familyName], ['Rita', 'Lin']);
    assert.equal(addresseeHerIds(m.msgInfo.sender).partyName, 'Rita Lin');
    assert.equal(m.documents.length, 2);
    assert.deepEqual(
      [m.documents[1]?.refDoc.msgType.v, m.documents[1]?.refDoc.mimeType, m.documents[1]?.refDoc.content?.ns],
      ['A', 'application/pdf', NS.base64Container],
    );
  });

  void it('reads what it can from a document that fails validation, and never throws', () => {
    const broken = ploSchemaSet().parse(
      Buffer.from(`<MsgHead xmlns="${NS.msgHead}"><MsgInfo><MsgId>x</MsgId></MsgInfo></MsgHead>`),
    );
    assert.ok(broken.wellFormed);
    const m = parseMsgHead(broken.root);
    assert.equal(m.msgInfo.msgId, 'x');
    assert.equal(m.msgInfo.type.v, '');
    assert.deepEqual(addresseeHerIds(m.msgInfo.sender), {});
    assert.equal(m.documents.length, 0);
  });
});
