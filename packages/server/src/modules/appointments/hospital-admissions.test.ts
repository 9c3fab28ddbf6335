import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  addressRegisterDocument,
  APPOINTMENT_ROUTES as A,
  HOME_CARE_ROUTES as R,
  type CitizenAppointmentsResponse,
  type EdiReceipt,
  type HospitalReviewResponse,
  type MyVisitsResponse,
  type StaffCitizensResponse,
  type StaffAppointment,
} from '@helsebro/contracts';
import { systemContext } from '../../platform/http/request-context.ts';
import { createAddressRegister } from '../plo/index.ts';
import { makeAppointmentsWorld, path, useAppointmentsApp } from './testing/appointments-world.ts';

/** The official examples (HIS 1149) are read as files: this test posts them as St. Olavs hospital (HER-id 59). */
const official = (file: string) => readFileSync(new URL(`../plo/__fixtures__/official/${file}`, import.meta.url));
const LOG_INNLAGT = official('Pasientlogistikk_Innlagt_pasient_v1-6_Ny.xml');
const LOG_UTSKREVET = official('Pasientlogistikk_Melding_om_utskrevet_pasient_v1-6_Ny.xml');
/** The examples' patient (MsgInfo/Patient), synthetic. */
const EXAMPLE_NIN = '15076500565';

