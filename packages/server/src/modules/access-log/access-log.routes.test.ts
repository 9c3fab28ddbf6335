import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AccessLogResponse } from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { loginAs, type LoggedIn } from '../../../test/login.ts';
import { bornAgo } from '../../../test/ages.ts';
import {
  makeCareRelation,
  makeFullmakt,
  makeMunicipality,
  makePerson,
  makePersonnel,
  makeServiceUnit,
} from '../../../test/factories.ts';

/** A world of its own per case: a municipality, a home-care unit, two nurses and a citizen receiving home care. */
async function world(t: TestApp) {
  const db = t.app.platform.db;
  const m = await makeMunicipality(db, { name: 'Fjordvik kommune' });
  const unit = await makeServiceUnit(db, m.id, { name: 'Hjemmesykepleien' });
  const siri = await makePersonnel(db, {
    municipalityId: m.id,
    serviceUnitId: unit.id,
    givenName: 'Siri',
    familyName: 'Sykepleier',
  });
  const ola = await makePersonnel(db, {
    municipalityId: m.id,
    serviceUnitId: unit.id,
    givenName: 'Ola',
    familyName: 'Olsen',
  });
  const per = await makePerson(db, {
    municipalityId: m.id,
    givenName: 'Per',
    familyName: 'Hansen',
    birthDate: bornAgo(85),
  });
  await makeCareRelation(db, { municipalityId: m.id, personId: per.id, serviceUnitId: unit.id });
  return {
    per,
    perLogin: await loginAs(t.app, { kind: 'citizen', personId: per.id }),
    siri: await loginAs(t.app, { kind: 'personnel', personnelId: siri.id, municipalityId: m.id }),
    ola: await loginAs(t.app, { kind: 'personnel', personnelId: ola.id, municipalityId: m.id }),
    municipalityId: m.id,
    siriId: siri.id,
  };
}

