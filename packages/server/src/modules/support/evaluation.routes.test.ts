import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { EvaluationResponse, ProblemResponse } from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { loginAs, type LoggedIn } from '../../../test/login.ts';
import { epjCaller, makeEpjMunicipality } from '../../../test/epj-dialog.ts';
import { makeMunicipality, makeOperator, makePerson, makePersonnel, makeServiceUnit } from '../../../test/factories.ts';
import {
  appointments,
  appointmentTypes,
  auditLog,
  dialogConversations,
  dialogMessages,
  epjFeedHours,
  jobs,
} from '../../platform/db/schema.ts';

const at = (iso: string) => new Date(iso);

/**
 * The evaluation figures (seed 000 §7) for a constructed municipality in a past period: Monday 3 and Tuesday 4 March
 * 2025 in Oslo, i.e. 2025-03-02T23:00Z to 2025-03-04T23:00Z, 48 hours. Every figure is exact.
 */
void describe('/api/operator/evaluation', () => {
  let t: TestApp;
  let operator: LoggedIn;
  let staff: LoggedIn;
  let m: { id: string; name: string };
  let empty: { id: string };
  before(async () => {
    t = await buildTestApp({}, { listen: true });
    const db = t.database.db;
    // A name a spreadsheet would take for a formula, with a comma: the CSV must quote and defuse it.
    m = await makeMunicipality(db, { name: '=Evalby, Nord' });
    empty = await makeMunicipality(db);
    operator = await loginAs(t.app, { kind: 'operator', operatorId: (await makeOperator(db)).id });
    const unit = await makeServiceUnit(db, m.id, { responseWorkingDays: 1 });
    const nurse = await makePersonnel(db, { municipalityId: m.id, serviceUnitId: unit.id });
    staff = await loginAs(t.app, { kind: 'personnel', personnelId: nurse.id, municipalityId: m.id });
    const [p1, p2, p3] = [await makePerson(db), await makePerson(db), await makePerson(db)];
    const ids = { p1: p1.id, p2: p2.id, p3: p3.id };

    // Logins: P1 twice and P2 once in the period, P3 the day after → 2 active citizens.
    const login = (personId: string, when: string) => ({
      occurredAt: at(when),
      actorKind: 'citizen' as const,
      actorId: personId,
      municipalityId: m.id,
      action: 'session.create',
      resourceType: 'session',
      outcome: 'success' as const,
    });
    await db
      .insert(auditLog)
      .values([
        login(ids.p1, '2025-03-03T07:00:00Z'),
        login(ids.p1, '2025-03-04T07:00:00Z'),
        login(ids.p2, '2025-03-04T22:59:00Z'),
        login(ids.p3, '2025-03-04T23:00:00Z'),
      ]);

    // Dialog: P1 asks at 08:00 and is answered at 10:00 (2 h, within one working day); asks again at 12:00 and is
    // answered Thursday 09:00 (69 h, after Tuesday: late). P2 asks Tuesday and has no answer.
    const conversation = async (personId: string) => {
      const [c] = await db
        .insert(dialogConversations)
        .values({
          municipalityId: m.id,
          serviceUnitId: unit.id,
          personId,
          subject: 'Spørsmål',
          startedByPersonId: personId,
        })
        .returning();
      return c?.id as string;
    };
    const c1 = await conversation(ids.p1);
    const c2 = await conversation(ids.p2);
    const message = (conversationId: string, fromSide: 'citizen' | 'unit', when: string) => ({
      municipalityId: m.id,
      conversationId,
      fromSide,
      ...(fromSide === 'citizen'
        ? { authorPersonId: conversationId === c1 ? ids.p1 : ids.p2 }
        : { authorPersonnelId: nurse.id }),
      body: 'Tekst',
      createdAt: at(when),
    });
    await db.insert(dialogMessages).values([
      message(c1, 'citizen', '2025-03-03T08:00:00Z'),
      message(c1, 'unit', '2025-03-03T10:00:00Z'),
      message(c1, 'citizen', '2025-03-03T12:00:00Z'),
      message(c1, 'unit', '2025-03-06T09:00:00Z'),
      message(c2, 'citizen', '2025-03-04T09:00:00Z'),
      // The unit's automatic reply (issue 15) is no answer and no message out: P2 stays unanswered.
      {
        municipalityId: m.id,
        conversationId: c2,
        fromSide: 'unit' as const,
        automatic: true,
        body: 'Vi er borte denne uken.',
        createdAt: at('2025-03-04T09:00:01Z'),
      },
    ]);

    // Appointments: two made in the period for P1 (one cancelled in it), one made in February cancelled in it.
    const [type] = await db
      .insert(appointmentTypes)
      .values({
        municipalityId: m.id,
        serviceUnitId: unit.id,
        name: 'Samtale',
        kind: 'consultation',
        durationMinutes: 30,
      })
      .returning();
    const appointment = (personId: string, created: string, cancelled?: string) => ({
      municipalityId: m.id,
      serviceUnitId: unit.id,
      appointmentTypeId: type?.id as string,
      personId,
      startsAt: at('2025-03-20T09:00:00Z'),
      endsAt: at('2025-03-20T09:30:00Z'),
      createdAt: at(created),
      ...(cancelled ? { status: 'cancelled' as const, cancelledAt: at(cancelled), cancelledBy: 'unit' as const } : {}),
    });
    await db
      .insert(appointments)
      .values([
        appointment(ids.p1, '2025-03-03T09:00:00Z'),
        appointment(ids.p1, '2025-03-04T09:00:00Z', '2025-03-04T10:00:00Z'),
        appointment(ids.p2, '2025-02-01T09:00:00Z', '2025-03-03T10:00:00Z'),
      ]);

    // Notices: two sent and one failed in the period, one sent after it.
    const send = (state: 'done' | 'dead', finished: string) => ({
      kind: 'notifications.send',
      municipalityId: m.id,
      state,
      finishedAt: at(finished),
    });
    await db
      .insert(jobs)
      .values([
        send('done', '2025-03-03T12:00:00Z'),
        send('done', '2025-03-04T12:00:00Z'),
        send('dead', '2025-03-04T13:00:00Z'),
        send('done', '2025-03-10T12:00:00Z'),
      ]);

    // The EPJ feed: reads in two of the 48 hours; one hour with only failed reads; one hour before the period.
    await db.insert(epjFeedHours).values([
      { municipalityId: m.id, hour: at('2025-03-03T00:00:00Z'), polls: 10, failures: 0 },
      { municipalityId: m.id, hour: at('2025-03-03T01:00:00Z'), polls: 0, failures: 2 },
      { municipalityId: m.id, hour: at('2025-03-04T05:00:00Z'), polls: 3, failures: 1 },
      { municipalityId: m.id, hour: at('2025-03-02T22:00:00Z'), polls: 7, failures: 0 },
    ]);
  });
  after(async () => {
    await t.close();
  });
  const get = (url: string, who = operator) => t.app.inject({ method: 'GET', url, headers: who.headers });

  void it('counts every measure exactly for the constructed period', async () => {
    const res = await get(`/api/operator/evaluation?from=2025-03-03&to=2025-03-04&municipalityId=${m.id}`);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<EvaluationResponse>();
    const of = (service: string) => body.rows.find((r) => r.service === service)?.measures;
    assert.deepEqual(of('portal'), { active_citizens: 2 });
    assert.deepEqual(of('dialog'), {
      active_citizens: 2,
      messages_in: 3,
      messages_out: 1,
      answered_within_promise: 1,
      answered_late: 1,
      unanswered: 1,
      median_response_hours: 35.5,
    });
    assert.deepEqual(of('appointments'), { active_citizens: 1, bookings: 2, cancellations: 2 });
    assert.deepEqual(of('notifications'), { notices_sent: 2, notices_failed: 1 });
    assert.deepEqual(of('epj_feed'), {
      hours_in_period: 48,
      hours_with_reads: 2,
      availability_percent: 4.2,
      polls: 13,
      failed_polls: 3,
    });
    assert.deepEqual(
      body.rows.map((r) => r.municipalityName),
      Array<string>(5).fill('=Evalby, Nord'),
    );
  });

  void it('reports a municipality with no use as zeros, and every municipality without the filter', async () => {
    const body = (await get('/api/operator/evaluation?from=2025-03-03&to=2025-03-04')).json<EvaluationResponse>();
    const none = body.rows.filter((r) => r.municipalityId === empty.id);
    assert.deepEqual(
      none.map((r) => [r.service, r.measures]),
      [
        ['portal', { active_citizens: 0 }],
        [
          'dialog',
          {
            active_citizens: 0,
            messages_in: 0,
            messages_out: 0,
            answered_within_promise: 0,
            answered_late: 0,
            unanswered: 0,
            median_response_hours: null,
          },
        ],
        ['appointments', { active_citizens: 0, bookings: 0, cancellations: 0 }],
        ['notifications', { notices_sent: 0, notices_failed: 0 }],
        ['epj_feed', { hours_in_period: 48, hours_with_reads: 0, availability_percent: 0, polls: 0, failed_polls: 0 }],
      ],
    );
    assert.ok(body.rows.some((r) => r.municipalityId === m.id));
  });

  void it('exports the same figures as CSV, one row per municipality × service × measure', async () => {
    const res = await get(`/api/operator/evaluation.csv?from=2025-03-03&to=2025-03-04&municipalityId=${m.id}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.headers['content-type'] as string, /^text\/csv/);
    assert.match(
      res.headers['content-disposition'] as string,
      /^attachment; filename="helsebro-evaluering-2025-03-03-2025-03-04\.csv"/,
    );
    const lines = res.body.trimEnd().split('\r\n');
    assert.equal(lines[0], 'from,to,municipality_id,municipality,service,measure,value');
    assert.equal(lines.length, 1 + 1 + 7 + 3 + 2 + 5);
    assert.ok(lines.includes(`2025-03-03,2025-03-04,${m.id},"'=Evalby, Nord",dialog,median_response_hours,35.5`));
    assert.ok(lines.includes(`2025-03-03,2025-03-04,${m.id},"'=Evalby, Nord",epj_feed,availability_percent,4.2`));
  });

  void it('is for the operator only, and refuses a reversed or too long period', async () => {
    assert.equal((await get('/api/operator/evaluation?from=2025-03-03&to=2025-03-04', staff)).statusCode, 403);
    assert.equal((await get('/api/operator/evaluation.csv?from=2025-03-03&to=2025-03-04', staff)).statusCode, 403);
    assert.equal((await get('/api/operator/evaluation?from=2025-03-04&to=2025-03-03')).statusCode, 400);
    const long = await get('/api/operator/evaluation?from=2024-01-01&to=2025-03-03');
    assert.equal(long.statusCode, 422);
    assert.equal(long.json<ProblemResponse>().code, 'period_too_long');
  });

  void it("counts the EPJ's reads of the feed in the hour they happen", async () => {
    const epj = await makeEpjMunicipality(t);
    const caller = epjCaller(t);
    for (let i = 0; i < 3; i++) {
      assert.equal((await caller.call(epj.client, 'GET', '/events')).status, 200);
    }
    assert.equal((await caller.call(epj.client, 'GET', '/events?after=bad')).status, 400);
    const rows = await t.database.query<{ polls: number; failures: number }>(
      'SELECT polls, failures FROM epj_feed_hours WHERE municipality_id = $1',
      [epj.municipality.id],
    );
    // A client's own mistake (a cursor it made up) is not the feed being down.
    assert.deepEqual(rows, [{ polls: 3, failures: 0 }]);
  });
});
