import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  APPOINTMENT_ROUTES as R,
  type CancelAppointmentResponse,
  type CitizenAppointmentsResponse,
  type ProblemResponse,
  type StaffRequestsResponse,
} from '@helsebro/contracts';
import { makeAppointmentsWorld, path, useAppointmentsApp } from './testing/appointments-world.ts';

void describe('appointments: requests to the unit and its answers', () => {
  const app = useAppointmentsApp();

  it('home visits: a cancellation needs the unit; new-time requests; the unit answers and the citizen is told', async () => {
    const w = await makeAppointmentsWorld(app());
    const { nurse, per: perLogin } = w.logins;
    const homeCareId = w.units.homeCare.id;
    const created = await w.send('POST', path(R.staff.create, { unitId: homeCareId }), nurse, {
      personId: w.people.per.id,
      typeId: w.types.visit,
      localDate: '2026-11-25',
      localTime: '09:00',
      location: 'Hjemme',
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json<{ id: string }>().id;

    const mine = (await w.get(R.citizen.list, perLogin)).json<CitizenAppointmentsResponse>().appointments;
    const visit = mine.find((a) => a.id === id)!;
    assert.equal(visit.type.kind, 'home_visit');
    assert.equal(visit.staffName, null, 'no staff assigned yet');
    assert.equal(visit.cancellationNeedsAcceptance, true);

    const cancel = await w.send('POST', path(R.citizen.cancel, { id }), perLogin, { comment: 'Er hos datteren' });
    assert.equal(cancel.statusCode, 200, cancel.body);
    assert.equal(cancel.json<CancelAppointmentResponse>().outcome, 'requested');
    assert.equal(cancel.json<CancelAppointmentResponse>().appointment.status, 'booked');
    const newTime = await w.send('POST', path(R.citizen.newTimeRequest, { id }), perLogin, { comment: 'Etter 10?' });
    assert.equal(newTime.statusCode, 409, 'one open request at a time');
    assert.equal(newTime.json<ProblemResponse>().code, 'request_pending');

    const requests = await w.get(`${path(R.staff.requests, { unitId: homeCareId })}?status=pending`, nurse);
    assert.equal(requests.statusCode, 200);
    const [request] = requests.json<StaffRequestsResponse>().requests;
    assert.equal(request!.kind, 'cancellation');
    assert.equal(request!.comment, 'Er hos datteren');
    const decline = await w.send('POST', path(R.staff.decideRequest, { id: request!.id }), nurse, {
      decision: 'decline',
      response: 'Vi må komme for medisinene. Ring oss.',
    });
    assert.equal(decline.statusCode, 200, decline.body);
    assert.equal(decline.json<{ status: string }>().status, 'declined');
    const twice = await w.send('POST', path(R.staff.decideRequest, { id: request!.id }), nurse, {
      decision: 'accept',
    });
    assert.equal(twice.json<ProblemResponse>().code, 'request_already_decided');
    const seen = (await w.get(R.citizen.list, perLogin)).json<CitizenAppointmentsResponse>().appointments;
    const answered = seen.find((a) => a.id === id)!;
    assert.equal(answered.latestAnswer?.status, 'declined');
    assert.equal(answered.latestAnswer?.response, 'Vi må komme for medisinene. Ring oss.');
    assert.equal(answered.pendingRequest, null);

    const asked = await w.send('POST', path(R.citizen.newTimeRequest, { id }), perLogin, { comment: 'Etter 10?' });
    assert.equal(asked.statusCode, 201, asked.body);
    const empty = await w.send('POST', path(R.citizen.newTimeRequest, { id }), perLogin, { comment: '  ' });
    assert.equal(empty.statusCode, 400);
    const askedId = asked.json<{ id: string }>().id;
    const noTime = await w.send('POST', path(R.staff.decideRequest, { id: askedId }), nurse, { decision: 'accept' });
    assert.equal(noTime.statusCode, 400);
    const accept = await w.send('POST', path(R.staff.decideRequest, { id: askedId }), nurse, {
      decision: 'accept',
      localDate: '2026-11-25',
      localTime: '10:30',
    });
    assert.equal(accept.statusCode, 200, accept.body);
    const [row] = await w.q<{ starts_at: Date; version: number }>(
      'SELECT starts_at, version FROM appointments WHERE id = $1',
      [id],
    );
    assert.equal(new Date(row!.starts_at).toISOString(), '2026-11-25T09:30:00.000Z');
    assert.equal(row!.version, 2);
    const told = await w.q<{ template: string }>(
      "SELECT payload->>'template' AS template FROM jobs WHERE kind = 'notifications.dispatch' AND payload->>'personId' = $1 ORDER BY id",
      [w.people.per.id],
    );
    assert.deepEqual(
      told.map((x) => x.template),
      ['appointment_request_answered', 'appointment_request_answered'],
      'one notice per answer, none for the move inside it',
    );
  });
});
