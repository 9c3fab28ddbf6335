import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ConversationResponse, EpjConversationResponse } from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { loginAs, type LoggedIn } from '../../../test/login.ts';
import {
  makeCareRelation,
  makeMunicipality,
  makePerson,
  makePersonnel,
  makeServiceUnit,
} from '../../../test/factories.ts';
import { registerMachineClient } from '../identity/index.ts';

const HTML_IN_PDF = Buffer.from('%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n');
const EXE_IN_PDF = Buffer.concat([
  Buffer.from('%PDF-'),
  Buffer.from('MZ\x90\x00\x03\x00', 'latin1'),
  Buffer.alloc(500, 1),
]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300, 7)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300, 9)]);
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(400, 0x20), Buffer.from('\n%%EOF\n')]);
const SECRET = 'attachments-test-epj-secret';
const BOUNDARY = 'helsebro-test-boundary';

type Upload = { filename: string; type: string; bytes: Buffer };

/**
 * A multipart body written byte for byte, since FormData would percent-encode some of the hostile names; the
 * filename goes raw in UTF-8 as browsers send it (RFC 7578 §4.2).
 */
function multipart(fields: Record<string, string>, files: Upload[]) {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="${f.filename}"\r\n` +
          `Content-Type: ${f.type}\r\n\r\n`,
      ),
      f.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(parts);
}

void describe('dialog attachments: stored and offered under the name of what they are', () => {
  let t: TestApp;
  let per: LoggedIn, nurse: LoggedIn;
  let unitId: string, municipalityId: string;
  let conversationId: string;
  let epjToken: string;

  /** What the uploads below must be stored as: the name is cleaned and follows the type found in the bytes. */
  const uploads: Array<Upload & { stored: string; storedType: string; fallback: string }> = [
    {
      filename: 'x.html',
      type: 'text/html',
      bytes: HTML_IN_PDF,
      stored: 'x.pdf',
      storedType: 'application/pdf',
      fallback: 'x.pdf',
    },
    {
      filename: 'setup.exe',
      type: 'application/x-msdownload',
      bytes: EXE_IN_PDF,
      stored: 'setup.pdf',
      storedType: 'application/pdf',
      fallback: 'setup.pdf',
    },
    {
      filename: '\u202Egpj.exe',
      type: 'image/jpeg',
      bytes: JPEG,
      stored: 'gpj.jpg',
      storedType: 'image/jpeg',
      fallback: 'gpj.jpg',
    },
    {
      filename: `\u0007\u2066診断書\u2069 ${'ø'.repeat(200)}.svg`,
      type: 'image/svg+xml',
      bytes: PNG,
      // 200 UTF-8 bytes at most: "診断書 " is 10, each ø 2, ".png" 4.
      stored: `診断書 ${'ø'.repeat(93)}.png`,
      storedType: 'image/png',
      fallback: `_ ${'o'.repeat(93)}.png`,
    },
    {
      filename: 'Svar \u00ABja\u00BB 100% (1).pdf',
      type: 'application/pdf',
      bytes: PDF,
      stored: 'Svar \u00ABja\u00BB 100% (1).pdf',
      storedType: 'application/pdf',
      fallback: 'Svar _ja_ 100_ (1).pdf',
    },
  ];

  before(async () => {
    t = await buildTestApp({}, { listen: true });
    const db = t.app.platform.db;
    const m = await makeMunicipality(db, { name: 'Fjordvik kommune' });
    municipalityId = m.id;
    const unit = await makeServiceUnit(db, m.id, { name: 'Hjemmesykepleien', openForDialog: true });
    unitId = unit.id;
    const person = await makePerson(db, { municipalityId: m.id, givenName: 'Per', familyName: 'Hansen' });
    await makeCareRelation(db, { municipalityId: m.id, personId: person.id, serviceUnitId: unit.id });
    const staff = await makePersonnel(db, { municipalityId: m.id, serviceUnitId: unit.id });
    per = await loginAs(t.app, { kind: 'citizen', personId: person.id });
    nurse = await loginAs(t.app, { kind: 'personnel', personnelId: staff.id, municipalityId: m.id });
    await registerMachineClient(db, {
      clientId: 'epj-attachments',
      clientName: 'Fjordvik EPJ',
      clientSecret: SECRET,
      orgNumber: m.orgNumber,
    });
    const token = await fetch(`${t.config.publicUrl}/idp/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`epj-attachments:${SECRET}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials&scope=helsebro%3Aepj',
    });
    epjToken = ((await token.json()) as { access_token: string }).access_token;
  });
  after(async () => {
    await t.close();
  });

  const byName = <T extends [string, string]>(rows: T[]) => rows.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const stored = () =>
    t.database.query<{ id: string; filename: string; content_type: string }>(
      'SELECT id, filename, content_type FROM dialog_attachments',
    );

  /** The headers a browser acts on, from each of the three ways an attachment is downloaded. */
  const downloads = async (id: string) => {
    const citizen = await t.app.inject({ method: 'GET', url: `/api/dialog/attachments/${id}`, headers: per.headers });
    const staff = await t.app.inject({
      method: 'GET',
      url: `/api/staff/dialog/attachments/${id}`,
      headers: nurse.headers,
    });
    const epj = await fetch(`${t.config.publicUrl}/epj/v1/attachments/${id}`, {
      headers: { authorization: `Bearer ${epjToken}` },
    });
    const pick = (status: number, get: (name: string) => unknown, body: Buffer) => ({
      status,
      type: String(get('content-type')),
      disposition: String(get('content-disposition')),
      nosniff: String(get('x-content-type-options')),
      cache: String(get('cache-control')),
      body,
    });
    return [
      pick(citizen.statusCode, (n) => citizen.headers[n], citizen.rawPayload),
      pick(staff.statusCode, (n) => staff.headers[n], staff.rawPayload),
      pick(epj.status, (n) => epj.headers.get(n), Buffer.from(await epj.arrayBuffer())),
    ];
  };

  void it('stores hostile names as the detected type, without controls, bidi or excess length', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/dialog/conversations',
      headers: { ...per.headers, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: multipart({ serviceUnitId: unitId, subject: 'Vedlegg', text: 'Se vedleggene.' }, uploads),
    });
    assert.equal(res.statusCode, 201, res.body);
    const conv = res.json<ConversationResponse>();
    conversationId = conv.conversation.id;
    const expected = byName(uploads.map((u): [string, string] => [u.stored, u.storedType]));
    assert.deepEqual(byName((await stored()).map((r): [string, string] => [r.filename, r.content_type])), expected);
    assert.deepEqual(
      byName(conv.messages[0]!.attachments.map((a): [string, string] => [a.filename, a.contentType])),
      expected,
    );
  });

  void it('offers each file from the dialog and EPJ routes with one Content-Disposition, its type and nosniff', async () => {
    const rows = await stored();
    for (const u of uploads) {
      const row = rows.find((r) => r.filename === u.stored);
      assert.ok(row, u.stored);
      const header = `attachment; filename="${u.fallback}"; filename*=UTF-8''${encodeURIComponent(u.stored).replace(
        /[()]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      )}`;
      for (const d of await downloads(row.id)) {
        assert.equal(d.status, 200);
        assert.equal(d.type, u.storedType);
        assert.equal(d.disposition, header);
        assert.equal(d.nosniff, 'nosniff');
        assert.equal(d.cache, 'no-store');
        assert.ok(d.body.equals(u.bytes));
      }
    }
  });

  void it('cleans a name stored before the cleaning existed when it is listed and when it is offered', async () => {
    const [message] = await t.database.query<{ id: string }>(
      'SELECT id FROM dialog_messages WHERE conversation_id = $1',
      [conversationId],
    );
    const [old] = await t.database.query<{ id: string }>(
      `INSERT INTO dialog_attachments (municipality_id, message_id, filename, content_type, size_bytes, sha256, content)
       VALUES ($1, $2, $3, 'application/pdf', $4, 'x', $5) RETURNING id`,
      [municipalityId, message!.id, 'gammel\u202Efdp.html', HTML_IN_PDF.length, HTML_IN_PDF],
    );
    const view = await t.app.inject({
      method: 'GET',
      url: `/api/dialog/conversations/${conversationId}`,
      headers: per.headers,
    });
    assert.equal(view.statusCode, 200, view.body);
    const listed = view.json<ConversationResponse>().messages[0]!.attachments.find((a) => a.id === old!.id);
    assert.equal(listed?.filename, 'gammelfdp.pdf');
    const epjView = await fetch(`${t.config.publicUrl}/epj/v1/conversations/${conversationId}`, {
      headers: { authorization: `Bearer ${epjToken}` },
    });
    const epjListed = ((await epjView.json()) as EpjConversationResponse).messages[0]!.attachments.find(
      (a) => a.id === old!.id,
    );
    assert.equal(epjListed?.filename, 'gammelfdp.pdf');
    for (const d of await downloads(old!.id)) {
      assert.equal(d.status, 200);
      assert.equal(d.type, 'application/pdf');
      assert.equal(d.disposition, `attachment; filename="gammelfdp.pdf"; filename*=UTF-8''gammelfdp.pdf`);
    }
  });

  void it('names the file in a refusal without its control and bidi characters', async () => {
    const before = (await stored()).length;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/dialog/conversations/${conversationId}/messages`,
      headers: { ...per.headers, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: multipart({ text: 'En til' }, [
        { filename: 'faktura\u202Efdp.exe\u0001', type: 'application/pdf', bytes: Buffer.from('MZ\x90\x00', 'latin1') },
      ]),
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().code, 'attachment_type_not_allowed');
    assert.match(res.json().detail, /«fakturafdp\.exe»/);
    assert.equal((await stored()).length, before);
  });
});
