import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type {
  AccessLogResponse,
  ProfileResponse,
  RepresentationChoicesResponse,
  SwitchActingForResponse,
} from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { loginAs, type LoggedIn } from '../../../test/login.ts';
import {
  makeFullmakt,
  makeMunicipality,
  makeParentalResponsibility,
  makePerson,
  type Person,
} from '../../../test/factories.ts';
import { bornAgo, today } from '../../../test/ages.ts';
import { addDays } from './dates.ts';

describe('representation: choices, switching and acting for someone', () => {
  let t: TestApp;
  let kari: Person, emma: Person, jonas: Person, sofie: Person, per: Person, anne: Person;
  let kariLogin: LoggedIn;

  const get = (url: string, login: LoggedIn) => t.app.inject({ method: 'GET', url, headers: login.headers });
  const post = (url: string, login: LoggedIn, payload: object = {}) =>
    t.app.inject({ method: 'POST', url, headers: login.headers, payload });
  const switchTo = (login: LoggedIn, personId: string) => post('/api/representation/acting-for', login, { personId });

  before(async () => {
    t = await buildTestApp();
    const db = t.app.platform.db;
    const m = await makeMunicipality(db, { name: 'Fjordvik kommune' });
    const home = { municipalityId: m.id, streetAddress: 'Storgata 1', postalCode: '9990' };
    kari = await makePerson(db, { ...home, givenName: 'Kari', familyName: 'Nordmann', birthDate: '1985-03-14' });
    emma = await makePerson(db, { ...home, givenName: 'Emma', familyName: 'Nordmann', birthDate: bornAgo(10) });
    jonas = await makePerson(db, { ...home, givenName: 'Jonas', familyName: 'Nordmann', birthDate: bornAgo(14) });
    sofie = await makePerson(db, { ...home, givenName: 'Sofie', familyName: 'Nordmann', birthDate: bornAgo(16) });
    for (const child of [emma, jonas, sofie]) {
      await makeParentalResponsibility(db, child.id, kari.id);
    }
    per = await makePerson(db, {
      municipalityId: m.id,
      givenName: 'Per',
      familyName: 'Hansen',
      birthDate: bornAgo(85),
    });
    anne = await makePerson(db, {
      municipalityId: m.id,
      givenName: 'Anne',
      familyName: 'Hansen',
      birthDate: bornAgo(58),
    });
    await makeFullmakt(db, per.id, anne.id, { serviceAreas: ['digitale_helsetjenester'] });
    kariLogin = await loginAs(t.app, { kind: 'citizen', personId: kari.id });
  });
  after(async () => {
    await t.close();
  });

  it('offers the parent themselves, the 10- and 14-year-old, and explains why not the 16-year-old', async () => {
    const res = await get('/api/representation/choices', kariLogin);
    assert.equal(res.statusCode, 200);
    const body = res.json<RepresentationChoicesResponse>();
    assert.equal(body.actingFor.personId, kari.id);
    assert.equal(body.actingFor.basis, 'self');
    assert.deepEqual(
      body.choices.map((c) => [c.displayName, c.basis, c.available]),
      [
        ['Kari Nordmann', 'self', true],
        ['Emma Nordmann', 'parent', true],
        ['Jonas Nordmann', 'parent', true],
        ['Sofie Nordmann', 'parent', false],
      ],
    );
    const [, e, j, s] = body.choices;
    assert.equal(e!.age, 10);
    assert.ok(e!.actions.includes('messages.send'), 'under 12: everything');
    assert.ok(!j!.actions.includes('messages.read'), '12–15: no messages');
    assert.ok(j!.actions.includes('appointments.read'), '12–15: still appointments');
    assert.equal(s!.reason?.code, 'child_16_or_older');
    assert.match(s!.reason.message, /16 år/);
    assert.ok(body.choices[0]!.current);
  });

  it('lets the parent switch to the 10-year-old and read the child’s profile, audited on the child’s behalf', async () => {
    const res = await switchTo(kariLogin, emma.id);
    assert.equal(res.statusCode, 200, res.body);
    const { actingFor } = res.json<SwitchActingForResponse>();
    assert.equal(actingFor.personId, emma.id);
    assert.equal(actingFor.basis, 'parent');
    const [session] = await t.database.query<{ acting_for_person_id: string }>(
      'SELECT acting_for_person_id FROM sessions WHERE id = $1',
      [kariLogin.sessionId],
    );
    assert.equal(session!.acting_for_person_id, emma.id);
    const profile = await get('/api/me/profile', kariLogin);
    assert.equal(profile.statusCode, 200);
    assert.equal(profile.json<ProfileResponse>().givenName, 'Emma');
    const rows = await t.database.query<{
      actor_id: string;
      acting_for_person_id: string;
      details: { basis?: string };
    }>(
      "SELECT actor_id, acting_for_person_id, details FROM audit_log WHERE action = 'profile.read' AND subject_person_id = $1",
      [emma.id],
    );
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.actor_id, kari.id);
    assert.equal(rows[0]!.acting_for_person_id, emma.id);
    assert.equal(rows[0]!.details.basis, 'parent');
  });

  it('shows the child’s access log with the parent’s reads as the parent’s, on behalf of the child', async () => {
    const res = await get('/api/access-log', kariLogin);
    assert.equal(res.statusCode, 200, res.body);
    const log = res.json<AccessLogResponse>();
    assert.equal(log.subject.personId, emma.id);
    const read = log.entries.find((e) => e.action === 'profile.read');
    assert.ok(read);
    assert.equal(read.actor.name, 'Kari Nordmann');
    assert.equal(read.actor.kind, 'citizen');
    assert.equal(read.actor.isSelf, false);
    assert.deepEqual(read.onBehalfOf, { personId: emma.id, displayName: 'Emma Nordmann', basis: 'parent' });
    assert.equal(read.outcome, 'success');
    assert.equal(read.action, 'profile.read');
    const logRead = await t.database.query(
      "SELECT 1 FROM audit_log WHERE action = 'access_log.read' AND subject_person_id = $1 AND actor_id = $2",
      [emma.id, kari.id],
    );
    assert.equal(logRead.length, 1, 'reading the log is itself audited');
  });

  it('filters the access log by period and organisation and pages through it', async () => {
    const all = (await get('/api/access-log?limit=100', kariLogin)).json<AccessLogResponse>();
    assert.ok(all.entries.length >= 3);
    assert.deepEqual(
      all.organisations.map((o) => o.id),
      ['private'],
    );
    const inFuture = await get(`/api/access-log?from=${addDays(today, 1)}`, kariLogin);
    assert.equal(inFuture.json<AccessLogResponse>().entries.length, 0);
    const todayOnly = await get(`/api/access-log?from=${today}&to=${today}&limit=100`, kariLogin);
    assert.equal(
      todayOnly.json<AccessLogResponse>().entries.length,
      all.entries.length + 1,
      'plus the read of the future; the read of "all" joins the earlier unfiltered read (same caller, same filter)',
    );
    const other = await get(`/api/access-log?organisation=${kari.municipalityId}`, kariLogin);
    assert.equal(other.json<AccessLogResponse>().entries.length, 0, 'no personnel entries yet');
    const first = (await get('/api/access-log?limit=1', kariLogin)).json<AccessLogResponse>();
    assert.equal(first.entries.length, 1);
    assert.ok(first.nextCursor);
    const second = (
      await get(`/api/access-log?limit=1&cursor=${first.nextCursor}`, kariLogin)
    ).json<AccessLogResponse>();
    assert.equal(second.entries.length, 1);
    assert.ok(Number(second.entries[0]!.id) < Number(first.entries[0]!.id));
    const bad = await get('/api/access-log?organisation=nowhere', kariLogin);
    assert.equal(bad.statusCode, 400);
  });

  it('gives parents of a 14-year-old the reduced rights: profile yes, access log no', async () => {
    const login = await loginAs(t.app, { kind: 'citizen', personId: kari.id });
    assert.equal((await switchTo(login, jonas.id)).statusCode, 200);
    assert.equal((await get('/api/me/profile', login)).statusCode, 200);
    const log = await get('/api/access-log', login);
    assert.equal(log.statusCode, 403);
    assert.equal(log.json().code, 'service_area_not_granted');
  });

  it('refuses switching to the 16-year-old, with the rule, and audits the attempt', async () => {
    const res = await switchTo(kariLogin, sofie.id);
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, 'not_represented');
    assert.match(res.json().detail, /16 år/);
    const denied = await t.database.query(
      "SELECT 1 FROM audit_log WHERE action = 'representation.switch' AND outcome = 'denied' AND subject_person_id = $1",
      [sofie.id],
    );
    assert.equal(denied.length, 1);
  });

  it('refuses switching with a login older than REAUTH_MAX_AGE_MINUTES (401 reauthentication_required)', async () => {
    const stale = await loginAs(
      t.app,
      { kind: 'citizen', personId: kari.id },
      { authTime: new Date(Date.now() - 16 * 60_000) },
    );
    const res = await switchTo(stale, emma.id);
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().code, 'reauthentication_required');
    const back = await switchTo(stale, kari.id);
    assert.equal(back.statusCode, 200, 'going back to yourself needs no fresh login');
  });

  it('lets a fullmakt holder act within the area and refuses outside it', async () => {
    const login = await loginAs(t.app, { kind: 'citizen', personId: anne.id });
    const choices = (await get('/api/representation/choices', login)).json<RepresentationChoicesResponse>();
    const perChoice = choices.choices.find((c) => c.personId === per.id);
    assert.equal(perChoice?.basis, 'fullmakt');
    assert.deepEqual(perChoice?.serviceAreas, ['digitale_helsetjenester']);
    assert.equal((await switchTo(login, per.id)).statusCode, 200);
    const contacts = await get('/api/me/health-contacts', login);
    assert.equal(contacts.statusCode, 200, 'Digitale helsetjenester covers health contacts');
    const profile = await get('/api/me/profile', login);
    assert.equal(profile.statusCode, 403);
    assert.equal(profile.json().code, 'service_area_not_granted');
    const log = await get('/api/access-log', login);
    assert.equal(log.statusCode, 403, 'no Innsyn, no access log');
    const denied = await t.database.query(
      "SELECT 1 FROM audit_log WHERE action = 'profile.read' AND outcome = 'denied' AND subject_person_id = $1 AND actor_id = $2",
      [per.id, anne.id],
    );
    assert.equal(denied.length, 1, 'the refused read is audited');
  });

  it('refuses the holder’s very next request once the principal ends the fullmakt, and falls back to self', async () => {
    const anneLogin = await loginAs(t.app, { kind: 'citizen', personId: anne.id });
    assert.equal((await switchTo(anneLogin, per.id)).statusCode, 200);
    assert.equal((await get('/api/me/health-contacts', anneLogin)).statusCode, 200);

    const perLogin = await loginAs(t.app, { kind: 'citizen', personId: per.id });
    const given = (await get('/api/fullmakter', perLogin)).json();
    const id = given.given.current[0].id as string;
    const ended = await post(`/api/fullmakter/${id}/end`, perLogin);
    assert.equal(ended.statusCode, 200, ended.body);
    assert.equal(ended.json().fullmakt.status, 'ended');

    const next = await get('/api/me/health-contacts', anneLogin);
    assert.equal(next.statusCode, 403);
    assert.equal(next.json().code, 'not_represented');
    assert.match(next.json().detail, /for deg selv/);
    const [session] = await t.database.query<{ acting_for_person_id: string }>(
      'SELECT acting_for_person_id FROM sessions WHERE id = $1',
      [anneLogin.sessionId],
    );
    assert.equal(session!.acting_for_person_id, anne.id);
    const own = await get('/api/me/profile', anneLogin);
    assert.equal(own.statusCode, 200);
    assert.equal(own.json<ProfileResponse>().givenName, 'Anne');
    const lost = await t.database.query(
      "SELECT 1 FROM audit_log WHERE action = 'representation.use' AND outcome = 'denied' AND actor_id = $1 AND subject_person_id = $2",
      [anne.id, per.id],
    );
    assert.equal(lost.length, 1);
    const perLog = (await get('/api/access-log?limit=100', perLogin)).json<AccessLogResponse>();
    const attempt = perLog.entries.find((e) => e.action === 'representation.use');
    assert.equal(attempt?.outcome, 'denied');
    assert.equal(attempt?.actor.name, 'Anne Hansen');
    assert.equal(attempt?.onBehalfOf?.personId, per.id);
  });

  it('refuses someone the user has no relation to, and anonymous callers', async () => {
    const res = await switchTo(kariLogin, per.id);
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, 'not_represented');
    const anon = await t.app.inject({ method: 'GET', url: '/api/representation/choices' });
    assert.equal(anon.statusCode, 401);
  });
});
