import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import type {
  EpjProduct,
  MunicipalitiesResponse,
  MunicipalityDetail,
  ProblemResponse as Problem,
} from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { loginAs, type LoggedIn } from '../../../test/login.ts';
import { makeMunicipality, makeOperator, makePersonnel, uniqueSyntheticNin } from '../../../test/factories.ts';
import { auditLog, municipalities, personnel, personnelRoles } from '../../platform/db/schema.ts';

const nordvik = {
  name: 'Nordvik kommune',
  orgNumber: '974760673',
  number: '5599',
  contactName: 'Kari Kontakt',
  contactEmail: 'postmottak@nordvik.kommune.no',
  contactPhone: '+47 75 00 00 00',
};

void describe('/api/operator/municipalities and /api/operator/epj-products', () => {
  let t: TestApp;
  let operator: LoggedIn;
  let staff: LoggedIn;
  let created: MunicipalityDetail;
  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    operator = await loginAs(t.app, { kind: 'operator', operatorId: (await makeOperator(db)).id });
    const m = await makeMunicipality(db);
    const admin = await makePersonnel(db, { municipalityId: m.id, role: 'municipal_admin' });
    staff = await loginAs(t.app, { kind: 'personnel', personnelId: admin.id, municipalityId: m.id });
  });
  after(async () => {
    await t.close();
  });
  const post = (url: string, payload: unknown, who: LoggedIn = operator) =>
    t.app.inject({ method: 'POST', url, headers: who.headers, payload: payload as object });

  void it('onboards a municipality with its contact, audited, and lists and finds it', async () => {
    const res = await post('/api/operator/municipalities', nordvik);
    assert.equal(res.statusCode, 201, res.body);
    created = res.json<MunicipalityDetail>();
    assert.deepEqual(
      [created.name, created.orgNumber, created.number, created.contactEmail, created.administrators],
      [nordvik.name, nordvik.orgNumber, nordvik.number, nordvik.contactEmail, []],
    );
    const [row] = await t.database.db.select().from(municipalities).where(eq(municipalities.id, created.id));
    assert.equal(row?.contactPhone, nordvik.contactPhone);
    const entries = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'municipality.create'));
    assert.deepEqual(
      entries.map((e) => [e.actorKind, e.municipalityId, e.resourceId]),
      [['operator', created.id, created.id]],
    );
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/operator/municipalities?q=nordv',
      headers: operator.headers,
    });
    const body = list.json<MunicipalitiesResponse>();
    assert.deepEqual([body.total, body.items.map((m) => m.id)], [1, [created.id]]);
    const byNumber = await t.app.inject({
      method: 'GET',
      url: `/api/operator/municipalities?q=${nordvik.number}&page=1`,
      headers: operator.headers,
    });
    assert.deepEqual(
      byNumber.json<MunicipalitiesResponse>().items.map((m) => m.name),
      [nordvik.name],
    );
  });

  void it('refuses an organisation number failing mod-11 (422) and a duplicate (409), naming the field', async () => {
    const bad = await post('/api/operator/municipalities', { ...nordvik, number: '5598', orgNumber: '974760674' });
    assert.equal(bad.statusCode, 422);
    assert.deepEqual(
      bad.json<Problem>().errors?.map((e) => e.path),
      ['orgNumber'],
    );
    const sameNumber = await post('/api/operator/municipalities', { ...nordvik, orgNumber: '958935420' });
    assert.equal(sameNumber.statusCode, 409);
    assert.deepEqual(
      sameNumber.json<Problem>().errors?.map((e) => e.path),
      ['number'],
    );
    const sameOrg = await post('/api/operator/municipalities', { ...nordvik, number: '5598' });
    assert.equal(sameOrg.statusCode, 409);
    assert.deepEqual(
      sameOrg.json<Problem>().errors?.map((e) => e.path),
      ['orgNumber'],
    );
    const malformed = await post('/api/operator/municipalities', { ...nordvik, number: '55' });
    assert.equal(malformed.statusCode, 400);
    const count = await t.database.db.select().from(municipalities).where(eq(municipalities.name, nordvik.name));
    assert.equal(count.length, 1);
  });

  void it('makes a new HelseID person the administrator, and an existing one by HPR number', async () => {
    const nin = uniqueSyntheticNin();
    const url = `/api/operator/municipalities/${created.id}/administrators`;
    const missingName = await post(url, { nin });
    assert.equal(missingName.statusCode, 422);
    const res = await post(url, { nin, givenName: 'Ada', familyName: 'Administrator' });
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual(
      res.json<MunicipalityDetail>().administrators.map((a) => a.familyName),
      ['Administrator'],
    );
    const [person] = await t.database.db.select().from(personnel).where(eq(personnel.nin, nin));
    assert.ok(person);
    const roles = await t.database.db.select().from(personnelRoles).where(eq(personnelRoles.personnelId, person.id));
    assert.deepEqual(
      roles.map((r) => [r.municipalityId, r.role, r.serviceUnitId]),
      [[created.id, 'municipal_admin', null]],
    );
    const again = await post(url, { nin });
    assert.equal(again.json<MunicipalityDetail>().administrators.length, 1, 'the same person is not added twice');
    const known = await makePersonnel(t.database.db, { municipalityId: (await makeMunicipality(t.database.db)).id });
    const byHpr = await post(url, { hprNumber: known.hprNumber });
    assert.equal(byHpr.statusCode, 201);
    assert.equal(byHpr.json<MunicipalityDetail>().administrators.length, 2);
    const unknownHpr = await post(url, { hprNumber: '99999999' });
    assert.equal(unknownHpr.statusCode, 422);
    assert.deepEqual(
      unknownHpr.json<Problem>().errors?.map((e) => e.path),
      ['nin'],
    );
  });

  void it('registers EPJ products with their services, refusing a duplicate and an unknown service', async () => {
    const product = { vendor: 'Vendor AS', name: 'Journal Pro', versions: ['7.1', '7.2'], services: ['dialog'] };
    const res = await post('/api/operator/epj-products', product);
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual(res.json<EpjProduct>().services, ['dialog']);
    assert.equal((await post('/api/operator/epj-products', product)).statusCode, 409);
    assert.equal(
      (await post('/api/operator/epj-products', { ...product, name: 'X', services: ['teleport'] })).statusCode,
      400,
    );
    const list = await t.app.inject({ method: 'GET', url: '/api/operator/epj-products', headers: operator.headers });
    assert.deepEqual(
      list.json<{ items: EpjProduct[] }>().items.map((p) => p.name),
      ['Journal Pro'],
    );
  });

  void it('refuses personnel, even an administrator, every operator route', async () => {
    const product = { vendor: 'V', name: 'N', versions: ['1'], services: [] };
    for (const [method, url, payload] of [
      ['GET', '/api/operator/municipalities', undefined],
      ['GET', `/api/operator/municipalities/${created.id}`, undefined],
      ['POST', '/api/operator/municipalities', { ...nordvik, number: '5597', orgNumber: '958935420' }],
      ['POST', '/api/operator/epj-products', product],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: staff.headers, ...(payload ? { payload } : {}) });
      assert.equal(res.statusCode, 403, `${method} ${url}`);
    }
  });
});
