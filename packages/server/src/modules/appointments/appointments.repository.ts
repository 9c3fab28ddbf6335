import type { AppointmentRequest, CompletedVisit } from '@helsebro/contracts';
import { aliasedTable, and, asc, eq, gte, inArray, isNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { fullName } from '../../platform/db/full-name.ts';
import {
  appointments,
  appointmentStaffNameHidings,
  appointmentTypes,
  personnel,
  personnelRoles,
  persons,
  serviceUnits,
} from '../../platform/db/schema.ts';
import { inMunicipality } from '../../platform/db/tenancy.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { UnitRow } from '../organisations/index.ts';
import { pausedByAdmission } from './hospital-admissions.ts';
import { requestsOfAppointments } from './requests.repository.ts';
import type { TypeRow } from './types.repository.ts';
import { staffNamesHiddenFor, visitsOfAppointments } from './visits.repository.ts';

/**
 * The SQL for appointments themselves, the staff-name hiding and the people named on them; services decide, check
 * rights and audit. Requests, visits, slots and types have repositories of their own beside this one.
 */

export type AppointmentRow = typeof appointments.$inferSelect;
type NewAppointment = typeof appointments.$inferInsert;
export type { SlotRow } from './slots.repository.ts';
export type { TypeRow, UnitRow };

const citizen = aliasedTable(persons, 'citizen');
const staffMember = aliasedTable(personnel, 'staff_member');

/** One appointment with everything its views need. */
export type AppointmentFull = {
  appointment: AppointmentRow;
  type: TypeRow;
  unit: UnitRow;
  citizenName: string;
  staffName: string | null;
  staffNamesHidden: boolean;
  pendingRequest: AppointmentRequest | null;
  /** The unit's latest answer to a request about it, so the citizen reads the answer where they asked. */
  latestAnswer: AppointmentRequest | null;
  visit: CompletedVisit | null;
  /** A home visit paused while the citizen is in hospital (hospital-admissions.ts). */
  paused: boolean;
};

/**
 * Appointments matching `where`, with type, unit, names, the hiding flag, the open request and the completed visit.
 * @param q - database or transaction
 * @param where - the condition (callers include the tenant or person filter)
 */
async function loadAppointments(q: Queryable, where: SQL | undefined): Promise<AppointmentFull[]> {
  const rows = await q
    .select({
      appointment: appointments,
      type: appointmentTypes,
      unit: serviceUnits,
      citizenName: fullName(citizen),
      staffName: sql<string | null>`${fullName(staffMember)}`,
      hidden: sql<boolean>`${appointmentStaffNameHidings.personId} IS NOT NULL`,
      paused: sql<boolean>`${appointmentTypes.kind} = 'home_visit' AND ${appointments.status} = 'booked' AND ${pausedByAdmission(appointments)}`,
    })
    .from(appointments)
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.appointmentTypeId))
    .innerJoin(serviceUnits, eq(serviceUnits.id, appointments.serviceUnitId))
    .innerJoin(citizen, eq(citizen.id, appointments.personId))
    .leftJoin(staffMember, eq(staffMember.id, appointments.staffPersonnelId))
    .leftJoin(appointmentStaffNameHidings, staffNamesHiddenFor(appointments))
    .where(where)
    .orderBy(asc(appointments.startsAt), asc(appointments.id));
  if (rows.length === 0) {
    return [];
  }
  const ids = rows.map((r) => r.appointment.id);
  const pending = await requestsOfAppointments(q, ids, ['pending']);
  // Oldest first, so the last one per appointment is the latest answer.
  const answered = await requestsOfAppointments(q, ids, ['accepted', 'declined']);
  const visits = await visitsOfAppointments(q, ids);
  return rows.map((r) => ({
    appointment: r.appointment,
    type: r.type,
    unit: r.unit,
    citizenName: r.citizenName,
    staffName: r.staffName,
    staffNamesHidden: r.hidden,
    pendingRequest: pending.find((p) => p.appointmentId === r.appointment.id) ?? null,
    latestAnswer: answered.findLast((p) => p.appointmentId === r.appointment.id) ?? null,
    visit: visits.find((v) => v.appointmentId === r.appointment.id) ?? null,
    paused: r.paused,
  }));
}

