import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FullmakterResponse, FullmaktResponse } from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { loginAs, type LoggedIn } from '../../../test/login.ts';
import { makeFullmakt, makeMunicipality, makePerson, type Person } from '../../../test/factories.ts';
import { bornAgo, today } from '../../../test/ages.ts';
import { addDays } from './dates.ts';

describe('fullmakt: give, list, replace, end', () => {
  let t: TestApp;
  let giver: Person, holder: Person, other: Person, minor: Person, youth: Person, eva: Person;
  let login: LoggedIn;

  const post = (url: string, who: LoggedIn, payload: object = {}) =>
    t.app.inject({ method: 'POST', url, headers: who.headers, payload });
  const give = (payload: object, who: LoggedIn = login) => post('/api/fullmakter', who, payload);
  const expectProblem = async (res: Awaited<ReturnType<typeof give>>, status: number, code: string): Promise<void> => {
    assert.equal(res.statusCode, status, res.body);
    assert.equal(res.json().code, code);
    assert.ok(res.json().detail, 'a plain reason');
  };

  before(async () => {
    t = await buildTestApp();
    const db = t.app.platform.db;
    const m = await makeMunicipality(db);
    const p = (givenName: string, birthDate: string, more: Parameters<typeof makePerson>[1] = {}) =>
      makePerson(db, { municipalityId: m.id, givenName, familyName: 'Hansen', birthDate, ...more });
    giver = await p('Per', bornAgo(85));
    holder = await p('Anne', bornAgo(58));
    other = await p('Ole', bornAgo(40));
    minor = await p('Mina', bornAgo(17));
    youth = await p('Yngve', bornAgo(15));
    eva = await p('Eva', bornAgo(47), { addressProtection: 'strictly_confidential', streetAddress: null });
    login = await loginAs(t.app, { kind: 'citizen', personId: giver.id });
  });
  after(async () => {
    await t.close();
  });

  it('gives a fullmakt by identity number and stores it, audited with the giver as subject', async () => {
    const spaced = `${holder.nin.slice(0, 6)} ${holder.nin.slice(6)}`;
    const res = await give({ holderNin: spaced, serviceAreas: ['digitale_helsetjenester', 'innsyn'] });
    assert.equal(res.statusCode, 201, res.body);
    const { fullmakt } = res.json<FullmaktResponse>();
    assert.equal(fullmakt.holder.displayName, 'Anne Hansen');
    assert.deepEqual(fullmakt.serviceAreas, ['innsyn', 'digitale_helsetjenester']);
    assert.equal(fullmakt.validFrom, today);
    assert.equal(fullmakt.validTo, null);
    assert.equal(fullmakt.status, 'active');
    const rows = await t.database.query<{ giver_id: string; holder_id: string; areas: string }>(
      "SELECT giver_id, holder_id, array_to_string(service_areas, ',') AS areas FROM fullmakter WHERE id = $1",
      [fullmakt.id],
    );
    assert.deepEqual(rows, [{ giver_id: giver.id, holder_id: holder.id, areas: 'innsyn,digitale_helsetjenester' }]);
    const audit = await t.database.query<{ resource_id: string; outcome: string }>(
      "SELECT resource_id, outcome FROM audit_log WHERE action = 'fullmakt.give' AND subject_person_id = $1",
      [giver.id],
    );
    assert.deepEqual(audit, [{ resource_id: fullmakt.id, outcome: 'success' }]);
  });

  it('refuses an overlapping duplicate (same holder, shared area, overlapping period) with 409', async () => {
    await expectProblem(
      await give({ holderNin: holder.nin, serviceAreas: ['innsyn'], validTo: addDays(today, 30) }),
      409,
      'fullmakt_overlap',
    );
    const otherArea = await give({ holderNin: holder.nin, serviceAreas: ['brev_og_skjema'] });
    assert.equal(otherArea.statusCode, 201, 'another area does not overlap');
  });

  it('accepts a second period that does not overlap, and refuses one that does', async () => {
    const first = await give({
      holderNin: other.nin,
      serviceAreas: ['innsyn'],
      validFrom: addDays(today, 10),
      validTo: addDays(today, 20),
    });
    assert.equal(first.statusCode, 201);
    assert.equal(first.json<FullmaktResponse>().fullmakt.status, 'scheduled');
    const after = await give({ holderNin: other.nin, serviceAreas: ['innsyn'], validFrom: addDays(today, 21) });
    assert.equal(after.statusCode, 201);
    await expectProblem(
      await give({ holderNin: other.nin, serviceAreas: ['innsyn'], validFrom: today, validTo: addDays(today, 10) }),
      409,
      'fullmakt_overlap',
    );
  });

  const badInput: Array<[string, () => object, number, string]> = [
    ['an invalid identity number', () => ({ holderNin: '12345678901', serviceAreas: ['innsyn'] }), 400, 'nin_invalid'],
    ['wrong check digits', () => ({ holderNin: '01019012395', serviceAreas: ['innsyn'] }), 400, 'nin_invalid'],
    ['a fullmakt to yourself', () => ({ holderNin: giver.nin, serviceAreas: ['innsyn'] }), 400, 'fullmakt_self'],
    ['a holder under 18', () => ({ holderNin: minor.nin, serviceAreas: ['innsyn'] }), 400, 'fullmakt_holder_minor'],
    [
      'a holder with a confidential address',
      () => ({ holderNin: eva.nin, serviceAreas: ['innsyn'] }),
      400,
      'address_protected',
    ],
    [
      'an end date before the start',
      () => ({
        holderNin: other.nin,
        serviceAreas: ['innsyn'],
        validFrom: addDays(today, 5),
        validTo: addDays(today, 4),
      }),
      400,
      'fullmakt_end_before_start',
    ],
    [
      'a start in the past',
      () => ({ holderNin: other.nin, serviceAreas: ['innsyn'], validFrom: addDays(today, -1) }),
      400,
      'fullmakt_start_in_past',
    ],
    ['no service area', () => ({ holderNin: other.nin, serviceAreas: [] }), 400, 'validation_failed'],
    ['an unknown service area', () => ({ holderNin: other.nin, serviceAreas: ['alt'] }), 400, 'validation_failed'],
  ];
  for (const [what, body, status, code] of badInput) {
    it(`refuses ${what} (${status} ${code})`, async () => {
      await expectProblem(await give(body()), status, code);
    });
  }

  it('answers 404 person_not_found for a valid number nobody in the register has', async () => {
    const { makeSyntheticNin } = await import('@helsebro/contracts');
    await expectProblem(
      await give({ holderNin: makeSyntheticNin('1961-06-06', 321), serviceAreas: ['innsyn'] }),
      404,
      'person_not_found',
    );
  });

  it('refuses a giver under 16 and a giver with a confidential address', async () => {
    const young = await loginAs(t.app, { kind: 'citizen', personId: youth.id });
    await expectProblem(
      await give({ holderNin: holder.nin, serviceAreas: ['innsyn'] }, young),
      400,
      'fullmakt_giver_minor',
    );
    const protectedGiver = await loginAs(t.app, { kind: 'citizen', personId: eva.id });
    await expectProblem(
      await give({ holderNin: holder.nin, serviceAreas: ['innsyn'] }, protectedGiver),
      400,
      'address_protected',
    );
  });

  it('needs a recent login to give (401 reauthentication_required)', async () => {
    const stale = await loginAs(
      t.app,
      { kind: 'citizen', personId: giver.id },
      { authTime: new Date(Date.now() - 3_600_000) },
    );
    await expectProblem(
      await give({ holderNin: other.nin, serviceAreas: ['brev_og_skjema'] }, stale),
      401,
      'reauthentication_required',
    );
  });

  it('never lets a representative manage fullmakter', async () => {
    const anne = await loginAs(t.app, { kind: 'citizen', personId: holder.id });
    const sw = await post('/api/representation/acting-for', anne, { personId: giver.id });
    assert.equal(sw.statusCode, 200, sw.body);
    await expectProblem(
      await give({ holderNin: other.nin, serviceAreas: ['innsyn'] }, anne),
      403,
      'proxy_cannot_manage_fullmakt',
    );
    const list = await t.app.inject({ method: 'GET', url: '/api/fullmakter', headers: anne.headers });
    assert.equal(list.statusCode, 403);
  });

  it('replaces a fullmakt (an edit): the old one ends as replaced, the new one points back', async () => {
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/fullmakter', headers: login.headers })
    ).json<FullmakterResponse>();
    const old = list.given.current.find((f) => f.holder.personId === holder.id && f.serviceAreas.includes('innsyn'))!;
    const res = await post(`/api/fullmakter/${old.id}/replace`, login, {
      serviceAreas: ['innsyn'],
      validTo: addDays(today, 100),
    });
    assert.equal(res.statusCode, 201, res.body);
    const replaced = res.json<FullmaktResponse>().fullmakt;
    assert.equal(replaced.replacesId, old.id);
    assert.deepEqual(replaced.serviceAreas, ['innsyn']);
    const after = (
      await t.app.inject({ method: 'GET', url: '/api/fullmakter', headers: login.headers })
    ).json<FullmakterResponse>();
    const history = after.given.history.find((f) => f.id === old.id);
    assert.equal(history?.status, 'ended');
    assert.equal(history?.endReason, 'replaced');
    assert.equal(history?.endedBy?.personId, giver.id);
  });

  it('lets the holder end a fullmakt they received, keeps it as history, and refuses ending it twice', async () => {
    const anne = await loginAs(t.app, { kind: 'citizen', personId: holder.id });
    const received = (
      await t.app.inject({ method: 'GET', url: '/api/fullmakter', headers: anne.headers })
    ).json<FullmakterResponse>();
    assert.ok(received.received.current.length >= 2);
    assert.equal(received.given.current.length, 0);
    const target = received.received.current[0]!;
    const res = await post(`/api/fullmakter/${target.id}/end`, anne);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json<FullmaktResponse>().fullmakt.endReason, 'ended_by_holder');
    await expectProblem(await post(`/api/fullmakter/${target.id}/end`, anne), 409, 'fullmakt_already_ended');
    const [row] = await t.database.query<{ ended_by_person_id: string; end_reason: string }>(
      'SELECT ended_by_person_id, end_reason FROM fullmakter WHERE id = $1',
      [target.id],
    );
    assert.deepEqual(row, { ended_by_person_id: holder.id, end_reason: 'ended_by_holder' });
    const strangers = await loginAs(t.app, { kind: 'citizen', personId: other.id });
    const anotherId = received.received.current[1]!.id;
    await expectProblem(await post(`/api/fullmakter/${anotherId}/end`, strangers), 404, 'fullmakt_not_found');
  });

  it('does not count an ended or expired fullmakt as an overlap', async () => {
    const db = t.app.platform.db;
    const a = await makePerson(db, { birthDate: bornAgo(70) });
    const b = await makePerson(db, { birthDate: bornAgo(45) });
    await makeFullmakt(db, a.id, b.id, { serviceAreas: ['innsyn'], endedAt: new Date(), endReason: 'ended_by_giver' });
    await makeFullmakt(db, a.id, b.id, { serviceAreas: ['innsyn'], validFrom: '2020-01-01', validTo: '2021-01-01' });
    const aLogin = await loginAs(t.app, { kind: 'citizen', personId: a.id });
    const res = await give({ holderNin: b.nin, serviceAreas: ['innsyn'] }, aLogin);
    assert.equal(res.statusCode, 201, res.body);
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/fullmakter', headers: aLogin.headers })
    ).json<FullmakterResponse>();
    assert.deepEqual(list.given.history.map((f) => f.status).sort(), ['ended', 'expired']);
  });
});
