import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type {
  EdiReceipt,
  PloConsoleAnswerResponse,
  PloConsoleListResponse,
  PloConsoleMessage,
  PloConsoleServicesResponse,
  ProblemResponse,
} from '@helsebro/contracts';
import { loginAs, type LoggedIn } from '../../../../test/login.ts';
import { buildMessage } from '../msghead/message.build.ts';
import { ploSchemaSet } from '../schema-set.ts';
import {
  DEMO_FJORDVIK_ALLOCATION,
  DEMO_HOSPITAL_SOMATIC,
  SAMPLE_PATIENT,
  sampleMessage,
} from '../testing/sample-messages.ts';
import { buildPloTestApp, fjordvikHandlerAndPatient, type PloTestApp } from '../testing/plo-test-app.ts';

const BASE = '/api/plo/console';
const ALLOCATION = '9900002002';
const NURSING = '9900002001';

void describe('the PLO message console API', () => {
  let t: PloTestApp;
  let handler: LoggedIn;
  let nurse: LoggedIn;
  let patientId: string;
  let fjordvikId: string;
  const ids: string[] = [];
  const get = (url: string, who: LoggedIn | null = handler) =>
    t.app.inject({ method: 'GET', url, headers: who?.headers ?? {} });
  const post = (url: string, payload: unknown, who: LoggedIn = handler) =>
    t.app.inject({ method: 'POST', url, headers: who.headers, payload: payload as Record<string, unknown> });
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await t.database.query<{ n: number }>(sql, params))[0]!.n);
  const personnelByHpr = async (hpr: string) =>
    (await t.database.query<{ id: string }>('SELECT id FROM personnel WHERE hpr_number = $1', [hpr]))[0]!.id;

  before(async () => {
    t = await buildPloTestApp();
    ({ fjordvikId, patientId, handler } = await fjordvikHandlerAndPatient(t));
    nurse = await loginAs(t.app, {
      kind: 'personnel',
      personnelId: await personnelByHpr('9100001'),
      municipalityId: fjordvikId,
    });
    for (let i = 0; i < 3; i++) {
      const res = await t.post(buildMessage(sampleMessage('LOG_UTSKRIVNINGSKLAR')).xml, '9900001000');
      assert.equal(res.json<EdiReceipt>().outcome, 'accepted', res.body);
      ids.unshift(res.json<EdiReceipt>().messageId);
    }
    const innlagt = await t.post(buildMessage(sampleMessage('LOG_INNLAGT')).xml, '9900001000');
    assert.equal(innlagt.json<EdiReceipt>().outcome, 'accepted');
  });
  after(async () => {
    await t.close();
  });

  void it('refuses the anonymous (401) and personnel without the message handler role (403, audited)', async () => {
    assert.equal((await get(`${BASE}/services`, null)).statusCode, 401);
    const refused = await get(`${BASE}/services`, nurse);
    assert.equal(refused.statusCode, 403);
    assert.match(String(refused.headers['content-type']), /application\/problem\+json/);
    assert.equal(refused.json<ProblemResponse>().code, 'not_message_handler');
    assert.equal((await get(`${BASE}/messages/${ids[0]}`, nurse)).statusCode, 403);
    assert.equal(
      await count("SELECT count(*) AS n FROM audit_log WHERE action = 'plo_console.access' AND outcome = 'denied'"),
      2,
    );
  });

  void it("lists the municipality's services with their counts of new messages", async () => {
    const res = await get(`${BASE}/services`);
    assert.equal(res.statusCode, 200, res.body);
    const services = res.json<PloConsoleServicesResponse>().services;
    assert.deepEqual(
      services.map((s) => [s.herId, s.newCount, s.organisationName]),
      [
        [ALLOCATION, 3, 'Fjordvik kommune'],
        [NURSING, 1, 'Fjordvik kommune'],
      ],
    );
    assert.equal((await get(`${BASE}/services/9900003001/inbox`)).statusCode, 403, "Bakkedal's service is not hers");
    assert.equal((await get(`${BASE}/services/9900001001/inbox`)).statusCode, 404, 'the hospital is not hosted here');
  });

  void it('pages the inbox newest first with a cursor, filters, and audits every message listed', async () => {
    const before = await count(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'plo_message.read' AND subject_person_id = $1",
      [patientId],
    );
    const first = await get(`${BASE}/services/${ALLOCATION}/inbox?limit=2`);
    assert.equal(first.statusCode, 200, first.body);
    const page1 = first.json<PloConsoleListResponse>();
    assert.deepEqual(
      page1.items.map((i) => i.id),
      ids.slice(0, 2),
    );
    const item = page1.items[0]!;
    assert.equal(item.msgType, 'LOG_UTSKRIVNINGSKLAR');
    assert.equal(item.state, 'new');
    assert.deepEqual(item.patient, {
      personId: patientId,
      name: 'Olav Nordmann',
      maskedNin: '148338 *****',
      birthDate: '1938-03-14',
      nameInMessage: null,
    });
    assert.equal(item.counterpart.organisationName, 'Fjordvik sykehus HF');
    assert.ok(!first.body.includes(SAMPLE_PATIENT.nin), 'the whole identity number never leaves');
    assert.ok(page1.nextCursor);
    const page2 = (
      await get(`${BASE}/services/${ALLOCATION}/inbox?limit=2&cursor=${page1.nextCursor}`)
    ).json<PloConsoleListResponse>();
    assert.deepEqual(
      page2.items.map((i) => i.id),
      ids.slice(2),
    );
    assert.equal(page2.nextCursor, null);
    const filtered = (
      await get(`${BASE}/services/${NURSING}/inbox?type=LOG_UTSKRIVNINGSKLAR`)
    ).json<PloConsoleListResponse>();
    assert.deepEqual(filtered.items, []);
    const after = await count(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'plo_message.read' AND subject_person_id = $1",
      [patientId],
    );
    assert.equal(after - before, 3, 'two on the first page, one on the second');
    for (const bad of ['cursor=not-a-cursor', 'status=sent', 'limit=0', 'type=NOPE']) {
      const res = await get(`${BASE}/services/${ALLOCATION}/inbox?${bad}`);
      assert.equal(res.statusCode, 400, `${bad}: ${res.body}`);
    }
  });

  void it('shows one message readably, marks it read, audits the read, and gives the raw XML as a download', async () => {
    const res = await get(`${BASE}/messages/${ids[0]}`);
    assert.equal(res.statusCode, 200, res.body);
    const m = res.json<PloConsoleMessage>();
    assert.equal(m.state, 'read');
    assert.equal(m.typeName, 'Melding om utskrivningsklar pasient');
    assert.equal(m.patient.maskedNin, '148338 *****');
    assert.equal(m.sender.partyName, 'Somatikk plo meldingsmottak');
    assert.equal(m.receiver.partyHerId, ALLOCATION);
    const ready = m.content.sections.find((s) => s.key === 'event.3');
    assert.deepEqual(
      ready?.fields.find((f) => f.key === 'time'),
      {
        key: 'time',
        label: 'Tidspunkt',
        value: '2025-01-20',
        kind: 'date',
      },
    );
    assert.equal(m.appRecs.length, 1);
    assert.equal(m.appRecs[0]!.status, '1');
    assert.deepEqual(
      m.history.map((h) => h.event),
      ['received', 'apprec_queued', 'read'],
    );
    assert.deepEqual(m.answerTypes, ['DIALOG_FORESPORSEL', 'DIALOG_HELSEFAGLIG']);
    const state = await t.database.query<{ state: string }>('SELECT state FROM plo_inbox WHERE message_id = $1', [
      ids[0],
    ]);
    assert.equal(state[0]!.state, 'read');

    const raw = await get(`${BASE}/messages/${ids[0]}/xml`);
    assert.equal(raw.statusCode, 200);
    assert.match(String(raw.headers['content-type']), /^application\/xml/);
    const stored = await t.database.query<{ raw: Buffer; msg_id: string }>(
      'SELECT raw, msg_id FROM plo_messages WHERE id = $1',
      [ids[0]],
    );
    const file = `${stored[0]!.msg_id}.xml`;
    assert.equal(raw.headers['content-disposition'], `attachment; filename="${file}"; filename*=UTF-8''${file}`);
    assert.equal(raw.headers['x-content-type-options'], 'nosniff');
    assert.equal(raw.headers['cache-control'], 'no-store');
    assert.equal(raw.body, Buffer.from(stored[0]!.raw).toString('utf8'));
    assert.equal(
      await count(
        "SELECT count(*) AS n FROM audit_log WHERE resource_id = $1 AND subject_person_id = $2 AND action IN ('plo_message.read', 'plo_message.raw_read') AND details->>'via' = 'console'",
        [ids[0], patientId],
      ),
      2,
    );
  });

  void it('answers with a question through the send service: stored, valid, linked, and the original handled', async () => {
    const empty = await post(`${BASE}/messages/${ids[1]}/answer`, {
      type: 'DIALOG_FORESPORSEL',
      questionKind: '8',
      text: '  ',
    });
    assert.equal(empty.statusCode, 400);
    assert.ok(empty.json<ProblemResponse>().errors?.some((e) => e.path.includes('text')));
    const control = await post(`${BASE}/messages/${ids[1]}/answer`, {
      type: 'DIALOG_FORESPORSEL',
      questionKind: '8',
      text: 'Passer det\u0001?',
    });
    assert.equal(control.statusCode, 400, 'XML 1.0 cannot carry it, so it is refused before anything is built');
    assert.deepEqual(control.json<ProblemResponse>().errors, [{ path: 'body.text', message: 'invalid_characters' }]);
    const wrong = await post(`${BASE}/messages/${ids[1]}/answer`, { type: 'DIALOG_SVAR', text: 'Svar' });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json<ProblemResponse>().code, 'answer_type_not_allowed');
    assert.equal(await count("SELECT count(*) AS n FROM plo_messages WHERE direction = 'out'"), 0, 'nothing stored');

    const res = await post(`${BASE}/messages/${ids[1]}/answer`, {
      type: 'DIALOG_FORESPORSEL',
      questionKind: '8',
      text: 'Vi kan ta imot pasienten 21. januar. Passer det?',
    });
    assert.equal(res.statusCode, 201, res.body);
    const answer = res.json<PloConsoleAnswerResponse>();
    assert.equal(answer.status, 'queued');
    const [out] = await t.database.query<{
      raw: Buffer;
      msg_type: string;
      conversation_parent: string;
      sender_party_her_id: string;
      receiver_party_her_id: string;
      patient_person_id: string;
    }>('SELECT * FROM plo_messages WHERE id = $1', [answer.id]);
    const [original] = await t.database.query<{ msg_id: string }>('SELECT msg_id FROM plo_messages WHERE id = $1', [
      ids[1],
    ]);
    assert.equal(out!.msg_type, 'DIALOG_FORESPORSEL');
    assert.equal(out!.conversation_parent, original!.msg_id);
    assert.equal(out!.sender_party_her_id, ALLOCATION);
    assert.equal(out!.receiver_party_her_id, DEMO_HOSPITAL_SOMATIC.service!.herId);
    assert.equal(out!.patient_person_id, patientId);
    const validation = ploSchemaSet().validate(Buffer.from(out!.raw));
    assert.ok(validation.wellFormed && validation.valid, JSON.stringify(validation));
    assert.match(Buffer.from(out!.raw).toString('utf8'), /Vi kan ta imot pasienten 21\. januar/);
    assert.match(
      Buffer.from(out!.raw).toString('utf8'),
      /<FamilyName>Meldingsansvarlig<\/FamilyName>/,
      'the handler is the author',
    );
    const state = await t.database.query<{ state: string }>('SELECT state FROM plo_inbox WHERE message_id = $1', [
      ids[1],
    ]);
    assert.equal(state[0]!.state, 'handled');
    assert.equal(
      await count(
        "SELECT count(*) AS n FROM audit_log WHERE action = 'plo_message.answer' AND subject_person_id = $1",
        [patientId],
      ),
      1,
    );

    const outbox = (await get(`${BASE}/services/${ALLOCATION}/outbox`)).json<PloConsoleListResponse>();
    assert.deepEqual(
      outbox.items.map((i) => [i.id, i.status, i.counterpart.partyHerId]),
      [[answer.id, 'queued', DEMO_HOSPITAL_SOMATIC.service!.herId]],
    );
    const queued = (
      await get(`${BASE}/services/${ALLOCATION}/outbox?status=queued&type=DIALOG_FORESPORSEL`)
    ).json<PloConsoleListResponse>();
    assert.equal(queued.items.length, 1);
    const failed = (await get(`${BASE}/services/${ALLOCATION}/outbox?status=failed`)).json<PloConsoleListResponse>();
    assert.deepEqual(failed.items, []);
    assert.equal((await get(`${BASE}/services/${ALLOCATION}/outbox?status=new`)).statusCode, 400, 'an inbox state');
    const sent = (await get(`${BASE}/messages/${answer.id}`)).json<PloConsoleMessage>();
    assert.deepEqual(
      sent.history.map((h) => h.event),
      ['queued'],
    );
    assert.deepEqual(
      sent.conversation.map((c) => [c.id, c.current]),
      [
        [ids[1], false],
        [answer.id, true],
      ],
    );
  });

  void it('answers a received question with DIALOG_SVAR repeating the question', async () => {
    const q = sampleMessage('DIALOG_FORESPORSEL', { receiver: DEMO_FJORDVIK_ALLOCATION });
    const received = await t.post(buildMessage(q).xml, '9900001000');
    const id = received.json<EdiReceipt>().messageId;
    const m = (await get(`${BASE}/messages/${id}`)).json<PloConsoleMessage>();
    assert.deepEqual(m.answerTypes, ['DIALOG_SVAR']);
    assert.equal(
      m.content.sections.find((s) => s.key === 'question')?.fields.find((f) => f.key === 'question')?.value,
      'Når er pasienten ventet utskrevet?',
    );
    const res = await post(`${BASE}/messages/${id}/answer`, { type: 'DIALOG_SVAR', text: 'Vi har plass fra mandag.' });
    assert.equal(res.statusCode, 201, res.body);
    const [out] = await t.database.query<{ raw: Buffer; msg_type: string }>(
      'SELECT raw, msg_type FROM plo_messages WHERE id = $1',
      [res.json<PloConsoleAnswerResponse>().id],
    );
    assert.equal(out!.msg_type, 'DIALOG_SVAR');
    assert.match(Buffer.from(out!.raw).toString('utf8'), /<Sporsmal>Når er pasienten ventet utskrevet\?<\/Sporsmal>/);
  });

  void it('marks a message handled, and keeps another municipality’s handler out', async () => {
    const res = await post(`${BASE}/messages/${ids[2]}/handled`, {});
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json<PloConsoleMessage>().state, 'handled');
    const bakkedal = (await t.database.query<{ id: string }>("SELECT id FROM municipalities WHERE number = '9902'"))[0]!
      .id;
    const kim = await personnelByHpr('9100010');
    await t.database.query(
      "INSERT INTO personnel_roles (municipality_id, personnel_id, role) VALUES ($1, $2, 'message_handler')",
      [bakkedal, kim],
    );
    const other = await loginAs(t.app, { kind: 'personnel', personnelId: kim, municipalityId: bakkedal });
    const services = (await get(`${BASE}/services`, other)).json<PloConsoleServicesResponse>().services;
    assert.deepEqual(
      services.map((s) => s.herId),
      ['9900003002', '9900003001'],
    );
    const refused = await get(`${BASE}/messages/${ids[2]}`, other);
    assert.equal(refused.statusCode, 403);
    assert.equal(
      await count(
        "SELECT count(*) AS n FROM audit_log WHERE action = 'plo_console.access' AND outcome = 'denied' AND resource_id = $1 AND subject_person_id = $2",
        [ids[2], patientId],
      ),
      1,
    );
    assert.equal(
      (await post(`${BASE}/messages/${ids[2]}/answer`, { type: 'DIALOG_SVAR', text: 'x' }, other)).statusCode,
      403,
    );
  });

  void it("in a hospital's installation, ties the hospital's message handler to its services by organisation number", async () => {
    // A hospital's staff log in for the hospital's organisation number (HelseID orgnr_parent), which picks their
    // workplace row; the hospital's parties have no municipality, so the organisation number is the tie.
    const [hospital] = await t.database.query<{ id: string }>(
      "INSERT INTO municipalities (number, name, org_number) VALUES ('9909', 'Fjordvik sykehus HF', '921000057') RETURNING id",
    );
    await t.database.query("UPDATE plo_parties SET hosted = true WHERE her_id IN ('9900001001', '9900001002')");
    const nurse = await personnelByHpr('9100002');
    await t.database.query(
      "INSERT INTO personnel_roles (municipality_id, personnel_id, role) VALUES ($1, $2, 'message_handler')",
      [hospital!.id, nurse],
    );
    const staff = await loginAs(t.app, { kind: 'personnel', personnelId: nurse, municipalityId: hospital!.id });
    const services = (await get(`${BASE}/services`, staff)).json<PloConsoleServicesResponse>().services;
    assert.deepEqual(
      services.map((s) => [s.herId, s.organisationName]),
      [
        ['9900001002', 'Fjordvik sykehus HF'],
        ['9900001001', 'Fjordvik sykehus HF'],
      ],
    );
    assert.equal((await get(`${BASE}/messages/${ids[0]}`, staff)).statusCode, 403, "not the municipality's messages");
    await t.database.query("UPDATE plo_parties SET hosted = false WHERE her_id IN ('9900001001', '9900001002')");
  });
});
