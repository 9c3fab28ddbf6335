import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  APPOINTMENT_ROUTES as R,
  type CancelAppointmentResponse,
  type CancelRefusedProblem,
  type CitizenAppointment,
  type CitizenAppointmentsResponse,
  type CompletedVisit,
  type CompletedVisitsResponse,
  type FreeSlotsResponse,
  type ProblemResponse,
  type StaffCalendarResponse,
  type StaffRequestsResponse,
} from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { loginAs, type LoggedIn } from '../../../test/login.ts';
import { movableClock } from '../../../test/clock.ts';
import {
  makeCareRelation,
  makeMunicipality,
  makeParentalResponsibility,
  makePerson,
  makePersonnel,
  makeServiceUnit,
  type Person,
} from '../../../test/factories.ts';
import { appointmentSlots, appointmentTypes, notificationPreferences } from '../../platform/db/schema.ts';
import { fromOslo } from '../../platform/time/oslo-time.ts';
import { remind } from './reminders.ts';

const path = (p: string, params: Record<string, string>) =>
  Object.entries(params).reduce((acc, [k, v]) => acc.replace(`:${k}`, v), p);

// Wednesday 18 November 2026, 10:00 in Oslo (CET).
const clock = movableClock(new Date('2026-11-18T09:00:00Z'));