/** One appointment by id, unscoped: only for an id the caller has just scoped or written. */
export async function appointmentById(q: Queryable, id: string): Promise<AppointmentFull | undefined> {
  return (await loadAppointments(q, eq(appointments.id, id)))[0];
}

/** Appointments by id, unscoped: only for ids the caller has already scoped. */
export const appointmentsByIds = (q: Queryable, ids: string[]) => loadAppointments(q, inArray(appointments.id, ids));

/** One appointment in the caller's municipality. */
export async function appointmentInMunicipality(
  q: Queryable,
  ctx: RequestContext,
  id: string,
): Promise<AppointmentFull | undefined> {
  return (await loadAppointments(q, and(eq(appointments.id, id), inMunicipality(appointments.municipalityId, ctx))))[0];
}

/** One appointment of the person (the citizen side's scope). */
export async function appointmentOfPerson(
  q: Queryable,
  id: string,
  personId: string,
): Promise<AppointmentFull | undefined> {
  return (await loadAppointments(q, and(eq(appointments.id, id), eq(appointments.personId, personId))))[0];
}

type KindFilter = 'all' | 'home_visits' | 'other_than_home_visits';

const kindIs = (kinds: KindFilter) =>
  kinds === 'all'
    ? undefined
    : kinds === 'other_than_home_visits'
      ? ne(appointmentTypes.kind, 'home_visit')
      : eq(appointmentTypes.kind, 'home_visit');

/**
 * A person's booked and cancelled appointments that end at or after `from`.
 * @param kinds - home visits only, all but home visits, or all
 */
export const appointmentsOfPerson = (q: Queryable, personId: string, from: Date, kinds: KindFilter) =>
  loadAppointments(
    q,
    and(
      eq(appointments.personId, personId),
      gte(appointments.endsAt, from),
      inArray(appointments.status, ['booked', 'cancelled']),
      kindIs(kinds),
    ),
  );

/** A person's appointments that started in [from, before) and ended before `before`, whatever their status. */
export const pastAppointmentsOfPerson = (q: Queryable, personId: string, from: Date, before: Date, kinds: KindFilter) =>
  loadAppointments(
    q,
    and(
      eq(appointments.personId, personId),
      gte(appointments.startsAt, from),
      lt(appointments.endsAt, before),
      kindIs(kinds),
    ),
  );

/** A unit's appointments that start within [start, end). */
export const appointmentsOfUnit = (q: Queryable, ctx: RequestContext, unitId: string, start: Date, end: Date) =>
  loadAppointments(
    q,
    and(
      eq(appointments.serviceUnitId, unitId),
      inMunicipality(appointments.municipalityId, ctx),
      gte(appointments.startsAt, start),
      lt(appointments.startsAt, end),
    ),
  );

/**
 * Inserts an appointment; undefined when its slot is taken (the partial unique index on appointments(slot_id)
 * decides who gets a slot, whatever else writes it).
 * @param q - the open transaction
 */
export async function insertAppointment(q: Queryable, values: NewAppointment): Promise<AppointmentRow | undefined> {
  const [row] = await q.insert(appointments).values(values).onConflictDoNothing().returning();
  return row;
}

/** Moves a booked appointment (a new version, so a reminder queued before does nothing); undefined if not booked. */
export async function moveBooked(
  q: Queryable,
  id: string,
  to: { startsAt: Date; endsAt: Date; slotId: string | null },
  now: Date,
): Promise<AppointmentRow | undefined> {
  const [moved] = await q
    .update(appointments)
    .set({ ...to, updatedAt: now, version: sql`${appointments.version} + 1` })
    .where(and(eq(appointments.id, id), eq(appointments.status, 'booked')))
    .returning();
  return moved;
}

/**
 * Cancels an appointment if it is still booked, whoever gets there first; undefined if it was not.
 * @param cancellation - who cancelled, why and when
 */
