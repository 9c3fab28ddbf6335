import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type {
  ConversationResponse,
  DialogUnitsResponse,
  JobsResponse,
  StaffInboxResponse,
  UnitStaffResponse,
} from '@helsebro/contracts';
import { buildTestApp, freePort, type TestApp } from '../../../test/test-app.ts';
import { loginAs, type LoggedIn } from '../../../test/login.ts';
import { bornAgo } from '../../../test/ages.ts';
import {
  makeCareRelation,
  makeFullmakt,
  makeMunicipality,
  makeOperator,
  makePerson,
  makePersonnel,
  makeServiceUnit,
  type Person,
  type ServiceUnit,
} from '../../../test/factories.ts';
import { startWorkers } from '../../platform/jobs/index.ts';
import { waitFor } from '../../platform/jobs/testing/platform.ts';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(1000, 1)]);

/** A multipart body as a browser's FormData would send it. */
async function form(fields: Record<string, string>, files: Array<{ name: string; type: string; bytes: Buffer }> = []) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    fd.append(k, v);
  }
  for (const f of files) {
    fd.append('files', new Blob([f.bytes], { type: f.type }), f.name);
  }
  const res = new Response(fd);
  return { payload: Buffer.from(await res.arrayBuffer()), contentType: res.headers.get('content-type')! };
}

