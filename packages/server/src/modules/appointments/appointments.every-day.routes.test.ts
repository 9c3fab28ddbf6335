import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  APPOINTMENT_ROUTES as R,
  type CompletedVisit,
  type ProblemResponse,
  type StaffCalendarResponse,
} from '@helsebro/contracts';
import { appointmentAvailabilityRules, serviceUnits } from '../../platform/db/schema.ts';
import { eq } from 'drizzle-orm';
import {
  makeAppointmentsWorld,
  NOW,
  path,
  useAppointmentsApp,
  type AppointmentsWorld,
} from './testing/appointments-world.ts';

/** Saturday 21 November 2026, the weekend after the world's "now" (Wednesday 18 November). */
const SATURDAY = '2026-11-21';

void describe('appointments: a unit that works every day (home care, issue 15)', () => {
  const app = useAppointmentsApp();

  /** A rule of every weekday 09:00–10:00 for one of the world's types. */
  const everyWeekday = async (unit: { id: string; municipalityId: string }, typeId: string) =>
    app()
      .t.app.platform.db.insert(appointmentAvailabilityRules)
      .values({
        municipalityId: unit.municipalityId,
        serviceUnitId: unit.id,
        appointmentTypeId: typeId,
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        startTime: '09:00',
        endTime: '10:00',
        validFrom: '2026-11-18',
      });

  const saturdayOf = async (w: AppointmentsWorld, unitId: string, who = w.logins.nurse) => {
    const res = await w.get(`${path(R.staff.calendar, { unitId })}?date=${SATURDAY}&view=day`, who);
    assert.equal(res.statusCode, 200, res.body);
    return res.json<StaffCalendarResponse>().days[0]!;
  };

  it('a Saturday visit is planned from the rule and recorded for a unit that works every day', async () => {
    // Saturday 08:00 in Oslo: the visit at 11:00 is ahead, and four hours later it has happened.
    const toSaturday = new Date('2026-11-21T07:00:00Z').getTime() - NOW.getTime();
    app().clock.advance(toSaturday);
    try {
      await plansAndRecordsOnSaturday();
    } finally {
      app().clock.advance(-toSaturday);
    }
  });

  const plansAndRecordsOnSaturday = async () => {
    const w = await makeAppointmentsWorld(app());
    const homeCare = w.units.homeCare;
    await app()
      .t.app.platform.db.update(serviceUnits)
      .set({ visitsEveryDay: true })
      .where(eq(serviceUnits.id, homeCare.id));
    await everyWeekday(homeCare, w.types.visit);

    const day = await saturdayOf(w, homeCare.id);
    assert.deepEqual(
      { workingDay: day.workingDay, open: day.open, slots: day.freeSlots.map((s) => s.localTime) },
      { workingDay: false, open: true, slots: ['09:00', '09:15', '09:30', '09:45'] },
    );
    const planned = await w.send('POST', path(R.staff.create, { unitId: homeCare.id }), w.logins.nurse, {
      personId: w.people.per.id,
      typeId: w.types.visit,
      localDate: SATURDAY,
      localTime: '11:00',
    });
    assert.equal(planned.statusCode, 201, planned.body);
    const id = planned.json<{ id: string }>().id;

    app().clock.advance(4 * 3_600_000);
    try {
      const done = await w.send('POST', path(R.staff.completeVisit, { id }), w.logins.nurse, {
        whatWasDone: 'Morgenstell.',
      });
      assert.equal(done.statusCode, 201, done.body);
      assert.deepEqual(
        [done.json<CompletedVisit>().localDate, done.json<CompletedVisit>().localTime],
        [SATURDAY, '11:00'],
      );
    } finally {
      app().clock.advance(-4 * 3_600_000);
    }
    const [row] = await w.q<{ status: string; n: number }>(
      'SELECT a.status, (SELECT count(*)::int FROM completed_visits v WHERE v.appointment_id = a.id) AS n FROM appointments a WHERE a.id = $1',
      [id],
    );
    assert.deepEqual(row, { status: 'fulfilled', n: 1 });
  };

  it('a unit that does not work every day still skips weekends: no slots, closed, and no visit planned', async () => {
    const w = await makeAppointmentsWorld(app());
    const homeCare = w.units.homeCare;
    await everyWeekday(homeCare, w.types.visit);

    const day = await saturdayOf(w, homeCare.id);
    assert.deepEqual({ open: day.open, slots: day.freeSlots.length }, { open: false, slots: 0 });
    const monday = await w.get(`${path(R.staff.calendar, { unitId: homeCare.id })}?date=2026-11-23`, w.logins.nurse);
    assert.equal(monday.json<StaffCalendarResponse>().days[0]!.freeSlots.length, 4, 'the rule gives slots on Monday');

    const refused = await w.send('POST', path(R.staff.create, { unitId: homeCare.id }), w.logins.nurse, {
      personId: w.people.per.id,
      typeId: w.types.visit,
      localDate: SATURDAY,
      localTime: '11:00',
    });
    assert.equal(refused.statusCode, 422);
    assert.equal(refused.json<ProblemResponse>().code, 'unit_closed_day');
    const [n] = await w.q<{ n: number }>('SELECT count(*)::int AS n FROM appointments WHERE service_unit_id = $1', [
      homeCare.id,
    ]);
    assert.equal(n!.n, 0);
  });
});
