import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APPOINTMENT_ROUTES, type ProblemResponse } from '@helsebro/contracts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { loginAs, type LoggedIn } from '../../../test/login.ts';
import { makeMunicipality, makePerson, makeServiceUnit } from '../../../test/factories.ts';
import { usingPostgres } from '../../../test/test-db.ts';
import { appointmentSlots, appointmentTypes } from '../../platform/db/schema.ts';

/**
 * No double booking, decided by the database: many citizens try the same slot at once over real HTTP. On
 * PostgreSQL (many connections, real concurrency) 200 attempts; on PGlite (one connection, so requests interleave
 * between statements only) 20 — the same assertions hold on both.
 */
const ATTEMPTS = usingPostgres() ? 200 : 20;

void describe(`booking contention: ${ATTEMPTS} citizens, one slot`, () => {
  let t: TestApp;
  let base: string;
  let slotId: string;
  const logins: LoggedIn[] = [];

  before(async () => {
    t = await buildTestApp({}, { listen: true });
    base = t.config.publicUrl.replace(/\/$/, '');
    const db = t.app.platform.db;
    const m = await makeMunicipality(db);
    const unit = await makeServiceUnit(db, m.id, { name: 'Vaksinasjonskontoret', kind: 'vaccination', phone: '1' });
    const [type] = await db
      .insert(appointmentTypes)
      .values({
        municipalityId: m.id,
        serviceUnitId: unit.id,
        name: 'Vaksinasjon',
        kind: 'vaccination',
        durationMinutes: 15,
        selfBookable: true,
        reminderLeadHours: 24,
      })
      .returning();
    const startsAt = new Date(Date.now() + 7 * 86_400_000);
    const [slot] = await db
      .insert(appointmentSlots)
      .values({
        municipalityId: m.id,
        serviceUnitId: unit.id,
        appointmentTypeId: type!.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 15 * 60_000),
      })
      .returning();
    slotId = slot!.id;
    for (let i = 0; i < ATTEMPTS; i++) {
      const p = await makePerson(db, { birthDate: '1980-01-01', municipalityId: m.id });
      logins.push(await loginAs(t.app, { kind: 'citizen', personId: p.id }));
    }
  });
  after(async () => {
    await t.close();
  });

  it('exactly one booking; every other attempt a clear 409 "taken"; one row', async () => {
    const results = await Promise.all(
      logins.map(async (login) => {
        const res = await fetch(`${base}${APPOINTMENT_ROUTES.citizen.book}`, {
          method: 'POST',
          headers: { ...login.headers, 'content-type': 'application/json' },
          body: JSON.stringify({ slotId }),
        });
        return { status: res.status, body: (await res.json()) as ProblemResponse };
      }),
    );
    const byStatus = new Map<number, number>();
    for (const r of results) {
      byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
    }
    assert.deepEqual(Object.fromEntries(byStatus), { 201: 1, 409: ATTEMPTS - 1 }, 'one winner, the rest refused');
    for (const r of results.filter((x) => x.status === 409)) {
      assert.equal(r.body.code, 'slot_taken');
      assert.match(r.body.detail ?? '', /tatt/);
    }
    const rows = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM appointments WHERE slot_id = $1 AND status <> 'cancelled'",
      [slotId],
    );
    assert.equal(rows[0]!.n, 1);
    const jobs = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM jobs WHERE kind = 'appointments.remind'",
    );
    assert.equal(jobs[0]!.n, 1, 'only the winner has a reminder: the losers rolled back');
    const events = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM epj_events WHERE kind = 'appointment.booked'",
    );
    assert.equal(events[0]!.n, 1);
  });
});
