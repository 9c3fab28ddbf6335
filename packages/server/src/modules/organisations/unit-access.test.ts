import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.ts';
import { makeMunicipality, makePersonnel, makeServiceUnit } from '../../../test/factories.ts';
import { anonymousContext, type RequestContext } from '../../platform/http/request-context.ts';
import { requireUnitStaff, unitsOfStaff } from './unit-access.ts';

void describe('requireUnitStaff and unitsOfStaff', () => {
  let database: TestDatabase;
  let ids: Record<'m' | 'other' | 'home' | 'station' | 'foreign', string>;
  let as: Record<'nurse' | 'admin' | 'stranger' | 'epj' | 'citizen', RequestContext>;
  before(async () => {
    database = await createTestDatabase();
    const db = database.db;
    const m = await makeMunicipality(db);
    const other = await makeMunicipality(db);
    const home = await makeServiceUnit(db, m.id);
    const station = await makeServiceUnit(db, m.id, { kind: 'health_station' });
    const foreign = await makeServiceUnit(db, other.id);
    ids = { m: m.id, other: other.id, home: home.id, station: station.id, foreign: foreign.id };
    const nurse = await makePersonnel(db, { municipalityId: m.id, serviceUnitId: home.id });
    const admin = await makePersonnel(db, { municipalityId: m.id, role: 'municipal_admin' });
    const stranger = await makePersonnel(db, { municipalityId: other.id, serviceUnitId: foreign.id });
    const staff = (personnelId: string, municipalityId: string): RequestContext => ({
      ...anonymousContext('t'),
      actor: { kind: 'personnel', personnelId, hprNumber: null },
      municipalityId,
    });
    as = {
      nurse: staff(nurse.id, m.id),
      admin: staff(admin.id, m.id),
      stranger: staff(stranger.id, other.id),
      epj: { ...anonymousContext('t'), actor: { kind: 'partner', partnerId: 'epj-m' }, municipalityId: m.id },
      citizen: { ...anonymousContext('t'), actor: { kind: 'citizen', personId: 'x' }, municipalityId: m.id },
    };
  });
  after(async () => {
    await database.cleanup();
  });

  it('lets a health worker act for their own unit with their role, and the administrator for every unit where the use case allows it', async () => {
    const own = await requireUnitStaff(database.db, as.nurse, ids.home);
    assert.deepEqual([own.unit.id, own.role], [ids.home, 'nurse']);
    const admin = await requireUnitStaff(database.db, as.admin, ids.station, { admin: true });
    assert.equal(admin.role, 'municipal_admin');
    assert.deepEqual(
      (await unitsOfStaff(database.db, as.nurse, { admin: true })).map((u) => u.id),
      [ids.home],
    );
    assert.deepEqual(
      (await unitsOfStaff(database.db, as.admin, { admin: true })).map((u) => u.id).sort(),
      [ids.home, ids.station].sort(),
    );
    await assert.rejects(requireUnitStaff(database.db, as.admin, ids.foreign, { admin: true }), {
      code: 'unit_not_found',
    });
  });

  it('gives the administrator role alone no unit elsewhere: no citizen data without a service need', async () => {
    await assert.rejects(requireUnitStaff(database.db, as.admin, ids.station), { code: 'not_unit_staff' });
    await assert.rejects(requireUnitStaff(database.db, as.admin, ids.home, { epj: true }), { code: 'not_unit_staff' });
    assert.deepEqual(await unitsOfStaff(database.db, as.admin), []);
  });

  it("refuses another unit of the municipality (403), and another municipality's unit as unknown (404)", async () => {
    await assert.rejects(requireUnitStaff(database.db, as.nurse, ids.station), { code: 'not_unit_staff' });
    await assert.rejects(requireUnitStaff(database.db, as.stranger, ids.home), { code: 'unit_not_found' });
    await assert.rejects(requireUnitStaff(database.db, as.nurse, ids.foreign), { code: 'unit_not_found' });
  });

  it('lists only the units one has a role in, the administrator too, when asked for own roles only', async () => {
    assert.deepEqual(
      (await unitsOfStaff(database.db, as.nurse, { ownRolesOnly: true })).map((u) => u.id),
      [ids.home],
    );
    assert.deepEqual(await unitsOfStaff(database.db, as.admin, { admin: true, ownRolesOnly: true }), []);
  });

  it('lets the EPJ act for every unit of its municipality only where the use case allows it', async () => {
    await assert.rejects(requireUnitStaff(database.db, as.epj, ids.home), { code: 'wrong_role' });
    const epj = await requireUnitStaff(database.db, as.epj, ids.home, { epj: true });
    assert.deepEqual([epj.personnelId, epj.role], [null, 'epj']);
    assert.equal((await unitsOfStaff(database.db, as.epj, { epj: true })).length, 2);
    await assert.rejects(requireUnitStaff(database.db, as.epj, ids.foreign, { epj: true }), { code: 'unit_not_found' });
    await assert.rejects(requireUnitStaff(database.db, as.citizen, ids.home, { epj: true }), { code: 'wrong_role' });
  });
});
