import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  APPOINTMENT_ROUTES as R,
  type BookableTypesResponse,
  type DialogUnitsResponse,
  type MyServices,
  type ProblemResponse,
} from '@helsebro/contracts';
import { and, eq } from 'drizzle-orm';
import { loginAs, type LoggedIn } from '../../../test/login.ts';
import { makeOperator } from '../../../test/factories.ts';
import { auditLog, epjProducts, municipalities, serviceUnits } from '../../platform/db/schema.ts';
import { makeAppointmentsWorld, useAppointmentsApp } from './testing/appointments-world.ts';

/** A citizen's first message as multipart/form-data, as the portal sends it. */
function messageForm(fields: Record<string, string>) {
  const boundary = 'helsebro-gating-test';
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  return { payload: `${parts.join('')}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}

void describe('services: citizen features only where the service is active (API refuses, lists leave out)', () => {
  const app = useAppointmentsApp();

  it('refuses booking and a first message in a municipality where the services are suspended, allows them after activation', async () => {
    const w = await makeAppointmentsWorld(app());
    const { t } = app();
    const operator = await loginAs(t.app, { kind: 'operator', operatorId: (await makeOperator(t.database.db)).id });
    const change = (code: string, verb: 'activate' | 'suspend', reason: string) =>
      w.send('POST', `/api/operator/municipalities/${w.municipality.id}/services/${code}/${verb}`, operator, {
        reason,
      });
    const startMessage = (who: LoggedIn) => {
      const form = messageForm({ serviceUnitId: w.units.homeCare.id, subject: 'Dosett', text: 'Kan dere ringe meg?' });
      return t.app.inject({
        method: 'POST',
        url: '/api/dialog/conversations',
        headers: { ...who.headers, 'content-type': form.contentType },
        payload: form.payload,
      });
    };
    // Activation checks that the municipality's EPJ product supports the service (seed 000 §5.1).
    const [product] = await t.database.db
      .insert(epjProducts)
      .values({ vendor: 'Gating AS', name: 'Journal', versions: ['1'], services: ['dialog', 'appointments.book'] })
      .returning();
    await t.database.db
      .update(municipalities)
      .set({ epjProductId: product?.id ?? null, epjVersion: '1' })
      .where(eq(municipalities.id, w.municipality.id));
    await t.database.db
      .update(serviceUnits)
      .set({ openForDialog: true })
      .where(eq(serviceUnits.id, w.units.homeCare.id));
    for (const code of ['appointments.book', 'dialog']) {
      assert.equal((await change(code, 'suspend', 'Avtalen er ikke på plass')).statusCode, 200);
    }

    // Booking: the type is not offered, and a booking of its slot is refused with the service named.
    const slot = await w.makeSlot('vacc', '2026-11-23', '09:00');
    const types = await w.get(R.citizen.bookableTypes, w.logins.kari);
    assert.equal(types.statusCode, 200, types.body);
    assert.deepEqual(
      types.json<BookableTypesResponse>().types.map((x) => x.id),
      [],
    );
    const refused = await w.send('POST', R.citizen.book, w.logins.kari, { slotId: slot });
    assert.equal(refused.statusCode, 409, refused.body);
    const problem = refused.json<ProblemResponse & { service?: string }>();
    assert.equal(problem.code, 'service_not_active');
    assert.match(problem.detail ?? problem.title ?? '', /Bestille timer/);
    const [denied] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'appointment.book'), eq(auditLog.subjectPersonId, w.people.kari.id)));
    assert.equal(denied?.outcome, 'error');

    // Dialog: the unit is not listed, and a first message is refused.
    const units = await w.get('/api/dialog/units', w.logins.per);
    assert.equal(units.statusCode, 200, units.body);
    assert.deepEqual(units.json<DialogUnitsResponse>().units, []);
    const message = await startMessage(w.logins.per);
    assert.equal(message.statusCode, 409, message.body);
    assert.equal(message.json<ProblemResponse>().code, 'service_not_active');
    const mine = (await w.get('/api/me/services', w.logins.per)).json<MyServices>().services;
    assert.ok(!mine.includes('dialog') && !mine.includes('appointments.book'), mine.join());

    for (const code of ['appointments.book', 'dialog']) {
      assert.equal((await change(code, 'activate', 'Avtalen er på plass')).statusCode, 200);
    }
    const after = await w.get(R.citizen.bookableTypes, w.logins.kari);
    assert.ok(after.json<BookableTypesResponse>().types.some((x) => x.id === w.types.vacc));
    assert.equal((await w.send('POST', R.citizen.book, w.logins.kari, { slotId: slot })).statusCode, 201);
    assert.equal(
      (await w.get('/api/dialog/units', w.logins.per)).json<DialogUnitsResponse>().units[0]?.id,
      w.units.homeCare.id,
    );
    assert.equal((await startMessage(w.logins.per)).statusCode, 201);
    const now = (await w.get('/api/me/services', w.logins.per)).json<MyServices>().services;
    assert.ok(now.includes('dialog') && now.includes('appointments.book'), now.join());
  });

  it('leaves appointments out of the list where "see future appointments" is not active, and refuses a cancellation', async () => {
    const w = await makeAppointmentsWorld(app());
    const { t } = app();
    const operator = await loginAs(t.app, { kind: 'operator', operatorId: (await makeOperator(t.database.db)).id });
    const slot = await w.makeSlot('vacc', '2026-11-24', '10:00');
    const booked = await w.send('POST', R.citizen.book, w.logins.kari, { slotId: slot });
    assert.equal(booked.statusCode, 201, booked.body);
    const id = booked.json<{ id: string }>().id;
    const listed = async () =>
      (await w.get(R.citizen.list, w.logins.kari))
        .json<{ appointments: { id: string }[] }>()
        .appointments.map((a) => a.id);
    assert.deepEqual(await listed(), [id]);
    for (const code of ['appointments.view', 'appointments.cancel']) {
      const res = await w.send(
        'POST',
        `/api/operator/municipalities/${w.municipality.id}/services/${code}/suspend`,
        operator,
        { reason: 'Stanset' },
      );
      assert.equal(res.statusCode, 200, res.body);
    }
    assert.deepEqual(await listed(), []);
    const cancel = await w.send('POST', R.citizen.cancel.replace(':id', id), w.logins.kari, {});
    assert.equal(cancel.statusCode, 409, cancel.body);
    assert.equal(cancel.json<ProblemResponse>().code, 'service_not_active');
  });
});
