import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import {
  appointmentAvailabilityRules,
  appointments,
  appointmentSlots,
  appointmentTypes,
  completedVisits,
  municipalities,
  personnel,
  personnelRoles,
  persons,
  serviceUnits,
} from '../../platform/db/schema.ts';
import { addCalendarDays, fromOslo, osloDateOf } from '../../platform/time/oslo-time.ts';
import { isWorkingDay } from '../../platform/time/working-days.ts';
import { ensureSlots, freeSlots } from './slots.repository.ts';
import { insertType } from './types.repository.ts';

type DemoType = {
  unit: string;
  name: string;
  kind: (typeof appointmentTypes.$inferInsert)['kind'];
  durationMinutes: number;
  selfBookable: boolean;
  citizenCancellable: boolean;
  cancelDeadlineWorkingDays: number;
  cancellationNeedsAcceptance: boolean;
  reminderLeadHours: number | null;
  /** Availability: weekdays and local hours. */
  rule?: { weekdays: number[]; start: string; end: string };
};

/** The appointment types of each demo municipality (issue 6). */
export const DEMO_APPOINTMENT_TYPES: DemoType[] = [
  {
    unit: 'Vaksinasjonskontoret',
    name: 'Vaksinasjon',
    kind: 'vaccination',
    durationMinutes: 15,
    selfBookable: true,
    citizenCancellable: true,
    cancelDeadlineWorkingDays: 1,
    cancellationNeedsAcceptance: false,
    reminderLeadHours: 24,
    rule: { weekdays: [1, 3, 5], start: '09:00', end: '12:00' },
  },
  {
    unit: 'Helsestasjonen',
    name: 'Helsestasjonskonsultasjon',
    kind: 'health_station',
    durationMinutes: 30,
    selfBookable: true,
    citizenCancellable: true,
    cancelDeadlineWorkingDays: 2,
    cancellationNeedsAcceptance: false,
    reminderLeadHours: 48,
    rule: { weekdays: [2, 4], start: '09:00', end: '14:00' },
  },
  {
    unit: 'Legevakten',
    name: 'Time på legevakten',
    kind: 'emergency_ward',
    durationMinutes: 20,
    selfBookable: false,
    citizenCancellable: false,
    cancelDeadlineWorkingDays: 0,
    cancellationNeedsAcceptance: false,
    reminderLeadHours: 2,
  },
  {
    unit: 'Hjemmesykepleien',
    name: 'Hjemmebesøk',
    kind: 'home_visit',
    durationMinutes: 30,
    selfBookable: false,
    citizenCancellable: true,
    cancelDeadlineWorkingDays: 1,
    cancellationNeedsAcceptance: true,
    reminderLeadHours: null,
  },
];

const WHAT_WAS_DONE = [
  'Medisiner gitt etter plan. Blodtrykk målt.',
  'Hjelp med morgenstell og påkledning. Medisiner gitt.',
  'Sårstell på leggen, ny bandasje lagt.',
  'Medisiner gitt. Praten om ukens handleliste.',
  'Øyedråper og medisiner gitt. Satt fram kveldsmat.',
];

/**
 * The appointment demo: types per unit in both demo municipalities, availability and slots for the coming six
 * weeks, planned home visits for Per Hansen and Knut Dahl with completed visits of the past days, and booked times
 * for Kari's family (Emma at the health station, Jonas' vaccination, Kari at the emergency ward). Keyed so a second
 * run adds nothing: a type by (unit, name), a rule per type, planned visits only for a person who has none.
 * @param tx - the seed's transaction
 * @param now - the demo's "now"
 */
