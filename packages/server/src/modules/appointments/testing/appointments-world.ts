import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { buildTestApp, type TestApp } from '../../../../test/test-app.ts';
import { loginAs, type LoggedIn } from '../../../../test/login.ts';
import { movableClock } from '../../../../test/clock.ts';
import {
  makeCareRelation,
  makeMunicipality,
  makeParentalResponsibility,
  makePerson,
  makePersonnel,
  makeServiceUnit,
  type Person,
} from '../../../../test/factories.ts';
import { appointmentSlots, appointmentTypes } from '../../../platform/db/schema.ts';
import { fromOslo } from '../../../platform/time/oslo-time.ts';

/** Fills a route pattern's `:name` parameters. */
export const path = (p: string, params: Record<string, string>) =>
  Object.entries(params).reduce((acc, [k, v]) => acc.replace(`:${k}`, v), p);

/** The real app on a fresh database with a clock the cases can move, shared by the cases of one test file. */
export type AppointmentsTestApp = { t: TestApp; clock: ReturnType<typeof movableClock> };

/** Wednesday 18 November 2026, 10:00 in Oslo (CET): the app's "now" unless a case moves the clock. */
export const NOW = new Date('2026-11-18T09:00:00Z');

/**
 * Starts the app before the enclosing suite's cases and closes it after them.
 * @returns the running app, for the cases to call once the suite has started
 */
export function useAppointmentsApp(): () => AppointmentsTestApp {
  let app: AppointmentsTestApp | undefined;
  before(async () => {
    const clock = movableClock(NOW);
    app = { t: await buildTestApp({ SESSION_IDLE_MINUTES: '1440' }, { clock }), clock };
  });
  after(async () => {
    await app?.t.close();
  });
  return () => app!;
}

/**
 * One case's own municipality and people, so no case depends on what another booked or changed:
 * - Vaksinasjonskontoret (phone 77 70 30 00) with the self-bookable Vaksinasjon (15 min, reminder 24 h before);
 * - Hjemmesykepleien (77 70 10 00) with Hjemmebesøk, whose cancellation needs the unit's acceptance, and its nurse
 *   Siri Sykepleier; Legevakten (116 117) with Legevakt, which the citizen may not cancel digitally;
 * - another municipality's Vaksinasjonskontoret with a self-bookable type;
 * - Kari (41), parent of Emma (8) and Jonas (13); Per (85), who receives home care; a stranger; and a nurse of the
 *   vaccination office.
 */
export async function makeAppointmentsWorld({ t }: AppointmentsTestApp) {
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
  const types = {
    vacc: await type(vaccination, { name: 'Vaksinasjon', selfBookable: true, reminderLeadHours: 24 }),
    visit: await type(homeCare, { name: 'Hjemmebesøk', kind: 'home_visit', cancellationNeedsAcceptance: true }),
    ward: await type(ward, { name: 'Legevakt', kind: 'emergency_ward', citizenCancellable: false }),
    other: await type(otherUnit, { name: 'Vaksinasjon', selfBookable: true }),
  };
  const units = { vaccination, homeCare, ward, other: otherUnit };

  const kari = await makePerson(db, { birthDate: '1985-03-14', municipalityId: m.id, streetAddress: 'Storgata 1' });
  const emma = await makePerson(db, { birthDate: '2018-05-10', municipalityId: m.id, streetAddress: 'Storgata 1' });
  const jonas = await makePerson(db, { birthDate: '2013-01-01', municipalityId: m.id, streetAddress: 'Storgata 1' });
  const per = await makePerson(db, { birthDate: '1941-01-15', municipalityId: m.id });
  const stranger = await makePerson(db, { birthDate: '1990-01-01', municipalityId: m.id });
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
  const people: Record<'kari' | 'emma' | 'jonas' | 'per' | 'stranger', Person> = { kari, emma, jonas, per, stranger };
  const logins = {
    kari: await loginAs(t.app, { kind: 'citizen', personId: kari.id }),
    stranger: await loginAs(t.app, { kind: 'citizen', personId: stranger.id }),
    per: await loginAs(t.app, { kind: 'citizen', personId: per.id }),
    /** Siri Sykepleier, of the home care unit. */
    nurse: await loginAs(t.app, { kind: 'personnel', personnelId: n1.id, municipalityId: m.id }),
    /** A nurse of the vaccination office. */
    otherNurse: await loginAs(t.app, { kind: 'personnel', personnelId: n2.id, municipalityId: m.id }),
  };

  const get = (url: string, who: LoggedIn) => t.app.inject({ method: 'GET', url, headers: who.headers });
  const send = (method: 'POST' | 'PUT', url: string, who: LoggedIn, payload: object = {}) =>
    t.app.inject({ method, url, headers: who.headers, payload });

  return {
    municipality: m,
    units,
    types,
    people,
    logins,
    get,
    send,
    q: <T>(sql: string, params: unknown[] = []) => t.database.query<T>(sql, params),
    /** Switches whom a citizen's session acts for. */
    actFor: async (login: LoggedIn, personId: string) =>
      assert.equal((await send('POST', '/api/representation/acting-for', login, { personId })).statusCode, 200),
    /** A 15-minute slot of one of the world's types at an Oslo date and time. */
    makeSlot: async (typeKey: keyof typeof types, date: string, time: string) => {
      const unit = { vacc: vaccination, visit: homeCare, ward, other: otherUnit }[typeKey];
      const startsAt = fromOslo(date, time)!;
      const [row] = await db
        .insert(appointmentSlots)
        .values({
          municipalityId: unit.municipalityId,
          serviceUnitId: unit.id,
          appointmentTypeId: types[typeKey],
          startsAt,
          endsAt: new Date(startsAt.getTime() + 15 * 60_000),
        })
        .returning();
      return row!.id;
    },
    /** A physician of the emergency ward, logged in. */
    wardDoctor: async () => {
      const doc = await makePersonnel(db, { municipalityId: m.id, serviceUnitId: ward.id, role: 'physician' });
      return loginAs(t.app, { kind: 'personnel', personnelId: doc.id, municipalityId: m.id });
    },
  };
}

export type AppointmentsWorld = Awaited<ReturnType<typeof makeAppointmentsWorld>>;
