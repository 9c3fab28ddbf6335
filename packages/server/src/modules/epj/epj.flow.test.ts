import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type {
  AccessLogResponse,
  ConversationResponse,
  EpjConversationResponse,
  EpjEventsResponse,
} from '@helsebro/contracts';
import { requestEpjToken } from '../../../test/epj-token.ts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { movableClock } from '../../../test/clock.ts';
import { loginAs, type LoggedIn } from '../../../test/login.ts';
import {
  makeCareRelation,
  makeMunicipality,
  makePerson,
  makePersonnel,
  makeServiceUnit,
  type Municipality,
  type Person,
  type Personnel,
  type ServiceUnit,
} from '../../../test/factories.ts';
import { createEpjSimulator, EpjSimError } from '../../cli/epj-sim.ts';
import { registerMachineClient } from '../identity/index.ts';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1500, 0x20), Buffer.from('\n%%EOF\n')]);
const SECRET_A = 'epj-test-secret-fjordvik';
const SECRET_B = 'epj-test-secret-bakkedal';

/** A multipart body as the citizen's browser sends it. */
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

/**
 * The EPJ side of the dialog against a listening server: tokens from the development IdP's token endpoint, the
 * feed, replies and read marks, and the simulator that uses only this public API.
 */
void describe('EPJ API: a vendor EPJ follows and answers the citizen dialog', () => {
  let t: TestApp;
  const clock = movableClock(new Date());
  let fjordvik: Municipality, bakkedal: Municipality;
  let homeCare: ServiceUnit, bakkedalCare: ServiceUnit;
  let per: Person, berit: Person;
  let nurse: Personnel, otherNurse: Personnel;
  let perLogin: LoggedIn, beritLogin: LoggedIn;
  const tokens = new Map<string, string>();

  const token = (clientId: string, secret: string) => requestEpjToken(t, clientId, secret);
  const bearer = async (clientId: string, secret: string) => {
    if (!tokens.has(clientId)) {
      const { body } = await token(clientId, secret);
      assert.ok(body.access_token, `token for ${clientId}`);
      tokens.set(clientId, body.access_token);
    }
    return `Bearer ${tokens.get(clientId)}`;
  };
  const epj = async (
    method: 'GET' | 'POST',
    url: string,
    client: [string, string] = ['epj-fjordvik', SECRET_A],
    body?: object,
  ) => {
    const res = await fetch(`${t.config.publicUrl}/epj/v1${url}`, {
      method,
      headers: {
        authorization: await bearer(...client),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, type: res.headers.get('content-type') ?? '', res, json: (await res.json()) as never };
  };
  const citizenSend = async (who: LoggedIn, url: string, fields: Record<string, string>, withPdf = false) => {
    const body = await form(fields, withPdf ? [{ name: 'blodprøver.pdf', type: 'application/pdf', bytes: PDF }] : []);
    const res = await t.app.inject({
      method: 'POST',
      url,
      headers: { ...who.headers, 'content-type': body.contentType },
      payload: body.payload,
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json<ConversationResponse>();
  };
  const simulator = (autoReply: string | null, lines: string[] = []) =>
    createEpjSimulator({
      url: t.config.publicUrl,
      clientId: 'epj-fjordvik',
      clientSecret: SECRET_A,
      cursorFile: null,
      autoReply,
      author: { hprNumber: nurse.hprNumber!, name: `${nurse.givenName} ${nurse.familyName}` },
      print: (line) => lines.push(line),
    });
  const countMessages = async () =>
    Number((await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM dialog_messages'))[0]!.n);

  before(async () => {
    t = await buildTestApp({}, { listen: true, clock });
    const db = t.app.platform.db;
    fjordvik = await makeMunicipality(db, { name: 'Fjordvik kommune' });
    bakkedal = await makeMunicipality(db, { name: 'Bakkedal kommune' });
    homeCare = await makeServiceUnit(db, fjordvik.id, { name: 'Hjemmesykepleien', openForDialog: true });
    bakkedalCare = await makeServiceUnit(db, bakkedal.id, { name: 'Hjemmetjenesten Bakkedal', openForDialog: true });
    per = await makePerson(db, { municipalityId: fjordvik.id, givenName: 'Per', familyName: 'Hansen' });
    berit = await makePerson(db, { municipalityId: bakkedal.id });
    await makeCareRelation(db, { municipalityId: fjordvik.id, personId: per.id, serviceUnitId: homeCare.id });
    await makeCareRelation(db, { municipalityId: bakkedal.id, personId: berit.id, serviceUnitId: bakkedalCare.id });
    nurse = await makePersonnel(db, {
      municipalityId: fjordvik.id,
      serviceUnitId: homeCare.id,
      givenName: 'Siri',
      familyName: 'Sykepleier',
    });
    otherNurse = await makePersonnel(db, { municipalityId: bakkedal.id, serviceUnitId: bakkedalCare.id });
    await registerMachineClient(db, {
      clientId: 'epj-fjordvik',
      clientName: 'Fjordvik EPJ',
      clientSecret: SECRET_A,
      orgNumber: fjordvik.orgNumber,
    });
    await registerMachineClient(db, {
      clientId: 'epj-bakkedal',
      clientName: 'Bakkedal EPJ',
      clientSecret: SECRET_B,
      orgNumber: bakkedal.orgNumber,
    });
    await registerMachineClient(db, {
      clientId: 'epj-nowhere',
      clientName: 'EPJ of no municipality',
      clientSecret: 'epj-test-secret-nowhere',
      orgNumber: '811111111',
    });
    perLogin = await loginAs(t.app, { kind: 'citizen', personId: per.id });
    beritLogin = await loginAs(t.app, { kind: 'citizen', personId: berit.id });
  });
  after(async () => {
    await t.close();
  });

  void it('the simulator reads a new conversation from the feed and answers it; the citizen sees the answer', async () => {
    const started = await citizenSend(
      perLogin,
      '/api/dialog/conversations',
      { serviceUnitId: homeCare.id, subject: 'Sår på leggen', text: 'Såret væsker mer i dag. Kan dere se på det?' },
      true,
    );
    const id = started.conversation.id;
    // Another municipality's dialog goes on at the same time.
    await citizenSend(beritLogin, '/api/dialog/conversations', {
      serviceUnitId: bakkedalCare.id,
      subject: 'Medisiner',
      text: 'Når kommer dosetten?',
    });

    clock.advance(60_000);
    const lines: string[] = [];
    const sim = simulator('Takk for beskjed. Vi kommer innom i ettermiddag.', lines);
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
    const fetched = await epj('GET', `/conversations/${id}`);
    const conv = fetched.json as EpjConversationResponse;
    assert.equal(conv.citizen.nationalIdentityNumber, per.nin);
    assert.equal(conv.unreadByUnit, 0);
    assert.ok(conv.messages.every((m) => m.readAt !== null));
    assert.match(conv.messages[0]!.attachments[0]!.href, /^\/epj\/v1\/attachments\/[0-9a-f-]{36}$/);
    const file = await fetch(`${t.config.publicUrl}${conv.messages[0]!.attachments[0]!.href}`, {
      headers: { authorization: await bearer('epj-fjordvik', SECRET_A) },
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
      "SELECT action, actor_kind, actor_id, details->>'hprNumber' AS hpr FROM audit_log WHERE actor_id = 'epj-fjordvik' AND subject_person_id = $1 AND outcome = 'success' ORDER BY id",
      [per.id],
    );
    const actions = audit.map((a) => a.action);
    for (const a of ['epj.events.read', 'dialog.conversation.read', 'dialog.message.send', 'dialog.attachment.read']) {
      assert.ok(actions.includes(a), `${a} audited`);
    }
    assert.ok(audit.every((a) => a.actor_kind === 'partner'));
    assert.equal(audit.find((a) => a.action === 'dialog.message.send')!.hpr, nurse.hprNumber);

    // Per's access log names the nurse through the record system, in Fjordvik, not the platform.
    const log = await t.app.inject({
      method: 'GET',
      url: `/api/access-log?organisation=${fjordvik.id}`,
      headers: perLogin.headers,
    });
    assert.equal(log.statusCode, 200);
    const { entries, organisations } = log.json<AccessLogResponse>();
    const sent = entries.find((e) => e.action === 'dialog.message.send' && e.actor.kind === 'system');
    assert.ok(sent, 'the reply from the EPJ is in the log under Fjordvik');
    assert.equal(sent.actor.name, 'Siri Sykepleier');
    assert.equal(sent.actor.via, 'record_system');
    assert.deepEqual(sent.actor.organisation, { id: fjordvik.id, name: 'Fjordvik kommune' });
    assert.equal(sent.purpose, 'epj_integration');
    const feedEntry = entries.find((e) => e.action === 'epj.events.read');
    assert.equal(feedEntry?.actor.name, '');
    assert.equal(feedEntry?.actor.via, 'record_system');
    assert.ok(organisations.some((o) => o.id === fjordvik.id));
  });

  void it('pages through the feed with an opaque cursor, in order, without gaps or repeats', async () => {
    const start = ((await epj('GET', '/events?limit=500')).json as EpjEventsResponse).cursor;
    const conv = await citizenSend(perLogin, '/api/dialog/conversations', {
      serviceUnitId: homeCare.id,
      subject: 'Flere spørsmål',
      text: 'Første',
    });
    for (const text of ['Andre', 'Tredje', 'Fjerde', 'Femte']) {
      clock.advance(1000);
      await citizenSend(perLogin, `/api/dialog/conversations/${conv.conversation.id}/messages`, { text });
    }
    const seen: string[] = [];
    let cursor = start;
    let pages = 0;
    for (;;) {
      const page = (await epj('GET', `/events?limit=2&after=${encodeURIComponent(cursor)}`)).json as EpjEventsResponse;
      pages++;
      seen.push(...page.events.map((e) => `${e.kind}:${e.refs['messageId']}`));
      assert.ok(page.events.length <= 2);
      cursor = page.cursor;
      if (!page.hasMore) {
        break;
      }
    }
    const messageIds = (
      await t.database.query<{ id: string }>(
        'SELECT id FROM dialog_messages WHERE conversation_id = $1 ORDER BY created_at, id',
        [conv.conversation.id],
      )
    ).map((r) => r.id);
    assert.equal(pages, 3);
    assert.deepEqual(seen, [
      `conversation.created:${messageIds[0]}`,
      ...messageIds.slice(1).map((m) => `message.created:${m}`),
    ]);
    // Nothing new: the same cursor comes back. An event's own cursor resumes right after it.
    const idle = (await epj('GET', `/events?after=${encodeURIComponent(cursor)}`)).json as EpjEventsResponse;
    assert.deepEqual(idle, { events: [], cursor, hasMore: false });
    const fromSecond = (await epj('GET', `/events?limit=2&after=${encodeURIComponent(start)}`))
      .json as EpjEventsResponse;
    const resumed = (await epj('GET', `/events?limit=1&after=${encodeURIComponent(fromSecond.events[0]!.cursor)}`))
      .json as EpjEventsResponse;
    assert.equal(resumed.events[0]!.refs['messageId'], messageIds[1]);

    for (const bad of ['garbage', Buffer.from('v1.-1').toString('base64url'), 'x'.repeat(101)]) {
      const res = await epj('GET', `/events?after=${encodeURIComponent(bad)}`);
      assert.equal(res.status, 400, bad);
      assert.match(res.type, /application\/problem\+json/);
    }
    const res = await epj('GET', `/events?after=${encodeURIComponent('garbage')}`);
    assert.equal((res.json as { code: string }).code, 'invalid_cursor');
    assert.equal((await epj('GET', '/events?limit=0')).status, 400);
  });

  void it("keeps each municipality's EPJ to its own events, conversations and attachments", async () => {
    const perConv = await citizenSend(
      perLogin,
      '/api/dialog/conversations',
      { serviceUnitId: homeCare.id, subject: 'Privat', text: 'Bare for Fjordvik' },
      true,
    );
    const b = ['epj-bakkedal', SECRET_B] as [string, string];
    const feed = (await epj('GET', '/events?limit=500', b)).json as EpjEventsResponse;
    const bakkedalConvs = await t.database.query<{ id: string }>(
      'SELECT id FROM dialog_conversations WHERE municipality_id = $1',
      [bakkedal.id],
    );
    assert.ok(feed.events.length > 0);
    assert.ok(feed.events.every((e) => bakkedalConvs.some((c) => c.id === e.refs['conversationId'])));
    assert.ok(feed.events.every((e) => e.serviceUnit?.id === bakkedalCare.id));

    const id = perConv.conversation.id;
    const before = await countMessages();
    assert.equal((await epj('GET', `/conversations/${id}`, b)).status, 404);
    const reply = await epj('POST', `/conversations/${id}/messages`, b, {
      text: 'Feil kommune',
      author: { hprNumber: otherNurse.hprNumber!, name: 'Annen' },
    });
    assert.equal(reply.status, 404);
    assert.match(reply.type, /application\/problem\+json/);
    assert.equal((await epj('POST', `/conversations/${id}/close`, b, {})).status, 404);
    const attachment = perConv.messages[0]!.attachments[0]!.id;
    const file = await fetch(`${t.config.publicUrl}/epj/v1/attachments/${attachment}`, {
      headers: { authorization: await bearer(...b) },
    });
    assert.equal(file.status, 404);
    assert.equal(await countMessages(), before);
    const [row] = await t.database.query<{ status: string }>('SELECT status FROM dialog_conversations WHERE id = $1', [
      id,
    ]);
    assert.equal(row!.status, 'open');

    // Fjordvik's EPJ may not name a health worker from Bakkedal.
    const foreign = await epj('POST', `/conversations/${id}/messages`, undefined, {
      text: 'Hei',
      author: { hprNumber: otherNurse.hprNumber!, name: 'Annen' },
    });
    assert.equal(foreign.status, 400);
    assert.equal((foreign.json as { code: string }).code, 'unknown_author');
    assert.equal(await countMessages(), before);
  });

  void it('refuses bad tokens with 401 and a client of no municipality with 403, as problem+json', async () => {
    const call = (authorization?: string) =>
      fetch(`${t.config.publicUrl}/epj/v1/events`, { headers: authorization ? { authorization } : {} });
    const missing = await call();
    assert.equal(missing.status, 401);
    assert.match(missing.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.match(missing.headers.get('www-authenticate') ?? '', /^Bearer /);
    assert.equal(((await missing.json()) as { code: string }).code, 'missing_token');
    assert.equal((await call('Bearer abc.def.ghi')).status, 401);

    // A session cookie is no way in either.
    const withCookie = await t.app.inject({ method: 'GET', url: '/epj/v1/events', headers: perLogin.headers });
    assert.equal(withCookie.statusCode, 401);

    // Tampered: the claims changed after signing.
    const good = await bearer('epj-fjordvik', SECRET_A);
    const [h, p, s] = good.slice('Bearer '.length).split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, client_id: 'epj-bakkedal' })).toString('base64url');
    assert.equal((await call(`Bearer ${h}.${forged}.${s}`)).status, 401);

    // Expired: the token's ten minutes pass on the server's clock.
    assert.equal((await call(good)).status, 200);
    clock.advance(11 * 60_000);
    try {
      const expired = await call(good);
      assert.equal(expired.status, 401);
      assert.equal(((await expired.json()) as { code: string }).code, 'invalid_token');
    } finally {
      clock.advance(-11 * 60_000);
    }

    // The IdP refuses a wrong secret; the simulator reports it.
    assert.equal((await token('epj-fjordvik', 'wrong-secret-wrong-secret')).status, 401);
    const sim = createEpjSimulator({
      url: t.config.publicUrl,
      clientId: 'epj-fjordvik',
      clientSecret: 'wrong-secret-wrong-secret',
      cursorFile: null,
      autoReply: null,
      author: { hprNumber: '1', name: 'x' },
      print: () => undefined,
    });
    await assert.rejects(sim.pollOnce(), (err: unknown) => err instanceof EpjSimError && err.status === 401);

    const nowhere = await epj('GET', '/events', ['epj-nowhere', 'epj-test-secret-nowhere']);
    assert.equal(nowhere.status, 403);
    assert.equal((nowhere.json as { code: string }).code, 'organisation_not_customer');
    const [denied] = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE actor_id = 'epj-nowhere' AND outcome = 'denied'",
    );
    assert.equal(denied!.n, 1);
  });

  void it('replies need text and a known author; closing is told once in the feed and stops replies', async () => {
    const conv = await citizenSend(perLogin, '/api/dialog/conversations', {
      serviceUnitId: homeCare.id,
      subject: 'Avslutt meg',
      text: 'Takk for hjelpen',
    });
    const id = conv.conversation.id;
    const author = { hprNumber: nurse.hprNumber!, name: 'Siri Sykepleier' };
    const before = await countMessages();
    const empty = await epj('POST', `/conversations/${id}/messages`, undefined, { text: '   ', author });
    assert.equal(empty.status, 400);
    assert.equal((empty.json as { code: string }).code, 'message_empty');
    const noAuthor = await epj('POST', `/conversations/${id}/messages`, undefined, { text: 'Hei' });
    assert.equal(noAuthor.status, 400);
    assert.equal((noAuthor.json as { code: string }).code, 'validation_failed');
    const unknown = await epj('POST', `/conversations/${id}/messages`, undefined, {
      text: 'Hei',
      author: { hprNumber: '99999999', name: 'Ukjent' },
    });
    assert.equal((unknown.json as { code: string }).code, 'unknown_author');
    assert.equal((await epj('GET', `/conversations/${crypto.randomUUID()}`)).status, 404);
    assert.equal((await epj('GET', '/conversations/not-a-uuid')).status, 400);
    assert.equal(await countMessages(), before);

    const cursor = ((await epj('GET', '/events?limit=500')).json as EpjEventsResponse).cursor;
    const closed = await epj('POST', `/conversations/${id}/close`, undefined, { author });
    assert.equal(closed.status, 200);
    assert.equal((closed.json as EpjConversationResponse).status, 'closed');
    const again = await epj('POST', `/conversations/${id}/close`);
    assert.equal(again.status, 200, JSON.stringify(again.json));
    const events = ((await epj('GET', `/events?after=${encodeURIComponent(cursor)}`)).json as EpjEventsResponse).events;
    assert.deepEqual(
      events.map((e) => [e.kind, e.refs['conversationId']]),
      [['conversation.closed', id]],
    );
    const [row] = await t.database.query<{ closed_by_personnel_id: string }>(
      'SELECT closed_by_personnel_id FROM dialog_conversations WHERE id = $1',
      [id],
    );
    assert.equal(row!.closed_by_personnel_id, nurse.id);
    const late = await epj('POST', `/conversations/${id}/messages`, undefined, { text: 'For sent', author });
    assert.equal(late.status, 409);
    assert.equal(await countMessages(), before);
  });

  void it('serves an OpenAPI document that lists every EPJ endpoint with its schemas, and nothing else', async () => {
    const res = await fetch(`${t.config.publicUrl}/epj/v1/openapi.json`);
    assert.equal(res.status, 200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, Record<string, unknown>>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    assert.match(doc.openapi, /^3\./);
    assert.deepEqual(Object.keys(doc.paths).sort(), [
      '/epj/v1/attachments/{id}',
      '/epj/v1/conversations/{id}',
      '/epj/v1/conversations/{id}/close',
      '/epj/v1/conversations/{id}/messages',
      '/epj/v1/conversations/{id}/read',
      '/epj/v1/events',
    ]);
    const op = (path: string, method: string) => doc.paths[path]![method]!;
    const events = op('/epj/v1/events', 'get');
    const params = events['parameters'] as Array<{ name: string; in: string }>;
    assert.deepEqual(params.map((p) => `${p.in}:${p.name}`).sort(), ['query:after', 'query:limit']);
    const ok = (o: Record<string, unknown>, status: string) =>
      (o['responses'] as Record<string, { content: Record<string, { schema: { properties?: object } }> }>)[status]!
        .content['application/json']!.schema;
    assert.ok(Object.keys(ok(events, '200').properties!).includes('cursor'));
    assert.ok(ok(events, '401').properties);
    for (const [path, method, status] of [
      ['/epj/v1/conversations/{id}', 'get', '200'],
      ['/epj/v1/conversations/{id}/messages', 'post', '201'],
      ['/epj/v1/conversations/{id}/read', 'post', '200'],
      ['/epj/v1/conversations/{id}/close', 'post', '200'],
    ] as const) {
      const o = op(path, method);
      assert.ok(Object.keys(ok(o, status).properties!).includes('messages'), `${method} ${path}`);
      assert.deepEqual(
        (o['parameters'] as Array<{ name: string; in: string }>).map((p) => `${p.in}:${p.name}`),
        ['path:id'],
      );
      assert.deepEqual(o['security'], [{ helseid: [] }]);
    }
    const reply = op('/epj/v1/conversations/{id}/messages', 'post')['requestBody'] as {
      content: Record<string, { schema: { required: string[] } }>;
    };
    assert.deepEqual(reply.content['application/json']!.schema.required.sort(), ['author', 'text']);
    assert.ok(op('/epj/v1/attachments/{id}', 'get')['parameters']);
    assert.ok(doc.components.securitySchemes['helseid']);
  });
});
