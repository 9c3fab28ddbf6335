import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type {
  AccessLogResponse,
  ConversationResponse,
  EpjConversationResponse,
  EpjEventsResponse,
} from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { movableClock } from '../../../test/clock.ts';
import {
  citizenSend,
  countMessages,
  epjCaller,
  makeEpjMunicipality,
  PDF,
  type EpjMunicipality,
} from '../../../test/epj-dialog.ts';
import { createEpjSimulator } from '../../cli/epj-sim.ts';

/**
 * The dialog in the EPJ API against a listening server: tokens from the development IdP's token endpoint, replies,
 * read marks and closing as the unit, and the simulator that uses only this public API. Each case sets up its own
 * municipalities, so it sees a feed no other case writes to.
 */
void describe('EPJ API: a vendor EPJ follows and answers the citizen dialog', () => {
  let t: TestApp;
  const clock = movableClock(new Date());
  let epj: ReturnType<typeof epjCaller>;

  const simulator = (m: EpjMunicipality, autoReply: string | null, lines: string[] = []) =>
    createEpjSimulator({
      url: t.config.publicUrl,
      ...m.client,
      cursorFile: null,
      autoReply,
      author: { hprNumber: m.nurse.hprNumber!, name: `${m.nurse.givenName} ${m.nurse.familyName}` },
      print: (line) => lines.push(line),
    });

  before(async () => {
    t = await buildTestApp({}, { listen: true, clock });
    epj = epjCaller(t);
  });
  after(async () => {
    await t.close();
  });

  void it('the simulator reads a new conversation from the feed and answers it; the citizen sees the answer', async () => {
    const fjordvik = await makeEpjMunicipality(t, {
      municipality: 'Fjordvik kommune',
      unit: 'Hjemmesykepleien',
      citizen: ['Per', 'Hansen'],
      nurse: ['Siri', 'Sykepleier'],
    });
    const bakkedal = await makeEpjMunicipality(t);
    const { citizen: per, citizenLogin: perLogin, nurse } = fjordvik;
    const started = await citizenSend(
      t,
      perLogin,
      '/api/dialog/conversations',
      {
        serviceUnitId: fjordvik.unit.id,
        subject: 'Sår på leggen',
        text: 'Såret væsker mer i dag. Kan dere se på det?',
      },
      true,
    );
    const id = started.conversation.id;
    // Another municipality's dialog goes on at the same time.
    await citizenSend(t, bakkedal.citizenLogin, '/api/dialog/conversations', {
      serviceUnitId: bakkedal.unit.id,
      subject: 'Medisiner',
      text: 'Når kommer dosetten?',
    });

    clock.advance(60_000);
    const lines: string[] = [];
    const sim = simulator(fjordvik, 'Takk for beskjed. Vi kommer innom i ettermiddag.', lines);
    const first = await sim.pollOnce();
    assert.deepEqual(
      first.events.map((e) => [e.kind, e.refs['conversationId']]),
      [['conversation.created', id]],
    );
    assert.deepEqual(first.replied, [id]);
    const printed = lines.join('\n');
    assert.match(printed, /conversation\.created\s+Hjemmesykepleien/);
    assert.match(printed, /«Sår på leggen» med Per Hansen/);
    assert.match(printed, /vedlegg: blodprøver\.pdf \(application\/pdf/);
    assert.match(printed, /svar sendt som Siri Sykepleier/);

    // The citizen opens the conversation: the unit's answer, written by the named nurse; their own message read.
    const seen = await t.app.inject({
      method: 'GET',
      url: `/api/dialog/conversations/${id}`,
      headers: perLogin.headers,
    });
    assert.equal(seen.statusCode, 200);
    const view = seen.json<ConversationResponse>();
    assert.deepEqual(
      view.messages.map((m) => [m.from, m.authorName, m.text]),
      [
        ['citizen', 'Per Hansen', 'Såret væsker mer i dag. Kan dere se på det?'],
        ['unit', 'Siri Sykepleier', 'Takk for beskjed. Vi kommer innom i ettermiddag.'],
      ],
    );
    assert.ok(view.messages[0]!.readAt, 'the unit read the citizen message through the EPJ');

    // In the database: read by the nurse the EPJ acted for, the reply read by the citizen, a notice queued.
    const rows = await t.database.query<{
      from_side: string;
      read_at: Date | null;
      read_by_person_id: string | null;
      read_by_personnel_id: string | null;
      author_personnel_id: string | null;
      id: string;
    }>(
      'SELECT id, from_side, read_at, read_by_person_id, read_by_personnel_id, author_personnel_id FROM dialog_messages WHERE conversation_id = $1 ORDER BY created_at',
      [id],
    );
    assert.equal(rows[0]!.read_by_personnel_id, nurse.id);
    assert.equal(rows[1]!.author_personnel_id, nurse.id);
    assert.equal(rows[1]!.read_by_person_id, per.id);
    const notices = await t.database.query<{ kind: string; person_id: string }>(
      "SELECT kind, payload->>'personId' AS person_id FROM jobs WHERE payload->>'eventKey' = $1",
      [`dialog.message:${rows[1]!.id}`],
    );
    assert.deepEqual(notices, [{ kind: 'notifications.dispatch', person_id: per.id }]);

    // The EPJ sees the same read status, and the feed then says the citizen read the reply (and nothing to answer).
    const fetched = await epj.call(fjordvik.client, 'GET', `/conversations/${id}`);
    const conv = fetched.json as EpjConversationResponse;
    assert.equal(conv.citizen.nationalIdentityNumber, per.nin);
    assert.equal(conv.unreadByUnit, 0);
    assert.ok(conv.messages.every((m) => m.readAt !== null));
    assert.match(conv.messages[0]!.attachments[0]!.href, /^\/epj\/v1\/attachments\/[0-9a-f-]{36}$/);
    const file = await fetch(`${t.config.publicUrl}${conv.messages[0]!.attachments[0]!.href}`, {
      headers: { authorization: await epj.bearer(fjordvik.client) },
    });
    assert.equal(file.headers.get('content-type'), 'application/pdf');
    assert.deepEqual(Buffer.from(await file.arrayBuffer()), PDF);

    const second = await sim.pollOnce();
    assert.deepEqual(
      second.events.map((e) => [e.kind, e.refs['messageId']]),
      [['message.read', rows[1]!.id]],
    );
    assert.deepEqual(second.replied, []);
    assert.deepEqual((await sim.pollOnce()).events, []);

    // Audited as the machine client, with the citizen as subject and the health worker named.
    const audit = await t.database.query<{ action: string; actor_kind: string; actor_id: string; hpr: string }>(
      "SELECT action, actor_kind, actor_id, details->>'hprNumber' AS hpr FROM audit_log WHERE actor_id = $1 AND subject_person_id = $2 AND outcome = 'success' ORDER BY id",
      [fjordvik.client.clientId, per.id],
    );
    const actions = audit.map((a) => a.action);
    for (const a of ['epj.events.read', 'dialog.conversation.read', 'dialog.message.send', 'dialog.attachment.read']) {
      assert.ok(actions.includes(a), `${a} audited`);
    }
    assert.ok(audit.every((a) => a.actor_kind === 'partner'));
    assert.equal(audit.find((a) => a.action === 'dialog.message.send')!.hpr, nurse.hprNumber);

    // Per's access log names the nurse through the record system, in Fjordvik, not the platform.
    const { id: fjordvikId } = fjordvik.municipality;
    const log = await t.app.inject({
      method: 'GET',
      url: `/api/access-log?organisation=${fjordvikId}`,
      headers: perLogin.headers,
    });
    assert.equal(log.statusCode, 200);
    const { entries, organisations } = log.json<AccessLogResponse>();
    const sent = entries.find((e) => e.action === 'dialog.message.send' && e.actor.kind === 'system');
    assert.ok(sent, 'the reply from the EPJ is in the log under Fjordvik');
    assert.equal(sent.actor.name, 'Siri Sykepleier');
    assert.equal(sent.actor.via, 'record_system');
    assert.deepEqual(sent.actor.organisation, { id: fjordvikId, name: 'Fjordvik kommune' });
    assert.equal(sent.purpose, 'epj_integration');
    const feedEntry = entries.find((e) => e.action === 'epj.events.read');
    assert.equal(feedEntry?.actor.name, '');
    assert.equal(feedEntry?.actor.via, 'record_system');
    assert.ok(organisations.some((o) => o.id === fjordvikId));
  });

  void it("keeps each municipality's EPJ to its own events, conversations and attachments", async () => {
    const fjordvik = await makeEpjMunicipality(t);
    const bakkedal = await makeEpjMunicipality(t);
    await citizenSend(t, bakkedal.citizenLogin, '/api/dialog/conversations', {
      serviceUnitId: bakkedal.unit.id,
      subject: 'Medisiner',
      text: 'Når kommer dosetten?',
    });
    const perConv = await citizenSend(
      t,
      fjordvik.citizenLogin,
      '/api/dialog/conversations',
      { serviceUnitId: fjordvik.unit.id, subject: 'Privat', text: 'Bare for Fjordvik' },
      true,
    );
    const b = bakkedal.client;
    const feed = (await epj.call(b, 'GET', '/events?limit=500')).json as EpjEventsResponse;
    const bakkedalConvs = await t.database.query<{ id: string }>(
      'SELECT id FROM dialog_conversations WHERE municipality_id = $1',
      [bakkedal.municipality.id],
    );
    assert.ok(feed.events.length > 0);
    assert.ok(feed.events.every((e) => bakkedalConvs.some((c) => c.id === e.refs['conversationId'])));
    assert.ok(feed.events.every((e) => e.serviceUnit?.id === bakkedal.unit.id));

    const id = perConv.conversation.id;
    const before = await countMessages(t);
    const otherNurse = { hprNumber: bakkedal.nurse.hprNumber!, name: 'Annen' };
    assert.equal((await epj.call(b, 'GET', `/conversations/${id}`)).status, 404);
    const reply = await epj.call(b, 'POST', `/conversations/${id}/messages`, {
      text: 'Feil kommune',
      author: otherNurse,
    });
    assert.equal(reply.status, 404);
    assert.match(reply.type, /application\/problem\+json/);
    assert.equal((await epj.call(b, 'POST', `/conversations/${id}/close`, {})).status, 404);
    const attachment = perConv.messages[0]!.attachments[0]!.id;
    const file = await fetch(`${t.config.publicUrl}/epj/v1/attachments/${attachment}`, {
      headers: { authorization: await epj.bearer(b) },
    });
    assert.equal(file.status, 404);
    assert.equal(await countMessages(t), before);
    const [row] = await t.database.query<{ status: string }>('SELECT status FROM dialog_conversations WHERE id = $1', [
      id,
    ]);
    assert.equal(row!.status, 'open');

    // Fjordvik's EPJ may not name a health worker from Bakkedal.
    const foreign = await epj.call(fjordvik.client, 'POST', `/conversations/${id}/messages`, {
      text: 'Hei',
      author: otherNurse,
    });
    assert.equal(foreign.status, 400);
    assert.equal((foreign.json as { code: string }).code, 'unknown_author');
    assert.equal(await countMessages(t), before);
  });

  void it('replies need text and a known author; closing is told once in the feed and stops replies', async () => {
    const fjordvik = await makeEpjMunicipality(t);
    const call = (method: 'GET' | 'POST', url: string, body?: object) => epj.call(fjordvik.client, method, url, body);
    const conv = await citizenSend(t, fjordvik.citizenLogin, '/api/dialog/conversations', {
      serviceUnitId: fjordvik.unit.id,
      subject: 'Avslutt meg',
      text: 'Takk for hjelpen',
    });
    const id = conv.conversation.id;
    const author = { hprNumber: fjordvik.nurse.hprNumber!, name: 'Siri Sykepleier' };
    const before = await countMessages(t);
    const empty = await call('POST', `/conversations/${id}/messages`, { text: '   ', author });
    assert.equal(empty.status, 400);
    assert.equal((empty.json as { code: string }).code, 'message_empty');
    const noAuthor = await call('POST', `/conversations/${id}/messages`, { text: 'Hei' });
    assert.equal(noAuthor.status, 400);
    assert.equal((noAuthor.json as { code: string }).code, 'validation_failed');
    const unknown = await call('POST', `/conversations/${id}/messages`, {
      text: 'Hei',
      author: { hprNumber: '99999999', name: 'Ukjent' },
    });
    assert.equal((unknown.json as { code: string }).code, 'unknown_author');
    assert.equal((await call('GET', `/conversations/${crypto.randomUUID()}`)).status, 404);
    assert.equal((await call('GET', '/conversations/not-a-uuid')).status, 400);
    assert.equal(await countMessages(t), before);

    const cursor = ((await call('GET', '/events?limit=500')).json as EpjEventsResponse).cursor;
    const closed = await call('POST', `/conversations/${id}/close`, { author });
    assert.equal(closed.status, 200);
    assert.equal((closed.json as EpjConversationResponse).status, 'closed');
    const again = await call('POST', `/conversations/${id}/close`);
    assert.equal(again.status, 200, JSON.stringify(again.json));
    const events = ((await call('GET', `/events?after=${encodeURIComponent(cursor)}`)).json as EpjEventsResponse)
      .events;
    assert.deepEqual(
      events.map((e) => [e.kind, e.refs['conversationId']]),
      [['conversation.closed', id]],
    );
    const [row] = await t.database.query<{ closed_by_personnel_id: string }>(
      'SELECT closed_by_personnel_id FROM dialog_conversations WHERE id = $1',
      [id],
    );
    assert.equal(row!.closed_by_personnel_id, fjordvik.nurse.id);
    const late = await call('POST', `/conversations/${id}/messages`, { text: 'For sent', author });
    assert.equal(late.status, 409);
    assert.equal(await countMessages(t), before);
  });
});