void describe('hospital admission pauses home visits (issue 15)', () => {
  const app = useAppointmentsApp();

  /**
   * The case's municipality hosts the examples' receiver (Alvdal's Sykepleietjeneste, HER-id 5078), the hospital
   * holds a credential, and Per, who receives home care, is the examples' patient.
   */
  const admissionWorld = async () => {
    const w = await makeAppointmentsWorld(app());
    const { t } = app();
    const register = createAddressRegister(t.app.platform);
    const doc = addressRegisterDocument.parse(
      JSON.parse(readFileSync(new URL('../plo/__fixtures__/example-register.json', import.meta.url), 'utf8')),
    );
    doc.parties = doc.parties.map((p) =>
      ['99387', '5078'].includes(p.herId) ? { ...p, municipalityNumber: w.municipality.number } : p,
    );
    await register.importDocument(systemContext('test'), doc, 'merge');
    const token = await register.issueCredential('59', 'test 59');
    // Per takes the examples' number from an earlier case's Per, who takes Per's (identity numbers are unique).
    await w.q("UPDATE persons SET nin = '00000000000' WHERE id = $1", [w.people.per.id]);
    await w.q('UPDATE persons SET nin = $1 WHERE nin = $2', [w.people.per.nin, EXAMPLE_NIN]);
    await w.q('UPDATE persons SET nin = $1 WHERE id = $2', [EXAMPLE_NIN, w.people.per.id]);
    const [siri] = await w.q<{ id: string }>(
      'SELECT personnel_id AS id FROM personnel_roles WHERE service_unit_id = $1',
      [w.units.homeCare.id],
    );
    const post = async (body: Buffer) =>
      t.app.inject({
        method: 'POST',
        url: '/edi/v1/messages',
        headers: { 'content-type': 'application/xml', authorization: `Bearer ${token}` },
        payload: body,
      });
    return { ...w, siriId: siri!.id, post };
  };

  it('LOG_INNLAGT pauses the planned visit for the nurse and the citizen; LOG_UTSKREVET brings it back with a review prompt', async () => {
    const w = await admissionWorld();
    const planned = await w.send('POST', path(A.staff.create, { unitId: w.units.homeCare.id }), w.logins.nurse, {
      personId: w.people.per.id,
      typeId: w.types.visit,
      localDate: '2026-11-19',
      localTime: '10:00',
      location: 'Hjemme',
      staffPersonnelId: w.siriId,
    });
    assert.equal(planned.statusCode, 201, planned.body);
    const visitId = planned.json<StaffAppointment>().id;
    const nurseSees = async () => {
      const res = await w.get(`${R.today}?date=2026-11-19`, w.logins.nurse);
      assert.equal(res.statusCode, 200, res.body);
      const v = res.json<MyVisitsResponse>().visits.find((x) => x.appointmentId === visitId);
      assert.ok(v, 'the visit is in her list');
      // "Mine brukere" flags the citizen the same way.
      const users = await w.get('/api/staff/citizens', w.logins.nurse);
      assert.equal(users.statusCode, 200, users.body);
      const per = users.json<StaffCitizensResponse>().citizens.find((c) => c.personId === w.people.per.id);
      assert.equal(per?.hospital, v.hospital);
      return [v.paused, v.hospital];
    };
    const citizenSees = async () => {
      const res = await w.get(A.citizen.list, w.logins.per);
      assert.equal(res.statusCode, 200, res.body);
      const a = res.json<CitizenAppointmentsResponse>().appointments.find((x) => x.id === visitId);
      assert.ok(a, 'the visit is in his list');
      return [a.paused, a.status];
    };
    assert.deepEqual(await nurseSees(), [false, null]);
    assert.deepEqual(await citizenSees(), [false, 'booked']);

    const admitted = await w.post(LOG_INNLAGT);
    assert.equal(admitted.statusCode, 202, admitted.body);
    const receipt = admitted.json<EdiReceipt>();
    assert.deepEqual([receipt.outcome, receipt.appRecs[0]?.status], ['accepted', '1'], 'the AppRec is positive');
    assert.deepEqual(await nurseSees(), [true, 'admitted']);
    assert.deepEqual(await citizenSees(), [true, 'booked'], 'paused, not cancelled');

    const again = await w.post(LOG_INNLAGT);
    assert.equal(again.json<EdiReceipt>().outcome, 'duplicate');

    const discharged = await w.post(LOG_UTSKREVET);
    assert.equal(discharged.statusCode, 202, discharged.body);
    assert.equal(discharged.json<EdiReceipt>().outcome, 'accepted');
    assert.deepEqual(await nurseSees(), [false, 'review'], 'back, and the unit is asked to review the plan');
    assert.deepEqual(await citizenSees(), [false, 'booked']);

    // Re-delivered, both messages are duplicates: the admission is neither reopened nor closed again.
    assert.equal((await w.post(LOG_INNLAGT)).json<EdiReceipt>().outcome, 'duplicate');
    assert.equal((await w.post(LOG_UTSKREVET)).json<EdiReceipt>().outcome, 'duplicate');
    assert.deepEqual(await nurseSees(), [false, 'review']);

    const rows = await w.q<{ admission_message_id: string; discharge_message_id: string | null; open: boolean }>(
      'SELECT admission_message_id, discharge_message_id, discharged_at IS NULL AS open FROM hospital_admissions WHERE person_id = $1',
      [w.people.per.id],
    );
    assert.deepEqual(rows, [
      {
        admission_message_id: receipt.messageId,
        discharge_message_id: discharged.json<EdiReceipt>().messageId,
        open: false,
      },
    ]);
    const [appointment] = await w.q<{ status: string }>('SELECT status FROM appointments WHERE id = $1', [visitId]);
    assert.equal(appointment!.status, 'booked', 'the visit was never cancelled');
    const audits = await w.q<{
      action: string;
      actor_kind: string;
      subject_person_id: string;
      municipality_id: string;
    }>(
      "SELECT action, actor_kind, subject_person_id, municipality_id FROM audit_log WHERE action LIKE 'hospital_admission.%' ORDER BY occurred_at",
    );
    assert.deepEqual(
      audits.map((a) => [a.action, a.actor_kind, a.subject_person_id, a.municipality_id]),
      [
        ['hospital_admission.start', 'partner', w.people.per.id, w.municipality.id],
        ['hospital_admission.end', 'partner', w.people.per.id, w.municipality.id],
      ],
    );

    // A visit done after the discharge ends the review prompt.
    const done = await w.send('POST', path(R.done, { id: visitId }), w.logins.nurse, {});
    assert.equal(done.statusCode, 422, 'tomorrow’s visit is not recorded today');
    const unplanned = await w.send('POST', path(R.unplanned, { unitId: w.units.homeCare.id }), w.logins.nurse, {
      personId: w.people.per.id,
      whatWasDone: 'Gjennomgikk planen etter utskrivning.',
    });
    assert.equal(unplanned.statusCode, 201, unplanned.body);
    assert.deepEqual(await nurseSees(), [false, null]);
  });

  it('a paused visit carries when the admission began; "Gjennomgått" by the unit ends the review prompt (who and when kept, audited)', async () => {
    const w = await admissionWorld();
    const planned = await w.send('POST', path(A.staff.create, { unitId: w.units.homeCare.id }), w.logins.nurse, {
      personId: w.people.per.id,
      typeId: w.types.visit,
      localDate: '2026-11-20',
      localTime: '09:00',
      staffPersonnelId: w.siriId,
    });
    assert.equal(planned.statusCode, 201, planned.body);
    const visitId = planned.json<StaffAppointment>().id;
    const fresh = (b: Buffer) =>
      Buffer.from(b.toString('utf8').replace(/<MsgId>[^<]*</, `<MsgId>${crypto.randomUUID()}<`));
    const visit = async () =>
      (await w.get(`${R.today}?date=2026-11-20`, w.logins.nurse))
        .json<MyVisitsResponse>()
        .visits.find((x) => x.appointmentId === visitId)!;
    const review = (who: typeof w.logins.nurse) => w.send('POST', path(R.review, { personId: w.people.per.id }), who);

    assert.equal((await review(w.logins.nurse)).json<{ code: string }>().code, 'no_review_pending');
    const admitted = await w.post(fresh(LOG_INNLAGT));
    assert.equal(admitted.json<EdiReceipt>().outcome, 'accepted');
    const [admission] = await w.q<{ id: string; admitted_at: Date }>(
      'SELECT id, admitted_at FROM hospital_admissions WHERE person_id = $1',
      [w.people.per.id],
    );
    const paused = await visit();
    assert.deepEqual(
      [paused.paused, paused.hospital, paused.admittedAt],
      [true, 'admitted', admission!.admitted_at.toISOString()],
    );
    const early = await review(w.logins.nurse);
    assert.deepEqual([early.statusCode, early.json<{ code: string }>().code], [409, 'no_review_pending']);
    assert.equal((await w.post(fresh(LOG_UTSKREVET))).json<EdiReceipt>().outcome, 'accepted');
    assert.deepEqual([(await visit()).hospital, (await visit()).admittedAt], ['review', null]);

    // A nurse of another unit of the municipality serves Per nothing: refused, and the prompt stays.
    const other = await review(w.logins.otherNurse);
    assert.equal(other.statusCode, 403, other.body);
    assert.equal(other.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(other.json<{ code: string }>().code, 'no_care_relation');
    assert.equal((await visit()).hospital, 'review');

    const ok = await review(w.logins.nurse);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json<HospitalReviewResponse>().personId, w.people.per.id);
    assert.deepEqual([(await visit()).paused, (await visit()).hospital], [false, null]);
    const users = await w.get('/api/staff/citizens', w.logins.nurse);
    assert.equal(
      users.json<StaffCitizensResponse>().citizens.find((c) => c.personId === w.people.per.id)?.hospital,
      null,
    );
    const [row] = await w.q<{ reviewed_by_personnel_id: string; reviewed_at: Date }>(
      'SELECT reviewed_by_personnel_id, reviewed_at FROM hospital_admissions WHERE id = $1',
      [admission!.id],
    );
    assert.equal(row!.reviewed_by_personnel_id, w.siriId);
    assert.equal(row!.reviewed_at.toISOString(), ok.json<HospitalReviewResponse>().reviewedAt);
    const again = await review(w.logins.nurse);
    assert.deepEqual([again.statusCode, again.json<{ code: string }>().code], [409, 'no_review_pending']);

    const audits = await w.q<{ outcome: string; actor_id: string; resource_id: string | null }>(
      `SELECT outcome, actor_id, resource_id FROM audit_log
        WHERE action = 'hospital_admission.review' AND subject_person_id = $1 ORDER BY id`,
      [w.people.per.id],
    );
    const outcomes = audits.map((a) => a.outcome);
    assert.deepEqual(outcomes, ['error', 'error', 'denied', 'success', 'error']);
    const success = audits[3]!;
    assert.deepEqual([success.actor_id, success.resource_id], [w.siriId, admission!.id]);
  });

  it('admits nobody without planned home visits, and a discharge without an admission changes nothing', async () => {
    const w = await admissionWorld();
    const fresh = (b: Buffer) =>
      Buffer.from(b.toString('utf8').replace(/<MsgId>[^<]*</, `<MsgId>${crypto.randomUUID()}<`));
    assert.equal((await w.post(fresh(LOG_INNLAGT))).json<EdiReceipt>().outcome, 'accepted');
    assert.equal((await w.post(fresh(LOG_UTSKREVET))).json<EdiReceipt>().outcome, 'accepted');
    const [n] = await w.q<{ n: number }>('SELECT count(*)::int AS n FROM hospital_admissions WHERE person_id = $1', [
      w.people.per.id,
    ]);
    assert.equal(n!.n, 0);
  });
});
