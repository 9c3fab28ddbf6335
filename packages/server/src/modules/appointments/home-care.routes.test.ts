import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  APPOINTMENT_ROUTES as A,
  HOME_CARE_ROUTES as R,
  type CompletedVisit,
  type MyVisitsResponse,
  type ProblemResponse,
  type StaffAppointment,
} from '@helsebro/contracts';
import { eq } from 'drizzle-orm';
import { loginAs } from '../../../test/login.ts';
import { makePersonnel, makeServiceUnit } from '../../../test/factories.ts';
import { serviceUnits } from '../../platform/db/schema.ts';
import { makeAppointmentsWorld, NOW, path, useAppointmentsApp } from './testing/appointments-world.ts';

/** Saturday 21 November 2026, 08:00 in Oslo: the home care unit works, the nurse is on her round. */
const SATURDAY_8 = new Date('2026-11-21T07:00:00Z');

void describe('home care: "Mine besøk i dag" (issue 15)', () => {
  const app = useAppointmentsApp();

  /** A case on Saturday morning, with a world whose home care unit works every day and its nurse's id. */
  const onSaturday = async (fn: (w: Awaited<ReturnType<typeof saturdayWorld>>) => Promise<void>) => {
    const shift = SATURDAY_8.getTime() - NOW.getTime();
    app().clock.advance(shift);
    try {
      await fn(await saturdayWorld());
    } finally {
      app().clock.advance(-shift);
    }
  };
  const saturdayWorld = async () => {
    const w = await makeAppointmentsWorld(app());
    const db = app().t.app.platform.db;
    await db.update(serviceUnits).set({ visitsEveryDay: true }).where(eq(serviceUnits.id, w.units.homeCare.id));
    const [siri] = await w.q<{ id: string }>(
      'SELECT personnel_id AS id FROM personnel_roles WHERE service_unit_id = $1',
      [w.units.homeCare.id],
    );
    const plan = async (localDate: string, localTime: string, staffPersonnelId: string | null) => {
      const res = await w.send('POST', path(A.staff.create, { unitId: w.units.homeCare.id }), w.logins.nurse, {
        personId: w.people.per.id,
        typeId: w.types.visit,
        localDate,
        localTime,
        location: 'Hjemme',
        ...(staffPersonnelId ? { staffPersonnelId } : {}),
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json<StaffAppointment>().id;
    };
    return { ...w, siriId: siri!.id, plan };
  };

  it("lists the nurse's visits of the day in order; Utført before the planned start keeps the real time", async () => {
    await onSaturday(async (w) => {
      const late = await w.plan('2026-11-21', '11:00', w.siriId);
      const early = await w.plan('2026-11-21', '09:00', w.siriId);
      await w.plan('2026-11-21', '10:00', null);
      const nextWeek = await w.plan('2026-11-28', '09:00', w.siriId);

      const list = await w.get(R.today, w.logins.nurse);
      assert.equal(list.statusCode, 200, list.body);
      const day = list.json<MyVisitsResponse>();
      assert.equal(day.date, '2026-11-21');
      assert.deepEqual(
        day.visits.map((v) => [v.appointmentId, v.plannedTime, v.what, v.citizen.personId, v.doneTime]),
        [
          [early, '09:00', 'Hjemmebesøk', w.people.per.id, null],
          [late, '11:00', 'Hjemmebesøk', w.people.per.id, null],
        ],
        'only her own, not cancelled, in time order',
      );
      assert.match(day.visits[0]!.address ?? '', /^Storgata \d+, 0155 /);

      app().clock.advance(30 * 60_000);
      try {
        const done = await w.send('POST', path(R.done, { id: early }), w.logins.nurse, { note: 'Morgenmedisin gitt.' });
        assert.equal(done.statusCode, 201, done.body);
        assert.deepEqual(
          [done.json<CompletedVisit>().localTime, done.json<CompletedVisit>().whatWasDone],
          ['08:30', 'Morgenmedisin gitt.'],
        );
        const again = await w.send('POST', path(R.done, { id: early }), w.logins.nurse, {});
        assert.equal(again.statusCode, 409);
        const ahead = await w.send('POST', path(R.done, { id: nextWeek }), w.logins.nurse, {});
        assert.equal(ahead.statusCode, 422, 'a visit of a later day is not recorded ahead');
        const after = (await w.get(R.today, w.logins.nurse)).json<MyVisitsResponse>().visits[0]!;
        assert.deepEqual([after.plannedTime, after.doneTime, after.note], ['09:00', '08:30', 'Morgenmedisin gitt.']);
        const oneTap = await w.send('POST', path(R.done, { id: late }), w.logins.nurse, {});
        assert.equal(oneTap.json<CompletedVisit>().whatWasDone, 'Besøket er utført.');
      } finally {
        app().clock.advance(-30 * 60_000);
      }
      const [row] = await w.q<{ status: string; performed_at: Date }>(
        'SELECT a.status, v.performed_at FROM appointments a JOIN completed_visits v ON v.appointment_id = a.id WHERE a.id = $1',
        [early],
      );
      assert.deepEqual(
        [row!.status, new Date(row!.performed_at).toISOString()],
        ['fulfilled', '2026-11-21T07:30:00.000Z'],
      );
      const audits = await w.q<{ action: string; subject_person_id: string }>(
        "SELECT action, subject_person_id FROM audit_log WHERE actor_id = $1 AND outcome = 'success' AND action IN ('appointment.calendar', 'completed_visit.create') ORDER BY occurred_at",
        [w.siriId],
      );
      assert.deepEqual(
        audits.map((a) => `${a.action}:${a.subject_person_id === w.people.per.id}`),
        [
          'appointment.calendar:true',
          'completed_visit.create:true',
          'appointment.calendar:true',
          'completed_visit.create:true',
        ],
      );
    });
  });

  it('records a visit outside the plan; it joins the day with its real time', async () => {
    await onSaturday(async (w) => {
      const unit = w.units.homeCare.id;
      const res = await w.send('POST', path(R.unplanned, { unitId: unit }), w.logins.nurse, {
        personId: w.people.per.id,
        whatWasDone: 'Tilsyn etter fall, ringte fra trygghetsalarmen.',
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.deepEqual(
        [res.json<CompletedVisit>().appointmentId, res.json<CompletedVisit>().localTime],
        [null, '08:00'],
      );
      const day = (await w.get(R.today, w.logins.nurse)).json<MyVisitsResponse>();
      assert.deepEqual(
        day.visits.map((v) => [v.appointmentId, v.what, v.doneTime, v.plannedTime]),
        [[null, null, '08:00', null]],
      );
      const elsewhere = await w.send('POST', path(R.unplanned, { unitId: unit }), w.logins.otherNurse, {
        personId: w.people.per.id,
        whatWasDone: 'x',
      });
      assert.equal(elsewhere.statusCode, 403, 'a nurse of another unit');
      const unknown = await w.send('POST', path(R.unplanned, { unitId: unit }), w.logins.nurse, {
        personId: '00000000-0000-4000-8000-000000000000',
        whatWasDone: 'x',
      });
      assert.equal(unknown.statusCode, 404);
      const [n] = await w.q<{ n: number }>(
        "SELECT count(*)::int AS n FROM completed_visits WHERE service_unit_id = $1 AND appointment_id IS NULL AND what_was_done LIKE 'Tilsyn%'",
        [unit],
      );
      assert.equal(n!.n, 1);
    });
  });

  it('the unit leader assigns a visit to a nurse of the unit; a nurse may not', async () => {
    await onSaturday(async (w) => {
      const db = app().t.app.platform.db;
      const m = w.municipality.id;
      const leader = await makePersonnel(db, {
        municipalityId: m,
        serviceUnitId: w.units.homeCare.id,
        role: 'unit_leader',
      });
      const leaderLogin = await loginAs(app().t.app, { kind: 'personnel', personnelId: leader.id, municipalityId: m });
      const otherUnit = await makeServiceUnit(db, m);
      const outsider = await makePersonnel(db, { municipalityId: m, serviceUnitId: otherUnit.id });
      const id = await w.plan('2026-11-21', '13:00', null);

      const byNurse = await w.send('POST', path(R.assign, { id }), w.logins.nurse, { staffPersonnelId: w.siriId });
      assert.equal(byNurse.statusCode, 403);
      assert.equal(byNurse.json<ProblemResponse>().code, 'not_unit_leader');
      const notHere = await w.send('POST', path(R.assign, { id }), leaderLogin, { staffPersonnelId: outsider.id });
      assert.equal(notHere.statusCode, 422);
      assert.equal((await w.get(R.today, w.logins.nurse)).json<MyVisitsResponse>().visits.length, 0);

      const ok = await w.send('POST', path(R.assign, { id }), leaderLogin, { staffPersonnelId: w.siriId });
      assert.equal(ok.statusCode, 200, ok.body);
      const mine = (await w.get(R.today, w.logins.nurse)).json<MyVisitsResponse>().visits;
      assert.deepEqual(
        mine.map((v) => [v.appointmentId, v.plannedTime]),
        [[id, '13:00']],
      );
      const [row] = await w.q<{ staff_personnel_id: string }>(
        'SELECT staff_personnel_id FROM appointments WHERE id = $1',
        [id],
      );
      assert.equal(row!.staff_personnel_id, w.siriId);
      const [audit] = await w.q<{ actor_id: string; subject_person_id: string }>(
        "SELECT actor_id, subject_person_id FROM audit_log WHERE action = 'appointment.update' AND resource_id = $1 AND outcome = 'success'",
        [id],
      );
      assert.deepEqual(audit, { actor_id: leader.id, subject_person_id: w.people.per.id });
    });
  });
});