void describe('dialog: citizen, proxy and unit exchange messages; notices go through the outbox', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  let krr: Server;
  const mails: string[] = [];
  let smtpFails = false;
  const krrContacts = new Map<string, { epostadresse: string; mobiltelefonnummer: string }>();
  let per: Person, kari: Person, ola: Person;
  let homeCare: ServiceUnit, physio: ServiceUnit, closed: ServiceUnit;
  let perLogin: LoggedIn, kariLogin: LoggedIn, olaLogin: LoggedIn, nurse: LoggedIn, operator: LoggedIn;
  let nurseId: string, colleagueId: string;
  let conversationId: string;

  const get = (url: string, who: LoggedIn) => t.app.inject({ method: 'GET', url, headers: who.headers });
  const post = (url: string, who: LoggedIn, payload: object = {}) =>
    t.app.inject({ method: 'POST', url, headers: who.headers, payload });
  const send = async (
    url: string,
    who: LoggedIn,
    fields: Record<string, string>,
    files: Parameters<typeof form>[1] = [],
  ) => {
    const body = await form(fields, files);
    return t.app.inject({
      method: 'POST',
      url,
      headers: { ...who.headers, 'content-type': body.contentType },
      payload: body.payload,
    });
  };
  const counts = async () => {
    const [row] = await t.database.query<{ c: number; m: number; a: number }>(
      'SELECT (SELECT count(*)::int FROM dialog_conversations) AS c, (SELECT count(*)::int FROM dialog_messages) AS m, (SELECT count(*)::int FROM dialog_attachments) AS a',
    );
    return row!;
  };
  const drainOutbox = async (until: () => Promise<boolean>) => {
    const workers = startWorkers(t.app.platform, { pollMs: 10, backoff: { baseMs: 10, maxMs: 30 } });
    try {
      await waitFor('the outbox', until, 15_000);
    } finally {
      await workers.stop();
    }
  };

  before(async () => {
    const smtpPort = await freePort();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (smtpFails) {
            const err = Object.assign(new Error('Mailbox unavailable'), { responseCode: 451 });
            callback(err);
            return;
          }
          mails.push(Buffer.concat(chunks).toString('utf8'));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));
    krr = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const { personidentifikatorer } = JSON.parse(Buffer.concat(chunks).toString()) as {
          personidentifikatorer: string[];
        };
        const personer = personidentifikatorer.map((nin) => {
          const k = krrContacts.get(nin);
          return k
            ? {
                personidentifikator: nin,
                reservasjon: 'NEI',
                status: 'AKTIV',
                varslingsstatus: 'KAN_VARSLES',
                kontaktinformasjon: k,
              }
            : { personidentifikator: nin, status: 'IKKE_REGISTRERT' };
        });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ personer }));
      });
    });
    await new Promise<void>((resolve) => krr.listen(0, '127.0.0.1', resolve));
    t = await buildTestApp({
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      KRR_URL: `http://127.0.0.1:${(krr.address() as AddressInfo).port}/rest/v2/personer`,
    });
    const db = t.app.platform.db;
    const m = await makeMunicipality(db, { name: 'Fjordvik kommune' });
    homeCare = await makeServiceUnit(db, m.id, {
      name: 'Hjemmesykepleien',
      phone: '77 70 10 00',
      openForDialog: true,
      responseWorkingDays: 1,
      autoReply: 'Vi svarer innen én virkedag. Ring 113 hvis det haster.',
    });
    physio = await makeServiceUnit(db, m.id, { name: 'Fysioterapien', kind: 'other', openForDialog: true });
    closed = await makeServiceUnit(db, m.id, { name: 'Helsestasjonen', kind: 'health_station', phone: '77 70 20 00' });
    const n = await makePersonnel(db, {
      municipalityId: m.id,
      serviceUnitId: homeCare.id,
      givenName: 'Siri',
      familyName: 'Sykepleier',
    });
    const c = await makePersonnel(db, {
      municipalityId: m.id,
      serviceUnitId: homeCare.id,
      givenName: 'Jon',
      familyName: 'Kollega',
    });
    nurseId = n.id;
    colleagueId = c.id;
    per = await makePerson(db, {
      municipalityId: m.id,
      givenName: 'Per',
      familyName: 'Hansen',
      birthDate: bornAgo(85),
    });
    kari = await makePerson(db, {
      municipalityId: m.id,
      givenName: 'Kari',
      familyName: 'Hansen',
      birthDate: bornAgo(55),
    });
    ola = await makePerson(db, {
      municipalityId: m.id,
      givenName: 'Ola',
      familyName: 'Hansen',
      birthDate: bornAgo(50),
    });
    await makeCareRelation(db, { municipalityId: m.id, personId: per.id, serviceUnitId: homeCare.id });
    await makeCareRelation(db, { municipalityId: m.id, personId: per.id, serviceUnitId: closed.id });
    await makeFullmakt(db, per.id, kari.id);
    await makeFullmakt(db, per.id, ola.id, { serviceAreas: ['innsyn'] });
    // Kari registered her own address as her father's too: one notice, not two.
    krrContacts.set(per.nin, { epostadresse: 'kari.hansen@example.com', mobiltelefonnummer: '+4791234567' });
    krrContacts.set(kari.nin, { epostadresse: 'Kari.Hansen@example.com', mobiltelefonnummer: '+4791234567' });
    perLogin = await loginAs(t.app, { kind: 'citizen', personId: per.id });
    kariLogin = await loginAs(t.app, { kind: 'citizen', personId: kari.id });
    olaLogin = await loginAs(t.app, { kind: 'citizen', personId: ola.id });
    nurse = await loginAs(t.app, { kind: 'personnel', personnelId: n.id, municipalityId: m.id });
    operator = await loginAs(t.app, { kind: 'operator', operatorId: (await makeOperator(db)).id });
    for (const who of [perLogin, kariLogin]) {
      const res = await t.app.inject({
        method: 'PUT',
        url: '/api/me/notification-preferences',
        headers: who.headers,
        payload: { channel: 'email', level: 'normal', language: 'nb' },
      });
      assert.equal(res.statusCode, 200, res.body);
    }
    assert.equal((await post('/api/representation/acting-for', kariLogin, { personId: per.id })).statusCode, 200);
    assert.equal((await post('/api/representation/acting-for', olaLogin, { personId: per.id })).statusCode, 200);
  });
  after(async () => {
    await t.close();
    krr.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  void it('citizen writes with a PDF; the nurse sees it unread, replies; one e-mail notice without the text; read both ways', async () => {
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
    conversationId = conv.conversation.id;
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

    await drainOutbox(async () => {
      const rows = await t.database.query<{ state: string }>(
        "SELECT state FROM notification_notices WHERE state = 'sent'",
      );
      return rows.length === 1 && mails.length === 1;
    });
    const notices = await t.database.query<{ person_id: string; channel: string }>(
      'SELECT person_id, channel FROM notification_notices',
    );
    assert.deepEqual(notices, [{ person_id: per.id, channel: 'email' }], 'Per and Kari share an address: one notice');
    assert.match(mails[0]!, /Du har en ny melding p/);
    assert.ok(
      !mails[0]!.includes('Paracet') && !mails[0]!.includes('Medisiner') && !mails[0]!.includes('Hjemmesykepleien'),
    );

    const read = await get(`/api/dialog/conversations/${conversationId}`, perLogin);
    const reply = read.json<ConversationResponse>().messages[1]!;
    assert.equal(reply.text, secret);
    assert.equal(reply.from, 'unit');
    const nurseView = await get(`/api/staff/dialog/conversations/${conversationId}`, nurse);
    assert.ok(nurseView.json<ConversationResponse>().messages[1]!.readAt, 'the nurse sees the reply read');
  });

  void it('a proxy with Digitale helsetjenester writes and reads for the principal, audited as such; one without is refused', async () => {
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
    const [entry] = await t.database.query<{
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

    const before = await counts();
    const refused = await send('/api/dialog/conversations', olaLogin, {
      serviceUnitId: homeCare.id,
      subject: 'x',
      text: 'y',
    });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().code, 'service_area_not_granted');
    assert.equal((await get(`/api/dialog/conversations/${conversationId}`, olaLogin)).statusCode, 403);
    assert.deepEqual(await counts(), before);
  });

  void it('keeps HTML and script in message text verbatim, as text', async () => {
    const text = '<script>alert("x")</script> <b>fet</b> & <img src=x onerror=alert(1)>';
    const res = await send(`/api/dialog/conversations/${conversationId}/messages`, perLogin, { text });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json<ConversationResponse>().messages.at(-1)!.text, text);
    const [row] = await t.database.query<{ body: string }>(
      'SELECT body FROM dialog_messages ORDER BY created_at DESC LIMIT 1',
    );
    assert.equal(row!.body, text);
  });

  void it('bad input is refused clearly and nothing is half-stored', async () => {
    const before = await counts();
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
    assert.deepEqual(await counts(), before);
    const denied = await t.database.query<{ outcome: string }>(
      "SELECT outcome FROM audit_log WHERE action = 'dialog.conversation.start' AND outcome = 'denied'",
    );
    assert.ok(denied.length >= 2, 'refusals are audited');
  });

  void it('assigns to a colleague and closes; a closed conversation takes no more messages', async () => {
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

  void it("alerts the unit's functional address by e-mail when the unit asked for it, without the message", async () => {
    const pendingAlerts = async () =>
      (await t.database.query("SELECT 1 FROM jobs WHERE kind = 'notifications.unit_alert' AND state <> 'done'"))
        .length === 0;
    // Earlier messages' alerts run while alerts are still off: they send nothing.
    await drainOutbox(pendingAlerts);
    await t.database.query(
      "UPDATE service_units SET functional_email = 'hjemmesykepleien@fjordvik.example', alert_by_email = true WHERE id = $1",
      [homeCare.id],
    );
    // Mail bodies are quoted-printable: decode before looking for words.
    const decoded = (m: string) =>
      Buffer.from(
        m.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
        'latin1',
      ).toString('utf8');
    const toUnit = () => mails.filter((m) => /^To: hjemmesykepleien@fjordvik\.example/m.test(m)).map(decoded);
    const started = await send('/api/dialog/conversations', perLogin, {
      serviceUnitId: homeCare.id,
      subject: 'Sårskiftet',
      text: 'Såret væsker mer i dag.',
    });
    assert.equal(started.statusCode, 201, started.body);
    await drainOutbox(async () => toUnit().length === 1 && (await pendingAlerts()));
    const [notice] = await t.database.query<{ state: string; person_id: string | null }>(
      'SELECT state, person_id FROM notification_notices WHERE service_unit_id = $1',
      [homeCare.id],
    );
    assert.deepEqual(notice, { state: 'sent', person_id: null });
    const mail = toUnit()[0]!;
    assert.match(mail, /Enheten har fått en ny melding fra en innbygger/);
    for (const secret of ['Sårskiftet', 'væsker', 'Per', 'Hansen']) {
      assert.ok(!mail.includes(secret), `the alert does not carry ${secret}`);
    }

    // A unit that turns alerts off gets none for the next message; the citizen's message is stored as always.
    await t.database.query('UPDATE service_units SET alert_by_email = false WHERE id = $1', [homeCare.id]);
    const id = started.json<ConversationResponse>().conversation.id;
    const again = await send(`/api/dialog/conversations/${id}/messages`, perLogin, { text: 'Og nå blør det litt.' });
    assert.equal(again.statusCode, 201, again.body);
    await drainOutbox(pendingAlerts);
    const unitNotices = await t.database.query('SELECT 1 FROM notification_notices WHERE service_unit_id = $1', [
      homeCare.id,
    ]);
    assert.equal(unitNotices.length, 1);
    assert.equal(toUnit().length, 1);
  });

  void it('a failing SMTP server: the notice is retried, then dead and visible to the operator; the message is safe', async () => {
    const delivered = mails.length;
    smtpFails = true;
    const started = await send('/api/dialog/conversations', perLogin, {
      serviceUnitId: homeCare.id,
      subject: 'Ny',
      text: 'Hei',
    });
    const id = started.json<ConversationResponse>().conversation.id;
    const replied = await send(`/api/staff/dialog/conversations/${id}/messages`, nurse, { text: 'Svar' });
    assert.equal(replied.statusCode, 201);
    await drainOutbox(async () => {
      const rows = await t.database.query<{ state: string; attempts: number }>(
        "SELECT state, attempts FROM jobs WHERE kind = 'notifications.send' AND state = 'dead'",
      );
      return rows.length === 1 && rows[0]!.attempts > 1;
    });
    const jobs = await get('/api/operator/jobs?state=dead', operator);
    const dead = jobs.json<JobsResponse>().jobs.find((j) => j.kind === 'notifications.send');
    assert.ok(dead);
    assert.match(dead.lastError ?? '', /Mailbox unavailable|451/);
    const view = await get(`/api/dialog/conversations/${id}`, perLogin);
    assert.equal(view.json<ConversationResponse>().messages[1]!.text, 'Svar');
    assert.equal(mails.length, delivered, 'nothing more delivered');
  });
});
