import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  APPOINTMENT_ROUTES as R,
  type CitizenAppointment,
  type CompletedVisit,
  type EpjAppointment,
  type EpjSchedule,
  type EpjSlotsResponse,
  type ProblemResponse,
} from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { loginAs, type LoggedIn } from '../../../test/login.ts';
import { makeMunicipality, makePerson, makePersonnel, makeServiceUnit, type Person } from '../../../test/factories.ts';
import { appointmentTypes } from '../../platform/db/schema.ts';
import { addCalendarDays, osloDateOf } from '../../platform/time/oslo-time.ts';
import { workingDaysAfter } from '../../platform/time/working-days.ts';
import { registerMachineClient } from '../identity/index.ts';
import { createEpjSimulator, type EpjSimulator } from '../../cli/epj-sim.ts';

/** An instant `n` working days from today (a unit with weekday schedules refuses weekends and holidays), at `hourUtc`. */
function workingDayAt(n: number, hourUtc: number): Date {
  return new Date(`${workingDaysAfter(osloDateOf(new Date()), n)}T${String(hourUtc).padStart(2, '0')}:00:00Z`);
}

const path = (p: string, params: Record<string, string>) =>
  Object.entries(params).reduce((acc, [k, v]) => acc.replace(`:${k}`, v), p);