describe('access log: what was opened, repeated reads as one entry with a count, others by default', () => {
  let t: TestApp;
  const get = (url: string, who: LoggedIn) => t.app.inject({ method: 'GET', url, headers: who.headers });
  const log = async (url: string, who: LoggedIn) => {
    const res = await get(url, who);
    assert.equal(res.statusCode, 200, res.body);
    return res.json<AccessLogResponse>();
  };

  before(async () => {
    t = await buildTestApp();
  });
  after(async () => {
    await t.close();
  });

  it('shows a nurse who opened the record 20 times as one entry with the count, another nurse apart', async () => {
    const w = await world(t);
    for (let i = 0; i < 20; i += 1) {
      assert.equal((await get(`/api/staff/citizens/${w.per.id}`, w.siri)).statusCode, 200);
    }
    assert.equal((await get(`/api/staff/citizens/${w.per.id}`, w.ola)).statusCode, 200);

    const entries = (await log('/api/access-log', w.perLogin)).entries;
    assert.deepEqual(
      entries.map((e) => [e.actor.name, e.action, e.count]),
      [
        ['Ola Olsen', 'staff.citizen.read', 1],
        ['Siri Sykepleier', 'staff.citizen.read', 20],
      ],
    );
    const siri = entries[1]!;
    assert.ok(siri.firstOccurredAt <= siri.occurredAt);
    const audited = await t.database.query(
      "SELECT 1 FROM audit_log WHERE action = 'staff.citizen.read' AND subject_person_id = $1",
      [w.per.id],
    );
    assert.equal(audited.length, 21, 'every read is still its own audit entry; only the log groups them');
  });

  it('starts a new entry when reads are more than ten minutes apart, and never groups changes', async () => {
    const w = await world(t);
    assert.equal((await get(`/api/staff/citizens/${w.per.id}`, w.siri)).statusCode, 200);
    // An earlier read of the same record, 11 minutes before, and two changes a second apart (entries written as
    // the audit API writes them; only occurred_at is set, which the API takes from the clock of the database).
    await t.database.query(
      `INSERT INTO audit_log (occurred_at, actor_kind, actor_id, subject_person_id, municipality_id, action,
         resource_type, resource_id, purpose, outcome, details)
       SELECT occurred_at - interval '11 minutes', actor_kind, actor_id, subject_person_id, municipality_id, action,
         resource_type, resource_id, purpose, outcome, details
       FROM audit_log WHERE subject_person_id = $1 AND action = 'staff.citizen.read'`,
      [w.per.id],
    );
    for (const seconds of [2, 1]) {
      await t.database.query(
        `INSERT INTO audit_log (occurred_at, actor_kind, actor_id, subject_person_id, municipality_id, action,
           resource_type, resource_id, outcome)
         VALUES (now() - make_interval(secs => $3), 'personnel', $2, $1, $4, 'care_relation.end', 'care_relation', 'x', 'success')`,
        [w.per.id, w.siriId, seconds, w.municipalityId],
      );
    }
    const entries = (await log('/api/access-log?limit=10', w.perLogin)).entries;
    assert.deepEqual(
      entries.map((e) => [e.action, e.count]),
      [
        ['care_relation.end', 1],
        ['care_relation.end', 1],
        ['staff.citizen.read', 1],
        ['staff.citizen.read', 1],
      ],
    );
  });

  it('pages by line: a group is never split, and the cursor continues after it', async () => {
    const w = await world(t);
    for (let i = 0; i < 3; i += 1) {
      await get(`/api/staff/citizens/${w.per.id}`, w.siri);
    }
    await get(`/api/staff/citizens/${w.per.id}`, w.ola);
    const first = await log('/api/access-log?limit=1', w.perLogin);
    assert.deepEqual(
      first.entries.map((e) => e.count),
      [1],
    );
    const second = await log(`/api/access-log?limit=1&cursor=${first.nextCursor}`, w.perLogin);
    assert.deepEqual(
      second.entries.map((e) => e.count),
      [3],
    );
    assert.equal(second.nextCursor, null);
  });

  it('leaves the person’s own entries out by default, shows them with who=all, never their own list loads', async () => {
    const w = await world(t);
    assert.equal((await get('/api/me/profile', w.perLogin)).statusCode, 200);
    assert.equal((await get('/api/appointments', w.perLogin)).statusCode, 200);
    assert.equal((await get(`/api/staff/citizens/${w.per.id}`, w.siri)).statusCode, 200);

    const others = await log('/api/access-log', w.perLogin);
    assert.deepEqual(
      others.entries.map((e) => e.action),
      ['staff.citizen.read'],
    );
    const all = await log('/api/access-log?who=all', w.perLogin);
    assert.deepEqual(
      all.entries.map((e) => [e.action, e.actor.isSelf]),
      [
        ['staff.citizen.read', false],
        ['profile.read', true],
      ],
    );
    const listLoads = await t.database.query(
      "SELECT action FROM audit_log WHERE subject_person_id = $1 AND action IN ('appointment.list', 'access_log.read')",
      [w.per.id],
    );
    assert.ok(listLoads.length >= 3, 'the list loads are in the audit log, only not shown');
  });

  it('shows a representative’s list load in the giver’s log', async () => {
    const w = await world(t);
    const anne = await makePerson(t.app.platform.db, {
      municipalityId: w.municipalityId,
      givenName: 'Anne',
      birthDate: bornAgo(50),
    });
    await makeFullmakt(t.app.platform.db, w.per.id, anne.id, { serviceAreas: ['digitale_helsetjenester', 'innsyn'] });
    const anneLogin = await loginAs(t.app, { kind: 'citizen', personId: anne.id });
    const switched = await t.app.inject({
      method: 'POST',
      url: '/api/representation/acting-for',
      headers: anneLogin.headers,
      payload: { personId: w.per.id },
    });
    assert.equal(switched.statusCode, 200, switched.body);
    assert.equal((await get('/api/me/health-contacts', anneLogin)).statusCode, 200);
    const entries = (await log('/api/access-log', w.perLogin)).entries;
    const read = entries.find((e) => e.action === 'health_contacts.read');
    assert.equal(read?.actor.isSelf, false);
    assert.equal(read?.onBehalfOf?.personId, w.per.id);
  });
});