export async function seedAppointmentsDemo(tx: Tx, now: Date = new Date()): Promise<void> {
  const today = osloDateOf(now);
  const munis = await tx
    .select({ id: municipalities.id })
    .from(municipalities)
    .where(inArray(municipalities.number, ['9901', '9902']));
  const typeIds = new Map<string, string>();
  for (const m of munis) {
    const units = await tx.select().from(serviceUnits).where(eq(serviceUnits.municipalityId, m.id));
    for (const d of DEMO_APPOINTMENT_TYPES) {
      const unit = units.find((u) => u.name === d.unit);
      if (!unit) {
        continue;
      }
      let [type] = await tx
        .select()
        .from(appointmentTypes)
        .where(and(eq(appointmentTypes.serviceUnitId, unit.id), eq(appointmentTypes.name, d.name)));
      if (!type) {
        const { rule: _rule, unit: _unit, ...values } = d;
        // Through the administrator's repository function, as a unit leader would create it (nothing seed-only).
        type = await insertType(tx, unit, values);
      }
      typeIds.set(`${m.id}/${d.unit}`, type.id);
      if (d.rule) {
        const [rule] = await tx
          .select({ id: appointmentAvailabilityRules.id })
          .from(appointmentAvailabilityRules)
          .where(eq(appointmentAvailabilityRules.appointmentTypeId, type.id));
        if (!rule) {
          await tx.insert(appointmentAvailabilityRules).values({
            municipalityId: m.id,
            serviceUnitId: unit.id,
            appointmentTypeId: type.id,
            weekdays: d.rule.weekdays,
            startTime: d.rule.start,
            endTime: d.rule.end,
            validFrom: today,
          });
        }
      }
    }
    await ensureSlots(tx, {}, today, addCalendarDays(today, 42));
  }

  const fjordvik = munis.length > 0 ? await muniByNumber(tx, '9901') : null;
  if (!fjordvik) {
    return;
  }
  const person = async (given: string, family: string) =>
    (
      await tx
        .select()
        .from(persons)
        .where(and(eq(persons.givenName, given), eq(persons.familyName, family), eq(persons.municipalityId, fjordvik)))
    )[0];
  const unitId = async (name: string) =>
    (
      await tx
        .select({ id: serviceUnits.id })
        .from(serviceUnits)
        .where(and(eq(serviceUnits.municipalityId, fjordvik), eq(serviceUnits.name, name)))
    )[0]?.id;
  const homeCare = await unitId('Hjemmesykepleien');
  const nurses = homeCare
    ? await tx
        .select({ id: personnel.id })
        .from(personnelRoles)
        .innerJoin(personnel, eq(personnel.id, personnelRoles.personnelId))
        .where(eq(personnelRoles.serviceUnitId, homeCare))
        .orderBy(personnel.hprNumber)
    : [];
  const visitType = typeIds.get(`${fjordvik}/Hjemmesykepleien`);

  // Planned and completed home visits (A5, A6).
  for (const who of [
    { given: 'Per', family: 'Hansen', time: '09:00' },
    { given: 'Knut', family: 'Dahl', time: '10:30' },
  ]) {
    const p = await person(who.given, who.family);
    if (!p || !homeCare || !visitType || (await hasAppointments(tx, p.id, visitType))) {
      continue;
    }
    // The demo's home care works every day (issue 15), so its visits go on at weekends and on holidays too.
    for (let offset = -5; offset <= 10; offset++) {
      const date = addCalendarDays(today, offset);
      const startsAt = fromOslo(date, who.time)!;
      const past = startsAt.getTime() < now.getTime();
      const staff = nurses[(offset + 10) % Math.max(nurses.length, 1)]?.id ?? null;
      const [a] = await tx
        .insert(appointments)
        .values({
          municipalityId: fjordvik,
          serviceUnitId: homeCare,
          appointmentTypeId: visitType,
          personId: p.id,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 30 * 60_000),
          status: past ? 'fulfilled' : 'booked',
          location: 'Hjemme',
          staffPersonnelId: staff,
          bookedByPersonnelId: staff,
        })
        .returning();
      if (past) {
        await tx.insert(completedVisits).values({
          municipalityId: fjordvik,
          serviceUnitId: homeCare,
          appointmentId: a!.id,
          personId: p.id,
          performedAt: startsAt,
          endedAt: new Date(startsAt.getTime() + 25 * 60_000),
          whatWasDone: WHAT_WAS_DONE[(offset + 5) % WHAT_WAS_DONE.length]!,
          staffPersonnelId: staff,
          recordedByPersonnelId: staff,
        });
      }
    }
  }

  // Kari's family: Emma at the health station, Jonas' vaccination (both in free slots), Kari at the emergency ward.
  const book = async (given: string, unit: string, nth: number) => {
    const p = await person(given, 'Nordmann');
    const typeId = typeIds.get(`${fjordvik}/${unit}`);
    if (!p || !typeId || (await hasAppointments(tx, p.id, typeId))) {
      return;
    }
    const slot = (await freeSlots(tx, eq(appointmentSlots.appointmentTypeId, typeId), now))[nth];
    if (!slot) {
      return;
    }
    await tx.insert(appointments).values({
      municipalityId: fjordvik,
      serviceUnitId: slot.serviceUnitId,
      appointmentTypeId: typeId,
      personId: p.id,
      slotId: slot.id,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      selfBooked: true,
      bookedByPersonId: (await person('Kari', 'Nordmann'))?.id ?? null,
    });
  };
  await book('Emma', 'Helsestasjonen', 6);
  await book('Jonas', 'Vaksinasjonskontoret', 20);

  const kari = await person('Kari', 'Nordmann');
  const ward = await unitId('Legevakten');
  const wardType = typeIds.get(`${fjordvik}/Legevakten`);
  if (kari && ward && wardType && !(await hasAppointments(tx, kari.id, wardType))) {
    let date = addCalendarDays(today, 1);
    while (!isWorkingDay(date)) {
      date = addCalendarDays(date, 1);
    }
    const startsAt = fromOslo(date, '14:20')!;
    await tx.insert(appointments).values({
      municipalityId: fjordvik,
      serviceUnitId: ward,
      appointmentTypeId: wardType,
      personId: kari.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 20 * 60_000),
      location: 'Legevakten, inngang B',
    });
  }
}

async function muniByNumber(tx: Tx, number: string): Promise<string | null> {
  const [m] = await tx.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.number, number));
  return m?.id ?? null;
}

async function hasAppointments(tx: Tx, personId: string, typeId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: appointments.id })
    .from(appointments)
    .where(and(eq(appointments.personId, personId), eq(appointments.appointmentTypeId, typeId)))
    .limit(1);
  return rows.length > 0;
}
