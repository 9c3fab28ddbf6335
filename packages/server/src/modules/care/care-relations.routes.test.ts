import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { HealthContactsResponse, UnitCareRelation, UnitCareRelationsResponse } from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { loginAs, type LoggedIn } from '../../../test/login.ts';
import { bornAgo } from '../../../test/ages.ts';
import {
  makeMunicipality,
  makePerson,
  makePersonnel,
  makeServiceUnit,
  uniqueSyntheticNin,
  type Person,
} from '../../../test/factories.ts';
import { osloDate } from '../representation/index.ts';

describe('care relations managed by the unit: register, end, list', () => {
  let t: TestApp;
  let siri: LoggedIn, otherUnitNurse: LoggedIn, otherMunicipality: LoggedIn;
  let unitId: string, siriId: string;
  let per: Person, ingrid: Person;
  const today = osloDate(new Date());
  const url = () => `/api/staff/units/${unitId}/care-relations`;
  const post = (path: string, who: LoggedIn, payload: object) =>
    t.app.inject({ method: 'POST', url: path, headers: who.headers, payload });
  const list = async (who: LoggedIn, query = '') =>
    t.app.inject({ method: 'GET', url: `${url()}${query}`, headers: who.headers });

  before(async () => {
    t = await buildTestApp();
    const db = t.app.platform.db;
    const fjordvik = await makeMunicipality(db, { name: 'Fjordvik kommune' });
    const bakkedal = await makeMunicipality(db, { name: 'Bakkedal kommune' });
    const unit = await makeServiceUnit(db, fjordvik.id, { name: 'Hjemmesykepleien' });
    const station = await makeServiceUnit(db, fjordvik.id, { name: 'Helsestasjonen', kind: 'health_station' });
    const far = await makeServiceUnit(db, bakkedal.id, { name: 'Hjemmesykepleien Bakkedal' });
    unitId = unit.id;
    const nurse = await makePersonnel(db, {
      municipalityId: fjordvik.id,
      serviceUnitId: unit.id,
      givenName: 'Siri',
      familyName: 'Sykepleier',
    });
    siriId = nurse.id;
    const stationNurse = await makePersonnel(db, { municipalityId: fjordvik.id, serviceUnitId: station.id });
    const bakkedalNurse = await makePersonnel(db, { municipalityId: bakkedal.id, serviceUnitId: far.id });
    per = await makePerson(db, {
      municipalityId: fjordvik.id,
      givenName: 'Per',
      familyName: 'Hansen',
      birthDate: bornAgo(85),
    });
    ingrid = await makePerson(db, {
      municipalityId: fjordvik.id,
      givenName: 'Ingrid',
      familyName: 'Berg',
      birthDate: bornAgo(75),
    });
    siri = await loginAs(t.app, { kind: 'personnel', personnelId: nurse.id, municipalityId: fjordvik.id });
    otherUnitNurse = await loginAs(t.app, {
      kind: 'personnel',
      personnelId: stationNurse.id,
      municipalityId: fjordvik.id,
    });
    otherMunicipality = await loginAs(t.app, {
      kind: 'personnel',
      personnelId: bakkedalNurse.id,
      municipalityId: bakkedal.id,
    });
  });
  after(async () => {
    await t.close();
  });

  it('registers a relation by identity number, which the citizen then sees as a current health contact', async () => {
    const res = await post(url(), siri, { nin: per.nin, validFrom: today, primaryContactId: siriId });
    assert.equal(res.statusCode, 201, res.body);
    const rel = res.json<UnitCareRelation>();
    assert.equal(rel.person.displayName, 'Per Hansen');
    assert.equal(rel.active, true);
    assert.equal(rel.primaryContact?.displayName, 'Siri Sykepleier');
    const perLogin = await loginAs(t.app, { kind: 'citizen', personId: per.id });
    const contacts = await t.app.inject({ method: 'GET', url: '/api/me/health-contacts', headers: perLogin.headers });
    assert.deepEqual(
      contacts.json<HealthContactsResponse>().current.map((c) => c.serviceUnit.name),
      ['Hjemmesykepleien'],
    );
    const [audit] = await t.database.query<{ subject: string; outcome: string }>(
      "SELECT subject_person_id AS subject, outcome FROM audit_log WHERE action = 'care_relation.create' AND resource_id = $1",
      [rel.id],
    );
    assert.deepEqual(audit, { subject: per.id, outcome: 'success' });

    const again = await post(url(), siri, { nin: per.nin, validFrom: today });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'care_relation_exists');
  });

  it('answers an unknown number 404, audited without a subject or the number; a malformed one 400', async () => {
    const nobody = uniqueSyntheticNin(bornAgo(40));
    const res = await post(url(), siri, { nin: nobody, validFrom: today });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().code, 'citizen_not_found');
    const rows = await t.database.query<{ subject: string | null; details: string }>(
      "SELECT subject_person_id AS subject, details::text AS details FROM audit_log WHERE action = 'care_relation.create' AND outcome = 'denied'",
    );
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.subject, null);
    assert.doesNotMatch(rows[0]!.details, new RegExp(nobody));
    const bad = await post(url(), siri, { nin: '123', validFrom: today });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().code, 'nin_invalid');
    const badDate = await post(url(), siri, { nin: ingrid.nin, validFrom: '2026-02-30' });
    assert.equal(badDate.statusCode, 400);
  });

  it('refuses staff of another unit and of another municipality', async () => {
    const other = await post(url(), otherUnitNurse, { nin: ingrid.nin, validFrom: today });
    assert.equal(other.statusCode, 403);
    assert.equal(other.json().code, 'not_unit_staff');
    const far = await post(url(), otherMunicipality, { nin: ingrid.nin, validFrom: today });
    assert.equal(far.statusCode, 404);
    assert.equal((await list(otherUnitNurse)).statusCode, 403);
  });

  it('lists the unit’s relations paged and searchable by name, and ends one with a reason', async () => {
    const reg = await post(url(), siri, { nin: ingrid.nin, validFrom: '2024-01-01' });
    assert.equal(reg.statusCode, 201, reg.body);
    const all = (await list(siri)).json<UnitCareRelationsResponse>();
    assert.deepEqual(
      all.items.map((i) => i.person.displayName),
      ['Ingrid Berg', 'Per Hansen'],
    );
    assert.equal(all.total, 2);
    const found = (await list(siri, '?q=hans')).json<UnitCareRelationsResponse>();
    assert.deepEqual(
      found.items.map((i) => i.person.displayName),
      ['Per Hansen'],
    );

    const id = reg.json<UnitCareRelation>().id;
    const early = await post(`${url()}/${id}/end`, siri, { validTo: '2023-12-31', reason: 'moved' });
    assert.equal(early.statusCode, 422);
    const ended = await post(`${url()}/${id}/end`, siri, { validTo: today, reason: 'services_completed' });
    assert.equal(ended.statusCode, 200, ended.body);
    assert.equal(ended.json<UnitCareRelation>().endReason, 'services_completed');
    const twice = await post(`${url()}/${id}/end`, siri, { validTo: today, reason: 'moved' });
    assert.equal(twice.statusCode, 409);
    const [row] = await t.database.query<{ valid_to: string; end_reason: string; ended_by: string }>(
      'SELECT valid_to::text, end_reason, ended_by_personnel_id AS ended_by FROM care_relations WHERE id = $1',
      [id],
    );
    assert.deepEqual(row, { valid_to: today, end_reason: 'services_completed', ended_by: siriId });
    const endedList = (await list(siri, '?status=ended')).json<UnitCareRelationsResponse>();
    assert.equal(endedList.total, 0, 'ended today is still active today');
  });
});
