import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import type {
  AppointmentType,
  AppointmentTypeBody,
  AppointmentTypesResponse,
  ProblemResponse,
} from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { loginAs, type LoggedIn } from '../../../test/login.ts';
import { makeMunicipality, makePersonnel, makeServiceUnit } from '../../../test/factories.ts';
import { appointmentTypes, auditLog } from '../../platform/db/schema.ts';

const vaccination: AppointmentTypeBody = {
  name: 'Influensavaksine',
  kind: 'vaccination',
  durationMinutes: 15,
  selfBookable: true,
  citizenCancellable: true,
  cancelDeadlineWorkingDays: 1,
  cancellationNeedsAcceptance: false,
  reminderLeadHours: 24,
};

void describe('/api/admin/units/:unitId/appointment-types: a unit’s appointment types', () => {
  let t: TestApp;
  let admin: LoggedIn;
  let adminId: string;
  let leader: LoggedIn;
  let leaderId: string;
  let nurse: LoggedIn;
  let nurseId: string;
  let otherLeader: LoggedIn;
  let foreignAdmin: LoggedIn;
  let unitId: string;
  let otherUnitId: string;
  let municipalityId: string;
  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    const m = await makeMunicipality(db);
    municipalityId = m.id;
    const other = await makeMunicipality(db);
    unitId = (await makeServiceUnit(db, m.id)).id;
    otherUnitId = (await makeServiceUnit(db, m.id)).id;
    const login = async (municipalityId: string, role: 'municipal_admin' | 'unit_leader' | 'nurse', unit?: string) => {
      const p = await makePersonnel(db, { municipalityId, role, ...(unit ? { serviceUnitId: unit } : {}) });
      return { id: p.id, session: await loginAs(t.app, { kind: 'personnel', personnelId: p.id, municipalityId }) };
    };
    const a = await login(m.id, 'municipal_admin');
    [admin, adminId] = [a.session, a.id];
    const l = await login(m.id, 'unit_leader', unitId);
    [leader, leaderId] = [l.session, l.id];
    const n = await login(m.id, 'nurse', unitId);
    [nurse, nurseId] = [n.session, n.id];
    otherLeader = (await login(m.id, 'unit_leader', otherUnitId)).session;
    foreignAdmin = (await login(other.id, 'municipal_admin')).session;
  });
  after(async () => {
    await t.close();
  });
  const url = (unit: string, rest = '') => `/api/admin/units/${unit}/appointment-types${rest}`;
  const call = (method: 'GET' | 'POST' | 'PUT', path: string, who: LoggedIn, payload?: unknown) =>
    t.app.inject({ method, url: path, headers: who.headers, ...(payload ? { payload } : {}) });
  const auditOf = (typeId: string) =>
    t.database.db.select().from(auditLog).where(eq(auditLog.resourceId, typeId)).orderBy(auditLog.id);

  void it('the administrator creates a type with its rules; it is listed, stored and audited', async () => {
    const res = await call('POST', url(unitId), admin, vaccination);
    assert.equal(res.statusCode, 201, res.body);
    const created = res.json<AppointmentType>();
    assert.deepEqual({ ...created, id: '' }, { ...vaccination, id: '', serviceUnitId: unitId, active: true });

    const list = await call('GET', url(unitId), admin);
    assert.equal(list.statusCode, 200);
    assert.deepEqual(
      list.json<AppointmentTypesResponse>().types.map((x) => x.id),
      [created.id],
    );
    const [row] = await t.database.db.select().from(appointmentTypes).where(eq(appointmentTypes.id, created.id));
    assert.equal(row?.serviceUnitId, unitId);
    assert.equal(row?.reminderLeadHours, 24);
    const audit = await auditOf(created.id);
    assert.deepEqual(
      audit.map((e) => [e.action, e.outcome, e.actorId]),
      [['appointment_type.create', 'success', adminId]],
    );
  });

  void it('the unit leader changes the rules and ends the type; the row stays, inactive, and each step is audited', async () => {
    const created = (
      await call('POST', url(unitId), leader, { ...vaccination, name: 'Hjemmebesøk' })
    ).json<AppointmentType>();
    const changed = await call('PUT', url(unitId, `/${created.id}`), leader, {
      ...vaccination,
      name: 'Hjemmebesøk',
      kind: 'home_visit',
      selfBookable: false,
      cancelDeadlineWorkingDays: 2,
      cancellationNeedsAcceptance: true,
      reminderLeadHours: null,
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json<AppointmentType>().cancellationNeedsAcceptance, true);
    assert.equal(changed.json<AppointmentType>().reminderLeadHours, null);

    // Ending needs a reason (422 at `reason`), kept in the audit entry.
    const noReason = await call('POST', url(unitId, `/${created.id}/end`), leader, { reason: ' ' });
    assert.equal(noReason.statusCode, 422, noReason.body);
    assert.deepEqual(
      noReason.json<ProblemResponse>().errors?.map((e) => e.path),
      ['reason'],
    );
    const ended = await call('POST', url(unitId, `/${created.id}/end`), leader, { reason: 'Erstattet av telefontime' });
    assert.equal(ended.statusCode, 200, ended.body);
    assert.equal(ended.json<AppointmentType>().active, false);
    const [row] = await t.database.db.select().from(appointmentTypes).where(eq(appointmentTypes.id, created.id));
    assert.deepEqual([row?.active, row?.kind, row?.cancelDeadlineWorkingDays], [false, 'home_visit', 2]);

    // An ended type is history: listed as inactive, not changed or ended again.
    const listed = (await call('GET', url(unitId), leader)).json<AppointmentTypesResponse>().types;
    assert.equal(listed.find((x) => x.id === created.id)?.active, false);
    for (const [method, path, body] of [
      ['POST', url(unitId, `/${created.id}/end`), { reason: 'Igjen' }],
      ['PUT', url(unitId, `/${created.id}`), vaccination],
    ] as const) {
      const again = await call(method, path, leader, body);
      assert.equal(again.statusCode, 409, path);
      assert.equal(again.json<ProblemResponse>().code, 'appointment_type_ended');
    }
    assert.deepEqual(
      (await auditOf(created.id)).map((e) => [e.action, e.outcome, e.actorId]),
      [
        ['appointment_type.create', 'success', leaderId],
        ['appointment_type.update', 'success', leaderId],
        ['appointment_type.end', 'error', leaderId],
        ['appointment_type.end', 'success', leaderId],
        ['appointment_type.end', 'error', leaderId],
        ['appointment_type.update', 'error', leaderId],
      ],
    );
    const endEntry = (await auditOf(created.id)).find(
      (e) => e.action === 'appointment_type.end' && e.outcome === 'success',
    );
    assert.equal(endEntry?.details.reason, 'Erstattet av telefontime');
  });

  void it('refuses bad rules with the fields at fault (400), storing nothing', async () => {
    const before = await t.database.db
      .select()
      .from(appointmentTypes)
      .where(eq(appointmentTypes.serviceUnitId, unitId));
    const res = await call('POST', url(unitId), admin, {
      ...vaccination,
      name: ' ',
      durationMinutes: 2,
      citizenCancellable: false,
      cancellationNeedsAcceptance: true,
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json<ProblemResponse>().code, 'validation_failed');
    const paths = (res.json<ProblemResponse>().errors ?? []).map((e) => e.path).sort();
    assert.deepEqual(paths, ['body.cancellationNeedsAcceptance', 'body.durationMinutes', 'body.name']);
    const after = await t.database.db.select().from(appointmentTypes).where(eq(appointmentTypes.serviceUnitId, unitId));
    assert.equal(after.length, before.length);
  });

  void it('refuses staff who are neither the unit’s leader nor the administrator (403), and audits the refusal', async () => {
    const nurseRes = await call('POST', url(unitId), nurse, vaccination);
    assert.equal(nurseRes.statusCode, 403);
    assert.equal(nurseRes.json<ProblemResponse>().code, 'not_municipal_admin');
    const otherRes = await call('GET', url(unitId), otherLeader);
    assert.equal(otherRes.statusCode, 403);
    assert.equal(otherRes.json<ProblemResponse>().code, 'not_unit_staff');
    const denied = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'appointment_type.create'),
          eq(auditLog.outcome, 'denied'),
          eq(auditLog.resourceId, unitId),
          eq(auditLog.actorId, nurseId),
        ),
      );
    assert.equal(denied.length, 1);
  });

  void it('answers 404 for another municipality’s unit and for a type of another unit', async () => {
    const created = (await call('POST', url(unitId), admin, vaccination)).json<AppointmentType>();
    for (const [method, path, body] of [
      ['GET', url(unitId), undefined],
      ['POST', url(unitId), vaccination],
      ['PUT', url(unitId, `/${created.id}`), vaccination],
      ['POST', url(unitId, `/${created.id}/end`), { reason: 'Prøver' }],
    ] as const) {
      const res = await call(method, path, foreignAdmin, body);
      assert.equal(res.statusCode, 404, `${method} ${path}`);
      assert.equal(res.json<ProblemResponse>().code, 'unit_not_found');
    }
    const wrongUnit = await call('POST', url(otherUnitId, `/${created.id}/end`), admin, { reason: 'Feil enhet' });
    assert.equal(wrongUnit.statusCode, 404);
    assert.equal(wrongUnit.json<ProblemResponse>().code, 'appointment_type_not_found');
    const [row] = await t.database.db.select().from(appointmentTypes).where(eq(appointmentTypes.id, created.id));
    assert.equal(row?.active, true);
  });

  void it('takes no new types in a closed unit (409)', async () => {
    const closed = await makeServiceUnit(t.database.db, municipalityId, { closedAt: new Date() });
    const res = await call('POST', url(closed.id), admin, vaccination);
    assert.equal(res.statusCode, 409);
    assert.equal(res.json<ProblemResponse>().code, 'unit_closed');
  });
});
