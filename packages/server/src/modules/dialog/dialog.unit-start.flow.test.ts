import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type {
  ConversationResponse,
  ConversationsResponse,
  EpjConversationResponse,
  DialogUnitsResponse,
  EpjEventsResponse,
  ServiceUnitSettings,
  StaffInboxResponse,
} from '@helsebro/contracts';
import { makePersonnel } from '../../../test/factories.ts';
import { loginAs } from '../../../test/login.ts';
import { movableClock } from '../../../test/clock.ts';
import { citizenSend, epjCaller, makeEpjMunicipality } from '../../../test/epj-dialog.ts';
import { createEpjSimulator } from '../../cli/epj-sim.ts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { makeDialogWorld, startDialogApp, type DialogTestApp } from './testing/dialog-world.ts';

/** Mail bodies are quoted-printable: decode before looking for words. */
const decoded = (m: string) =>
  Buffer.from(
    m.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');

/**
 * 23:30 UTC on Monday 2 March 2026 is 00:30 on Tuesday 3 March in Oslo: an absence on the 3rd covers it, one on the
 * 2nd does not, which only holds if the service reads the platform clock in Europe/Oslo.
 */
const PINNED = new Date('2026-03-02T23:30:00Z');

void describe('dialog (issue 15): the unit starts a conversation; its automatic reply while absent', () => {
  let d: DialogTestApp;
  const clock = movableClock(PINNED);
  before(async () => {
    d = await startDialogApp({ clock });
  });
  after(async () => {
    await d.close();
  });

  void it('a nurse starts one with Per, whom home care serves: 201, Per sees it, a notice without content, audited', async () => {
    const { get, send, homeCare, per, kari, perLogin, kariLogin, nurse, nurseId, municipalityId, ...w } =
      await makeDialogWorld(d);
    const subject = 'Besøk tirsdag';
    const secret = 'Vi kommer tirsdag kl. 10 og skifter på såret.';
    const res = await send(`/api/staff/dialog/units/${homeCare.id}/conversations`, nurse, {
      personId: per.id,
      subject,
      text: secret,
    });
    assert.equal(res.statusCode, 201, res.body);
    const started = res.json<ConversationResponse>();
    const id = started.conversation.id;
    assert.equal(started.conversation.startedBy, 'unit');
    assert.equal(started.conversation.citizen.personId, per.id);
    assert.equal(started.conversation.assignedTo?.personnelId, nurseId, 'assigned to the nurse who wrote');
    assert.deepEqual(
      started.messages.map((m) => [m.from, m.authorName, m.text, m.automatic]),
      [['unit', 'Siri Sykepleier', secret, false]],
    );

    // Per sees it unread among his conversations, and so does Kari, who acts for him.
    for (const who of [perLogin, kariLogin]) {
      const list = (await get('/api/dialog/conversations', who)).json<ConversationsResponse>().conversations;
      const mine = list.find((c) => c.id === id);
      assert.ok(mine, 'the citizen side lists it');
      assert.equal(mine.unread, 1);
      assert.equal(mine.startedBy, 'unit');
    }
    const opened = await get(`/api/dialog/conversations/${id}`, perLogin);
    assert.equal(opened.statusCode, 200, opened.body);
    assert.equal(opened.json<ConversationResponse>().messages[0]!.text, secret);
    // Per can answer in it, and the unit gets his answer unread.
    const answered = await send(`/api/dialog/conversations/${id}/messages`, perLogin, { text: 'Det passer fint.' });
    assert.equal(answered.statusCode, 201, answered.body);
    const inbox = (await get(`/api/staff/dialog/units/${homeCare.id}/inbox`, nurse)).json<StaffInboxResponse>();
    assert.equal(inbox.conversations.find((c) => c.id === id)?.unread, 1);

    // One notice through the outbox, as for a reply: the mail says a message waits, never what it says.
    const [job] = await d.t.database.query<{ kind: string; person_id: string }>(
      "SELECT kind, payload->>'personId' AS person_id FROM jobs WHERE payload->>'eventKey' = $1",
      [`dialog.message:${started.messages[0]!.id}`],
    );
    assert.deepEqual(job, { kind: 'notifications.dispatch', person_id: per.id });
    await w.drainOutbox(async () => {
      const rows = await d.t.database.query(
        "SELECT 1 FROM notification_notices WHERE state = 'sent' AND person_id IN ($1, $2)",
        [per.id, kari.id],
      );
      return rows.length === 1 && w.mailsTo(w.address).length === 1;
    });
    const mail = decoded(w.mailsTo(w.address)[0]!.raw);
    for (const word of [subject, 'tirsdag', 'såret', 'Siri']) {
      assert.ok(!mail.includes(word), `the notice does not carry ${word}`);
    }

    // Audited: the start with Per as subject, by the nurse; the feed says who started it.
    const audit = await d.t.database.query<{ actor_kind: string; actor_id: string; outcome: string }>(
      "SELECT actor_kind, actor_id, outcome FROM audit_log WHERE action = 'dialog.conversation.unit_start' AND subject_person_id = $1",
      [per.id],
    );
    assert.deepEqual(audit, [{ actor_kind: 'personnel', actor_id: nurseId, outcome: 'success' }]);
    const reads = await d.t.database.query(
      "SELECT 1 FROM audit_log WHERE action = 'dialog.conversation.read' AND subject_person_id = $1 AND resource_id = $2",
      [per.id, id],
    );
    assert.ok(reads.length >= 1, "the citizen's read is audited as always");
    const events = await d.t.database.query<{ kind: string; refs: Record<string, string> }>(
      'SELECT kind, refs FROM epj_events WHERE municipality_id = $1 AND kind = $2',
      [municipalityId, 'conversation.created'],
    );
    assert.deepEqual(
      events.map((e) => [e.refs['conversationId'], e.refs['startedBy']]),
      [[id, 'unit']],
    );
  });

  void it('refuses a person without a care relation (as one who does not exist), another unit and another municipality; nothing stored', async () => {
    const { send, homeCare, closed, per, ola, nurse, municipalityId, ...w } = await makeDialogWorld(d);
    const other = await makeDialogWorld(d);
    const before = { here: await w.counts(), there: await other.counts() };
    const start = (unitId: string, personId: string, fields: Record<string, string> = {}) =>
      send(`/api/staff/dialog/units/${unitId}/conversations`, nurse, {
        personId,
        subject: 'Hei',
        text: 'Hei fra hjemmesykepleien',
        ...fields,
      });

    // Ola lives in the municipality but receives nothing from home care; a made-up id is answered the same way.
    const noRelation = await start(homeCare.id, ola.id);
    const nobody = await start(homeCare.id, crypto.randomUUID());
    const notAnId = await start(homeCare.id, 'ikke-en-id');
    for (const res of [noRelation, nobody, notAnId]) {
      assert.equal(res.statusCode, 404, res.body);
      assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
      assert.equal(res.json<{ code: string }>().code, 'citizen_not_found');
    }
    const strip = (body: string) => {
      const { instance: _i, requestId: _r, ...rest } = JSON.parse(body) as Record<string, unknown>;
      return rest;
    };
    assert.deepEqual(strip(noRelation.body), strip(nobody.body), 'an existing person is not told apart');

    // Per receives services from the health station, but Siri does not work there.
    const otherUnit = await start(closed.id, per.id);
    assert.equal(otherUnit.statusCode, 403, otherUnit.body);
    assert.equal(otherUnit.json<{ code: string }>().code, 'not_unit_staff');
    // Another municipality's unit and citizen: not found from here.
    const foreign = await start(other.homeCare.id, other.per.id);
    assert.equal(foreign.statusCode, 404, foreign.body);
    assert.equal(foreign.json<{ code: string }>().code, 'unit_not_found');
    // The citizen cannot use the unit's route.
    const asCitizen = await send(`/api/staff/dialog/units/${homeCare.id}/conversations`, w.perLogin, {
      personId: per.id,
      subject: 'Hei',
      text: 'Hei',
    });
    assert.equal(asCitizen.statusCode, 403);
    // The same limits as the citizen's first message.
    const noSubject = await start(homeCare.id, per.id, { subject: '  ' });
    assert.equal(noSubject.json<{ code: string }>().code, 'subject_required');
    const tooLong = await start(homeCare.id, per.id, { text: 'x'.repeat(10_001) });
    assert.equal(tooLong.json<{ code: string }>().code, 'message_too_long');

    assert.deepEqual({ here: await w.counts(), there: await other.counts() }, before);
    const refused = await d.t.database.query<{ outcome: string; subject_person_id: string | null }>(
      `SELECT outcome, subject_person_id FROM audit_log
       WHERE action = 'dialog.conversation.unit_start' AND municipality_id = $1 ORDER BY id`,
      [municipalityId],
    );
    assert.ok(refused.length >= 4, 'each refusal is audited');
    assert.ok(refused.every((r) => r.outcome !== 'success'));
    assert.ok(
      refused.slice(0, 3).every((r) => r.subject_person_id === null),
      'a refusal names no person',
    );
  });

  void it("inserts the unit's automatic reply when Per writes on a day the unit is absent (Oslo), not otherwise", async () => {
    const { get, send, homeCare, per, perLogin, nurse, municipalityId, ...w } = await makeDialogWorld(d);
    const absent = (startsOn: string, endsOn: string) =>
      d.t.database.query(
        'INSERT INTO service_unit_absences (municipality_id, service_unit_id, starts_on, ends_on, note) VALUES ($1, $2, $3, $4, $5)',
        [municipalityId, homeCare.id, startsOn, endsOn, 'Stengt'],
      );
    // Absent on Monday the 2nd only: in Oslo it is already Tuesday, so the unit is present.
    await absent('2026-03-02', '2026-03-02');
    const present = await w.startConversation({ subject: 'Mens dere er på jobb' });
    const presentView = (await get(`/api/dialog/conversations/${present}`, perLogin)).json<ConversationResponse>();
    assert.deepEqual(
      presentView.messages.map((m) => [m.from, m.automatic]),
      [['citizen', false]],
    );

    // Absent on Tuesday the 3rd (and the rest of the week): the automatic reply follows Per's message.
    await absent('2026-03-03', '2026-03-06');
    const res = await send('/api/dialog/conversations', perLogin, {
      serviceUnitId: homeCare.id,
      subject: 'Mens dere er borte',
      text: 'Kan dere ringe meg?',
    });
    assert.equal(res.statusCode, 201, res.body);
    const started = res.json<ConversationResponse>();
    const id = started.conversation.id;
    const expected = [
      ['citizen', 'Per Hansen', 'Kan dere ringe meg?', false],
      ['unit', 'Hjemmesykepleien', 'Vi svarer innen én virkedag. Ring 113 hvis det haster.', true],
    ];
    assert.deepEqual(
      started.messages.map((m) => [m.from, m.authorName, m.text, m.automatic]),
      expected,
    );
    // Per has seen it in the answer to his own message: it is not unread for him.
    const list = (await get('/api/dialog/conversations', perLogin)).json<ConversationsResponse>().conversations;
    assert.equal(list.find((c) => c.id === id)?.unread, 0);
    // The staff thread shows it marked automatic; the unit still has Per's message unread.
    const inbox = (await get(`/api/staff/dialog/units/${homeCare.id}/inbox`, nurse)).json<StaffInboxResponse>();
    assert.equal(inbox.conversations.find((c) => c.id === id)?.unread, 1);
    const staffView = (await get(`/api/staff/dialog/conversations/${id}`, nurse)).json<ConversationResponse>();
    assert.deepEqual(
      staffView.messages.map((m) => [m.from, m.authorName, m.text, m.automatic]),
      expected,
    );
    // Stored as the unit's, with no health worker as author.
    const [row] = await d.t.database.query<{ automatic: boolean; author_personnel_id: string | null }>(
      "SELECT automatic, author_personnel_id FROM dialog_messages WHERE conversation_id = $1 AND from_side = 'unit'",
      [id],
    );
    assert.deepEqual(row, { automatic: true, author_personnel_id: null });
    // No notice of its own: the only notification jobs about Per are none (no one from the unit has written).
    const notices = await d.t.database.query(
      "SELECT 1 FROM jobs WHERE kind = 'notifications.dispatch' AND payload->>'personId' = $1",
      [per.id],
    );
    assert.equal(notices.length, 0);

    // Only the first message of a conversation gets it (a minute later, still on the absent day).
    clock.advance(60_000);
    const again = await send(`/api/dialog/conversations/${id}/messages`, perLogin, { text: 'Eller send en melding.' });
    assert.equal(again.statusCode, 201, again.body);
    assert.deepEqual(
      again.json<ConversationResponse>().messages.map((m) => m.automatic),
      [false, true, false],
    );

    // A unit without an automatic reply text gets none, absent or not.
    await d.t.database.query('UPDATE service_units SET auto_reply = NULL WHERE id = $1', [homeCare.id]);
    const silent = await w.startConversation({ subject: 'Uten autosvar' });
    const silentView = (await get(`/api/dialog/conversations/${silent}`, perLogin)).json<ConversationResponse>();
    assert.equal(silentView.messages.length, 1);
  });
  void it('inserts the automatic reply while the unit is closed by the weekly hours its leader set, not while it is open', async () => {
    const { get, homeCare, perLogin, municipalityId, ...w } = await makeDialogWorld(d);
    const leaderRow = await makePersonnel(d.t.app.platform.db, {
      municipalityId,
      serviceUnitId: homeCare.id,
      givenName: 'Lise',
      familyName: 'Leder',
      role: 'unit_leader',
    });
    const leader = await loginAs(d.t.app, { kind: 'personnel', personnelId: leaderRow.id, municipalityId });
    const put = (payload: object) =>
      d.t.app.inject({
        method: 'PUT',
        url: `/api/staff/dialog/units/${homeCare.id}/settings`,
        headers: leader.headers,
        payload,
      });
    const current = (await get(`/api/staff/dialog/units/${homeCare.id}/settings`, leader)).json<ServiceUnitSettings>();
    const { id: _i, name: _n, kind: _k, absentNow: _a, closedNow: _c, ...body } = current;
    // Weekdays 08:00–15:30. The pinned clock is 00:30 on Tuesday in Oslo: closed.
    const weeklyHours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '15:30' }));
    const saved = await put({ ...body, weeklyHours });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.deepEqual(saved.json<ServiceUnitSettings>().weeklyHours, weeklyHours);
    assert.equal(saved.json<ServiceUnitSettings>().closedNow, true);
    const [stored] = await d.t.database.query<{ weekly_hours: unknown }>(
      'SELECT weekly_hours FROM service_units WHERE id = $1',
      [homeCare.id],
    );
    assert.deepEqual(stored?.weekly_hours, weeklyHours);
    // The citizen sees that it is closed among the units they may write to.
    const units = (await get('/api/dialog/units', perLogin)).json<DialogUnitsResponse>().units;
    assert.equal(units.find((u) => u.id === homeCare.id)?.closedNow, true);

    const night = await w.startConversation({ subject: 'Om natten' });
    const nightView = (await get(`/api/dialog/conversations/${night}`, perLogin)).json<ConversationResponse>();
    assert.deepEqual(
      nightView.messages.map((m) => [m.from, m.automatic]),
      [
        ['citizen', false],
        ['unit', true],
      ],
    );

    // Open through the night on Tuesdays (the clock stands at 00:31 on Tuesday in Oslo): no automatic reply.
    const nightShift = [{ weekday: 2, opens: '00:00', closes: '23:59' }];
    assert.equal((await put({ ...body, weeklyHours: nightShift })).json<ServiceUnitSettings>().closedNow, false);
    const day = await w.startConversation({ subject: 'Om dagen' });
    const dayView = (await get(`/api/dialog/conversations/${day}`, perLogin)).json<ConversationResponse>();
    assert.deepEqual(
      dayView.messages.map((m) => [m.from, m.automatic]),
      [['citizen', false]],
    );

    // A body without weeklyHours (an older client) leaves them as they are; an interval that closes before it
    // opens is refused with a field error.
    const { weeklyHours: _w, ...older } = body;
    const kept = await put(older);
    assert.deepEqual(kept.json<ServiceUnitSettings>().weeklyHours, nightShift);
    const bad = await put({ ...body, weeklyHours: [{ weekday: 1, opens: '15:00', closes: '08:00' }] });
    assert.equal(bad.statusCode, 400, bad.body);
    assert.match(bad.headers['content-type'] as string, /problem\+json/);
  });
});

