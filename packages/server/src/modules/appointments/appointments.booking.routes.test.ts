import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  APPOINTMENT_ROUTES as R,
  type CancelAppointmentResponse,
  type CancelRefusedProblem,
  type CitizenAppointment,
  type CitizenAppointmentsResponse,
  type FreeSlotsResponse,
  type ProblemResponse,
} from '@helsebro/contracts';
import { makeAppointmentsWorld, path, useAppointmentsApp } from './testing/appointments-world.ts';

void describe('appointments: the citizen books and cancels', () => {
  const app = useAppointmentsApp();

  it('lists the self-bookable types and their free slots with the unit phone', async () => {
    const w = await makeAppointmentsWorld(app());
    await w.makeSlot('vacc', '2026-11-23', '09:00');
    await w.makeSlot('vacc', '2026-11-23', '09:15');
    await w.makeSlot('vacc', '2026-11-23', '09:30');
    await w.makeSlot('vacc', '2026-11-18', '15:00');
    await w.makeSlot('vacc', '2026-11-17', '09:00');
    await w.makeSlot('ward', '2026-11-24', '14:00');
    await w.makeSlot('other', '2026-11-23', '09:00');
    const res = await w.get(
      `${R.citizen.freeSlots}?typeId=${w.types.vacc}&from=2026-11-18&to=2026-11-30`,
      w.logins.kari,
    );
    assert.equal(res.statusCode, 200);
    const body = res.json<FreeSlotsResponse>();
    assert.equal(body.unit.phone, '77 70 30 00');
    assert.deepEqual(
      body.slots.map((s) => `${s.localDate} ${s.localTime}`),
      ['2026-11-18 15:00', '2026-11-23 09:00', '2026-11-23 09:15', '2026-11-23 09:30'],
      'the past slot is not offered',
    );
    const types = await w.get(R.citizen.bookableTypes, w.logins.kari);
    assert.deepEqual(
      types.json<{ types: Array<{ id: string }> }>().types.map((x) => x.id),
      [w.types.vacc],
      'only self-bookable types of her municipality',
    );
  });

  it('books a free slot: 201, one row, audited, a reminder 24 h before and a feed event', async () => {
    const w = await makeAppointmentsWorld(app());
    const slot = await w.makeSlot('vacc', '2026-11-23', '09:00');
    const res = await w.send('POST', R.citizen.book, w.logins.kari, { slotId: slot });
    assert.equal(res.statusCode, 201, res.body);
    const a = res.json<CitizenAppointment>();
    assert.equal(a.status, 'booked');
    assert.equal(a.localDate, '2026-11-23');
    assert.equal(a.localTime, '09:00');
    assert.equal(a.cancellable, true);
    assert.equal(a.cancelByDate, '2026-11-20', 'a Monday appointment: cancel by Friday');
    assert.equal(a.cancelDeadline, '2026-11-20T23:00:00.000Z');
    assert.equal(a.unit.phone, '77 70 30 00');
    const rows = await w.q<{ person_id: string; status: string; booked_by_person_id: string }>(
      'SELECT person_id, status, booked_by_person_id FROM appointments WHERE slot_id = $1',
      [slot],
    );
    const kari = w.people.kari.id;
    assert.deepEqual(rows, [{ person_id: kari, status: 'booked', booked_by_person_id: kari }]);
    const jobs = await w.q<{ run_at: Date }>(
      "SELECT run_at FROM jobs WHERE kind = 'appointments.remind' AND payload->>'appointmentId' = $1",
      [a.id],
    );
    assert.deepEqual(
      jobs.map((j) => new Date(j.run_at).toISOString()),
      ['2026-11-22T08:00:00.000Z'],
    );
    const [audit] = await w.q<{ outcome: string; subject_person_id: string }>(
      "SELECT outcome, subject_person_id FROM audit_log WHERE action = 'appointment.book' AND resource_id = $1",
      [a.id],
    );
    assert.deepEqual(audit, { outcome: 'success', subject_person_id: kari });
    const events = await w.q<{ kind: string }>("SELECT kind FROM epj_events WHERE refs->>'appointmentId' = $1", [a.id]);
    assert.deepEqual(
      events.map((e) => e.kind),
      ['appointment.booked'],
    );
  });

  it('refuses a taken slot with 409 "taken", and keeps the first booking', async () => {
    const w = await makeAppointmentsWorld(app());
    const slot = await w.makeSlot('vacc', '2026-11-23', '09:00');
    assert.equal((await w.send('POST', R.citizen.book, w.logins.kari, { slotId: slot })).statusCode, 201);
    const res = await w.send('POST', R.citizen.book, w.logins.stranger, { slotId: slot });
    assert.equal(res.statusCode, 409);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(res.json<ProblemResponse>().code, 'slot_taken');
    const rows = await w.q<{ person_id: string }>('SELECT person_id FROM appointments WHERE slot_id = $1', [slot]);
    assert.deepEqual(rows, [{ person_id: w.people.kari.id }]);
  });

  it('refuses a past slot, a type that is not self-bookable, a slot of another municipality, an unknown slot and bad input', async () => {
    const w = await makeAppointmentsWorld(app());
    const cases: Array<[object, number, string]> = [
      [{ slotId: await w.makeSlot('vacc', '2026-11-17', '09:00') }, 422, 'slot_in_past'],
      [{ slotId: await w.makeSlot('ward', '2026-11-24', '14:00') }, 422, 'type_not_self_bookable'],
      [{ slotId: await w.makeSlot('other', '2026-11-23', '09:00') }, 422, 'slot_other_municipality'],
      [{ slotId: '00000000-0000-4000-8000-000000000000' }, 404, 'slot_not_found'],
      [{ slotId: 'not-a-uuid' }, 400, 'validation_failed'],
      [{}, 400, 'validation_failed'],
    ];
    for (const [body, status, code] of cases) {
      const res = await w.send('POST', R.citizen.book, w.logins.stranger, body);
      assert.equal(res.statusCode, status, `${JSON.stringify(body)} → ${res.body}`);
      assert.equal(res.json<ProblemResponse>().code, code);
    }
    const [{ n }] = (await w.q<{ n: number }>('SELECT count(*)::int AS n FROM appointments WHERE person_id = $1', [
      w.people.stranger.id,
    ])) as [{ n: number }];
    assert.equal(n, 0, 'nothing was booked');
    const other = await w.get(`${R.citizen.freeSlots}?typeId=${w.types.other}`, w.logins.stranger);
    assert.equal(other.json<ProblemResponse>().code, 'slot_other_municipality');
  });

  it('cancels before the deadline, which frees the slot for someone else', async () => {
    const w = await makeAppointmentsWorld(app());
    const slot = await w.makeSlot('vacc', '2026-11-23', '09:15');
    const booked = await w.send('POST', R.citizen.book, w.logins.stranger, { slotId: slot });
    assert.equal(booked.statusCode, 201);
    const id = booked.json<CitizenAppointment>().id;
    const res = await w.send('POST', path(R.citizen.cancel, { id }), w.logins.stranger, { reason: 'illness' });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<CancelAppointmentResponse>();
    assert.equal(body.outcome, 'cancelled');
    assert.equal(body.appointment.status, 'cancelled');
    assert.deepEqual(body.appointment.cancellation && { ...body.appointment.cancellation, at: 'x' }, {
      reason: 'illness',
      by: 'citizen',
      at: 'x',
      comment: null,
    });
    const again = await w.send('POST', R.citizen.book, w.logins.kari, { slotId: slot });
    assert.equal(again.statusCode, 201, 'the cancelled slot is free again');
    const rows = await w.q<{ status: string }>(
      'SELECT status FROM appointments WHERE slot_id = $1 ORDER BY created_at',
      [slot],
    );
    assert.deepEqual(
      rows.map((r) => r.status),
      ['cancelled', 'booked'],
    );
    const dup = await w.send('POST', path(R.citizen.cancel, { id }), w.logins.stranger, {});
    assert.equal(dup.statusCode, 409);
    assert.equal(dup.json<ProblemResponse>().code, 'appointment_not_booked');
  });

  it('refuses a cancellation after the deadline with the reason, the deadline and the unit phone', async () => {
    const w = await makeAppointmentsWorld(app());
    // Booking today at 15:00 is allowed; cancelling it digitally ended with yesterday (one working day before).
    const slot = await w.makeSlot('vacc', '2026-11-18', '15:00');
    const booked = await w.send('POST', R.citizen.book, w.logins.kari, { slotId: slot });
    assert.equal(booked.statusCode, 201, booked.body);
    const id = booked.json<CitizenAppointment>().id;
    const list = await w.get(R.citizen.list, w.logins.kari);
    const a = list.json<CitizenAppointmentsResponse>().appointments.find((x) => x.id === id)!;
    assert.equal(a.cancellable, false);
    assert.equal(a.notCancellableReason, 'deadline_passed');
    assert.equal(a.cancelByDate, '2026-11-17');
    const res = await w.send('POST', path(R.citizen.cancel, { id }), w.logins.kari, {});
    assert.equal(res.statusCode, 422);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    const p = res.json<CancelRefusedProblem>();
    assert.equal(p.code, 'cancel_deadline_passed');
    assert.equal(p.reason, 'deadline_passed');
    assert.equal(p.cancelByDate, '2026-11-17');
    assert.equal(p.cancelDeadline, '2026-11-17T23:00:00.000Z');
    assert.equal(p.unit.phone, '77 70 30 00');
    assert.match(p.detail ?? '', /77 70 30 00/);
    const [row] = await w.q<{ status: string }>('SELECT status FROM appointments WHERE id = $1', [id]);
    assert.equal(row!.status, 'booked', 'nothing changed');
    const [audit] = await w.q<{ outcome: string }>(
      "SELECT outcome FROM audit_log WHERE action = 'appointment.cancel' AND resource_id = $1",
      [id],
    );
    assert.equal(audit!.outcome, 'error', 'the refusal is audited');
  });

  it('a parent books for a child under 12; the parent of a 13-year-old only reads', async () => {
    const w = await makeAppointmentsWorld(app());
    const { kari, emma, jonas } = w.people;
    const slot = await w.makeSlot('vacc', '2026-11-23', '09:30');
    await w.actFor(w.logins.kari, emma.id);
    const res = await w.send('POST', R.citizen.book, w.logins.kari, { slotId: slot });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json<CitizenAppointment>().citizen.personId, emma.id);
    const [row] = await w.q<{ person_id: string; booked_by_person_id: string }>(
      'SELECT person_id, booked_by_person_id FROM appointments WHERE slot_id = $1',
      [slot],
    );
    assert.deepEqual(row, { person_id: emma.id, booked_by_person_id: kari.id });
    const [audit] = await w.q<{ acting_for_person_id: string; actor_id: string }>(
      "SELECT acting_for_person_id, actor_id FROM audit_log WHERE action = 'appointment.book' AND subject_person_id = $1",
      [emma.id],
    );
    assert.deepEqual(audit, { acting_for_person_id: emma.id, actor_id: kari.id });

    await w.actFor(w.logins.kari, jonas.id);
    const list = await w.get(R.citizen.list, w.logins.kari);
    assert.equal(list.statusCode, 200);
    assert.equal(list.json<CitizenAppointmentsResponse>().mayManage, false);
    const refused = await w.send('POST', R.citizen.book, w.logins.kari, { slotId: slot });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json<ProblemResponse>().code, 'service_area_not_granted');
  });

  it('a type the citizen may not cancel digitally: refused with the unit phone', async () => {
    const w = await makeAppointmentsWorld(app());
    const created = await w.send('POST', path(R.staff.create, { unitId: w.units.ward.id }), await w.wardDoctor(), {
      personId: w.people.stranger.id,
      typeId: w.types.ward,
      slotId: await w.makeSlot('ward', '2026-11-24', '14:00'),
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json<{ id: string }>().id;
    const res = await w.send('POST', path(R.citizen.cancel, { id }), w.logins.stranger, {});
    assert.equal(res.statusCode, 422);
    const p = res.json<CancelRefusedProblem>();
    assert.equal(p.code, 'type_not_cancellable');
    assert.equal(p.unit.phone, '116 117');
    assert.equal(p.cancelDeadline, null);
    const notMine = await w.send('POST', path(R.citizen.cancel, { id }), w.logins.kari, {});
    assert.equal(notMine.statusCode, 404);
  });
});
