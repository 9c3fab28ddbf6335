import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type {
  AccessLogResponse,
  EmergencyAccessResponse,
  HealthContactsResponse,
  StaffCitizenResponse,
  StaffCitizensResponse,
} from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { loginAs, type LoggedIn } from '../../../test/login.ts';
import { bornAgo } from '../../../test/ages.ts';
import {
  makeCareRelation,
  makeMunicipality,
  makePerson,
  makePersonnel,
  makeServiceUnit,
  uniqueSyntheticNin,
  type Person,
} from '../../../test/factories.ts';

describe('care relations: staff access on tjenstlig behov, emergency access, the citizen’s view', () => {
  let t: TestApp;
  let per: Person, nora: Person, ingrid: Person;
  let siri: LoggedIn, other: LoggedIn;
  let fjordvikId: string, siriId: string;

  const get = (url: string, who: LoggedIn) => t.app.inject({ method: 'GET', url, headers: who.headers });
  const post = (url: string, who: LoggedIn, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: who.headers, payload });

  before(async () => {
    t = await buildTestApp();
    const db = t.app.platform.db;
    const fjordvik = await makeMunicipality(db, { name: 'Fjordvik kommune' });
    fjordvikId = fjordvik.id;
    const bakkedal = await makeMunicipality(db, { name: 'Bakkedal kommune' });
    const homeCare = await makeServiceUnit(db, fjordvik.id, { name: 'Hjemmesykepleien', phone: '77 70 10 000' });
    const station = await makeServiceUnit(db, fjordvik.id, { name: 'Helsestasjonen', kind: 'health_station' });
    const bakkedalCare = await makeServiceUnit(db, bakkedal.id, { name: 'Hjemmesykepleien Bakkedal' });
    const nurse = await makePersonnel(db, {
      municipalityId: fjordvik.id,
      serviceUnitId: homeCare.id,
      givenName: 'Siri',
      familyName: 'Sykepleier',
    });
    siriId = nurse.id;
    const bakkedalNurse = await makePersonnel(db, { municipalityId: bakkedal.id, serviceUnitId: bakkedalCare.id });
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
    nora = await makePerson(db, {
      municipalityId: fjordvik.id,
      givenName: 'Nora',
      familyName: 'Bakken',
      birthDate: bornAgo(31),
    });
    await makeCareRelation(db, {
      municipalityId: fjordvik.id,
      personId: per.id,
      serviceUnitId: homeCare.id,
      primaryContactId: nurse.id,
    });
    await makeCareRelation(db, {
      municipalityId: fjordvik.id,
      personId: per.id,
      serviceUnitId: station.id,
      validFrom: '2021-01-01',
      validTo: '2021-06-30',
    });
    await makeCareRelation(db, { municipalityId: fjordvik.id, personId: ingrid.id, serviceUnitId: homeCare.id });
    // Ingrid's relation in the other unit of the municipality does not put her on Siri's list twice.
    await makeCareRelation(db, { municipalityId: fjordvik.id, personId: ingrid.id, serviceUnitId: station.id });
    siri = await loginAs(t.app, { kind: 'personnel', personnelId: nurse.id, municipalityId: fjordvik.id });
    other = await loginAs(t.app, { kind: 'personnel', personnelId: bakkedalNurse.id, municipalityId: bakkedal.id });
  });
  after(async () => {
    await t.close();
  });

  it('lists the citizens with an active care relation in the nurse’s units', async () => {
    const res = await get('/api/staff/citizens', siri);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<StaffCitizensResponse>();
    assert.deepEqual(
      body.citizens.map((c) => c.displayName),
      ['Ingrid Berg', 'Per Hansen'],
    );
    const perRow = body.citizens.find((c) => c.personId === per.id)!;
    assert.equal(perRow.careRelations.length, 1);
    assert.equal(perRow.careRelations[0]!.serviceUnit.name, 'Hjemmesykepleien');
    assert.equal(perRow.careRelations[0]!.primaryContact?.displayName, 'Siri Sykepleier');
  });

  it('lets the nurse with a care relation read the citizen without emergency access', async () => {
    const res = await post('/api/staff/citizens/lookup', siri, { nin: per.nin });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<StaffCitizenResponse>();
    assert.equal(body.citizen.givenName, 'Per');
    assert.equal(body.access.basis, 'care_relation');
    assert.equal(body.access.emergency, null);
    assert.equal(body.careRelations.length, 2);
    const rows = await t.database.query<{ emergency: boolean; outcome: string; purpose: string }>(
      "SELECT emergency, outcome, purpose FROM audit_log WHERE action = 'staff.citizen.read' AND subject_person_id = $1",
      [per.id],
    );
    assert.deepEqual(rows, [{ emergency: false, outcome: 'success', purpose: 'health_care' }]);
  });

  it('refuses staff of another municipality (the care relation is Fjordvik’s)', async () => {
    const res = await get(`/api/staff/citizens/${per.id}`, other);
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, 'no_care_relation');
  });

  it('gives the municipality’s administrator no citizen and no emergency access by that role alone', async () => {
    const db = t.app.platform.db;
    const adminId = (await makePersonnel(db, { municipalityId: fjordvikId, role: 'municipal_admin' })).id;
    const admin = await loginAs(t.app, { kind: 'personnel', personnelId: adminId, municipalityId: fjordvikId });
    for (const res of [
      await get('/api/staff/citizens', admin),
      await post('/api/staff/citizens/lookup', admin, { nin: per.nin }),
      await post('/api/staff/emergency-access', admin, { personId: per.id, reason: 'Jeg vil bare se på journalen.' }),
    ]) {
      assert.equal(res.statusCode, 403, res.body);
      assert.equal(res.json().code, 'not_health_personnel');
    }
    const grants = await t.database.query('SELECT id FROM emergency_access_grants WHERE personnel_id = $1', [adminId]);
    assert.deepEqual(grants, []);
  });

  it('refuses a nurse without a care relation, audits the refusal, then allows emergency access with a reason', async () => {
    const refused = await post('/api/staff/citizens/lookup', siri, { nin: nora.nin });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().code, 'no_care_relation');
    assert.match(refused.json().detail, /tjenstlig behov/);

    const short = await post('/api/staff/emergency-access', siri, { personId: nora.id, reason: 'akutt' });
    assert.equal(short.statusCode, 400);
    assert.equal(short.json().code, 'emergency_reason_required');

    const reason = 'Bevisstløs på legevakten, trenger opplysninger om tjenester';
    const granted = await post('/api/staff/emergency-access', siri, { nin: nora.nin, reason });
    assert.equal(granted.statusCode, 201, granted.body);
    const grant = granted.json<EmergencyAccessResponse>();
    assert.equal(grant.personId, nora.id);
    const hours = (Date.parse(grant.expiresAt) - Date.parse(grant.grantedAt)) / 3_600_000;
    assert.equal(hours, 4);

    const read = await get(`/api/staff/citizens/${nora.id}`, siri);
    assert.equal(read.statusCode, 200, read.body);
    const body = read.json<StaffCitizenResponse>();
    assert.equal(body.access.basis, 'emergency');
    assert.equal(body.access.emergency?.reason, reason);

    const rows = await t.database.query<{ action: string; outcome: string; emergency: boolean; reason: string | null }>(
      `SELECT action, outcome, emergency, details->>'emergencyReason' AS reason FROM audit_log
       WHERE subject_person_id = $1 ORDER BY id`,
      [nora.id],
    );
    assert.deepEqual(
      rows.map((r) => [r.action, r.outcome, r.emergency, r.reason]),
      [
        ['staff.citizen.read', 'denied', false, null],
        ['emergency_access.grant', 'success', true, reason],
        ['staff.citizen.read', 'success', true, reason],
      ],
    );
  });

  it('shows the citizen the refusal and the emergency access, marked, in their access log', async () => {
    const noraLogin = await loginAs(t.app, { kind: 'citizen', personId: nora.id });
    const res = await get('/api/access-log', noraLogin);
    assert.equal(res.statusCode, 200, res.body);
    const log = res.json<AccessLogResponse>();
    const staffEntries = log.entries.filter((e) => e.actor.kind === 'personnel');
    assert.equal(staffEntries.length, 3);
    for (const e of staffEntries) {
      assert.equal(e.actor.name, 'Siri Sykepleier');
      assert.equal(e.actor.role, 'nurse');
      assert.equal(e.actor.unit, 'Hjemmesykepleien');
      assert.equal(e.actor.organisation?.name, 'Fjordvik kommune');
      assert.equal(e.onBehalfOf, null);
    }
    const [read, grant, denied] = staffEntries;
    assert.equal(denied!.outcome, 'denied');
    assert.equal(denied!.emergency, false);
    assert.equal(grant!.action, 'emergency_access.grant');
    assert.equal(grant!.emergency, true);
    assert.match(grant!.emergencyReason!, /Bevisstløs/);
    assert.equal(read!.emergency, true);
    assert.equal(read!.purpose, 'emergency');
    assert.deepEqual(
      log.organisations.map((o) => o.id),
      [fjordvikId],
    );
    const onlyStaff = (await get(`/api/access-log?organisation=${fjordvikId}`, noraLogin)).json<AccessLogResponse>();
    assert.equal(onlyStaff.entries.length, 3);
    const onlyPrivate = (await get('/api/access-log?organisation=private', noraLogin)).json<AccessLogResponse>();
    assert.ok(onlyPrivate.entries.every((e) => e.actor.kind === 'citizen'));
  });

  it('answers a registered number without a care relation exactly as a number nobody has', async () => {
    const kim = await makePerson(t.app.platform.db, { municipalityId: fjordvikId, birthDate: bornAgo(52) });
    const nobody = uniqueSyntheticNin(bornAgo(52));
    assert.equal((await t.database.query('SELECT 1 FROM persons WHERE nin = $1', [nobody])).length, 0);
    // What a client can compare: status, content type, caching, and the problem without its request id.
    const seen = async (res: Awaited<ReturnType<typeof post>>) => {
      const { instance: _i, requestId: _r, ...problem } = res.json<Record<string, unknown>>();
      return {
        status: res.statusCode,
        type: res.headers['content-type'],
        cache: res.headers['cache-control'],
        problem,
      };
    };
    const registered = await seen(await post('/api/staff/citizens/lookup', siri, { nin: kim.nin }));
    const unregistered = await seen(await post('/api/staff/citizens/lookup', siri, { nin: nobody }));
    assert.deepEqual(unregistered, registered);
    assert.equal(registered.status, 403);
    assert.equal(registered.problem.code, 'no_care_relation');
    assert.match(String(registered.problem.detail), /tjenstlig behov/);
    // Another municipality's nurse is refused Per (Fjordvik's) in the same words.
    assert.deepEqual(await seen(await post('/api/staff/citizens/lookup', other, { nin: per.nin })), registered);

    // Kim sees the attempt in her log; the attempt on nobody is kept without a subject, and no number is stored.
    const denied = await t.database.query<{ subject: string | null; resource: string | null; details: string }>(
      `SELECT subject_person_id AS subject, resource_id AS resource, details::text AS details FROM audit_log
       WHERE action = 'staff.citizen.read' AND outcome = 'denied' AND actor_id = $1 ORDER BY id DESC LIMIT 2`,
      [siriId],
    );
    assert.deepEqual(
      denied.map((r) => [r.subject, r.resource]),
      [
        [null, null],
        [kim.id, kim.id],
      ],
    );
    for (const row of denied) {
      assert.doesNotMatch(row.details, new RegExp(`${nobody}|${kim.nin}`));
    }

    // Emergency access answers both the same until the reason is stated; then Kim gets a grant, nobody a 404.
    const short = { reason: 'akutt' };
    const shortKim = await post('/api/staff/emergency-access', siri, { nin: kim.nin, ...short });
    const shortNobody = await post('/api/staff/emergency-access', siri, { nin: nobody, ...short });
    assert.equal(shortKim.statusCode, 400);
    assert.deepEqual([shortNobody.statusCode, shortNobody.json().code], [400, shortKim.json().code]);
    const reason = { reason: 'Funnet forvirret på gata, trenger opplysninger om tjenester' };
    const none = await post('/api/staff/emergency-access', siri, { nin: nobody, ...reason });
    assert.equal(none.statusCode, 404);
    assert.equal(none.json().code, 'citizen_not_found');
    const attempts = await t.database.query<{ subject: string | null; emergency: boolean }>(
      `SELECT subject_person_id AS subject, emergency FROM audit_log
       WHERE action = 'emergency_access.grant' AND outcome = 'denied' AND actor_id = $1`,
      [siriId],
    );
    assert.deepEqual(attempts, [{ subject: null, emergency: true }]);
  });

  it('gives the citizen their current and former health contacts', async () => {
    const perLogin = await loginAs(t.app, { kind: 'citizen', personId: per.id });
    const res = await get('/api/me/health-contacts', perLogin);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<HealthContactsResponse>();
    assert.deepEqual(
      body.current.map((c) => [c.serviceUnit.name, c.serviceUnit.phone, c.primaryContact?.displayName]),
      [['Hjemmesykepleien', '77 70 10 000', 'Siri Sykepleier']],
    );
    assert.deepEqual(
      body.former.map((c) => c.serviceUnit.name),
      ['Helsestasjonen'],
    );
  });

  it('answers bad lookups clearly and keeps citizens out of staff routes', async () => {
    const invalid = await post('/api/staff/citizens/lookup', siri, { nin: '123' });
    assert.equal(invalid.statusCode, 400);
    assert.equal(invalid.json().code, 'nin_invalid');
    const both = await post('/api/staff/citizens/lookup', siri, { nin: per.nin, personId: per.id });
    assert.equal(both.statusCode, 400);
    // An id nobody has is refused like a person without a care relation (issue 10: no enumeration).
    const unknown = await get('/api/staff/citizens/00000000-0000-4000-8000-000000000000', siri);
    assert.equal(unknown.statusCode, 403);
    assert.equal(unknown.json().code, 'no_care_relation');
    const perLogin = await loginAs(t.app, { kind: 'citizen', personId: per.id });
    const asCitizen = await get('/api/staff/citizens', perLogin);
    assert.equal(asCitizen.statusCode, 403);
    assert.equal(asCitizen.json().code, 'wrong_role');
  });
});
