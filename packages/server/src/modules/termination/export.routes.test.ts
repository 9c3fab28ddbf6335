import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { ProblemResponse } from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { loginAs, type LoggedIn } from '../../../test/login.ts';
import {
  makeCareRelation,
  makeMunicipality,
  makePerson,
  makePersonnel,
  makeServiceUnit,
} from '../../../test/factories.ts';
import type { Db } from '../../platform/db/client.ts';
import {
  appointmentTypes,
  auditLog,
  dialogAttachments,
  dialogConversations,
  dialogMessages,
  epjClients,
} from '../../platform/db/schema.ts';
import { readZip } from '../../platform/zip/testing/read-zip.ts';
import type { ManifestFile } from './export.service.ts';

/** One municipality with a unit, an administrator, a nurse, a citizen's conversation with an attachment, and more. */
async function world(db: Db, tag: string) {
  const m = await makeMunicipality(db);
  const unit = await makeServiceUnit(db, m.id);
  const admin = await makePersonnel(db, { municipalityId: m.id, role: 'municipal_admin' });
  const nurse = await makePersonnel(db, { municipalityId: m.id, serviceUnitId: unit.id });
  const person = await makePerson(db);
  await makeCareRelation(db, { municipalityId: m.id, personId: person.id, serviceUnitId: unit.id });
  const [c] = await db
    .insert(dialogConversations)
    .values({
      municipalityId: m.id,
      serviceUnitId: unit.id,
      personId: person.id,
      subject: `Emne ${tag}`,
      startedByPersonId: person.id,
    })
    .returning();
  const [msg] = await db
    .insert(dialogMessages)
    .values({
      municipalityId: m.id,
      conversationId: c!.id,
      fromSide: 'citizen',
      authorPersonId: person.id,
      body: `=Hei fra ${tag}, "sitat"\nlinje 2`,
    })
    .returning();
  const content = Buffer.from(`%PDF-1.4 vedlegg ${tag}`);
  const [att] = await db
    .insert(dialogAttachments)
    .values({
      municipalityId: m.id,
      messageId: msg!.id,
      filename: `skann ${tag}.pdf`,
      contentType: 'application/pdf',
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
    })
    .returning();
  await db.insert(appointmentTypes).values({
    municipalityId: m.id,
    serviceUnitId: unit.id,
    name: `Time ${tag}`,
    kind: 'consultation',
    durationMinutes: 30,
  });
  await db.insert(epjClients).values({
    clientId: `epj-${m.id}`,
    clientName: 'EPJ',
    clientSecret: `hemmelig-${tag}-0123456789`,
    orgNumber: m.orgNumber,
    municipalityId: m.id,
  });
  return { m, unit, admin, nurse, person, conversation: c!, message: msg!, attachment: att!, content };
}

