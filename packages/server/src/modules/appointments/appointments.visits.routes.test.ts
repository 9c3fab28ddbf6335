import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  APPOINTMENT_ROUTES as R,
  type CompletedVisit,
  type CompletedVisitsResponse,
  type ProblemResponse,
} from '@helsebro/contracts';
import { notificationPreferences } from '../../platform/db/schema.ts';
import { makeAppointmentsWorld, path, useAppointmentsApp } from './testing/appointments-world.ts';

void describe('appointments: completed home visits and their notices', () => {
  const app = useAppointmentsApp();

  it('completed visits: recorded by the nurse, shown to the citizen with the name unless hidden; opt-in needs level full', async () => {
    const w = await makeAppointmentsWorld(app());
    const { nurse, otherNurse, per: perLogin } = w.logins;
    const per = w.people.per;
    const homeCareId = w.units.homeCare.id;
    const optIn = await w.send('PUT', R.citizen.visitNotices, perLogin, { optIn: true });
    assert.equal(optIn.statusCode, 422);
    assert.equal(optIn.json<ProblemResponse>().code, 'notice_level_not_full');
    await app()
      .t.app.platform.db.insert(notificationPreferences)
      .values({ personId: per.id, channel: 'sms', level: 'full', language: 'nb' });
    const ok = await w.send('PUT', R.citizen.visitNotices, perLogin, { optIn: true });
    assert.equal(ok.statusCode, 200);
    assert.deepEqual(ok.json(), { optIn: true, level: 'full', channel: 'sms', available: true });

    const created = await w.send('POST', path(R.staff.create, { unitId: homeCareId }), nurse, {
      personId: per.id,
      typeId: w.types.visit,
      localDate: '2026-11-18',
      localTime: '10:30',
    });
    assert.equal(created.statusCode, 201);
    const id = created.json<{ id: string }>().id;
    const early = await w.send('POST', path(R.staff.completeVisit, { id }), nurse, { whatWasDone: 'Medisiner gitt.' });
    assert.equal(early.statusCode, 422, 'not before it happened');
    app().clock.advance(2 * 3_600_000);
    try {
      const res = await w.send('POST', path(R.staff.completeVisit, { id }), nurse, {
        whatWasDone: 'Medisiner gitt. Blodtrykk målt.',
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json<CompletedVisit>().staffName, 'Siri Sykepleier');
      const again = await w.send('POST', path(R.staff.completeVisit, { id }), nurse, { whatWasDone: 'x' });
      assert.equal(again.statusCode, 409);
      const [notice] = await w.q<{ template: string; min_level: string }>(
        "SELECT payload->>'template' AS template, payload->>'minLevel' AS min_level FROM jobs WHERE kind = 'notifications.dispatch' AND payload->>'personId' = $1 ORDER BY id DESC LIMIT 1",
        [per.id],
      );
      assert.deepEqual(notice, { template: 'visit_completed', min_level: 'full' });
      const [status] = await w.q<{ status: string }>('SELECT status FROM appointments WHERE id = $1', [id]);
      assert.equal(status!.status, 'fulfilled');

      const seen = (await w.get(R.citizen.completedVisits, perLogin)).json<CompletedVisitsResponse>().visits;
      assert.equal(seen.length, 1);
      assert.equal(seen[0]!.whatWasDone, 'Medisiner gitt. Blodtrykk målt.');
      assert.equal(seen[0]!.staffName, 'Siri Sykepleier');
      const hide = await w.send('PUT', path(R.staff.staffNames, { unitId: homeCareId, personId: per.id }), nurse, {
        hidden: true,
      });
      assert.equal(hide.statusCode, 200);
      const hidden = (await w.get(R.citizen.completedVisits, perLogin)).json<CompletedVisitsResponse>().visits;
      assert.equal(hidden[0]!.staffName, null);
      const audits = await w.q<{ subject_person_id: string }>(
        "SELECT subject_person_id FROM audit_log WHERE action = 'staff_names.set' AND resource_id = $1",
        [homeCareId],
      );
      assert.deepEqual(
        audits.map((a) => a.subject_person_id),
        [per.id],
      );

      const notHome = await w.send('POST', path(R.staff.completeVisit, { id }), otherNurse, { whatWasDone: 'x' });
      assert.equal(notHome.statusCode, 403, 'a nurse of another unit');
    } finally {
      app().clock.advance(-2 * 3_600_000);
    }
  });

  it('the opt-in is for oneself; a proxy is refused', async () => {
    const w = await makeAppointmentsWorld(app());
    await w.actFor(w.logins.kari, w.people.emma.id);
    const res = await w.send('PUT', R.citizen.visitNotices, w.logins.kari, { optIn: true });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json<ProblemResponse>().code, 'proxy_cannot_manage_preferences');
  });
});
