import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import type {
  CatalogueBody,
  MunicipalityServices,
  MyServices,
  ProblemResponse,
  ServiceCatalogue,
  ServiceHistoryPage,
} from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { loginAs, type LoggedIn } from '../../../test/login.ts';
import {
  makeCareRelation,
  makeMunicipality,
  makeOperator,
  makePerson,
  makePersonnel,
  makeServiceUnit,
} from '../../../test/factories.ts';
import {
  auditLog,
  dataProcessingAgreements,
  epjProducts,
  municipalities,
  municipalityServiceHistory,
  municipalityServices,
} from '../../platform/db/schema.ts';

const statusOf = (body: MunicipalityServices, code: string) =>
  body.areas.flatMap((a) => a.services).find((s) => s.code === code)?.status ?? null;

const dpa = {
  version: '2.1',
  signatoryName: 'Kari Kommunedirektør',
  signatoryTitle: 'Kommunedirektør',
  signedOn: '2026-11-02',
};

void describe('services: catalogue, data processing agreement, ordering and activation', () => {
  let t: TestApp;
  let municipalityId: string;
  let admin: LoggedIn;
  let nurse: LoggedIn;
  let operator: LoggedIn;
  let operatorId: string;
  before(async () => {
    t = await buildTestApp({}, { listen: true });
    const db = t.database.db;
    const m = await makeMunicipality(db, {}, { services: [] });
    municipalityId = m.id;
    const a = await makePersonnel(db, { municipalityId, role: 'municipal_admin' });
    admin = await loginAs(t.app, { kind: 'personnel', personnelId: a.id, municipalityId });
    const unit = await makeServiceUnit(db, municipalityId);
    const n = await makePersonnel(db, { municipalityId, serviceUnitId: unit.id });
    nurse = await loginAs(t.app, { kind: 'personnel', personnelId: n.id, municipalityId });
    const o = await makeOperator(db);
    operatorId = o.id;
    operator = await loginAs(t.app, { kind: 'operator', operatorId: o.id });
  });
  after(async () => {
    await t.close();
  });
  const call = (method: 'GET' | 'POST', url: string, who: LoggedIn, payload?: unknown) =>
    t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
  const chooseProduct = async (services: string[]) => {
    const [p] = await t.database.db
      .insert(epjProducts)
      .values({ vendor: 'Journalhuset', name: `Omsorg ${services.length}`, versions: ['1'], services })
      .returning();
    await t.database.db
      .update(municipalities)
      .set({ epjProductId: p?.id, epjVersion: '1' })
      .where(eq(municipalities.id, municipalityId));
  };

  void it('shows the catalogue version 1 from seed 000 §2 with no service ordered', async () => {
    const res = await call('GET', '/api/admin/services', admin);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<MunicipalityServices>();
    assert.deepEqual(
      body.areas.map((a) => [a.name.nb, a.services.map((s) => s.code)]),
      [
        ['Kontaktpunkter og dialog', ['dialog', 'health_contacts']],
        ['Timeavtaler', ['appointments.book', 'appointments.view', 'appointments.cancel', 'home_visits.completed']],
        ['Formidling', ['letters', 'service_messages', 'forms', 'tools']],
      ],
    );
    assert.ok(body.areas.flatMap((a) => a.services).every((s) => s.status === null));
    assert.deepEqual(
      body.areas[2]?.services.map((s) => s.requiresDpa),
      [true, true, true, true],
    );
    assert.equal(body.dataProcessingAgreement, null);
  });

  void it('refuses an order by personnel who are not administrators (403)', async () => {
    const res = await call('POST', '/api/admin/services/orders', nurse, { area: 'contact' });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json<ProblemResponse>().code, 'not_municipal_admin');
  });

  void it('refuses an order before the municipality has chosen its EPJ system (422)', async () => {
    const res = await call('POST', '/api/admin/services/orders', admin, { area: 'contact' });
    assert.equal(res.statusCode, 422, res.body);
    const problem = res.json<ProblemResponse>();
    assert.equal(problem.code, 'epj_product_missing');
    assert.deepEqual(
      problem.errors?.map((e) => e.path),
      ['area'],
    );
  });

  void it('refuses an order the EPJ product does not support, naming the service and the product (422)', async () => {
    await chooseProduct(['dialog', 'appointments.book', 'appointments.view', 'appointments.cancel']);
    const res = await call('POST', '/api/admin/services/orders', admin, { services: ['dialog', 'health_contacts'] });
    assert.equal(res.statusCode, 422, res.body);
    const problem = res.json<ProblemResponse>();
    assert.equal(problem.code, 'epj_support_missing');
    assert.deepEqual(
      problem.errors?.map((e) => e.path),
      ['services.1'],
    );
    assert.match(problem.errors?.[0]?.message ?? '', /Journalhuset Omsorg 4 støtter ikke «Helsekontakter»/);
    // Nothing was ordered: the whole order is refused.
    const rows = await t.database.db
      .select()
      .from(municipalityServices)
      .where(eq(municipalityServices.municipalityId, municipalityId));
    assert.equal(rows.length, 0);
  });

  void it('refuses formidling without a data processing agreement, then orders it once one is signed', async () => {
    await chooseProduct(['dialog', 'health_contacts', 'appointments.book', 'appointments.view', 'letters']);
    const refused = await call('POST', '/api/admin/services/orders', admin, { services: ['letters'] });
    assert.equal(refused.statusCode, 422, refused.body);
    assert.equal(refused.json<ProblemResponse>().code, 'dpa_missing');

    assert.equal((await call('POST', '/api/admin/data-processing-agreement', nurse, dpa)).statusCode, 403);
    const signed = await call('POST', '/api/admin/data-processing-agreement', admin, dpa);
    assert.equal(signed.statusCode, 201, signed.body);
    assert.equal(signed.json<MunicipalityServices>().dataProcessingAgreement?.signatoryName, dpa.signatoryName);
    const [row] = await t.database.db
      .select()
      .from(dataProcessingAgreements)
      .where(eq(dataProcessingAgreements.municipalityId, municipalityId));
    assert.equal(row?.version, '2.1');
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'data_processing_agreement.sign'), eq(auditLog.resourceId, row?.id ?? '')));
    assert.equal(entry?.municipalityId, municipalityId);

    const ordered = await call('POST', '/api/admin/services/orders', admin, { services: ['letters'] });
    assert.equal(ordered.statusCode, 200, ordered.body);
    assert.equal(statusOf(ordered.json<MunicipalityServices>(), 'letters'), 'ordered');
  });

  void it('orders an area; only the operator activates; suspension; the history says who, when and why', async () => {
    const ordered = await call('POST', '/api/admin/services/orders', admin, { area: 'contact' });
    assert.equal(ordered.statusCode, 200, ordered.body);
    assert.equal(statusOf(ordered.json<MunicipalityServices>(), 'dialog'), 'ordered');
    assert.equal(statusOf(ordered.json<MunicipalityServices>(), 'health_contacts'), 'ordered');

    const url = `/api/operator/municipalities/${municipalityId}/services/dialog`;
    for (const who of [admin, nurse]) {
      assert.equal((await call('POST', `${url}/activate`, who, { reason: 'Bestilt' })).statusCode, 403);
    }
    // Suspending what is not active is a conflict.
    assert.equal((await call('POST', `${url}/suspend`, operator, { reason: 'Feil' })).statusCode, 409);
    const activated = await call('POST', `${url}/activate`, operator, { reason: 'Oppkobling testet' });
    assert.equal(activated.statusCode, 200, activated.body);
    assert.equal(statusOf(activated.json<MunicipalityServices>(), 'dialog'), 'active');
    const suspended = await call('POST', `${url}/suspend`, operator, { reason: 'Feil i EPJ-integrasjonen' });
    assert.equal(statusOf(suspended.json<MunicipalityServices>(), 'dialog'), 'suspended');
    assert.equal((await call('POST', `${url}/activate`, operator, { reason: 'Rettet' })).statusCode, 200);

    const history = await call('GET', '/api/admin/services/history', admin);
    assert.equal(history.statusCode, 200, history.body);
    const dialog = history
      .json<ServiceHistoryPage>()
      .items.filter((h) => h.serviceCode === 'dialog')
      .map((h) => [h.fromStatus, h.toStatus, h.reason, h.actorKind]);
    assert.deepEqual(dialog, [
      ['suspended', 'active', 'Rettet', 'operator'],
      ['active', 'suspended', 'Feil i EPJ-integrasjonen', 'operator'],
      ['ordered', 'active', 'Oppkobling testet', 'operator'],
      [null, 'ordered', null, 'personnel'],
    ]);
    const rows = await t.database.db
      .select()
      .from(municipalityServiceHistory)
      .where(
        and(
          eq(municipalityServiceHistory.municipalityId, municipalityId),
          eq(municipalityServiceHistory.serviceCode, 'dialog'),
          eq(municipalityServiceHistory.actorKind, 'operator'),
        ),
      );
    assert.ok(rows.every((r) => r.actorId === operatorId));
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'municipal_service.status'), eq(auditLog.resourceId, `${municipalityId}:dialog`)))
      .orderBy(auditLog.id);
    assert.deepEqual(
      audit.map((e) => [e.actorId, e.municipalityId, (e.details as { to: string; reason: string }).reason]),
      [
        [operatorId, municipalityId, 'Oppkobling testet'],
        [operatorId, municipalityId, 'Feil i EPJ-integrasjonen'],
        [operatorId, municipalityId, 'Rettet'],
      ],
    );
  });

  void it('activation checks the EPJ support again: a product that no longer supports the service is refused', async () => {
    await call('POST', '/api/admin/services/orders', admin, { services: ['appointments.book'] });
    await chooseProduct(['dialog']);
    const res = await call(
      'POST',
      `/api/operator/municipalities/${municipalityId}/services/appointments.book/activate`,
      operator,
      { reason: 'Klar' },
    );
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json<ProblemResponse>().code, 'epj_support_missing');
  });

  void it('answers /api/me/services with the active services: staff of the municipality, a citizen it serves', async () => {
    const staff = await call('GET', '/api/me/services', nurse);
    assert.deepEqual(staff.json<MyServices>().services, ['dialog']);
    const db = t.database.db;
    const other = await makeMunicipality(db, {}, { services: ['appointments.book', 'appointments.view'] });
    const person = await makePerson(db, { municipalityId: other.id });
    const [unit] = await Promise.all([makeServiceUnit(db, municipalityId)]);
    await makeCareRelation(db, { municipalityId, personId: person.id, serviceUnitId: unit?.id ?? '' });
    const citizen = await loginAs(t.app, { kind: 'citizen', personId: person.id });
    const res = await call('GET', '/api/me/services', citizen);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json<MyServices>().services, ['appointments.book', 'appointments.view', 'dialog']);
    assert.equal((await call('GET', '/api/me/services', operator)).statusCode, 403);
  });

  void it('publishes a new catalogue version with a new service, which can be ordered without a code change', async () => {
    const current = (await call('GET', '/api/operator/service-catalogue', operator)).json<ServiceCatalogue>();
    const next: CatalogueBody = {
      note: 'Ny tjeneste: videokonsultasjon',
      areas: current.areas.map((a) =>
        a.code === 'contact'
          ? {
              ...a,
              services: [
                ...a.services,
                {
                  code: 'video',
                  name: { nb: 'Videokonsultasjon', nn: 'Videokonsultasjon', en: 'Video consultation' },
                  description: { nb: 'Samtale på video.', nn: 'Samtale på video.', en: 'A video call.' },
                  requiresDpa: false,
                  requiresEpjSupport: false,
                },
              ],
            }
          : a,
      ),
    };
    assert.equal((await call('POST', '/api/operator/service-catalogue', admin, next)).statusCode, 403);
    const duplicate = await call('POST', '/api/operator/service-catalogue', operator, {
      ...next,
      areas: [...next.areas, next.areas[0]],
    });
    assert.equal(duplicate.statusCode, 422);
    assert.equal(duplicate.json<ProblemResponse>().code, 'duplicate_code');
    const published = await call('POST', '/api/operator/service-catalogue', operator, next);
    assert.equal(published.statusCode, 201, published.body);
    assert.equal(published.json<ServiceCatalogue>().version, current.version + 1);
    const ordered = await call('POST', '/api/admin/services/orders', admin, { services: ['video'] });
    assert.equal(ordered.statusCode, 200, ordered.body);
    assert.equal(statusOf(ordered.json<MunicipalityServices>(), 'video'), 'ordered');
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'service_catalogue.publish'), eq(auditLog.resourceId, String(current.version + 1))),
      );
    assert.equal(entry?.actorId, operatorId);
  });

  void it('answers 404 for an unknown municipality or service and 422 for an order of an unknown service', async () => {
    const none = '00000000-0000-4000-8000-000000000000';
    assert.equal((await call('GET', `/api/operator/municipalities/${none}/services`, operator)).statusCode, 404);
    const unknown = await call(
      'POST',
      `/api/operator/municipalities/${municipalityId}/services/nothing/activate`,
      operator,
      { reason: 'x' },
    );
    assert.equal(unknown.statusCode, 404);
    const order = await call('POST', '/api/admin/services/orders', admin, { services: ['dialog', 'nothing'] });
    assert.equal(order.statusCode, 422);
    assert.deepEqual(
      order.json<ProblemResponse>().errors?.map((e) => e.path),
      ['services.1'],
    );
  });
});