void describe('appointments: booking, cancellation rules, requests, completed visits', () => {
  let t: TestApp;
  let kari: Person, emma: Person, jonas: Person, per: Person, stranger: Person;
  let kariLogin: LoggedIn, strangerLogin: LoggedIn, perLogin: LoggedIn, nurse: LoggedIn, otherNurse: LoggedIn;
  let homeCareId: string, vaccinationId: string, wardId: string;
  let vaccType: string, visitType: string, wardType: string, otherType: string;
  const slot: Record<string, string> = {};

  const get = (url: string, who: LoggedIn) => t.app.inject({ method: 'GET', url, headers: who.headers });
  const send = (method: 'POST' | 'PUT', url: string, who: LoggedIn, payload: object = {}) =>
    t.app.inject({ method, url, headers: who.headers, payload });
  const q = <T>(sql: string, params: unknown[] = []) => t.database.query<T>(sql, params);
  const actFor = async (login: LoggedIn, personId: string) =>
    assert.equal((await send('POST', '/api/representation/acting-for', login, { personId })).statusCode, 200);

  const makeSlot = async (typeId: string, unitId: string, municipalityId: string, date: string, time: string) => {
    const startsAt = fromOslo(date, time)!;
    const [row] = await t.app.platform.db
      .insert(appointmentSlots)
      .values({
        municipalityId,
        serviceUnitId: unitId,
        appointmentTypeId: typeId,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 15 * 60_000),
      })
      .returning();
    return row!.id;
  };

  before(async () => {
    t = await buildTestApp({ SESSION_IDLE_MINUTES: '1440' }, { clock });
    const db = t.app.platform.db;
    const m = await makeMunicipality(db);
    const other = await makeMunicipality(db);
    const vaccination = await makeServiceUnit(db, m.id, {
      name: 'Vaksinasjonskontoret',
      kind: 'vaccination',
      phone: '77 70 30 00',
    });
    const homeCare = await makeServiceUnit(db, m.id, { name: 'Hjemmesykepleien', phone: '77 70 10 00' });
    const ward = await makeServiceUnit(db, m.id, { name: 'Legevakten', kind: 'emergency_ward', phone: '116 117' });
    const otherUnit = await makeServiceUnit(db, other.id, { name: 'Vaksinasjonskontoret', kind: 'vaccination' });
    [homeCareId, vaccinationId, wardId] = [homeCare.id, vaccination.id, ward.id];
    const type = async (
      unit: { id: string; municipalityId: string },
      values: Partial<typeof appointmentTypes.$inferInsert>,
    ) =>
      (
        await db
          .insert(appointmentTypes)
          .values({
            municipalityId: unit.municipalityId,
            serviceUnitId: unit.id,
            name: 'Type',
            kind: 'vaccination',
            durationMinutes: 15,
            ...values,
          })
          .returning()
      )[0]!.id;
    vaccType = await type(vaccination, { name: 'Vaksinasjon', selfBookable: true, reminderLeadHours: 24 });
    visitType = await type(homeCare, { name: 'Hjemmebesøk', kind: 'home_visit', cancellationNeedsAcceptance: true });
    wardType = await type(ward, { name: 'Legevakt', kind: 'emergency_ward', citizenCancellable: false });
    otherType = await type(otherUnit, { name: 'Vaksinasjon', selfBookable: true });

    kari = await makePerson(db, { birthDate: '1985-03-14', municipalityId: m.id, streetAddress: 'Storgata 1' });
    emma = await makePerson(db, { birthDate: '2018-05-10', municipalityId: m.id, streetAddress: 'Storgata 1' });
    jonas = await makePerson(db, { birthDate: '2013-01-01', municipalityId: m.id, streetAddress: 'Storgata 1' });
    per = await makePerson(db, { birthDate: '1941-01-15', municipalityId: m.id });
    stranger = await makePerson(db, { birthDate: '1990-01-01', municipalityId: m.id });
    await makeParentalResponsibility(db, emma.id, kari.id);
    await makeParentalResponsibility(db, jonas.id, kari.id);
    await makeCareRelation(db, { municipalityId: m.id, personId: per.id, serviceUnitId: homeCare.id });
    const n1 = await makePersonnel(db, {
      municipalityId: m.id,
      serviceUnitId: homeCare.id,
      givenName: 'Siri',
      familyName: 'Sykepleier',
    });
    const n2 = await makePersonnel(db, { municipalityId: m.id, serviceUnitId: vaccination.id });
    nurse = await loginAs(t.app, { kind: 'personnel', personnelId: n1.id, municipalityId: m.id });
    otherNurse = await loginAs(t.app, { kind: 'personnel', personnelId: n2.id, municipalityId: m.id });
    kariLogin = await loginAs(t.app, { kind: 'citizen', personId: kari.id });
    strangerLogin = await loginAs(t.app, { kind: 'citizen', personId: stranger.id });
    perLogin = await loginAs(t.app, { kind: 'citizen', personId: per.id });

    slot.monday = await makeSlot(vaccType, vaccination.id, m.id, '2026-11-23', '09:00');
    slot.monday2 = await makeSlot(vaccType, vaccination.id, m.id, '2026-11-23', '09:15');
    slot.monday3 = await makeSlot(vaccType, vaccination.id, m.id, '2026-11-23', '09:30');
    slot.today = await makeSlot(vaccType, vaccination.id, m.id, '2026-11-18', '15:00');
    slot.past = await makeSlot(vaccType, vaccination.id, m.id, '2026-11-17', '09:00');
    slot.ward = await makeSlot(wardType, ward.id, m.id, '2026-11-24', '14:00');
    slot.other = await makeSlot(otherType, otherUnit.id, other.id, '2026-11-23', '09:00');
  });
  after(async () => {
    await t.close();
  });

  it('lists the self-bookable types and their free slots with the unit phone', async () => {
    const res = await get(`${R.citizen.freeSlots}?typeId=${vaccType}&from=2026-11-18&to=2026-11-30`, kariLogin);
    assert.equal(res.statusCode, 200);
    const body = res.json<FreeSlotsResponse>();
    assert.equal(body.unit.phone, '77 70 30 00');
    assert.deepEqual(
      body.slots.map((s) => `${s.localDate} ${s.localTime}`),
      ['2026-11-18 15:00', '2026-11-23 09:00', '2026-11-23 09:15', '2026-11-23 09:30'],
      'the past slot is not offered',
    );
    const types = await get(R.citizen.bookableTypes, kariLogin);
    assert.deepEqual(
      types.json<{ types: Array<{ id: string }> }>().types.map((x) => x.id),
      [vaccType],
      'only self-bookable types of her municipality',
    );
  });

  it('books a free slot: 201, one row, audited, a reminder 24 h before and a feed event', async () => {
    const res = await send('POST', R.citizen.book, kariLogin, { slotId: slot.monday });
    assert.equal(res.statusCode, 201, res.body);
    const a = res.json<CitizenAppointment>();
    assert.equal(a.status, 'booked');
    assert.equal(a.localDate, '2026-11-23');
    assert.equal(a.localTime, '09:00');
    assert.equal(a.cancellable, true);
    assert.equal(a.cancelByDate, '2026-11-20', 'a Monday appointment: cancel by Friday');
    assert.equal(a.cancelDeadline, '2026-11-20T23:00:00.000Z');
    assert.equal(a.unit.phone, '77 70 30 00');
    const rows = await q<{ person_id: string; status: string; booked_by_person_id: string }>(
      'SELECT person_id, status, booked_by_person_id FROM appointments WHERE slot_id = $1',
      [slot.monday],
    );
    assert.deepEqual(rows, [{ person_id: kari.id, status: 'booked', booked_by_person_id: kari.id }]);
    const [job] = await q<{ run_at: Date }>("SELECT run_at FROM jobs WHERE kind = 'appointments.remind'");
    assert.equal(new Date(job!.run_at).toISOString(), '2026-11-22T08:00:00.000Z');
    const [audit] = await q<{ outcome: string; subject_person_id: string }>(
      "SELECT outcome, subject_person_id FROM audit_log WHERE action = 'appointment.book' AND resource_id = $1",
      [a.id],
    );
    assert.deepEqual(audit, { outcome: 'success', subject_person_id: kari.id });
    const events = await q<{ kind: string }>("SELECT kind FROM epj_events WHERE refs->>'appointmentId' = $1", [a.id]);
    assert.deepEqual(
      events.map((e) => e.kind),
      ['appointment.booked'],
    );
  });

  it('refuses a taken slot with 409 "taken", and keeps the first booking', async () => {
    const res = await send('POST', R.citizen.book, strangerLogin, { slotId: slot.monday });
    assert.equal(res.statusCode, 409);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(res.json<ProblemResponse>().code, 'slot_taken');
    const rows = await q<{ person_id: string }>('SELECT person_id FROM appointments WHERE slot_id = $1', [slot.monday]);
    assert.deepEqual(rows, [{ person_id: kari.id }]);
  });

  it('refuses a past slot, a type that is not self-bookable, a slot of another municipality, an unknown slot and bad input', async () => {
    const cases: Array<[object, number, string]> = [
      [{ slotId: slot.past }, 422, 'slot_in_past'],
      [{ slotId: slot.ward }, 422, 'type_not_self_bookable'],
      [{ slotId: slot.other }, 422, 'slot_other_municipality'],
      [{ slotId: '00000000-0000-4000-8000-000000000000' }, 404, 'slot_not_found'],
      [{ slotId: 'not-a-uuid' }, 400, 'validation_failed'],
      [{}, 400, 'validation_failed'],
    ];
    for (const [body, status, code] of cases) {
      const res = await send('POST', R.citizen.book, strangerLogin, body);
      assert.equal(res.statusCode, status, `${JSON.stringify(body)} → ${res.body}`);
      assert.equal(res.json<ProblemResponse>().code, code);
    }
    const [{ n }] = (await q<{ n: number }>('SELECT count(*)::int AS n FROM appointments WHERE person_id = $1', [
      stranger.id,
    ])) as [{ n: number }];
    assert.equal(n, 0, 'nothing was booked');
    const other = await get(`${R.citizen.freeSlots}?typeId=${otherType}`, strangerLogin);
    assert.equal(other.json<ProblemResponse>().code, 'slot_other_municipality');
  });

  it('cancels before the deadline, which frees the slot for someone else', async () => {
    const booked = await send('POST', R.citizen.book, strangerLogin, { slotId: slot.monday2 });
    assert.equal(booked.statusCode, 201);
    const id = booked.json<CitizenAppointment>().id;
    const res = await send('POST', path(R.citizen.cancel, { id }), strangerLogin, { reason: 'illness' });
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
    const again = await send('POST', R.citizen.book, kariLogin, { slotId: slot.monday2 });
    assert.equal(again.statusCode, 201, 'the cancelled slot is free again');
    const rows = await q<{ status: string }>('SELECT status FROM appointments WHERE slot_id = $1 ORDER BY created_at', [
      slot.monday2,
    ]);
    assert.deepEqual(
      rows.map((r) => r.status),
      ['cancelled', 'booked'],
    );
    const dup = await send('POST', path(R.citizen.cancel, { id }), strangerLogin, {});
    assert.equal(dup.statusCode, 409);
    assert.equal(dup.json<ProblemResponse>().code, 'appointment_not_booked');
  });

  it('refuses a cancellation after the deadline with the reason, the deadline and the unit phone', async () => {
    // Booking today at 15:00 is allowed; cancelling it digitally ended with yesterday (one working day before).
    const booked = await send('POST', R.citizen.book, kariLogin, { slotId: slot.today });
    assert.equal(booked.statusCode, 201, booked.body);
    const id = booked.json<CitizenAppointment>().id;
    const list = await get(R.citizen.list, kariLogin);
    const a = list.json<CitizenAppointmentsResponse>().appointments.find((x) => x.id === id)!;
    assert.equal(a.cancellable, false);
    assert.equal(a.notCancellableReason, 'deadline_passed');
    assert.equal(a.cancelByDate, '2026-11-17');
    const res = await send('POST', path(R.citizen.cancel, { id }), kariLogin, {});
    assert.equal(res.statusCode, 422);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    const p = res.json<CancelRefusedProblem>();
    assert.equal(p.code, 'cancel_deadline_passed');
    assert.equal(p.reason, 'deadline_passed');
    assert.equal(p.cancelByDate, '2026-11-17');
    assert.equal(p.cancelDeadline, '2026-11-17T23:00:00.000Z');
    assert.equal(p.unit.phone, '77 70 30 00');
    assert.match(p.detail ?? '', /77 70 30 00/);
    const [row] = await q<{ status: string }>('SELECT status FROM appointments WHERE id = $1', [id]);
    assert.equal(row!.status, 'booked', 'nothing changed');
    const [audit] = await q<{ outcome: string }>(
      "SELECT outcome FROM audit_log WHERE action = 'appointment.cancel' AND resource_id = $1",
      [id],
    );
    assert.equal(audit!.outcome, 'error', 'the refusal is audited');
  });

  it('a parent books for a child under 12; the parent of a 13-year-old only reads', async () => {
    await actFor(kariLogin, emma.id);
    const res = await send('POST', R.citizen.book, kariLogin, { slotId: slot.monday3 });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json<CitizenAppointment>().citizen.personId, emma.id);
    const [row] = await q<{ person_id: string; booked_by_person_id: string }>(
      'SELECT person_id, booked_by_person_id FROM appointments WHERE slot_id = $1',
      [slot.monday3],
    );
    assert.deepEqual(row, { person_id: emma.id, booked_by_person_id: kari.id });
    const [audit] = await q<{ acting_for_person_id: string; actor_id: string }>(
      "SELECT acting_for_person_id, actor_id FROM audit_log WHERE action = 'appointment.book' AND subject_person_id = $1",
      [emma.id],
    );
    assert.deepEqual(audit, { acting_for_person_id: emma.id, actor_id: kari.id });

    await actFor(kariLogin, jonas.id);
    const list = await get(R.citizen.list, kariLogin);
    assert.equal(list.statusCode, 200);
    assert.equal(list.json<CitizenAppointmentsResponse>().mayManage, false);
    const refused = await send('POST', R.citizen.book, kariLogin, { slotId: slot.monday3 });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json<ProblemResponse>().code, 'service_area_not_granted');
    await actFor(kariLogin, kari.id);
  });

  it('home visits: a cancellation needs the unit; new-time requests; the unit answers and the citizen is told', async () => {
    const created = await send('POST', path(R.staff.create, { unitId: homeCareId }), nurse, {
      personId: per.id,
      typeId: visitType,
      localDate: '2026-11-25',
      localTime: '09:00',
      location: 'Hjemme',
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json<{ id: string }>().id;

    const mine = (await get(R.citizen.list, perLogin)).json<CitizenAppointmentsResponse>().appointments;
    const visit = mine.find((a) => a.id === id)!;
    assert.equal(visit.type.kind, 'home_visit');
    assert.equal(visit.staffName, null, 'no staff assigned yet');
    assert.equal(visit.cancellationNeedsAcceptance, true);

    const cancel = await send('POST', path(R.citizen.cancel, { id }), perLogin, { comment: 'Er hos datteren' });
    assert.equal(cancel.statusCode, 200, cancel.body);
    assert.equal(cancel.json<CancelAppointmentResponse>().outcome, 'requested');
    assert.equal(cancel.json<CancelAppointmentResponse>().appointment.status, 'booked');
    const newTime = await send('POST', path(R.citizen.newTimeRequest, { id }), perLogin, { comment: 'Etter 10?' });
    assert.equal(newTime.statusCode, 409, 'one open request at a time');
    assert.equal(newTime.json<ProblemResponse>().code, 'request_pending');

    const requests = await get(`${path(R.staff.requests, { unitId: homeCareId })}?status=pending`, nurse);
    assert.equal(requests.statusCode, 200);
    const [request] = requests.json<StaffRequestsResponse>().requests;
    assert.equal(request!.kind, 'cancellation');
    assert.equal(request!.comment, 'Er hos datteren');
    const decline = await send('POST', path(R.staff.decideRequest, { id: request!.id }), nurse, {
      decision: 'decline',
      response: 'Vi må komme for medisinene. Ring oss.',
    });
    assert.equal(decline.statusCode, 200, decline.body);
    assert.equal(decline.json<{ status: string }>().status, 'declined');
    const twice = await send('POST', path(R.staff.decideRequest, { id: request!.id }), nurse, { decision: 'accept' });
    assert.equal(twice.json<ProblemResponse>().code, 'request_already_decided');
    const seen = (await get(R.citizen.list, perLogin)).json<CitizenAppointmentsResponse>().appointments;
    const answered = seen.find((a) => a.id === id)!;
    assert.equal(answered.latestAnswer?.status, 'declined');
    assert.equal(answered.latestAnswer?.response, 'Vi må komme for medisinene. Ring oss.');
    assert.equal(answered.pendingRequest, null);

    const asked = await send('POST', path(R.citizen.newTimeRequest, { id }), perLogin, { comment: 'Etter 10?' });
    assert.equal(asked.statusCode, 201, asked.body);
    const empty = await send('POST', path(R.citizen.newTimeRequest, { id }), perLogin, { comment: '  ' });
    assert.equal(empty.statusCode, 400);
    const noTime = await send('POST', path(R.staff.decideRequest, { id: asked.json<{ id: string }>().id }), nurse, {
      decision: 'accept',
    });
    assert.equal(noTime.statusCode, 400);
    const accept = await send('POST', path(R.staff.decideRequest, { id: asked.json<{ id: string }>().id }), nurse, {
      decision: 'accept',
      localDate: '2026-11-25',
      localTime: '10:30',
    });
    assert.equal(accept.statusCode, 200, accept.body);
    const [row] = await q<{ starts_at: Date; version: number }>(
      'SELECT starts_at, version FROM appointments WHERE id = $1',
      [id],
    );
    assert.equal(new Date(row!.starts_at).toISOString(), '2026-11-25T09:30:00.000Z');
    assert.equal(row!.version, 2);
    const told = await q<{ template: string }>(
      "SELECT payload->>'template' AS template FROM jobs WHERE kind = 'notifications.dispatch' AND payload->>'personId' = $1 ORDER BY id",
      [per.id],
    );
    assert.deepEqual(
      told.map((x) => x.template),
      ['appointment_request_answered', 'appointment_request_answered'],
      'one notice per answer, none for the move inside it',
    );
  });

  it('a reminder queued before a move does nothing; the current one notifies', async () => {
    const [a] = await q<{ id: string; version: number; municipality_id: string }>(
      'SELECT id, version, municipality_id FROM appointments WHERE slot_id = $1',
      [slot.monday],
    );
    const before = await q<{ n: number }>("SELECT count(*)::int AS n FROM jobs WHERE kind = 'notifications.dispatch'");
    const job = (version: number) => ({
      id: 0,
      kind: 'appointments.remind',
      payload: { appointmentId: a!.id, version },
      municipalityId: a!.municipality_id,
      attempts: 1,
      maxAttempts: 8,
      runAt: new Date(),
      createdAt: new Date(),
    });
    await remind(t.app.platform.db, job(a!.version + 1));
    const stale = await q<{ n: number }>("SELECT count(*)::int AS n FROM jobs WHERE kind = 'notifications.dispatch'");
    assert.equal(stale[0]!.n, before[0]!.n);
    await remind(t.app.platform.db, job(a!.version));
    const [sent] = await q<{ template: string }>(
      "SELECT payload->>'template' AS template FROM jobs WHERE kind = 'notifications.dispatch' ORDER BY id DESC LIMIT 1",
    );
    assert.equal(sent!.template, 'appointment_reminder');
  });

  it('completed visits: recorded by the nurse, shown to the citizen with the name unless hidden; opt-in needs level full', async () => {
    const optIn = await send('PUT', R.citizen.visitNotices, perLogin, { optIn: true });
    assert.equal(optIn.statusCode, 422);
    assert.equal(optIn.json<ProblemResponse>().code, 'notice_level_not_full');
    await t.app.platform.db
      .insert(notificationPreferences)
      .values({ personId: per.id, channel: 'sms', level: 'full', language: 'nb' });
    const ok = await send('PUT', R.citizen.visitNotices, perLogin, { optIn: true });
    assert.equal(ok.statusCode, 200);
    assert.deepEqual(ok.json(), { optIn: true, level: 'full', channel: 'sms', available: true });

    const created = await send('POST', path(R.staff.create, { unitId: homeCareId }), nurse, {
      personId: per.id,
      typeId: visitType,
      localDate: '2026-11-18',
      localTime: '10:30',
    });
    assert.equal(created.statusCode, 201);
    const id = created.json<{ id: string }>().id;
    const early = await send('POST', path(R.staff.completeVisit, { id }), nurse, { whatWasDone: 'Medisiner gitt.' });
    assert.equal(early.statusCode, 422, 'not before it happened');
    clock.advance(2 * 3_600_000);
    try {
      const res = await send('POST', path(R.staff.completeVisit, { id }), nurse, {
        whatWasDone: 'Medisiner gitt. Blodtrykk målt.',
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json<CompletedVisit>().staffName, 'Siri Sykepleier');
      const again = await send('POST', path(R.staff.completeVisit, { id }), nurse, { whatWasDone: 'x' });
      assert.equal(again.statusCode, 409);
      const [notice] = await q<{ template: string; min_level: string }>(
        "SELECT payload->>'template' AS template, payload->>'minLevel' AS min_level FROM jobs WHERE kind = 'notifications.dispatch' ORDER BY id DESC LIMIT 1",
      );
      assert.deepEqual(notice, { template: 'visit_completed', min_level: 'full' });
      const [status] = await q<{ status: string }>('SELECT status FROM appointments WHERE id = $1', [id]);
      assert.equal(status!.status, 'fulfilled');

      const seen = (await get(R.citizen.completedVisits, perLogin)).json<CompletedVisitsResponse>().visits;
      assert.equal(seen.length, 1);
      assert.equal(seen[0]!.whatWasDone, 'Medisiner gitt. Blodtrykk målt.');
      assert.equal(seen[0]!.staffName, 'Siri Sykepleier');
      const hide = await send('PUT', path(R.staff.staffNames, { unitId: homeCareId, personId: per.id }), nurse, {
        hidden: true,
      });
      assert.equal(hide.statusCode, 200);
      const hidden = (await get(R.citizen.completedVisits, perLogin)).json<CompletedVisitsResponse>().visits;
      assert.equal(hidden[0]!.staffName, null);
      const [audit] = await q<{ subject_person_id: string }>(
        "SELECT subject_person_id FROM audit_log WHERE action = 'staff_names.set'",
      );
      assert.equal(audit!.subject_person_id, per.id);

      const notHome = await send('POST', path(R.staff.completeVisit, { id }), otherNurse, { whatWasDone: 'x' });
      assert.equal(notHome.statusCode, 403, 'a nurse of another unit');
    } finally {
      clock.advance(-2 * 3_600_000);
    }
  });

  it('the opt-in is for oneself; a proxy is refused', async () => {
    await actFor(kariLogin, emma.id);
    const res = await send('PUT', R.citizen.visitNotices, kariLogin, { optIn: true });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json<ProblemResponse>().code, 'proxy_cannot_manage_preferences');
    await actFor(kariLogin, kari.id);
  });

  it('the staff calendar shows the day and the week with holidays, appointments and free slots; audited per citizen', async () => {
    const day = await get(`${path(R.staff.calendar, { unitId: vaccinationId })}?date=2026-11-23`, otherNurse);
    assert.equal(day.statusCode, 200, day.body);
    const d = day.json<StaffCalendarResponse>();
    assert.equal(d.days.length, 1);
    assert.deepEqual(
      d.days[0]!.appointments.filter((a) => a.status === 'booked').map((a) => a.localTime),
      ['09:00', '09:15', '09:30'],
    );
    assert.equal(d.days[0]!.appointments.find((a) => a.localTime === '09:30')!.citizen.personId, emma.id);
    const week = await get(`${path(R.staff.calendar, { unitId: homeCareId })}?date=2026-12-24&view=week`, nurse);
    const w = week.json<StaffCalendarResponse>();
    assert.equal(w.from, '2026-12-21');
    assert.deepEqual(
      w.days.map((x) => x.holiday),
      [null, null, null, null, 'Første juledag', 'Andre juledag', null],
    );
    const refused = await get(path(R.staff.calendar, { unitId: wardId }), nurse);
    assert.equal(refused.statusCode, 403);
    const audits = await q<{ n: number }>(
      "SELECT count(DISTINCT subject_person_id)::int AS n FROM audit_log WHERE action = 'appointment.calendar' AND resource_id = $1",
      [vaccinationId],
    );
    assert.equal(audits[0]!.n, 3, 'Kari, Emma and the citizen whose cancelled appointment is shown');
  });

  it('staff move and cancel: a taken slot is refused by the database, the citizen is told', async () => {
    const [emmaAppt] = await q<{ id: string }>('SELECT id FROM appointments WHERE slot_id = $1', [slot.monday3]);
    const taken = await send('POST', path(R.staff.move, { id: emmaAppt!.id }), otherNurse, { slotId: slot.monday });
    assert.equal(taken.statusCode, 409);
    assert.equal(taken.json<ProblemResponse>().code, 'slot_taken');
    const gap = await send('POST', path(R.staff.move, { id: emmaAppt!.id }), otherNurse, {
      localDate: '2027-03-28',
      localTime: '02:30',
    });
    assert.equal(gap.json<ProblemResponse>().code, 'invalid_local_time', 'the spring-forward hour');
    const cancelled = await send('POST', path(R.staff.cancel, { id: emmaAppt!.id }), otherNurse, {
      reason: 'unit_unavailable',
    });
    assert.equal(cancelled.statusCode, 200);
    assert.equal(cancelled.json<{ status: string }>().status, 'cancelled');
    const [row] = await q<{ status: string; cancelled_by: string }>(
      'SELECT status, cancelled_by FROM appointments WHERE id = $1',
      [emmaAppt!.id],
    );
    assert.deepEqual(row, { status: 'cancelled', cancelled_by: 'unit' });
  });

  it('a type the citizen may not cancel digitally: refused with the unit phone', async () => {
    const created = await send('POST', path(R.staff.create, { unitId: wardId }), await wardDoctor(), {
      personId: stranger.id,
      typeId: wardType,
      slotId: slot.ward,
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json<{ id: string }>().id;
    const res = await send('POST', path(R.citizen.cancel, { id }), strangerLogin, {});
    assert.equal(res.statusCode, 422);
    const p = res.json<CancelRefusedProblem>();
    assert.equal(p.code, 'type_not_cancellable');
    assert.equal(p.unit.phone, '116 117');
    assert.equal(p.cancelDeadline, null);
    const notMine = await send('POST', path(R.citizen.cancel, { id }), kariLogin, {});
    assert.equal(notMine.statusCode, 404);
  });

  async function wardDoctor() {
    const [m] = await q<{ municipality_id: string }>('SELECT municipality_id FROM service_units WHERE id = $1', [
      wardId,
    ]);
    const doc = await makePersonnel(t.app.platform.db, {
      municipalityId: m!.municipality_id,
      serviceUnitId: wardId,
      role: 'physician',
    });
    return loginAs(t.app, { kind: 'personnel', personnelId: doc.id, municipalityId: m!.municipality_id });
  }
});
