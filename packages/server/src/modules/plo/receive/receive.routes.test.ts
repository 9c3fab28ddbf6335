import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { EdiReceipt } from '@helsebro/contracts';
import { makePerson } from '../../../../test/factories.ts';
import { buildAppRec } from '../apprec/apprec.build.ts';
import { parseAppRec } from '../apprec/apprec.parse.ts';
import { ploSchemaSet } from '../schema-set.ts';
import { officialExamples, type OfficialExample } from '../testing/official-examples.ts';
import { buildPloTestApp, type PloTestApp } from '../testing/plo-test-app.ts';
import { readRaw } from './raw-parts.ts';

/** A variant of an example: a text replacement that must match exactly once, and a fresh MsgId unless told. */
function variant(ex: OfficialExample, from: string | RegExp, to: string, keepMsgId = false): string {
  const text = ex.bytes.toString('utf8');
  const matches = text.match(
    typeof from === 'string'
      ? new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g')
      : new RegExp(from.source, 'g'),
  );
  assert.equal(matches?.length, 1, `${String(from)} must occur once in ${ex.file}`);
  const changed = text.replace(from, to);
  return keepMsgId ? changed : changed.replace(ex.msgId, crypto.randomUUID());
}

const receiverPartyBlock = (ex: OfficialExample) => new RegExp(`(<Receiver>[\\s\\S]*?<Id>)${ex.receiver.party}(</Id>)`);