void describe('EPJ API (issue 15): the unit starts a conversation with its citizen', () => {
  let t: TestApp;
  let epj: ReturnType<typeof epjCaller>;
  // The token's expiry is checked on the platform clock, which must then be near the IdP's.
  const clock = movableClock(new Date());

  before(async () => {
    t = await buildTestApp({}, { listen: true, clock });
    epj = epjCaller(t);
  });
  after(async () => {
    await t.close();
  });

  void it('starts one for the named nurse: the citizen sees it, the feed says conversation.created by the unit', async () => {
    const fjordvik = await makeEpjMunicipality(t, {
      unit: 'Hjemmesykepleien',
      citizen: ['Per', 'Hansen'],
      nurse: ['Siri', 'Sykepleier'],
    });
    const author = { hprNumber: fjordvik.nurse.hprNumber!, name: 'Siri Sykepleier' };
    const body = {
      serviceUnitId: fjordvik.unit.id,
      nationalIdentityNumber: fjordvik.citizen.nin,
      subject: 'Ny dosett',
      text: 'Dosetten er endret fra i dag.',
      author,
    };
    const cursor = ((await epj.call(fjordvik.client, 'GET', '/events?limit=500')).json as EpjEventsResponse).cursor;

    const res = await epj.call(fjordvik.client, 'POST', '/conversations', body);
    assert.equal(res.status, 201, JSON.stringify(res.json));
    const conv = res.json as EpjConversationResponse;
    assert.equal(conv.startedBy, 'unit');
    assert.equal(conv.citizen.nationalIdentityNumber, fjordvik.citizen.nin);
    assert.deepEqual(
      conv.messages.map((m) => [m.from, m.authorName, m.text, m.automatic]),
      [['unit', 'Siri Sykepleier', body.text, false]],
    );

    const feed = (
      (await epj.call(fjordvik.client, 'GET', `/events?after=${encodeURIComponent(cursor)}`)).json as EpjEventsResponse
    ).events;
    assert.deepEqual(
      feed.map((e) => [e.kind, e.refs['conversationId'], e.refs['startedBy'], e.refs['messageId']]),
      [['conversation.created', conv.id, 'unit', conv.messages[0]!.id]],
    );

    const seen = await t.app.inject({
      method: 'GET',
      url: '/api/dialog/conversations',
      headers: fjordvik.citizenLogin.headers,
    });
    const mine = seen.json<ConversationsResponse>().conversations.find((c) => c.id === conv.id);
    assert.equal(mine?.subject, 'Ny dosett');
    assert.equal(mine?.unread, 1);

    const [audit] = await t.database.query<{ actor_kind: string; details: Record<string, unknown> }>(
      "SELECT actor_kind, details FROM audit_log WHERE action = 'dialog.conversation.unit_start' AND subject_person_id = $1",
      [fjordvik.citizen.id],
    );
    assert.equal(audit?.actor_kind, 'partner');
    assert.equal(audit?.details['hprNumber'], author.hprNumber);
    const [job] = await t.database.query<{ person_id: string }>(
      "SELECT payload->>'personId' AS person_id FROM jobs WHERE kind = 'notifications.dispatch' AND payload->>'eventKey' = $1",
      [`dialog.message:${conv.messages[0]!.id}`],
    );
    assert.equal(job?.person_id, fjordvik.citizen.id);

    // It is in the OpenAPI document the EPJ API serves.
    const doc = await t.app.inject({ method: 'GET', url: '/epj/v1/openapi.json' });
    const paths = doc.json<{ paths: Record<string, Record<string, unknown>> }>().paths;
    assert.ok(paths['/epj/v1/conversations']?.['post'], 'POST /epj/v1/conversations is documented');
  });

  void it("the EPJ simulator still answers a citizen whose message got the unit's automatic reply", async () => {
    const m = await makeEpjMunicipality(t);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(clock.now());
    await t.database.query('UPDATE service_units SET auto_reply = $2 WHERE id = $1', [m.unit.id, 'Vi er borte.']);
    await t.database.query(
      'INSERT INTO service_unit_absences (municipality_id, service_unit_id, starts_on, ends_on) VALUES ($1, $2, $3, $3)',
      [m.municipality.id, m.unit.id, today],
    );
    const started = await citizenSend(t, m.citizenLogin, '/api/dialog/conversations', {
      serviceUnitId: m.unit.id,
      subject: 'Mens dere er borte',
      text: 'Hei',
    });
    assert.deepEqual(
      started.messages.map((x) => x.automatic),
      [false, true],
    );
    clock.advance(1_000);
    const sim = createEpjSimulator({
      url: t.config.publicUrl,
      ...m.client,
      cursorFile: null,
      autoReply: 'Vi ringer deg.',
      author: { hprNumber: m.nurse.hprNumber!, name: 'Siri Sykepleier' },
      print: () => undefined,
    });
    assert.deepEqual((await sim.pollOnce()).replied, [started.conversation.id]);
  });

  void it("refuses another municipality's citizen or unit and an unknown number with 404; nothing stored", async () => {
    const fjordvik = await makeEpjMunicipality(t);
    const bakkedal = await makeEpjMunicipality(t);
    const author = { hprNumber: fjordvik.nurse.hprNumber!, name: 'Siri Sykepleier' };
    const count = async () =>
      (await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM dialog_conversations'))[0]!.n;
    const before = await count();
    const start = (serviceUnitId: string, nationalIdentityNumber: string) =>
      epj.call(fjordvik.client, 'POST', '/conversations', {
        serviceUnitId,
        nationalIdentityNumber,
        subject: 'Hei',
        text: 'Hei',
        author,
      });
    for (const [res, code] of [
      [await start(fjordvik.unit.id, bakkedal.citizen.nin), 'citizen_not_found'],
      [await start(fjordvik.unit.id, '01010112345'), 'citizen_not_found'],
      [await start(bakkedal.unit.id, bakkedal.citizen.nin), 'unit_not_found'],
    ] as const) {
      assert.equal(res.status, 404, JSON.stringify(res.json));
      assert.match(res.type, /application\/problem\+json/);
      assert.equal((res.json as { code: string }).code, code);
    }
    assert.equal(await count(), before);
  });
});