export async function cancelBooked(
  q: Queryable,
  id: string,
  cancellation: Pick<
    NewAppointment,
    'cancelledBy' | 'cancelledByPersonId' | 'cancelledByPersonnelId' | 'cancellationReason' | 'cancellationComment'
  > & { cancelledAt: Date },
): Promise<AppointmentRow | undefined> {
  const [done] = await q
    .update(appointments)
    .set({
      status: 'cancelled',
      ...cancellation,
      updatedAt: cancellation.cancelledAt,
      version: sql`${appointments.version} + 1`,
    })
    .where(and(eq(appointments.id, id), eq(appointments.status, 'booked')))
    .returning();
  return done;
}

/** Records whether a booked (or already recorded) appointment took place; false if it was cancelled. */
export async function setOutcome(
  q: Queryable,
  id: string,
  status: AppointmentRow['status'],
  now: Date,
): Promise<boolean> {
  const rows = await q
    .update(appointments)
    .set({ status, updatedAt: now })
    .where(and(eq(appointments.id, id), inArray(appointments.status, ['booked', 'fulfilled', 'no_show'])))
    .returning({ id: appointments.id });
  return rows.length > 0;
}

/** Changes some fields of an appointment that neither move nor cancel it. */
export async function updateAppointment(
  q: Queryable,
  id: string,
  fields: Partial<Pick<AppointmentRow, 'location' | 'staffPersonnelId' | 'status' | 'externalId' | 'updatedAt'>>,
): Promise<void> {
  await q.update(appointments).set(fields).where(eq(appointments.id, id));
}

/** The appointment if it is still booked and still at this version (a reminder's check). */
export async function bookedAtVersion(q: Queryable, id: string, version: number): Promise<AppointmentRow | undefined> {
  const [a] = await q
    .select()
    .from(appointments)
    .where(and(eq(appointments.id, id), eq(appointments.version, version), eq(appointments.status, 'booked')));
  return a;
}

/** The EPJ's own id for an appointment, if it gave one. */
export async function externalIdOf(q: Queryable, id: string): Promise<string | null> {
  const [row] = await q
    .select({ externalId: appointments.externalId })
    .from(appointments)
    .where(eq(appointments.id, id));
  return row?.externalId ?? null;
}

/** Whether a health worker has a role in the caller's municipality. */
export async function worksInMunicipality(q: Queryable, ctx: RequestContext, personnelId: string): Promise<boolean> {
  const [role] = await q
    .select({ id: personnelRoles.personnelId })
    .from(personnelRoles)
    .where(and(eq(personnelRoles.personnelId, personnelId), inMunicipality(personnelRoles.municipalityId, ctx)))
    .limit(1);
  return Boolean(role);
}

/** A living person's id by identity number (the EPJ names citizens by number). */
export async function livingPersonIdByNin(q: Queryable, nin: string): Promise<string | undefined> {
  const [person] = await q
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.nin, nin), isNull(persons.deceasedOn)));
  return person?.id;
}

/** Whether the unit hides its staff's names from this citizen. */
export async function staffNamesHidden(
  q: Queryable,
  ctx: RequestContext,
  unitId: string,
  personId: string,
): Promise<boolean> {
  const [row] = await q
    .select()
    .from(appointmentStaffNameHidings)
    .where(
      and(
        eq(appointmentStaffNameHidings.serviceUnitId, unitId),
        eq(appointmentStaffNameHidings.personId, personId),
        inMunicipality(appointmentStaffNameHidings.municipalityId, ctx),
      ),
    );
  return Boolean(row);
}

/**
 * Hides the unit's staff names from a citizen, or shows them again.
 * @param q - the open transaction
 * @param unit - the unit (already checked to be the caller's)
 */
export async function setStaffNamesHidden(
  q: Queryable,
  unit: Pick<UnitRow, 'id' | 'municipalityId'>,
  personId: string,
  hidden: boolean,
  by: string | null,
): Promise<void> {
  if (hidden) {
    await q
      .insert(appointmentStaffNameHidings)
      .values({ municipalityId: unit.municipalityId, serviceUnitId: unit.id, personId, hiddenByPersonnelId: by })
      .onConflictDoNothing();
  } else {
    await q
      .delete(appointmentStaffNameHidings)
      .where(
        and(eq(appointmentStaffNameHidings.serviceUnitId, unit.id), eq(appointmentStaffNameHidings.personId, personId)),
      );
  }
}
