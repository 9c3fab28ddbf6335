import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APPREC_ERRORS, type AppRecErrorCode } from '../codes.ts';
import { parseMsgHead } from '../msghead/msghead.parse.ts';
import { ploSchemaSet } from '../schema-set.ts';
import { officialExamples } from '../testing/official-examples.ts';
import { appRecPartyOf, buildAppRec } from './apprec.build.ts';
import { isAppRec, parseAppRec } from './apprec.parse.ts';

const lis = officialExamples().find((e) => e.type === 'LOG_INNLAGT')!;
const hfd = officialExamples().find((e) => e.type === 'DIALOG_HELSEFAGLIG')!;

function readMessage(bytes: Buffer) {
  const parsed = ploSchemaSet().parse(bytes);
  assert.ok(parsed.wellFormed);
  return parseMsgHead(parsed.root);
}

function answer(bytes: Buffer, status: '1' | '2', errors: Array<{ code: AppRecErrorCode; detail?: string }> = []) {
  const m = readMessage(bytes);
  return buildAppRec({
    status,
    errors,
    sender: appRecPartyOf(m.msgInfo.receiver),
    senderRole: 'PRIM',
    receiver: appRecPartyOf(m.msgInfo.sender),
    original: { type: m.msgInfo.type, genDate: m.msgInfo.genDate, msgId: m.msgInfo.msgId },
    genDate: new Date('2025-01-15T09:12:30Z'),
  });
}

void describe('AppRec 1.1', () => {
  void it('builds a positive AppRec that validates and mirrors the original addresses (HITS 1168 §11)', () => {
    const built = answer(lis.bytes, '1');
    const outcome = ploSchemaSet().validate(Buffer.from(built.xml));
    assert.ok(outcome.wellFormed && outcome.valid, JSON.stringify(outcome.wellFormed ? outcome.issues : outcome));
    assert.ok(isAppRec(outcome.root));
    const r = parseAppRec(outcome.root);
    assert.equal(r.version, '1.1');
    assert.equal(r.id, built.id);
    assert.equal(r.status, '1');
    assert.deepEqual(r.errors, []);
    assert.equal(r.senderRole, 'PRIM');
    assert.deepEqual(r.sender, {
      inst: { name: 'Alvdal Kommune', herId: '99387' },
      dept: { name: 'Sykepleietjeneste', herId: '5078' },
    });
    assert.deepEqual(r.receiver, {
      inst: { name: 'ST OLAVS HOSPITAL HF', herId: '59' },
      dept: { name: 'Ortopedisk kirurgi', herId: '90998' },
    });
    assert.deepEqual(r.original, {
      msgType: 'LOG_INNLAGT',
      msgTypeDn: 'Melding om innlagt pasient',
      issueDate: '2018-01-29T10:11:54',
      id: 'b088a160-0698-11e8-b566-0800200c9a66',
    });
    assert.match(built.xml, /<MIGversion>v1\.1 2012-02-15<\/MIGversion>/);
    assert.match(built.xml, /<Receiver>\s*<Role V="AVS" DN="Avsender"\/>/);
  });

  void it('builds a negative AppRec with code list 8221 errors and free text, and it validates', () => {
    const built = answer(lis.bytes, '2', [
      { code: 'E30', detail: 'Pasienten har ikke fødselsnummer' },
      { code: 'E36' },
    ]);
    const outcome = ploSchemaSet().validate(Buffer.from(built.xml));
    assert.ok(outcome.wellFormed && outcome.valid);
    const r = parseAppRec(outcome.root);
    assert.equal(r.status, '2');
    assert.deepEqual(r.errors, [
      { code: 'E30', text: APPREC_ERRORS.E30, detail: 'Pasienten har ikke fødselsnummer' },
      { code: 'E36', text: APPREC_ERRORS.E36 },
    ]);
    assert.match(built.xml, /<Error V="E30" S="2\.16\.578\.1\.12\.4\.1\.1\.8221" DN="FNR mangler"/);
  });

  void it('maps a person addressed at level 2 to HCPerson', () => {
    const built = answer(hfd.bytes, '1');
    const outcome = ploSchemaSet().validate(Buffer.from(built.xml));
    assert.ok(outcome.wellFormed && outcome.valid);
    const r = parseAppRec(outcome.root);
    assert.deepEqual(r.receiver, {
      inst: { name: 'Kattskinnet legesenter', herId: '56704' },
      hcPerson: { name: 'Rita Lin', herId: '258521' },
    });
  });

  void it('refuses a rejection without errors and an OK with errors', () => {
    assert.throws(() => answer(lis.bytes, '2'));
    assert.throws(() => answer(lis.bytes, '1', [{ code: 'X99' }]));
  });

  void it('reads an AppRec 1.0 as well', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<AppRec xmlns="http://www.kith.no/xmlstds/apprec/2004-11-21">
  <MsgType V="APPREC"/><MIGversion>1.0 2004-11-21</MIGversion><GenDate>2020-01-01T10:00:00</GenDate><Id>9b0e7d10-0000-4000-8000-000000000002</Id>
  <Sender><Role V="SPR"/><HCP><Inst><Name>K</Name><Id>1</Id><TypeId V="HER"/></Inst></HCP></Sender>
  <Receiver><Role V="AVS"/><HCP><Inst><Name>S</Name><Id>2</Id><TypeId V="HER"/></Inst></HCP></Receiver>
  <Status V="2"/><Error V="T02" DN="XML validerer ikke"/>
  <OriginalMsgId><MsgType V="LOG_INNLAGT"/><IssueDate>2020-01-01T09:00:00</IssueDate><Id>6f1c2a52-0000-4000-8000-000000000001</Id></OriginalMsgId>
</AppRec>`;
    const outcome = ploSchemaSet().validate(Buffer.from(xml));
    assert.ok(outcome.wellFormed && outcome.valid, JSON.stringify(outcome.wellFormed && outcome.issues));
    const r = parseAppRec(outcome.root);
    assert.deepEqual(
      [r.version, r.status, r.errors[0]?.code, r.original.id, r.sender.inst.herId],
      ['1.0', '2', 'T02', '6f1c2a52-0000-4000-8000-000000000001', '1'],
    );
  });
});