void describe('POST /edi/v1/messages', () => {
  let t: PloTestApp;
  const examples = officialExamples();
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await t.database.query<{ n: number }>(sql, params))[0]!.n);

  before(async () => {
    t = await buildPloTestApp();
    // The LOG_ examples' patient is in this installation's population register, so audit entries name them.
    await makePerson(t.database.db, {
      nin: '15076500565',
      birthDate: '1965-07-15',
      givenName: 'Roland',
      familyName: 'Gundersen',
    });
  });
  after(async () => {
    await t.close();
  });

  for (const ex of examples) {
    void it(`takes in the official ${ex.type} example with a positive AppRec, stored, in the inbox, queued, audited`, async () => {
      const res = await t.post(ex.bytes, ex.sender.organisation);
      assert.equal(res.statusCode, 202, res.body);
      const body = res.json<EdiReceipt>();
      assert.equal(body.outcome, 'accepted');
      assert.equal(body.msgId, ex.msgId);
      assert.equal(body.appRecs.length, 1);
      assert.deepEqual(
        [body.appRecs[0]!.status, body.appRecs[0]!.receiverHerId, body.appRecs[0]!.errors],
        ['1', ex.receiver.party, []],
      );

      const [msg] = await t.database.query<Record<string, unknown>>(
        `SELECT status, msg_type, msg_id, sender_her_id, receiver_party_her_id, patient_nin, parsed, content_standard
           FROM plo_messages WHERE id = $1`,
        [body.messageId],
      );
      assert.equal(msg!.status, 'accepted');
      assert.equal(msg!.msg_type, ex.type);
      assert.equal(msg!.sender_her_id, ex.sender.organisation);
      assert.equal(msg!.receiver_party_her_id, ex.receiver.party);
      assert.equal(msg!.patient_nin, ex.nin);
      // Whole, though the 2 MB Helsefaglig dialog is stored in parts (RAW_PART_BYTES).
      const raw = await readRaw(t.database.db, body.messageId);
      assert.ok(raw?.equals(ex.bytes), 'the raw XML is stored byte for byte');
      assert.equal((msg!.parsed as { msgInfo: { msgId: string } }).msgInfo.msgId, ex.msgId);

      const [apprec] = await t.database.query<{
        id: string;
        xml: Uint8Array;
        status: string;
        delivery: string;
        role: string;
      }>("SELECT id, xml, status, delivery, role FROM plo_apprecs WHERE message_id = $1 AND direction = 'out'", [
        body.messageId,
      ]);
      assert.deepEqual([apprec!.status, apprec!.delivery, apprec!.role], ['1', 'queued', 'PRIM']);
      const validated = ploSchemaSet().validate(Buffer.from(apprec!.xml));
      assert.ok(validated.wellFormed && validated.valid, 'the AppRec validates against AppRec-v1.1.xsd');
      const r = parseAppRec(validated.root);
      assert.deepEqual([r.id, r.original.id, r.original.msgType], [body.appRecs[0]!.id, ex.msgId, ex.type]);
      assert.equal(r.receiver.inst.herId, ex.sender.organisation);

      assert.equal(
        await count(
          "SELECT count(*)::int AS n FROM plo_inbox i JOIN plo_parties p ON p.id = i.party_id WHERE i.message_id = $1 AND p.her_id = $2 AND i.state = 'new'",
          [body.messageId, ex.receiver.party],
        ),
        1,
      );
      assert.equal(
        await count(
          "SELECT count(*)::int AS n FROM jobs WHERE kind = 'plo.apprec.send' AND payload->>'appRecRowId' = $1 AND state = 'ready'",
          [apprec!.id],
        ),
        1,
      );
      const audits = await t.database.query<{
        actor_kind: string;
        actor_id: string;
        subject_person_id: string | null;
        outcome: string;
      }>(
        "SELECT actor_kind, actor_id, subject_person_id, outcome FROM audit_log WHERE action = 'plo_message.receive' AND resource_id = $1",
        [body.messageId],
      );
      assert.equal(audits.length, 1);
      assert.deepEqual(
        [audits[0]!.actor_kind, audits[0]!.actor_id, audits[0]!.outcome],
        ['partner', ex.sender.organisation, 'success'],
      );
      if (ex.nin === '15076500565') {
        assert.ok(audits[0]!.subject_person_id, 'the patient is the audit subject when in the register');
      }
    });
  }

  void it('answers a repeated MsgId as a duplicate: the first AppRec, no second AppRec, job or inbox row', async () => {
    const ex = examples.find((e) => e.type === 'LOG_INNLAGT')!;
    const before = await count('SELECT count(*)::int AS n FROM plo_apprecs');
    const jobsBefore = await count('SELECT count(*)::int AS n FROM jobs');
    const res = await t.post(ex.bytes, '59');
    assert.equal(res.statusCode, 200);
    const body = res.json<EdiReceipt>();
    assert.equal(body.outcome, 'duplicate');
    assert.equal(body.appRecs.length, 1);
    assert.equal(await count('SELECT count(*)::int AS n FROM plo_apprecs'), before);
    assert.equal(await count('SELECT count(*)::int AS n FROM jobs'), jobsBefore);
    assert.equal(await count('SELECT count(*)::int AS n FROM plo_messages WHERE msg_id = $1', [ex.msgId]), 1);
    assert.equal(await count("SELECT count(*)::int AS n FROM audit_log WHERE action = 'plo_message.duplicate'"), 1);
  });

  void it('processes the same MsgId posted at once from two connections exactly once', async () => {
    const ex = examples.find((e) => e.type === 'LOG_UTSKREVET')!;
    const fresh = variant(ex, ex.msgId, crypto.randomUUID(), true);
    const [a, b] = await Promise.all([t.post(fresh, '59'), t.post(fresh, '59')]);
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 202]);
    const id = a.json<EdiReceipt>().messageId;
    assert.equal(b.json<EdiReceipt>().messageId, id);
    assert.equal(await count('SELECT count(*)::int AS n FROM plo_apprecs WHERE message_id = $1', [id]), 1);
  });

  const broken: Array<{ name: string; make: (ex: OfficialExample) => string; codes: string[] }> = [
    {
      name: 'a schema error',
      make: (ex) => variant(ex, '<MIGversion>v1.2 2006-05-24</MIGversion>', '<MIGversion>v1.3</MIGversion>'),
      codes: ['T02'],
    },
    { name: 'an unknown receiver', make: (ex) => variant(ex, receiverPartyBlock(ex), '$1424242$2'), codes: ['E21'] },
    {
      name: 'a missing patient identifier',
      make: (ex) => {
        const noIdent = variant(ex, /(<Patient>[\s\S]*?)<Ident>[\s\S]*?<\/Ident>/, '$1');
        return noIdent.replace(/<DateOfBirth>[^<]*<\/DateOfBirth>/, '');
      },
      codes: ['E30', 'E36'],
    },
    {
      name: 'a MsgId that is not a UUID',
      make: (ex) => variant(ex, `<MsgId>${ex.msgId}</MsgId>`, `<MsgId>MSG-${Date.now()}-${ex.type}</MsgId>`, true),
      codes: ['E10'],
    },
  ];
  for (const ex of examples) {
    for (const b of broken) {
      void it(`rejects ${ex.type} with ${b.name}: negative AppRec ${b.codes.join('+')}, kept, not in the inbox`, async () => {
        const res = await t.post(b.make(ex), ex.sender.organisation);
        assert.equal(res.statusCode, 202, res.body);
        const body = res.json<EdiReceipt>();
        assert.equal(body.outcome, 'rejected');
        assert.equal(body.appRecs.length, 1);
        assert.equal(body.appRecs[0]!.status, '2');
        assert.deepEqual(
          body.appRecs[0]!.errors.map((e) => e.code),
          b.codes,
        );
        const [msg] = await t.database.query<{ status: string }>('SELECT status FROM plo_messages WHERE id = $1', [
          body.messageId,
        ]);
        assert.equal(msg!.status, 'rejected');
        assert.equal(
          await count('SELECT count(*)::int AS n FROM plo_inbox WHERE message_id = $1', [body.messageId]),
          0,
        );
        const [apprec] = await t.database.query<{ xml: Uint8Array }>(
          'SELECT xml FROM plo_apprecs WHERE message_id = $1',
          [body.messageId],
        );
        const validated = ploSchemaSet().validate(Buffer.from(apprec!.xml));
        assert.ok(validated.wellFormed && validated.valid);
        const r = parseAppRec(validated.root);
        assert.equal(r.status, '2');
        assert.deepEqual(
          r.errors.map((e) => e.code),
          b.codes,
        );
        assert.equal(r.errors[0]!.code, b.codes[0]);
        assert.ok(
          r.errors.every((e) => e.detail && e.text),
          'each error has the code list text and a detail',
        );
        assert.equal(
          await count(
            "SELECT count(*)::int AS n FROM jobs WHERE kind = 'plo.apprec.send' AND payload->>'appRecRowId' IN (SELECT id::text FROM plo_apprecs WHERE message_id = $1)",
            [body.messageId],
          ),
          1,
        );
      });
    }
  }

  void it('accepts a Dialogmelding patient identified by name, birth date and sex without a number (HIS 80415-1.1 §3.3.4)', async () => {
    const ex = examples.find((e) => e.type === 'DIALOG_FORESPORSEL')!;
    const res = await t.post(variant(ex, /(<Patient>[\s\S]*?)<Ident>[\s\S]*?<\/Ident>/, '$1'), ex.sender.organisation);
    assert.equal(res.json<EdiReceipt>().outcome, 'accepted', res.body);
  });

  void it('rejects a wrong check digit with E31 and a message type the receiver does not take with T10', async () => {
    const ex = examples.find((e) => e.type === 'LOG_INNLAGT')!;
    const wrongNin = await t.post(variant(ex, '<Id>15076500565</Id>', '<Id>15076500566</Id>'), '59');
    assert.deepEqual(
      wrongNin.json<EdiReceipt>().appRecs[0]!.errors.map((e) => e.code),
      ['E31', 'E36'],
    );
    // The same content addressed to the hospital's service, which does not receive LOG_INNLAGT.
    const misrouted = variant(
      ex,
      /<Receiver>[\s\S]*?<\/Receiver>/,
      '<Receiver><Organisation><OrganisationName>ST OLAVS HOSPITAL HF</OrganisationName><Ident><Id>59</Id><TypeId V="HER" DN="HER-id" S="2.16.578.1.12.4.1.1.9051"/></Ident><Organisation><OrganisationName>PLO innleggelse somatikk</OrganisationName><Ident><Id>91090</Id><TypeId V="HER" DN="HER-id" S="2.16.578.1.12.4.1.1.9051"/></Ident></Organisation></Organisation></Receiver>',
    );
    const res = await t.post(misrouted, '59');
    assert.deepEqual(
      res.json<EdiReceipt>().appRecs[0]!.errors.map((e) => e.code),
      ['T10'],
    );
  });

  void it('sends one AppRec per own receiving party (primary and copies), none for a copy that is not ours', async () => {
    const ex = examples.find((e) => e.type === 'UTSKRIVNINGSRAPPORT')!;
    const her = (id: string) =>
      `<Ident><Id>${id}</Id><TypeId V="HER" DN="HER-id" S="2.16.578.1.12.4.1.1.9051"/></Ident>`;
    const copy = (org: [string, string], service: [string, string]) =>
      `<OtherReceiver><RoleReceiver V="COP" DN="Kopimottaker"/><Organisation><OrganisationName>${org[0]}</OrganisationName>${her(org[1])}<Organisation><OrganisationName>${service[0]}</OrganisationName>${her(service[1])}</Organisation></Organisation></OtherReceiver>`;
    const copies = [
      copy(['Fjordvik kommune', '9900002000'], ['Sykepleietjeneste, pleie- og omsorg', '9900002001']),
      copy(['ST OLAVS HOSPITAL HF', '59'], ['Ortopedisk kirurgi', '90998']),
      copy(['Et annet sted', '888888'], ['Ukjent', '777777']),
    ].join('');
    const res = await t.post(variant(ex, '</Receiver>', `</Receiver>${copies}`), '59');
    const body = res.json<EdiReceipt>();
    assert.equal(body.outcome, 'accepted', "the outcome is the primary receiver's");
    assert.deepEqual(
      body.appRecs.map((a) => [a.receiverHerId, a.status, a.errors.map((e) => e.code)]),
      [
        ['5078', '1', []],
        ['9900002001', '1', []],
        ['90998', '2', ['T10']],
      ],
    );
    const roles = await t.database.query<{ her_id: string; role: string }>(
      'SELECT p.her_id, a.role FROM plo_apprecs a JOIN plo_parties p ON p.id = a.party_id WHERE a.message_id = $1 ORDER BY p.her_id',
      [body.messageId],
    );
    assert.deepEqual(
      roles.map((r) => [r.her_id, r.role]),
      [
        ['5078', 'PRIM'],
        ['90998', 'COP'],
        ['9900002001', 'COP'],
      ],
    );
    const inbox = await t.database.query<{ her_id: string; role: string }>(
      'SELECT p.her_id, i.role FROM plo_inbox i JOIN plo_parties p ON p.id = i.party_id WHERE i.message_id = $1 ORDER BY p.her_id',
      [body.messageId],
    );
    assert.deepEqual(
      inbox.map((r) => [r.her_id, r.role]),
      [
        ['5078', 'PRIM'],
        ['9900002001', 'COP'],
      ],
    );
  });

  void it('never answers an AppRec with an AppRec: a received AppRec is stored once and updates nothing else', async () => {
    const ex = examples.find((e) => e.type === 'LOG_INNLAGT')!;
    const original = await t.database.query<{ xml: Uint8Array }>(
      "SELECT a.xml FROM plo_apprecs a JOIN plo_messages m ON m.id = a.message_id WHERE m.msg_id = $1 AND a.direction = 'out'",
      [ex.msgId],
    );
    // The AppRec Alvdal (99387) sent is posted back by Alvdal as if it were answering one of our messages.
    const jobsBefore = await count('SELECT count(*)::int AS n FROM jobs');
    const res = await t.post(Buffer.from(original[0]!.xml), '99387');
    assert.equal(res.statusCode, 202, res.body);
    assert.equal(res.json().outcome, 'apprec_received');
    assert.equal(res.json().messageId, null);
    const again = await t.post(Buffer.from(original[0]!.xml), '99387');
    assert.equal(again.json().outcome, 'apprec_duplicate');
    assert.equal(await count('SELECT count(*)::int AS n FROM jobs'), jobsBefore);
    assert.equal(await count("SELECT count(*)::int AS n FROM plo_apprecs WHERE direction = 'in'"), 1);
    const forged = await t.post(Buffer.from(original[0]!.xml), '59');
    assert.equal(forged.statusCode, 403);
  });

  void it('applies the first AppRec for a message Helsebro sent, and keeps but ignores a second one', async () => {
    const msgId = crypto.randomUUID();
    const [sent] = await t.database.query<{ id: string }>(
      `INSERT INTO plo_messages (direction, status, msg_id, msg_type, sender_her_id, receiver_her_id, raw, raw_sha256)
       VALUES ('out', 'delivered', $1, 'LOG_INNLAGT', '9900002000', '59', '\\x00', 'x') RETURNING id`,
      [msgId],
    );
    const appRec = (status: '1' | '2') =>
      buildAppRec({
        status,
        errors: status === '2' ? [{ code: 'E35' }] : [],
        sender: {
          inst: { name: 'ST OLAVS HOSPITAL HF', herId: '59' },
          dept: { name: 'Ortopedisk kirurgi', herId: '90998' },
        },
        senderRole: 'PRIM',
        receiver: { inst: { name: 'Fjordvik kommune', herId: '9900002000' } },
        original: { type: { v: 'LOG_INNLAGT' }, genDate: '2025-01-15T10:11:54', msgId },
      }).xml;
    const res = await t.post(appRec('2'), '59');
    assert.equal(res.statusCode, 202, res.body);
    assert.deepEqual(res.json(), { outcome: 'apprec_received', appRecId: res.json().appRecId, messageId: sent!.id });
    const status = async () =>
      (await t.database.query<{ status: string }>('SELECT status FROM plo_messages WHERE id = $1', [sent!.id]))[0]!
        .status;
    assert.equal(await status(), 'apprec_rejected');
    const [stored] = await t.database.query<{ errors: Array<{ code: string }>; answering_her_id: string }>(
      "SELECT errors, answering_her_id FROM plo_apprecs WHERE direction = 'in' AND message_id = $1",
      [sent!.id],
    );
    assert.deepEqual([stored!.errors[0]!.code, stored!.answering_her_id], ['E35', '90998']);
    assert.equal((await t.post(appRec('1'), '59')).statusCode, 202);
    assert.equal(await status(), 'apprec_rejected', 'a receiver never turns its AppRec around (HITS 1168 §5.4)');
    const kept = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM plo_apprecs WHERE direction = 'in' AND message_id = $1",
      [sent!.id],
    );
    assert.equal(kept[0]!.n, 2);
  });

  void it('requires a partner credential, checks the sender against it and takes XML only', async () => {
    const ex = examples.find((e) => e.type === 'LOG_INNLAGT')!;
    const none = await t.app.inject({
      method: 'POST',
      url: '/edi/v1/messages',
      headers: { 'content-type': 'application/xml' },
      payload: ex.bytes,
    });
    assert.equal(none.statusCode, 401);
    assert.match(String(none.headers['www-authenticate']), /^Bearer/);
    const wrong = await t.post(ex.bytes, '59', { authorization: 'Bearer not-a-real-token-0000000000' });
    assert.equal(wrong.statusCode, 401);
    const spoofed = await t.post(variant(ex, ex.msgId, crypto.randomUUID(), true), '99387');
    assert.equal(spoofed.statusCode, 403);
    assert.equal(spoofed.json().code, 'sender_mismatch');
    assert.equal(await count("SELECT count(*)::int AS n FROM plo_messages WHERE status = 'refused'"), 1);
    const json = await t.post(JSON.stringify({ a: 1 }), '59', { 'content-type': 'application/json' });
    assert.equal(json.statusCode, 415);
  });
});
