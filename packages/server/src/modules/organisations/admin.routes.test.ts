import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import type {
  AdminMunicipalityResponse,
  AdminUnit,
  MachineClientItem,
  ProblemResponse,
  StaffMember,
  StaffPage,
} from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { loginAs, type LoggedIn } from '../../../test/login.ts';
import { requestEpjToken } from '../../../test/epj-token.ts';
import { makeMunicipality, makePersonnel, makeServiceUnit, uniqueSyntheticNin } from '../../../test/factories.ts';
import { auditLog, epjProducts, personnelRoles, serviceUnits } from '../../platform/db/schema.ts';

const unit = {
  name: 'Hjemmetjenesten Nord',
  kind: 'home_care',
  phone: '+47 75 00 00 10',
  functionalEmail: 'nord@x.no',
};

void describe('/api/admin: the municipality administrator', () => {
  let t: TestApp;
  let admin: LoggedIn;
  let adminId: string;
  let nurseOnly: LoggedIn;
  let otherAdmin: LoggedIn;
  let foreignUnitId: string;
  let foreignStaffId: string;
  let productId: string;
  before(async () => {
    t = await buildTestApp({}, { listen: true });
    const db = t.database.db;
    const m = await makeMunicipality(db);
    const other = await makeMunicipality(db);
    const a = await makePersonnel(db, { municipalityId: m.id, role: 'municipal_admin' });
    adminId = a.id;
    admin = await loginAs(t.app, { kind: 'personnel', personnelId: a.id, municipalityId: m.id });
    const home = await makeServiceUnit(db, m.id);
    const nurse = await makePersonnel(db, { municipalityId: m.id, serviceUnitId: home.id });
    nurseOnly = await loginAs(t.app, { kind: 'personnel', personnelId: nurse.id, municipalityId: m.id });
    const oa = await makePersonnel(db, { municipalityId: other.id, role: 'municipal_admin' });
    otherAdmin = await loginAs(t.app, { kind: 'personnel', personnelId: oa.id, municipalityId: other.id });
    foreignUnitId = (await makeServiceUnit(db, other.id)).id;
    foreignStaffId = (await makePersonnel(db, { municipalityId: other.id, serviceUnitId: foreignUnitId })).id;
    const [p] = await db
      .insert(epjProducts)
      .values({ vendor: 'V', name: 'Journal', versions: ['1.0', '2.0'], services: ['dialog'] })
      .returning();
    productId = p?.id ?? '';
  });
  after(async () => {
    await t.close();
  });
  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, who = admin) =>
    t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

  void it('refuses personnel without the administrator role (403)', async () => {
    for (const [method, url, payload] of [
      ['GET', '/api/admin/units', undefined],
      ['POST', '/api/admin/units', unit],
      ['GET', '/api/admin/staff', undefined],
      ['GET', '/api/admin/epj-clients', undefined],
    ] as const) {
      const res = await call(method, url, payload, nurseOnly);
      assert.equal(res.statusCode, 403, `${method} ${url}`);
      assert.equal(res.json<ProblemResponse>().code, 'not_municipal_admin');
    }
  });

  let unitId: string;
  void it('creates, changes and closes a unit, refusing a duplicate name', async () => {
    const res = await call('POST', '/api/admin/units', { ...unit, herId: '8123456' });
    assert.equal(res.statusCode, 201, res.body);
    unitId = res.json<AdminUnit>().id;
    assert.equal((await call('POST', '/api/admin/units', unit)).statusCode, 409);
    const changed = await call('PUT', `/api/admin/units/${unitId}`, { ...unit, kind: 'infection_control' });
    assert.deepEqual([changed.statusCode, changed.json<AdminUnit>().kind], [200, 'infection_control']);
    const [row] = await t.database.db.select().from(serviceUnits).where(eq(serviceUnits.id, unitId));
    assert.deepEqual([row?.kind, row?.herId, row?.functionalEmail], ['infection_control', null, unit.functionalEmail]);
    // Home care works every day (issue 15): set, kept by a change that leaves it out, and cleared.
    assert.equal(res.json<AdminUnit>().visitsEveryDay, false);
    const everyDay = await call('PUT', `/api/admin/units/${unitId}`, { ...unit, visitsEveryDay: true });
    assert.deepEqual([everyDay.statusCode, everyDay.json<AdminUnit>().visitsEveryDay], [200, true]);
    const kept = await call('PUT', `/api/admin/units/${unitId}`, { ...unit, kind: 'infection_control' });
    assert.equal(kept.json<AdminUnit>().visitsEveryDay, true);
    const [audit] = await t.database.query<{ details: { visitsEveryDay?: boolean } }>(
      "SELECT details FROM audit_log WHERE action = 'service_unit.update' AND resource_id = $1 ORDER BY occurred_at LIMIT 1 OFFSET 1",
      [unitId],
    );
    assert.equal(audit?.details.visitsEveryDay, true);
    const cleared = await call('PUT', `/api/admin/units/${unitId}`, {
      ...unit,
      kind: 'infection_control',
      visitsEveryDay: false,
    });
    assert.equal(cleared.json<AdminUnit>().visitsEveryDay, false);
    const extra = await call('POST', '/api/admin/units', { ...unit, name: 'Legevakta' });
    const closed = await call('POST', `/api/admin/units/${extra.json<AdminUnit>().id}/close`, { reason: 'Nedlagt.' });
    assert.ok(closed.json<AdminUnit>().closedAt);
  });

  let nurseId: string;
  void it('registers a nurse with a role at the unit, finds them in a search, changes and ends them', async () => {
    const nin = uniqueSyntheticNin();
    const body = { nin, givenName: 'Nina', familyName: 'Nordsykepleier', roles: [{ role: 'nurse', unitId }] };
    const res = await call('POST', '/api/admin/staff', body);
    assert.equal(res.statusCode, 201, res.body);
    const member = res.json<StaffMember>();
    nurseId = member.personnelId;
    assert.deepEqual(member.roles, [{ role: 'nurse', unitId, unitName: unit.name }]);
    assert.equal((await call('POST', '/api/admin/staff', body)).statusCode, 409);
    const page = await call('GET', '/api/admin/staff?q=nordsyk');
    assert.deepEqual(
      page.json<StaffPage>().items.map((s) => s.personnelId),
      [nurseId],
    );
    assert.equal(JSON.stringify(page.json()).includes(nin), false, 'the list carries no identity number');
    const closedUnit = await call('POST', '/api/admin/staff', {
      ...body,
      nin: uniqueSyntheticNin(),
      roles: [{ role: 'nurse', unitId: foreignUnitId }],
    });
    assert.equal(closedUnit.statusCode, 422);
    assert.deepEqual(
      closedUnit.json<ProblemResponse>().errors?.map((e) => e.path),
      ['roles.0.unitId'],
    );
    const changed = await call('PUT', `/api/admin/staff/${nurseId}`, {
      givenName: 'Nina',
      familyName: 'Nordsykepleier',
      hprNumber: '1234567',
      roles: [
        { role: 'nurse', unitId },
        { role: 'message_handler', unitId },
      ],
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.deepEqual(
      changed
        .json<StaffMember>()
        .roles.map((r) => r.role)
        .sort(),
      ['message_handler', 'nurse'],
    );
    assert.equal((await call('DELETE', `/api/admin/staff/${nurseId}`, { reason: 'Sluttet.' })).statusCode, 204);
    const left = await t.database.db.select().from(personnelRoles).where(eq(personnelRoles.personnelId, nurseId));
    assert.deepEqual(left, []);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.resourceId, nurseId));
    assert.deepEqual(
      audit.map((e) => [e.action, e.actorId]),
      [
        ['staff.create', adminId],
        ['staff.update', adminId],
        ['staff.end', adminId],
      ],
    );
  });

  void it("never reaches another municipality's units or staff", async () => {
    assert.equal((await call('PUT', `/api/admin/units/${foreignUnitId}`, unit)).statusCode, 404);
    const why = { reason: 'Forsøk på en annen kommune.' };
    assert.equal((await call('POST', `/api/admin/units/${foreignUnitId}/close`, why)).statusCode, 404);
    assert.equal((await call('DELETE', `/api/admin/staff/${foreignStaffId}`, why)).statusCode, 404);
    const put = await call('PUT', `/api/admin/staff/${foreignStaffId}`, {
      givenName: 'X',
      familyName: 'Y',
      roles: [{ role: 'nurse', unitId }],
    });
    assert.equal(put.statusCode, 404);
    const theirs = await call('GET', '/api/admin/units', undefined, otherAdmin);
    assert.deepEqual(
      theirs.json<{ items: AdminUnit[] }>().items.map((u) => u.id),
      [foreignUnitId],
    );
    const [row] = await t.database.db.select().from(serviceUnits).where(eq(serviceUnits.id, foreignUnitId));
    assert.equal(row?.closedAt, null);
  });

  void it("chooses the EPJ system from the operator's list, refusing a version it does not have", async () => {
    assert.equal((await call('PUT', '/api/admin/epj-system', { productId, version: '9.9' })).statusCode, 422);
    const res = await call('PUT', '/api/admin/epj-system', { productId, version: '2.0' });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<AdminMunicipalityResponse>();
    assert.deepEqual([body.epjProduct?.id, body.epjVersion], [productId, '2.0']);
  });

  void it('registers an EPJ client the IdP issues tokens to, rotates its secret and revokes it', async () => {
    const secret = 'first-secret-0123456789';
    const res = await call('POST', '/api/admin/epj-clients', { clientId: 'nordvik-epj', clientName: 'EPJ', secret });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json<MachineClientItem>().authMethod, 'client_secret_basic');
    assert.equal((await requestEpjToken(t, 'nordvik-epj', secret)).status, 200);
    const rotated = await call('POST', '/api/admin/epj-clients/nordvik-epj/rotate', {
      secret: 'second-secret-0123456789',
    });
    assert.equal(rotated.statusCode, 200);
    assert.equal((await requestEpjToken(t, 'nordvik-epj', secret)).status, 401);
    assert.equal((await requestEpjToken(t, 'nordvik-epj', 'second-secret-0123456789')).status, 200);
    const jwks = { keys: [{ kty: 'RSA', kid: 'k1', n: 'AQAB', e: 'AQAB' }] };
    const keyed = await call('POST', '/api/admin/epj-clients', { clientId: 'nordvik-jwt', clientName: 'EPJ', jwks });
    assert.equal(keyed.json<MachineClientItem>().authMethod, 'private_key_jwt');
    const priv = await call('POST', '/api/admin/epj-clients', {
      clientId: 'nordvik-priv',
      clientName: 'EPJ',
      jwks: { keys: [{ ...jwks.keys[0], d: 'secret' }] },
    });
    assert.equal(priv.statusCode, 400, 'a private key is refused');
    assert.equal(
      (await call('POST', '/api/admin/epj-clients/nordvik-epj/rotate', { secret }, otherAdmin)).statusCode,
      404,
    );
    const revoked = await call('POST', '/api/admin/epj-clients/nordvik-epj/revoke', { reason: 'Byttet system.' });
    assert.ok(revoked.json<MachineClientItem>().revokedAt);
    assert.equal((await requestEpjToken(t, 'nordvik-epj', 'second-secret-0123456789')).status, 401);
  });
});
