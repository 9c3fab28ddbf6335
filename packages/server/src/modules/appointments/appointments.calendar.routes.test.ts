import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  APPOINTMENT_ROUTES as R,
  type CitizenAppointment,
  type ProblemResponse,
  type StaffCalendarResponse,
} from '@helsebro/contracts';
import type { LoggedIn } from '../../../test/login.ts';
import { remind } from './reminders.ts';
import {
  makeAppointmentsWorld,
  path,
  useAppointmentsApp,
  type AppointmentsWorld,
} from './testing/appointments-world.ts';

void describe('appointments: the unit calendar, staff changes and reminders', () => {
  const app = useAppointmentsApp();

  /** Books a vaccination slot on Monday 23 November as `who` (for whomever the session acts), and returns its id. */
  const book = async (w: AppointmentsWorld, who: LoggedIn, slotId: string) => {
    const res = await w.send('POST', R.citizen.book, who, { slotId });
    assert.equal(res.statusCode, 201, res.body);
    return res.json<CitizenAppointment>().id;
  };

  it('the staff calendar shows the day and the week with holidays, appointments and free slots; audited per citizen', async () => {
    const w = await makeAppointmentsWorld(app());
    const { kari, stranger, nurse, otherNurse } = w.logins;
    const vaccinationId = w.units.vaccination.id;
    // Kari at 09:00; the stranger's cancelled appointment and then Kari's at 09:15; Emma (booked by Kari) at 09:30.
    await book(w, kari, await w.makeSlot('vacc', '2026-11-23', '09:00'));
    const at0915 = await w.makeSlot('vacc', '2026-11-23', '09:15');
    const cancelled = await book(w, stranger, at0915);
    assert.equal((await w.send('POST', path(R.citizen.cancel, { id: cancelled }), stranger, {})).statusCode, 200);
    await book(w, kari, at0915);
    await w.actFor(kari, w.people.emma.id);
    await book(w, kari, await w.makeSlot('vacc', '2026-11-23', '09:30'));

    const day = await w.get(`${path(R.staff.calendar, { unitId: vaccinationId })}?date=2026-11-23`, otherNurse);
    assert.equal(day.statusCode, 200, day.body);
    const d = day.json<StaffCalendarResponse>();
    assert.equal(d.days.length, 1);
    assert.deepEqual(
      d.days[0]!.appointments.filter((a) => a.status === 'booked').map((a) => a.localTime),
      ['09:00', '09:15', '09:30'],
    );
    assert.equal(d.days[0]!.appointments.find((a) => a.localTime === '09:30')!.citizen.personId, w.people.emma.id);
    const week = await w.get(
      `${path(R.staff.calendar, { unitId: w.units.homeCare.id })}?date=2026-12-24&view=week`,
      nurse,
    );
    const wk = week.json<StaffCalendarResponse>();
    assert.equal(wk.from, '2026-12-21');
    assert.deepEqual(
      wk.days.map((x) => x.holiday),
      [null, null, null, null, 'Første juledag', 'Andre juledag', null],
    );
    const refused = await w.get(path(R.staff.calendar, { unitId: w.units.ward.id }), nurse);
    assert.equal(refused.statusCode, 403);
    const audits = await w.q<{ n: number }>(
      "SELECT count(DISTINCT subject_person_id)::int AS n FROM audit_log WHERE action = 'appointment.calendar' AND resource_id = $1",
      [vaccinationId],
    );
    assert.equal(audits[0]!.n, 3, 'Kari, Emma and the citizen whose cancelled appointment is shown');
  });

  it('staff move and cancel: a taken slot is refused by the database, the citizen is told', async () => {
    const w = await makeAppointmentsWorld(app());
    const { kari, otherNurse } = w.logins;
    const kariSlot = await w.makeSlot('vacc', '2026-11-23', '09:00');
    await book(w, kari, kariSlot);
    await w.actFor(kari, w.people.emma.id);
    const emmaAppt = await book(w, kari, await w.makeSlot('vacc', '2026-11-23', '09:30'));

    const taken = await w.send('POST', path(R.staff.move, { id: emmaAppt }), otherNurse, { slotId: kariSlot });
    assert.equal(taken.statusCode, 409);
    assert.equal(taken.json<ProblemResponse>().code, 'slot_taken');
    const gap = await w.send('POST', path(R.staff.move, { id: emmaAppt }), otherNurse, {
      localDate: '2027-03-28',
      localTime: '02:30',
    });
    assert.equal(gap.json<ProblemResponse>().code, 'invalid_local_time', 'the spring-forward hour');
    const cancelled = await w.send('POST', path(R.staff.cancel, { id: emmaAppt }), otherNurse, {
      reason: 'unit_unavailable',
    });
    assert.equal(cancelled.statusCode, 200);
    assert.equal(cancelled.json<{ status: string }>().status, 'cancelled');
    const [row] = await w.q<{ status: string; cancelled_by: string }>(
      'SELECT status, cancelled_by FROM appointments WHERE id = $1',
      [emmaAppt],
    );
    assert.deepEqual(row, { status: 'cancelled', cancelled_by: 'unit' });
  });

  it('a reminder queued before a move does nothing; the current one notifies', async () => {
    const w = await makeAppointmentsWorld(app());
    const kari = w.people.kari.id;
    const id = await book(w, w.logins.kari, await w.makeSlot('vacc', '2026-11-23', '09:00'));
    const [a] = await w.q<{ version: number; municipality_id: string }>(
      'SELECT version, municipality_id FROM appointments WHERE id = $1',
      [id],
    );
    const dispatched =
      "SELECT count(*)::int AS n FROM jobs WHERE kind = 'notifications.dispatch' AND payload->>'personId' = $1";
    const before = await w.q<{ n: number }>(dispatched, [kari]);
    const job = (version: number) => ({
      id: 0,
      kind: 'appointments.remind',
      payload: { appointmentId: id, version },
      municipalityId: a!.municipality_id,
      attempts: 1,
      maxAttempts: 8,
      runAt: new Date(),
      createdAt: new Date(),
    });
    await remind(app().t.app.platform.db, job(a!.version + 1));
    const stale = await w.q<{ n: number }>(dispatched, [kari]);
    assert.equal(stale[0]!.n, before[0]!.n);
    await remind(app().t.app.platform.db, job(a!.version));
    const [sent] = await w.q<{ template: string }>(
      "SELECT payload->>'template' AS template FROM jobs WHERE kind = 'notifications.dispatch' AND payload->>'personId' = $1 ORDER BY id DESC LIMIT 1",
      [kari],
    );
    assert.equal(sent!.template, 'appointment_reminder');
  });
});
