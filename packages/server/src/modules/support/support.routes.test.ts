import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import type {
  EpjProduct,
  ProblemResponse,
  SupportRecipients,
  SupportRequestItem,
  SupportRequestsPage,
} from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { loginAs, type LoggedIn } from '../../../test/login.ts';
import { makeMunicipality, makeOperator, makePersonnel, makeServiceUnit } from '../../../test/factories.ts';
import { auditLog, municipalities, supportRequests } from '../../platform/db/schema.ts';

const request = (category: string, unitId?: string) => ({
  category,
  title: `Spørsmål om ${category}`,
  description: 'Ingen helseopplysninger her.',
  ...(unitId ? { unitId } : {}),
});

void describe('support routing (seed 000 §5.1)', () => {
  let t: TestApp;
  let admin: LoggedIn;
  let nurse: LoggedIn;
  let otherNurse: LoggedIn;
  let operator: LoggedIn;
  let municipalityId: string;
  let unitId: string;
  let foreignUnitId: string;
  before(async () => {
    t = await buildTestApp({}, { listen: true });
    const db = t.database.db;
    const m = await makeMunicipality(db);
    municipalityId = m.id;
    const other = await makeMunicipality(db);
    unitId = (await makeServiceUnit(db, m.id)).id;
    foreignUnitId = (await makeServiceUnit(db, other.id)).id;
    const a = await makePersonnel(db, { municipalityId: m.id, role: 'municipal_admin' });
    admin = await loginAs(t.app, { kind: 'personnel', personnelId: a.id, municipalityId: m.id });
    const n = await makePersonnel(db, { municipalityId: m.id, serviceUnitId: unitId });
    nurse = await loginAs(t.app, { kind: 'personnel', personnelId: n.id, municipalityId: m.id });
    const o = await makePersonnel(db, { municipalityId: other.id, serviceUnitId: foreignUnitId });
    otherNurse = await loginAs(t.app, { kind: 'personnel', personnelId: o.id, municipalityId: other.id });
    operator = await loginAs(t.app, { kind: 'operator', operatorId: (await makeOperator(db)).id });
  });
  after(async () => {
    await t.close();
  });
  const call = (who: LoggedIn, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

  void it('refuses a category with nobody registered (422 naming whom to ask), then routes each category', async () => {
    const noVendor = await call(nurse, 'POST', '/api/support/requests', request('epj_operation'));
    assert.equal(noVendor.statusCode, 422, noVendor.body);
    const problem = noVendor.json<ProblemResponse>();
    assert.equal(problem.code, 'ict_vendor_missing');
    assert.match(problem.detail ?? '', /administrator/);
    assert.equal(
      (await call(nurse, 'POST', '/api/support/requests', request('epj_function'))).json<ProblemResponse>().code,
      'epj_system_missing',
    );

    // The operator registers the EPJ product with its vendor's support; the administrator chooses it and registers
    // the ICT operations vendor (a nurse may not).
    const product = await call(operator, 'POST', '/api/operator/epj-products', {
      vendor: 'Journalfirma AS',
      name: `Journal ${municipalityId.slice(0, 8)}`,
      versions: ['1.0'],
      services: ['dialog'],
      supportContact: { name: 'Journalfirma brukerstøtte', email: 'support@journalfirma.no', phone: '+47 22 11 22 33' },
    });
    assert.equal(product.statusCode, 201, product.body);
    assert.deepEqual(product.json<EpjProduct>().supportContact, {
      name: 'Journalfirma brukerstøtte',
      email: 'support@journalfirma.no',
      phone: '+47 22 11 22 33',
    });
    const chosen = await call(admin, 'PUT', '/api/admin/epj-system', {
      productId: product.json<EpjProduct>().id,
      version: '1.0',
    });
    assert.equal(chosen.statusCode, 200, chosen.body);
    const vendor = { name: 'Drift IKT AS', email: 'hjelp@driftikt.no', phone: '+47 22 33 44 55' };
    assert.equal((await call(nurse, 'PUT', '/api/admin/ict-operations-vendor', vendor)).statusCode, 403);
    const set = await call(admin, 'PUT', '/api/admin/ict-operations-vendor', vendor);
    assert.equal(set.statusCode, 200, set.body);
    assert.deepEqual(
      set.json<SupportRecipients>().items.map((i) => [i.category, i.routedTo, i.contact?.name]),
      [
        ['epj_operation', 'ict_operations_vendor', 'Drift IKT AS'],
        ['epj_function', 'epj_vendor', 'Journalfirma brukerstøtte'],
        ['platform', 'operator', 'Helsebro drift'],
      ],
    );
    const seen = (await call(nurse, 'GET', '/api/support/recipients')).json<SupportRecipients>();
    assert.equal(seen.canEditIctVendor, false);
    assert.equal(set.json<SupportRecipients>().canEditIctVendor, true);

    const filed: Record<string, SupportRequestItem> = {};
    for (const category of ['epj_operation', 'epj_function', 'platform']) {
      const res = await call(nurse, 'POST', '/api/support/requests', request(category, unitId));
      assert.equal(res.statusCode, 201, res.body);
      filed[category] = res.json<SupportRequestItem>();
    }
    assert.deepEqual(
      [filed.epj_operation, filed.epj_function, filed.platform].map((r) => [
        r?.routedTo,
        r?.recipient.email,
        r?.status,
      ]),
      [
        ['ict_operations_vendor', 'hjelp@driftikt.no', 'open'],
        ['epj_vendor', 'support@journalfirma.no', 'open'],
        ['operator', null, 'open'],
      ],
    );
    assert.equal(filed.platform?.unit?.id, unitId);

    // The recipient is copied at filing: a new vendor later does not rewrite where an old request went.
    await call(admin, 'PUT', '/api/admin/ict-operations-vendor', { ...vendor, name: 'Ny Drift AS' });
    const list = (await call(nurse, 'GET', '/api/support/requests')).json<SupportRequestsPage>();
    assert.equal(list.items.find((r) => r.id === filed.epj_operation?.id)?.recipient.name, 'Drift IKT AS');
    assert.equal(list.total, 3);

    const audit = await t.database.db
      .select({ action: auditLog.action, resourceId: auditLog.resourceId })
      .from(auditLog)
      .where(and(eq(auditLog.municipalityId, municipalityId), eq(auditLog.action, 'support_request.create')));
    assert.deepEqual(
      audit.map((a) => a.resourceId).sort(),
      Object.values(filed)
        .map((r) => r.id)
        .sort(),
    );
    assert.equal(
      (await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'ict_operations_vendor.set'))).length,
      2,
    );
  });

  void it("keeps another municipality's requests and units out of reach", async () => {
    const mine = await call(nurse, 'POST', '/api/support/requests', request('platform'));
    assert.equal(mine.statusCode, 201, mine.body);
    const theirs = (await call(otherNurse, 'GET', '/api/support/requests')).json<SupportRequestsPage>();
    assert.deepEqual(theirs.items, []);
    assert.equal(theirs.total, 0);
    const foreign = await call(nurse, 'POST', '/api/support/requests', request('platform', foreignUnitId));
    assert.equal(foreign.statusCode, 422);
    assert.equal(foreign.json<ProblemResponse>().code, 'unit_not_found');
  });

  void it('shows the operator only what was routed to it; it replies and closes', async () => {
    const db = t.database.db;
    const queue = (await call(operator, 'GET', '/api/operator/support/requests')).json<SupportRequestsPage>();
    const vendorRouted = await db
      .select({ id: supportRequests.id })
      .from(supportRequests)
      .where(
        and(eq(supportRequests.municipalityId, municipalityId), eq(supportRequests.routedTo, 'ict_operations_vendor')),
      );
    assert.ok(vendorRouted.length > 0, 'a vendor-routed request exists');
    assert.ok(queue.items.length > 0);
    assert.ok(queue.items.every((r) => r.routedTo === 'operator'));
    assert.ok(!queue.items.some((r) => vendorRouted.some((v) => v.id === r.id)));
    assert.equal((await call(nurse, 'GET', '/api/operator/support/requests')).statusCode, 403);

    const [vendorOne] = vendorRouted;
    const notMine = await call(operator, 'POST', `/api/operator/support/requests/${vendorOne?.id}/reply`, {
      reply: 'Hei',
    });
    assert.equal(notMine.statusCode, 404);

    const target = queue.items.find((r) => r.municipality.id === municipalityId) as SupportRequestItem;
    const replied = await call(operator, 'POST', `/api/operator/support/requests/${target.id}/reply`, {
      reply: 'Vi ser på det.',
    });
    assert.equal(replied.statusCode, 200, replied.body);
    assert.equal(replied.json<SupportRequestItem>().status, 'answered');
    const closed = await call(operator, 'POST', `/api/operator/support/requests/${target.id}/close`);
    assert.equal(closed.json<SupportRequestItem>().status, 'closed');
    const late = await call(operator, 'POST', `/api/operator/support/requests/${target.id}/reply`, { reply: 'Til' });
    assert.equal(late.statusCode, 409);

    // The staff see the answer on their request.
    const staffView = (await call(nurse, 'GET', '/api/support/requests')).json<SupportRequestsPage>();
    const seen = staffView.items.find((r) => r.id === target.id);
    assert.deepEqual([seen?.status, seen?.reply], ['closed', 'Vi ser på det.']);
    const [m] = await db.select().from(municipalities).where(eq(municipalities.id, municipalityId));
    const entries = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.resourceId, target.id), eq(auditLog.municipalityId, m?.id ?? '')));
    assert.deepEqual(entries.map((e) => e.action).sort(), [
      'support_request.close',
      'support_request.create',
      'support_request.reply',
    ]);
  });

  void it('sends EPJ-function questions to the support contact the operator registers on the product', async () => {
    const db = t.database.db;
    const m = await makeMunicipality(db);
    const a = await makePersonnel(db, { municipalityId: m.id, role: 'municipal_admin' });
    const myAdmin = await loginAs(t.app, { kind: 'personnel', personnelId: a.id, municipalityId: m.id });
    const n = await makePersonnel(db, { municipalityId: m.id, serviceUnitId: (await makeServiceUnit(db, m.id)).id });
    const myNurse = await loginAs(t.app, { kind: 'personnel', personnelId: n.id, municipalityId: m.id });
    const product = (
      await call(operator, 'POST', '/api/operator/epj-products', {
        vendor: 'Kontaktløs AS',
        name: `Journal ${m.id.slice(0, 8)}`,
        versions: ['2.0'],
        services: ['dialog'],
      })
    ).json<EpjProduct>();
    assert.equal(product.supportContact, null);
    await call(myAdmin, 'PUT', '/api/admin/epj-system', { productId: product.id, version: '2.0' });
    const refused = await call(myNurse, 'POST', '/api/support/requests', request('epj_function'));
    assert.equal(refused.statusCode, 422, refused.body);
    assert.equal(refused.json<ProblemResponse>().code, 'epj_vendor_contact_missing');

    const url = `/api/operator/epj-products/${product.id}/support-contact`;
    const contact = { name: 'Kontaktløs kundestøtte', email: 'kunde@kontaktlos.no', phone: '+47 23 45 67 89' };
    // Only the operator registers it; a bad phone and an unknown product are refused as problems.
    assert.equal((await call(myAdmin, 'PUT', url, { supportContact: contact })).statusCode, 403);
    const badPhone = await call(operator, 'PUT', url, { supportContact: { ...contact, phone: 'ring meg' } });
    assert.equal(badPhone.statusCode, 400, badPhone.body);
    const unknown = await call(operator, 'PUT', `/api/operator/epj-products/${crypto.randomUUID()}/support-contact`, {
      supportContact: contact,
    });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json<ProblemResponse>().code, 'epj_product_not_found');
    const set = await call(operator, 'PUT', url, { supportContact: contact, reason: 'Avtalt med leverandøren.' });
    assert.equal(set.statusCode, 200, set.body);
    assert.deepEqual(set.json<EpjProduct>().supportContact, contact);
    const listed = (await call(operator, 'GET', '/api/operator/epj-products')).json<{ items: EpjProduct[] }>();
    assert.deepEqual(listed.items.find((p) => p.id === product.id)?.supportContact, contact);

    // The staff now see the vendor's contact under "EPJ functions", and a request goes there with it.
    const recipients = (await call(myNurse, 'GET', '/api/support/recipients')).json<SupportRecipients>();
    assert.deepEqual(
      recipients.items.find((r) => r.category === 'epj_function'),
      { category: 'epj_function', routedTo: 'epj_vendor', contact },
    );
    const filed = await call(myNurse, 'POST', '/api/support/requests', request('epj_function'));
    assert.equal(filed.statusCode, 201, filed.body);
    assert.deepEqual(filed.json<SupportRequestItem>().recipient, contact);

    // Removing it: the request already filed keeps whom it went to, a new one is refused again.
    const removed = await call(operator, 'PUT', url, { supportContact: null });
    assert.equal(removed.json<EpjProduct>().supportContact, null);
    const again = await call(myNurse, 'POST', '/api/support/requests', request('epj_function'));
    assert.equal(again.json<ProblemResponse>().code, 'epj_vendor_contact_missing');
    const mine = (await call(myNurse, 'GET', '/api/support/requests')).json<SupportRequestsPage>();
    assert.deepEqual(
      mine.items.map((r) => r.recipient.name),
      ['Kontaktløs kundestøtte'],
    );
    const audit = await db
      .select({ details: auditLog.details, actorKind: auditLog.actorKind })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'epj_product.support_contact.set'), eq(auditLog.resourceId, product.id)))
      .orderBy(auditLog.id);
    assert.deepEqual(audit, [
      { actorKind: 'operator', details: { reason: 'Avtalt med leverandøren.', removed: false } },
      { actorKind: 'operator', details: { removed: true } },
    ]);
  });
});
