import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import type {
  NoticePreview,
  ProblemResponse,
  ServiceNoticesResponse,
  Termination,
  TerminationsResponse,
  WindDown,
} from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { movableClock } from '../../../test/clock.ts';
import { loginAs, type LoggedIn } from '../../../test/login.ts';
import {
  makeCareRelation,
  makeMunicipality,
  makeOperator,
  makePerson,
  makePersonnel,
  makeServiceUnit,
} from '../../../test/factories.ts';
import { auditLog, jobs, municipalityServices, serviceTerminations } from '../../platform/db/schema.ts';
import { systemContext } from '../../platform/http/request-context.ts';
import type { Job } from '../../platform/jobs/outbox.ts';
import { requireServiceActive, setServiceStatus } from '../services/index.ts';
import { END_JOB } from './termination.service.ts';

// 2026-03-02 09:00 in Oslo: notice given today takes effect 2 April at the earliest (seed 000 §6).
const clock = movableClock(new Date('2026-03-02T08:00:00Z'));
const services = ['dialog', 'health_contacts'];

void describe('termination (seed 000 §6)', () => {
  let t: TestApp;
  let operator: LoggedIn;
  before(async () => {
    t = await buildTestApp({}, { clock });
    operator = await loginAs(t.app, { kind: 'operator', operatorId: (await makeOperator(t.database.db)).id });
  });
  after(async () => {
    await t.close();
  });

  /** A municipality with dialog and health contacts active, its administrator, and a citizen it serves. */
  async function municipality() {
    const db = t.database.db;
    const m = await makeMunicipality(db);
    const unit = await makeServiceUnit(db, m.id);
    const a = await makePersonnel(db, { municipalityId: m.id, role: 'municipal_admin' });
    const person = await makePerson(db);
    await makeCareRelation(db, { municipalityId: m.id, personId: person.id, serviceUnitId: unit.id });
    await db.transaction(async (tx) => {
      for (const code of ['dialog', 'health_contacts']) {
        await setServiceStatus(tx, systemContext('test'), m.id, code, 'active', 'test');
      }
    });
    const admin = await loginAs(t.app, { kind: 'personnel', personnelId: a.id, municipalityId: m.id });
    const citizen = await loginAs(t.app, { kind: 'citizen', personId: person.id });
    return { m, admin, adminId: a.id, citizen, personId: person.id };
  }
  const call = (who: LoggedIn, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
  const statuses = async (municipalityId: string) =>
    Object.fromEntries(
      (
        await t.database.db
          .select()
          .from(municipalityServices)
          .where(eq(municipalityServices.municipalityId, municipalityId))
      )
        .filter((s) => s.serviceCode === 'dialog' || s.serviceCode === 'health_contacts')
        .map((s) => [s.serviceCode, s.status]),
    );
  const runEndJob = async () => {
    const handler = t.app.platform.jobs.handler(END_JOB)!;
    await handler({ id: 0, kind: END_JOB, payload: {}, attempts: 1 } as unknown as Job, {
      platform: t.app.platform,
      signal: new AbortController().signal,
    });
  };

  void it('refuses a notice shorter than one month (422 effectiveDate), shows the date, gives notice, ends the services on the date', async () => {
    const world = await municipality();
    const { m, adminId, personId } = world;
    let { admin, citizen } = world;
    const short = await call(admin, 'POST', '/api/admin/terminations/preview', {
      reason: 'Ny plattform',
      services,
      effectiveDate: '2026-04-01',
    });
    assert.equal(short.statusCode, 422);
    assert.deepEqual(
      [short.json<ProblemResponse>().code, short.json<ProblemResponse>().errors?.map((e) => e.path)],
      ['notice_too_short', ['effectiveDate']],
    );
    const preview = await call(admin, 'POST', '/api/admin/terminations/preview', { reason: 'Ny plattform', services });
    assert.deepEqual(preview.json<NoticePreview>(), {
      noticeDate: '2026-03-02',
      earliestEffectiveDate: '2026-04-02',
      effectiveDate: '2026-04-02',
      services: ['dialog', 'health_contacts'],
    });
    assert.equal(
      (
        await call(admin, 'POST', '/api/admin/terminations', {
          reason: 'Ny plattform',
          services,
          effectiveDate: '2026-03-31',
        })
      ).statusCode,
      422,
    );
    assert.deepEqual(
      await statuses(m.id),
      { dialog: 'active', health_contacts: 'active' },
      'a refused notice changes nothing',
    );
    const given = await call(admin, 'POST', '/api/admin/terminations', {
      reason: 'Ny plattform',
      services,
      effectiveDate: '2026-04-02',
    });
    assert.equal(given.statusCode, 201, given.body);
    const notice = given.json<Termination>();
    assert.deepEqual(
      [notice.kind, notice.effectiveDate, notice.services],
      ['municipality_notice', '2026-04-02', ['dialog', 'health_contacts']],
    );
    assert.deepEqual(await statuses(m.id), { dialog: 'terminating', health_contacts: 'terminating' });
    // Under notice the service continues until the effective date (seed 000 §6): the gate still lets it be used.
    await requireServiceActive(t.database.db, m.id, 'dialog');
    const [job] = await t.database.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, END_JOB), eq(jobs.payload, { effectiveDate: '2026-04-02' })));
    assert.equal(job?.runAt.toISOString(), '2026-04-01T22:00:00.000Z', 'queued for midnight in Oslo');
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'termination.notice'), eq(auditLog.resourceId, notice.id)));
    assert.deepEqual([entry?.actorId, entry?.municipalityId], [adminId, m.id]);

    // The citizen sees the notice before the end.
    const seen = (await call(citizen, 'GET', '/api/me/service-notices')).json<ServiceNoticesResponse>().items;
    assert.deepEqual(
      seen.map((n) => [n.municipalityName, n.effectiveDate, n.ended, n.services.map((s) => s.name.nb)]),
      [[m.name, '2026-04-02', false, ['Dialog', 'Helsekontakter']]],
    );

    // The day before the date (23:00 in Oslo) the job ends nothing; at midnight it ends the services.
    clock.advance(Date.parse('2026-04-01T21:00:00Z') - clock.now().getTime());
    await runEndJob();
    assert.deepEqual(await statuses(m.id), { dialog: 'terminating', health_contacts: 'terminating' });
    clock.advance(60 * 60 * 1000);
    await runEndJob();
    await runEndJob();
    assert.deepEqual(await statuses(m.id), { dialog: 'ended', health_contacts: 'ended' });
    await assert.rejects(requireServiceActive(t.database.db, m.id, 'dialog'), { code: 'service_not_active' });
    const [row] = await t.database.db.select().from(serviceTerminations).where(eq(serviceTerminations.id, notice.id));
    assert.equal(row?.endedAt?.toISOString(), '2026-04-01T22:00:00.000Z');
    const ends = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'termination.end'), eq(auditLog.resourceId, notice.id)));
    assert.equal(ends.length, 1, 'ended once');
    // The municipality's data stays readable for it; the citizen is told the services ended (new sessions: a month
    // has passed on the clock).
    admin = await loginAs(t.app, { kind: 'personnel', personnelId: adminId, municipalityId: m.id });
    citizen = await loginAs(t.app, { kind: 'citizen', personId });
    assert.equal((await call(admin, 'GET', '/api/admin/units')).statusCode, 200);
    const list = (await call(admin, 'GET', '/api/admin/terminations')).json<TerminationsResponse>().items;
    assert.deepEqual(
      list.map((n) => [n.id, n.endedAt]),
      [[notice.id, '2026-04-01T22:00:00.000Z']],
    );
    assert.deepEqual(
      (await call(citizen, 'GET', '/api/me/service-notices')).json<ServiceNoticesResponse>().items.map((n) => n.ended),
      [true],
    );
    assert.equal(
      (
        await call(admin, 'POST', '/api/admin/terminations/preview', { reason: 'igjen', services })
      ).json<ProblemResponse>().code,
      'service_not_in_use',
    );
    clock.advance(Date.parse('2026-03-02T08:00:00Z') - clock.now().getTime());
  });

  void it('refuses a wind-down without an instruction reference or with less than six months; notifies every municipality', async () => {
    const { m, admin } = await municipality();
    const other = await makeMunicipality(t.database.db);
    const body = {
      serviceCode: 'dialog',
      instructionReference: 'HOD-instruks 2026/17',
      effectiveDate: '2026-09-02',
      reason: 'Avvikles nasjonalt',
    };
    const missing = await call(operator, 'POST', '/api/operator/wind-downs', { ...body, instructionReference: ' ' });
    assert.equal(missing.statusCode, 422);
    assert.deepEqual(
      [missing.json<ProblemResponse>().code, missing.json<ProblemResponse>().errors?.map((e) => e.path)],
      ['instruction_reference_missing', ['instructionReference']],
    );
    const { instructionReference: _, ...without } = body;
    assert.equal(
      (await call(operator, 'POST', '/api/operator/wind-downs', without)).json<ProblemResponse>().code,
      'instruction_reference_missing',
    );
    const short = await call(operator, 'POST', '/api/operator/wind-downs', { ...body, effectiveDate: '2026-09-01' });
    assert.deepEqual(
      [short.statusCode, short.json<ProblemResponse>().errors?.map((e) => e.path)],
      [422, ['effectiveDate']],
    );
    assert.equal((await call(admin, 'POST', '/api/operator/wind-downs', body)).statusCode, 403);
    assert.deepEqual(
      await t.database.db.select().from(serviceTerminations).where(eq(serviceTerminations.municipalityId, other.id)),
      [],
    );

    const res = await call(operator, 'POST', '/api/operator/wind-downs', body);
    assert.equal(res.statusCode, 201, res.body);
    const w = res.json<WindDown>();
    const rows = await t.database.db.select().from(serviceTerminations).where(eq(serviceTerminations.windDownId, w.id));
    assert.equal(rows.length, w.municipalities);
    assert.ok(rows.some((r) => r.municipalityId === other.id) && rows.some((r) => r.municipalityId === m.id));
    assert.equal((await statuses(m.id)).dialog, 'terminating');
    const seen = (await call(admin, 'GET', '/api/admin/terminations')).json<TerminationsResponse>().items;
    assert.deepEqual(
      seen.map((n) => [n.kind, n.instructionReference, n.effectiveDate]),
      [['operator_wind_down', 'HOD-instruks 2026/17', '2026-09-02']],
    );
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'termination.wind_down'), eq(auditLog.municipalityId, other.id)));
    assert.equal(audit.length, 1);
    const page = await call(operator, 'GET', `/api/operator/terminations?q=${encodeURIComponent(m.name)}`);
    assert.deepEqual(
      page.json<{ items: Termination[] }>().items.map((n) => n.municipalityId),
      [m.id],
    );
  });
});