/** The EPJ side of appointments against a listening server, with tokens from the development IdP. */
void describe('EPJ API: schedules, slots, appointments and completed visits; bookings in the feed', () => {
  let t: TestApp;
  let unitId: string, visitUnitId: string, vaccType: string, visitType: string;
  let nurseA: string, nurseB: string;
  let kari: Person;
  let kariLogin: LoggedIn;
  // Every EPJ call goes through the EPJ simulator (`npm run epj-sim`), which uses only the public API, so the
  // appointment endpoints are exercised the way a vendor's record system would use them.
  const printed: string[] = [];
  const sims = new Map<string, EpjSimulator>();
  const sim = (client = 'epj-a') => {
    if (!sims.has(client)) {
      sims.set(
        client,
        createEpjSimulator({
          url: t.config.publicUrl,
          clientId: client,
          clientSecret: `${client}-secret-0123456789`,
          cursorFile: null,
          autoReply: null,
          author: { hprNumber: '9100001', name: 'Siri Sykepleier' },
          print: (line) => printed.push(line),
        }),
      );
    }
    return sims.get(client)!;
  };
  const epj = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, body?: object, client = 'epj-a') =>
    sim(client).request(method, url, body);

  before(async () => {
    t = await buildTestApp({}, { listen: true });
    const db = t.app.platform.db;
    const a = await makeMunicipality(db);
    const b = await makeMunicipality(db);
    const vaccination = await makeServiceUnit(db, a.id, { name: 'Vaksinasjonskontoret', kind: 'vaccination' });
    const homeCare = await makeServiceUnit(db, a.id, { name: 'Hjemmesykepleien' });
    [unitId, visitUnitId] = [vaccination.id, homeCare.id];
    vaccType = (
      await db
        .insert(appointmentTypes)
        .values({
          municipalityId: a.id,
          serviceUnitId: vaccination.id,
          name: 'Vaksinasjon',
          kind: 'vaccination',
          durationMinutes: 20,
          selfBookable: true,
        })
        .returning()
    )[0]!.id;
    visitType = (
      await db
        .insert(appointmentTypes)
        .values({
          municipalityId: a.id,
          serviceUnitId: homeCare.id,
          name: 'Hjemmebesøk',
          kind: 'home_visit',
          durationMinutes: 30,
        })
        .returning()
    )[0]!.id;
    kari = await makePerson(db, { municipalityId: a.id });
    nurseA = (await makePersonnel(db, { municipalityId: a.id, serviceUnitId: homeCare.id })).id;
    nurseB = (await makePersonnel(db, { municipalityId: b.id })).id;
    kariLogin = await loginAs(t.app, { kind: 'citizen', personId: kari.id });
    for (const [clientId, m] of [
      ['epj-a', a],
      ['epj-b', b],
    ] as const) {
      await registerMachineClient(db, {
        clientId,
        clientName: clientId,
        clientSecret: `${clientId}-secret-0123456789`,
        orgNumber: m.orgNumber,
      });
    }
  });
  after(async () => {
    await t.close();
  });

  it('refuses a call without a token', async () => {
    const res = await fetch(`${t.config.publicUrl}${R.epj.slots}?serviceUnitId=${unitId}`);
    assert.equal(res.status, 401);
    assert.match(res.headers.get('www-authenticate') ?? '', /Bearer/);
  });

  it('a schedule generates slots; a citizen books one and the booking appears in the feed', async () => {
    const today = osloDateOf(new Date());
    const created = await epj('POST', R.epj.schedules, {
      serviceUnitId: unitId,
      appointmentTypeId: vaccType,
      weekdays: [1, 2, 3, 4, 5],
      startTime: '09:00',
      endTime: '10:00',
      validFrom: addCalendarDays(today, 1),
      validTo: addCalendarDays(today, 14),
      externalId: 'plan-17',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const schedule = created.body as EpjSchedule;
    assert.equal(schedule.externalId, 'plan-17');
    const slots = (
      await epj('GET', `${R.epj.slots}?serviceUnitId=${unitId}&from=${today}&to=${addCalendarDays(today, 20)}`)
    ).body as EpjSlotsResponse;
    // Three 20-minute slots per working day between tomorrow and two weeks on.
    assert.ok(slots.slots.length >= 3 * 8 && slots.slots.length % 3 === 0, `${slots.slots.length} slots`);
    assert.ok(slots.slots.every((s) => ['09:00', '09:20', '09:40'].includes(s.localTime) && !s.booked));
    const again = await epj('PUT', path(R.epj.schedule, { id: schedule.id }), {
      serviceUnitId: unitId,
      appointmentTypeId: vaccType,
      weekdays: [1, 2, 3, 4, 5],
      startTime: '09:00',
      endTime: '10:00',
      validFrom: addCalendarDays(today, 1),
      validTo: addCalendarDays(today, 14),
    });
    assert.equal(again.status, 200);
    const [{ n }] = (await t.database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM appointment_slots WHERE rule_id = $1',
      [schedule.id],
    )) as [{ n: number }];
    assert.equal(n, slots.slots.length, 'regenerating the same rule gives the same slots, no duplicates');

    const first = slots.slots[0]!;
    const res = await t.app.inject({
      method: 'POST',
      url: R.citizen.book,
      headers: kariLogin.headers,
      payload: { slotId: first.id },
    });
    assert.equal(res.statusCode, 201, res.body);
    const booked = res.json<CitizenAppointment>();
    const feed = await epj('GET', '/epj/v1/events');
    assert.equal(feed.status, 200, JSON.stringify(feed.body));
    const events = (feed.body as { events: Array<{ kind: string; refs: Record<string, string> }> }).events;
    assert.ok(events.some((e) => e.kind === 'appointment.booked' && e.refs.appointmentId === booked.id));
    // The simulator's poll prints the booking readably, fetched through GET /epj/v1/appointments/:id.
    printed.length = 0;
    const polled = await sim().pollOnce();
    assert.ok(polled.events.some((e) => e.kind === 'appointment.booked'));
    const line = printed.find((l) => l.includes('appointment.booked'));
    assert.ok(line, printed.join('\n'));
    const [y, m, d] = booked.localDate.split('-');
    assert.ok(line.includes(`Vaksinasjon ${d}.${m}.${y} kl. ${booked.localTime}`), line);
    assert.match(line, /: booked$/);
    const after = (
      await epj('GET', `${R.epj.slots}?serviceUnitId=${unitId}&from=${first.localDate}&to=${first.localDate}`)
    ).body as EpjSlotsResponse;
    assert.equal(after.slots.find((s) => s.id === first.id)!.booked, true);
  });

  it('creates a home visit by identity number, moves it, records it as completed; another municipality sees nothing', async () => {
    const startsAt = workingDayAt(3, 8);
    const created = await epj('POST', R.epj.appointments, {
      serviceUnitId: visitUnitId,
      appointmentTypeId: visitType,
      nin: kari.nin,
      startsAt: startsAt.toISOString(),
      location: 'Hjemme',
      externalId: 'visit-1',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const a = created.body as EpjAppointment;
    assert.equal(a.externalId, 'visit-1');
    assert.equal(a.citizen.personId, kari.id);
    const moved = await epj('PATCH', path(R.epj.appointment, { id: a.id }), {
      startsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal((moved.body as EpjAppointment).startsAt, new Date(startsAt.getTime() + 3_600_000).toISOString());

    const foreign = await epj('GET', path(R.epj.appointment, { id: a.id }), undefined, 'epj-b');
    assert.equal(foreign.status, 404);
    const early = await epj('POST', path(R.epj.completedVisits, { id: a.id }), { whatWasDone: 'Medisiner gitt.' });
    assert.equal(early.status, 422, 'not before it has happened');
    assert.equal((early.body as ProblemResponse).code, 'time_in_past');

    // Time passes: the test runs on the real clock, so the visit is put two hours back instead.
    await t.database.query(
      "UPDATE appointments SET starts_at = now() - interval '2 hours', ends_at = now() - interval '90 minutes' WHERE id = $1",
      [a.id],
    );
    const done: CompletedVisit = await sim().completeVisit(a.id, 'Medisiner gitt. Sårstell.');
    assert.equal(done.whatWasDone, 'Medisiner gitt. Sårstell.');
    const kinds = await t.database.query<{ kind: string }>(
      "SELECT kind FROM epj_events WHERE refs->>'appointmentId' = $1 ORDER BY id",
      [a.id],
    );
    assert.deepEqual(
      kinds.map((k) => k.kind),
      ['appointment.booked', 'appointment.moved', 'completed_visit.created'],
    );
    const [audit] = await t.database.query<{ actor_kind: string; subject_person_id: string }>(
      "SELECT actor_kind, subject_person_id FROM audit_log WHERE action = 'completed_visit.create'",
    );
    assert.deepEqual(audit, { actor_kind: 'partner', subject_person_id: kari.id });
  });

  it("another municipality's EPJ gets 404 for an appointment id whatever the patch holds, audited as denied", async () => {
    const startsAt = workingDayAt(5, 9);
    const created = await epj('POST', R.epj.appointments, {
      serviceUnitId: visitUnitId,
      appointmentTypeId: visitType,
      nin: kari.nin,
      startsAt: startsAt.toISOString(),
      location: 'Hjemme',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = (created.body as EpjAppointment).id;
    const url = path(R.epj.appointment, { id });
    // The bodies that once skipped every check: empty, nulls, and each field alone.
    for (const body of [
      {},
      { location: null, staffPersonnelId: null },
      { location: 'Et annet sted' },
      { staffPersonnelId: nurseB },
      { status: 'no_show' },
      { status: 'cancelled' },
      { startsAt: new Date(startsAt.getTime() + 3_600_000).toISOString() },
    ]) {
      const res = await epj('PATCH', url, body, 'epj-b');
      assert.equal(res.status, 404, `${JSON.stringify(body)} → ${JSON.stringify(res.body)}`);
      assert.doesNotMatch(JSON.stringify(res.body), new RegExp(kari.familyName));
    }
    const notAnAppointment = await epj('PATCH', path(R.epj.appointment, { id: kari.id }), {});
    assert.equal(notAnAppointment.status, 404, 'an id that is no appointment is 404, not a server error');

    const [row] = await t.database.query<{ status: string; location: string; staff_personnel_id: string | null }>(
      'SELECT status, location, staff_personnel_id FROM appointments WHERE id = $1',
      [id],
    );
    assert.deepEqual(row, { status: 'booked', location: 'Hjemme', staff_personnel_id: null }, 'nothing changed');
    const denied = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE resource_id = $1 AND outcome = 'denied' AND actor_kind = 'partner'",
      [id],
    );
    assert.equal(denied[0]!.n, 7, 'each refused probe is in the audit log');

    // The own municipality's empty patch is a read of the appointment, audited as one.
    const own = await epj('PATCH', url, {});
    assert.equal(own.status, 200);
    assert.equal((own.body as EpjAppointment).citizen.personId, kari.id);
  });

  it('names only health workers of its own municipality on an appointment (422 naming the field)', async () => {
    const startsAt = workingDayAt(6, 10);
    const foreignAtCreate = await epj('POST', R.epj.appointments, {
      serviceUnitId: visitUnitId,
      appointmentTypeId: visitType,
      nin: kari.nin,
      startsAt: startsAt.toISOString(),
      staffPersonnelId: nurseB,
    });
    assert.equal(foreignAtCreate.status, 422, JSON.stringify(foreignAtCreate.body));
    assert.equal((foreignAtCreate.body as ProblemResponse).errors?.[0]?.path, 'body.staffPersonnelId');

    const created = await epj('POST', R.epj.appointments, {
      serviceUnitId: visitUnitId,
      appointmentTypeId: visitType,
      nin: kari.nin,
      startsAt: startsAt.toISOString(),
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = (created.body as EpjAppointment).id;
    const url = path(R.epj.appointment, { id });
    for (const body of [
      { staffPersonnelId: nurseB },
      { staffPersonnelId: nurseB, startsAt: new Date(startsAt.getTime() + 3_600_000).toISOString() },
    ]) {
      const res = await epj('PATCH', url, body);
      assert.equal(res.status, 422, JSON.stringify(res.body));
      assert.equal((res.body as ProblemResponse).errors?.[0]?.path, 'body.staffPersonnelId');
    }
    const ok = await epj('PATCH', url, { staffPersonnelId: nurseA });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    const [row] = await t.database.query<{ staff_personnel_id: string; starts_at: Date }>(
      'SELECT staff_personnel_id, starts_at FROM appointments WHERE id = $1',
      [id],
    );
    assert.equal(row!.staff_personnel_id, nurseA);
    assert.equal(row!.starts_at.toISOString(), startsAt.toISOString(), 'the refused move did not happen');
  });
});
