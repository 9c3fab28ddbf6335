import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import type { AdminUnit, EpjProduct, MunicipalityDetail, ProblemResponse, StaffMember } from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { loginAs, type LoggedIn } from '../../../test/login.ts';
import { makeMunicipality, makeOperator, makePersonnel, uniqueSyntheticNin } from '../../../test/factories.ts';
import { auditLog, personnelRoles, serviceUnits, epjClients } from '../../platform/db/schema.ts';

const unit = { name: 'Hjemmetjenesten Sør', kind: 'home_care', phone: '+47 75 00 00 20', functionalEmail: 's@x.no' };

/**
 * Issue 12: every administrative change is audited with who (the entry's actor) and why (the reason the caller
 * gave, in the entry's details); a change that ends something needs its reason (422 naming `reason`).
 */
void describe('organisations: every administrative change audited with who and why', () => {
  let t: TestApp;
  let operator: LoggedIn;
  let operatorId: string;
  let admin: LoggedIn;
  let adminId: string;
  let municipalityId: string;
  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    operatorId = (await makeOperator(db)).id;
    operator = await loginAs(t.app, { kind: 'operator', operatorId });
    municipalityId = (await makeMunicipality(db)).id;
    adminId = (await makePersonnel(db, { municipalityId, role: 'municipal_admin' })).id;
    admin = await loginAs(t.app, { kind: 'personnel', personnelId: adminId, municipalityId });
  });
  after(async () => {
    await t.close();
  });
  const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, who = admin) =>
    t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

  /** The entries of one action on one resource: who, in which municipality, and the details. */
  const entries = async (action: string, resourceId: string) =>
    (
      await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, action), eq(auditLog.resourceId, resourceId)))
    ).map((e) => ({ actor: `${e.actorKind}:${e.actorId}`, municipalityId: e.municipalityId, details: e.details }));
  const byAdmin = (details: object) => ({ actor: `personnel:${adminId}`, municipalityId, details });

  void it('the operator: municipality onboarded, administrator added, EPJ product registered, each with its reason', async () => {
    const created = await send(
      'POST',
      '/api/operator/municipalities',
      {
        name: 'Sørvik kommune',
        orgNumber: '974760614',
        number: '5598',
        contactName: 'Kari Kontakt',
        contactEmail: 'post@sorvik.kommune.no',
        contactPhone: '+47 75 00 00 00',
        reason: 'Avtale signert 1. mars.',
      },
      operator,
    );
    assert.equal(created.statusCode, 201, created.body);
    const m = created.json<MunicipalityDetail>();
    assert.deepEqual(await entries('municipality.create', m.id), [
      {
        actor: `operator:${operatorId}`,
        municipalityId: m.id,
        details: { number: '5598', orgNumber: '974760614', reason: 'Avtale signert 1. mars.' },
      },
    ]);

    const nin = uniqueSyntheticNin();
    const added = await send(
      'POST',
      `/api/operator/municipalities/${m.id}/administrators`,
      { nin, givenName: 'Åse', familyName: 'Admin', reason: 'Utpekt av rådmannen.' },
      operator,
    );
    assert.equal(added.statusCode, 201, added.body);
    const personnelId = added.json<MunicipalityDetail>().administrators[0]!.personnelId;
    assert.deepEqual(await entries('municipality.administrator.add', personnelId), [
      { actor: `operator:${operatorId}`, municipalityId: m.id, details: { reason: 'Utpekt av rådmannen.' } },
    ]);

    const product = await send(
      'POST',
      '/api/operator/epj-products',
      { vendor: 'Årsak AS', name: 'Årsak Journal', versions: ['1.0'], services: ['dialog'], reason: 'Ny leverandør.' },
      operator,
    );
    assert.equal(product.statusCode, 201, product.body);
    const p = product.json<EpjProduct>();
    assert.equal('reason' in p, false, 'the reason is not part of the product');
    const [entry] = await entries('epj_product.create', p.id);
    assert.deepEqual([entry?.actor, entry?.details], [`operator:${operatorId}`, { reason: 'Ny leverandør.' }]);
  });

  void it('the administrator: a unit created, changed and closed; closing needs a reason (422 naming it)', async () => {
    const created = await send('POST', '/api/admin/units', { ...unit, reason: 'Ny sone fra 1. mai.' });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json<AdminUnit>().id;
    const changed = await send('PUT', `/api/admin/units/${id}`, { ...unit, phone: '+47 75 00 00 21' });
    assert.equal(changed.statusCode, 200, changed.body);
    for (const body of [undefined, {}, { reason: null }, { reason: '   ' }]) {
      const refused = await send('POST', `/api/admin/units/${id}/close`, body);
      assert.equal(refused.statusCode, 422, `${JSON.stringify(body)}: ${refused.body}`);
      const problem = refused.json<ProblemResponse>();
      assert.deepEqual([problem.code, problem.errors?.map((e) => e.path)], ['reason_required', ['reason']]);
    }
    const [open] = await t.database.db.select().from(serviceUnits).where(eq(serviceUnits.id, id));
    assert.equal(open?.closedAt, null, 'a refused close leaves the unit open');
    const closed = await send('POST', `/api/admin/units/${id}/close`, { reason: 'Slått sammen med Nord.' });
    assert.equal(closed.statusCode, 200, closed.body);
    assert.deepEqual(await entries('service_unit.create', id), [byAdmin({ reason: 'Ny sone fra 1. mai.' })]);
    assert.deepEqual(await entries('service_unit.update', id), [byAdmin({})]);
    assert.deepEqual(await entries('service_unit.close', id), [byAdmin({ reason: 'Slått sammen med Nord.' })]);
  });

  void it('the administrator: staff registered, changed and ended; ending needs a reason', async () => {
    const unitId = (await send('POST', '/api/admin/units', { ...unit, name: 'Helsestasjon Sør' })).json<AdminUnit>().id;
    const roles = [{ role: 'nurse', unitId }];
    const created = await send('POST', '/api/admin/staff', {
      nin: uniqueSyntheticNin(),
      givenName: 'Sofie',
      familyName: 'Sykepleier',
      roles,
      reason: 'Fast ansatt fra 1. juni.',
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json<StaffMember>().personnelId;
    const changed = await send('PUT', `/api/admin/staff/${id}`, {
      givenName: 'Sofie',
      familyName: 'Sykepleier',
      roles: [...roles, { role: 'unit_leader', unitId }],
      reason: 'Konstituert som leder.',
    });
    assert.equal(changed.statusCode, 200, changed.body);
    const refused = await send('DELETE', `/api/admin/staff/${id}`, {});
    assert.equal(refused.statusCode, 422, refused.body);
    assert.deepEqual(
      refused.json<ProblemResponse>().errors?.map((e) => e.path),
      ['reason'],
    );
    assert.equal(
      (await t.database.db.select().from(personnelRoles).where(eq(personnelRoles.personnelId, id))).length,
      2,
    );
    assert.equal((await send('DELETE', `/api/admin/staff/${id}`, { reason: 'Sa opp.' })).statusCode, 204);
    assert.deepEqual(await entries('staff.create', id), [byAdmin({ reason: 'Fast ansatt fra 1. juni.' })]);
    assert.deepEqual(await entries('staff.update', id), [byAdmin({ reason: 'Konstituert som leder.' })]);
    assert.deepEqual(await entries('staff.end', id), [byAdmin({ reason: 'Sa opp.' })]);
  });

  void it('the administrator: the EPJ system chosen, a client created, rotated and revoked; revoking needs a reason', async () => {
    const product = (
      await send(
        'POST',
        '/api/operator/epj-products',
        { vendor: 'Valg AS', name: 'Valgt Journal', versions: ['3.1'], services: ['dialog'] },
        operator,
      )
    ).json<EpjProduct>();
    const set = await send('PUT', '/api/admin/epj-system', {
      productId: product.id,
      version: '3.1',
      reason: 'Anskaffelse 2026.',
    });
    assert.equal(set.statusCode, 200, set.body);
    assert.deepEqual(await entries('epj_system.set', municipalityId), [
      byAdmin({ productId: product.id, version: '3.1', reason: 'Anskaffelse 2026.' }),
    ]);

    const clientId = 'sorvik-epj';
    const created = await send('POST', '/api/admin/epj-clients', {
      clientId,
      clientName: 'EPJ Sør',
      secret: 'first-secret-0123456789',
      reason: 'Integrasjon for hjemmetjenesten.',
    });
    assert.equal(created.statusCode, 201, created.body);
    const rotated = await send('POST', `/api/admin/epj-clients/${clientId}/rotate`, {
      secret: 'second-secret-0123456789',
      reason: 'Årlig bytte.',
    });
    assert.equal(rotated.statusCode, 200, rotated.body);
    const refused = await send('POST', `/api/admin/epj-clients/${clientId}/revoke`);
    assert.equal(refused.statusCode, 422, refused.body);
    assert.equal(refused.json<ProblemResponse>().code, 'reason_required');
    const [live] = await t.database.db.select().from(epjClients).where(eq(epjClients.clientId, clientId));
    assert.equal(live?.revokedAt, null, 'a refused revoke leaves the client working');
    const revoked = await send('POST', `/api/admin/epj-clients/${clientId}/revoke`, { reason: 'Avtalen er sagt opp.' });
    assert.equal(revoked.statusCode, 200, revoked.body);
    assert.deepEqual(await entries('epj_client.create', clientId), [
      byAdmin({ reason: 'Integrasjon for hjemmetjenesten.' }),
    ]);
    assert.deepEqual(await entries('epj_client.rotate', clientId), [byAdmin({ reason: 'Årlig bytte.' })]);
    assert.deepEqual(await entries('epj_client.revoke', clientId), [byAdmin({ reason: 'Avtalen er sagt opp.' })]);
  });

  void it('refuses a reason over 500 characters', async () => {
    const res = await send('POST', '/api/admin/units', { ...unit, name: 'For lang', reason: 'x'.repeat(501) });
    assert.equal(res.statusCode, 400, res.body);
    assert.deepEqual(
      res.json<ProblemResponse>().errors?.map((e) => e.path),
      ['body.reason'],
    );
  });
});
