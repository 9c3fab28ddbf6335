import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FULLMAKT_HOLDER_LOOKUPS_PER_HOUR, type AccessLogResponse, type FullmakterResponse } from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { loginAs, type LoggedIn } from '../../../test/login.ts';
import { makeFullmakt, makeMunicipality, makePerson, uniqueSyntheticNin } from '../../../test/factories.ts';
import { bornAgo, today } from '../../../test/ages.ts';
import { addDays } from './dates.ts';

describe('fullmakt: the holder’s name before giving, and a death ends a fullmakt', () => {
  let t: TestApp;
  let municipalityId: string;

  const lookup = (who: LoggedIn, holderNin: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/fullmakter/holder-lookup',
      headers: who.headers,
      payload: { holderNin },
    });
  const person = (givenName: string, more: Parameters<typeof makePerson>[1] = {}) =>
    makePerson(t.app.platform.db, { municipalityId, givenName, familyName: 'Hansen', birthDate: bornAgo(50), ...more });

  before(async () => {
    t = await buildTestApp();
    municipalityId = (await makeMunicipality(t.app.platform.db)).id;
  });
  after(async () => {
    await t.close();
  });

  it('answers only the name, audits the lookup in the holder’s log, and says at the field when nobody has it', async () => {
    const per = await person('Per');
    const anne = await person('Anne');
    const login = await loginAs(t.app, { kind: 'citizen', personId: per.id });

    const found = await lookup(login, `${anne.nin.slice(0, 6)} ${anne.nin.slice(6)}`);
    assert.equal(found.statusCode, 200, found.body);
    assert.deepEqual(found.json(), { displayName: 'Anne Hansen' });

    const unknown = await lookup(login, uniqueSyntheticNin(bornAgo(40)));
    assert.equal(unknown.statusCode, 422);
    assert.equal(unknown.json().code, 'person_not_found');
    const problem = unknown.json<{ errors: Array<{ path: string }> }>();
    assert.deepEqual(
      problem.errors.map((e) => e.path),
      ['holderNin'],
    );
    const invalid = await lookup(login, '12345678901');
    assert.equal(invalid.statusCode, 400);
    assert.equal(invalid.json().code, 'nin_invalid');

    const audit = await t.database.query<{ subject: string | null; outcome: string }>(
      "SELECT subject_person_id AS subject, outcome FROM audit_log WHERE action = 'fullmakt.holder_lookup' AND actor_id = $1 ORDER BY id",
      [per.id],
    );
    assert.deepEqual(audit, [
      { subject: anne.id, outcome: 'success' },
      { subject: null, outcome: 'error' },
    ]);
    const anneLog = await t.app.inject({
      method: 'GET',
      url: '/api/access-log',
      headers: (await loginAs(t.app, { kind: 'citizen', personId: anne.id })).headers,
    });
    const entry = anneLog.json<AccessLogResponse>().entries.find((e) => e.action === 'fullmakt.holder_lookup');
    assert.equal(entry?.actor.name, 'Per Hansen');
  });

  it('refuses at once what giving would refuse, without the name: a protected address, oneself, a minor', async () => {
    const per = await person('Per');
    const eva = await person('Eva', { addressProtection: 'strictly_confidential', streetAddress: null });
    const mina = await person('Mina', { birthDate: bornAgo(17) });
    const login = await loginAs(t.app, { kind: 'citizen', personId: per.id });
    for (const [who, code] of [
      [eva, 'address_protected'],
      [per, 'fullmakt_self'],
      [mina, 'fullmakt_holder_minor'],
    ] as const) {
      const res = await lookup(login, who.nin);
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().code, code);
      assert.doesNotMatch(res.body, new RegExp(who.givenName));
    }
  });

  it(`refuses more than ${FULLMAKT_HOLDER_LOOKUPS_PER_HOUR} lookups an hour by one citizen, not another`, async () => {
    const per = await person('Per');
    const anne = await person('Anne');
    const login = await loginAs(t.app, { kind: 'citizen', personId: per.id });
    for (let i = 0; i < FULLMAKT_HOLDER_LOOKUPS_PER_HOUR; i += 1) {
      assert.equal((await lookup(login, anne.nin)).statusCode, 200);
    }
    const refused = await lookup(login, anne.nin);
    assert.equal(refused.statusCode, 429);
    assert.equal(refused.json().code, 'rate_limited');
    assert.doesNotMatch(refused.body, /Anne/);
    const ola = await person('Ola');
    assert.equal((await lookup(await loginAs(t.app, { kind: 'citizen', personId: ola.id }), anne.nin)).statusCode, 200);
  });

  it('refuses the lookup while acting for someone else', async () => {
    const per = await person('Per');
    const anne = await person('Anne');
    await makeFullmakt(t.app.platform.db, per.id, anne.id, { serviceAreas: ['innsyn', 'digitale_helsetjenester'] });
    const login = await loginAs(t.app, { kind: 'citizen', personId: anne.id });
    const switched = await t.app.inject({
      method: 'POST',
      url: '/api/representation/acting-for',
      headers: login.headers,
      payload: { personId: per.id },
    });
    assert.equal(switched.statusCode, 200, switched.body);
    const res = await lookup(login, anne.nin);
    assert.equal(res.statusCode, 403);
  });

  it('shows a fullmakt from a giver who has died as ended, with the reason, on both sides', async () => {
    const per = await person('Per');
    const anne = await person('Anne');
    await makeFullmakt(t.app.platform.db, per.id, anne.id);
    await t.database.query('UPDATE persons SET deceased_on = $2 WHERE id = $1', [per.id, addDays(today, -1)]);
    const anneLogin = await loginAs(t.app, { kind: 'citizen', personId: anne.id });
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/fullmakter', headers: anneLogin.headers })
    ).json<FullmakterResponse>();
    assert.deepEqual(list.received.current, []);
    assert.deepEqual(
      list.received.history.map((f) => [f.giver.displayName, f.status, f.endReason, f.endedAt]),
      [['Per Hansen', 'ended', 'giver_deceased', null]],
    );
  });
});