void describe('GET /api/admin/export: the municipality export', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof world>>;
  let b: Awaited<ReturnType<typeof world>>;
  let adminA: LoggedIn;
  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    a = await world(db, 'A');
    b = await world(db, 'B');
    adminA = await loginAs(t.app, { kind: 'personnel', personnelId: a.admin.id, municipalityId: a.m.id });
    // B's administrator reads B's staff, so B has audit entries of its own that must stay out of A's export.
    const adminB = await loginAs(t.app, { kind: 'personnel', personnelId: b.admin.id, municipalityId: b.m.id });
    assert.equal(
      (await t.app.inject({ method: 'GET', url: '/api/admin/staff', headers: adminB.headers })).statusCode,
      200,
    );
    assert.equal(
      (await t.app.inject({ method: 'GET', url: '/api/admin/staff', headers: adminA.headers })).statusCode,
      200,
    );
  });
  after(async () => {
    await t.close();
  });

  void it("contains A's rows in JSON and CSV, its attachments and a manifest that matches, and nothing of B", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/admin/export', headers: adminA.headers });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/zip');
    assert.match(
      String(res.headers['content-disposition']),
      new RegExp(`attachment; filename="helsebro-eksport-${a.m.number}-`),
    );
    const files = readZip(res.rawPayload);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as {
      municipality: { id: string };
      generatedBy: { kind: string; id: string };
      files: ManifestFile[];
    };
    assert.deepEqual([manifest.municipality.id, manifest.generatedBy.id], [a.m.id, a.admin.id]);
    assert.deepEqual(
      new Set(manifest.files.map((f) => f.path)),
      new Set([...files.keys()].filter((k) => k !== 'manifest.json')),
    );
    const json = (table: string) =>
      JSON.parse(files.get(`${table}.json`)!.toString('utf8')) as Array<Record<string, unknown>>;
    for (const f of manifest.files) {
      const content = files.get(f.path)!;
      assert.equal(createHash('sha256').update(content).digest('hex'), f.sha256, f.path);
      assert.equal(content.length, f.bytes, f.path);
      if (f.format === 'json') {
        assert.equal(json(f.table!).length, f.rows, f.path);
      }
      if (f.format === 'csv') {
        const lines = content
          .toString('utf8')
          .split('\r\n')
          .filter((l) => l !== '');
        // one header line, then a line per row (CRLF ends a record; a newline in a text is a bare LF in quotes)
        assert.equal(lines.length - 1, f.rows, f.path);
      }
    }
    // Nothing of B in any file: its municipality, unit, people, conversation, texts, secrets.
    const bMarks = [
      b.m.id,
      b.m.orgNumber,
      b.unit.id,
      b.admin.id,
      b.nurse.id,
      b.person.id,
      b.person.nin,
      b.conversation.id,
      'fra B',
      'hemmelig-B',
      'Time B',
      'vedlegg B',
    ];
    for (const [name, content] of files) {
      const text = content.toString('utf8');
      for (const mark of bMarks) {
        assert.equal(text.includes(mark), false, `${name} names B (${mark})`);
      }
    }
    assert.equal(files.has(`attachments/${b.attachment.id}/skann B.pdf`), false);
    // A's rows are there.
    assert.deepEqual(
      json('municipality').map((r) => r.id),
      [a.m.id],
    );
    assert.deepEqual(
      json('service_units').map((r) => r.id),
      [a.unit.id],
    );
    assert.deepEqual(
      json('persons').map((r) => r.nin),
      [a.person.nin],
    );
    assert.deepEqual(new Set(json('personnel').map((r) => r.id)), new Set([a.admin.id, a.nurse.id]));
    assert.deepEqual(
      json('dialog_messages').map((r) => r.body),
      [a.message.body],
    );
    assert.deepEqual(
      json('dialog_attachments').map((r) => [r.id, r.content]),
      [[a.attachment.id, undefined]],
    );
    assert.ok(files.get(`attachments/${a.attachment.id}/skann A.pdf`)?.equals(a.content));
    assert.equal(json('epj_clients')[0]?.auth_method, 'client_secret_basic');
    assert.equal(files.get('epj_clients.json')!.toString('utf8').includes('hemmelig-A'), false, 'no secret');
    assert.ok(json('audit_log').some((r) => r.action === 'staff.list' && r.actor_id === a.admin.id));
    // The CSV keeps a formula-looking message as text and quotes what needs quoting.
    assert.match(files.get('dialog_messages.csv')!.toString('utf8'), /"'=Hei fra A, ""sitat""\nlinje 2"/);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'municipality.export'), eq(auditLog.municipalityId, a.m.id)));
    assert.deepEqual(
      audit.map((e) => [e.actorId, e.resourceId, e.outcome]),
      [[a.admin.id, a.m.id, 'success']],
    );
  });

  void it('refuses personnel without the administrator role (403), and writes no export entry for them', async () => {
    const nurse = await loginAs(t.app, { kind: 'personnel', personnelId: a.nurse.id, municipalityId: a.m.id });
    const res = await t.app.inject({ method: 'GET', url: '/api/admin/export', headers: nurse.headers });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json<ProblemResponse>().code, 'not_municipal_admin');
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'municipality.export'), eq(auditLog.actorId, a.nurse.id)));
    assert.deepEqual(audit, []);
  });
});
