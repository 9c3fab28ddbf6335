import { makeSyntheticNin } from '@helsebro/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import {
  appointmentSlots,
  appointmentTypes,
  municipalities,
  persons,
  serviceUnits,
} from '../../../packages/server/src/platform/db/schema.ts';
import { addCalendarDays } from '../../../packages/server/src/platform/time/oslo-time.ts';
import { loginAs } from '../../../packages/server/test/login.ts';
import { startBenchApp } from './bench-app.ts';

/**
 * Helsebro as deployed for the booking-contention benchmark: the demo data, plus a self-bookable type at
 * Fjordvik's Vaksinasjonskontoret with BENCH_SLOTS free slots a week ahead, and BENCH_CITIZENS synthetic citizens
 * registered in Fjordvik, each logged in. Prints the port, the slot ids and each citizen's cookie and CSRF token.
 */
const slotCount = Number(process.env.BENCH_SLOTS ?? 1000);
const citizenCount = Number(process.env.BENCH_CITIZENS ?? 10_000);

const { app, ready } = await startBenchApp();
const db = app.platform.db;
const [fjordvik] = await db.select().from(municipalities).where(eq(municipalities.number, '9901'));
const [unit] = await db
  .select()
  .from(serviceUnits)
  .where(and(eq(serviceUnits.municipalityId, fjordvik!.id), eq(serviceUnits.name, 'Vaksinasjonskontoret')));
const [type] = await db
  .insert(appointmentTypes)
  .values({
    municipalityId: fjordvik!.id,
    serviceUnitId: unit!.id,
    name: 'Vaksinasjon (benchmark)',
    kind: 'vaccination',
    durationMinutes: 5,
    selfBookable: true,
    reminderLeadHours: 24,
  })
  .returning();
const first = Date.now() + 7 * 86_400_000;
const slotIds: string[] = [];
for (let i = 0; i < slotCount; i += 500) {
  const rows = await db
    .insert(appointmentSlots)
    .values(
      Array.from({ length: Math.min(500, slotCount - i) }, (_, k) => {
        const startsAt = new Date(first + (i + k) * 5 * 60_000);
        return {
          municipalityId: fjordvik!.id,
          serviceUnitId: unit!.id,
          appointmentTypeId: type!.id,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 5 * 60_000),
        };
      }),
    )
    .returning({ id: appointmentSlots.id });
  slotIds.push(...rows.map((r) => r.id));
}

// Synthetic citizens (month + 80 numbers), one birth date each, all registered in Fjordvik.
const nins: string[] = [];
for (let i = 0; i < citizenCount; i += 1000) {
  const rows = Array.from({ length: Math.min(1000, citizenCount - i) }, (_, k) => {
    const birthDate = addCalendarDays('1950-01-01', i + k);
    const nin = makeSyntheticNin(birthDate, 300);
    nins.push(nin);
    return {
      nin,
      givenName: 'Bench',
      familyName: `Innbygger ${i + k}`,
      birthDate,
      municipalityId: fjordvik!.id,
      streetAddress: `Benkveien ${i + k}`,
      postalCode: '9990',
      postalPlace: 'FJORDVIK',
    };
  });
  await db.insert(persons).values(rows).onConflictDoNothing({ target: persons.nin });
}
const ids: string[] = [];
for (let i = 0; i < nins.length; i += 1000) {
  const rows = await db
    .select({ id: persons.id })
    .from(persons)
    .where(inArray(persons.nin, nins.slice(i, i + 1000)));
  ids.push(...rows.map((r) => r.id));
}
const logins = new Array<{ cookie: string; csrf: string }>(ids.length);
let next = 0;
await Promise.all(
  Array.from({ length: 16 }, async () => {
    while (next < ids.length) {
      const i = next++;
      const l = await loginAs(app, { kind: 'citizen', personId: ids[i]! });
      logins[i] = { cookie: l.headers.cookie, csrf: l.csrfToken };
    }
  }),
);
ready({ slotIds, logins, typeId: type!.id });
