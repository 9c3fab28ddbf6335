import type { AppointmentRequest, AppointmentType, CompletedVisit, Slot, StaffAppointment } from '@helsebro/contracts';
import { aliasedTable, and, asc, eq, gte, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import {
  appointmentRequests,
  appointments,
  appointmentSlots,
  appointmentStaffNameHidings,
  appointmentTypes,
  careRelations,
  completedVisits,
  persons,
  personnel,
  serviceUnits,
} from '../../platform/db/schema.ts';
import { toOslo } from '../../platform/time/oslo-time.ts';

/** The only place with SQL for appointments; services decide, check rights and audit. */

export type TypeRow = typeof appointmentTypes.$inferSelect;
export type AppointmentRow = typeof appointments.$inferSelect;
export type UnitRow = typeof serviceUnits.$inferSelect;
export type SlotRow = typeof appointmentSlots.$inferSelect;
export type RequestRow = typeof appointmentRequests.$inferSelect;

const citizen = aliasedTable(persons, 'citizen');
const requester = aliasedTable(persons, 'requester');
const staffMember = aliasedTable(personnel, 'staff_member');
const visitStaff = aliasedTable(personnel, 'visit_staff');
const fullName = (t: { givenName: unknown; familyName: unknown }) =>
  sql<string>`${t.givenName} || ' ' || ${t.familyName}`;

export const typeView = (t: TypeRow): AppointmentType => ({
  id: t.id,
  serviceUnitId: t.serviceUnitId,
  name: t.name,
  kind: t.kind,
  durationMinutes: t.durationMinutes,
  selfBookable: t.selfBookable,
  citizenCancellable: t.citizenCancellable,
  cancelDeadlineWorkingDays: t.cancelDeadlineWorkingDays,
  cancellationNeedsAcceptance: t.cancellationNeedsAcceptance,
  reminderLeadHours: t.reminderLeadHours,
  active: t.active,
});

export const slotView = (s: SlotRow): Slot => {
  const local = toOslo(s.startsAt);
  return {
    id: s.id,
    serviceUnitId: s.serviceUnitId,
    appointmentTypeId: s.appointmentTypeId,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    localDate: local.date,
    localTime: local.time,
  };
};

export const unitPhone = (u: UnitRow) => ({
  id: u.id,
  name: u.name,
  phone: u.phone,
  openingHours: u.openingHours,
});

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
};

/**
 * Appointments matching `where`, with type, unit, names, the hiding flag, the open request and the completed visit.
 * @param q - database or transaction
 * @param where - the condition (callers include the tenant or person filter)
 */
export async function loadAppointments(q: Queryable, where: SQL | undefined): Promise<AppointmentFull[]> {
  const rows = await q
    .select({
      appointment: appointments,
      type: appointmentTypes,
      unit: serviceUnits,
      citizenName: fullName(citizen),
      staffName: sql<string | null>`${fullName(staffMember)}`,
      hidden: sql<boolean>`${appointmentStaffNameHidings.personId} IS NOT NULL`,
    })
    .from(appointments)
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.appointmentTypeId))
    .innerJoin(serviceUnits, eq(serviceUnits.id, appointments.serviceUnitId))
    .innerJoin(citizen, eq(citizen.id, appointments.personId))
    .leftJoin(staffMember, eq(staffMember.id, appointments.staffPersonnelId))
    .leftJoin(
      appointmentStaffNameHidings,
      and(
        eq(appointmentStaffNameHidings.serviceUnitId, appointments.serviceUnitId),
        eq(appointmentStaffNameHidings.personId, appointments.personId),
      ),
    )
    .where(where)
    .orderBy(asc(appointments.startsAt), asc(appointments.id));
  if (rows.length === 0) {
    return [];
  }
  const ids = rows.map((r) => r.appointment.id);
  const pending = await loadRequests(
    q,
    and(inArray(appointmentRequests.appointmentId, ids), eq(appointmentRequests.status, 'pending')),
  );
  // Oldest first, so the last one per appointment is the latest answer.
  const answered = await loadRequests(
    q,
    and(inArray(appointmentRequests.appointmentId, ids), inArray(appointmentRequests.status, ['accepted', 'declined'])),
  );
  const visits = await loadVisits(q, inArray(completedVisits.appointmentId, ids), false);
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
  }));
}

/** Requests matching `where`, oldest first. */
export async function loadRequests(q: Queryable, where: SQL | undefined): Promise<AppointmentRequest[]> {
  const rows = await q
    .select({
      r: appointmentRequests,
      requester: fullName(requester),
      principal: fullName(citizen),
    })
    .from(appointmentRequests)
    .innerJoin(requester, eq(requester.id, appointmentRequests.requestedByPersonId))
    .innerJoin(citizen, eq(citizen.id, appointmentRequests.personId))
    .where(where)
    .orderBy(asc(appointmentRequests.createdAt));
  return rows.map(({ r, requester: by, principal }) => ({
    id: r.id,
    appointmentId: r.appointmentId,
    kind: r.kind,
    status: r.status,
    comment: r.comment,
    reason: r.reason,
    requestedBy: r.requestedByPersonId === r.personId ? by : `${by} på vegne av ${principal}`,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    response: r.response,
  }));
}

/**
 * Completed visits matching `where`, newest first.
 * @param forCitizen - hide the staff name where the unit hides names for the citizen
 */
export async function loadVisits(q: Queryable, where: SQL | undefined, forCitizen: boolean): Promise<CompletedVisit[]> {
  const rows = await q
    .select({
      v: completedVisits,
      unitName: serviceUnits.name,
      citizenName: fullName(citizen),
      staffName: sql<string | null>`${fullName(visitStaff)}`,
      hidden: sql<boolean>`${appointmentStaffNameHidings.personId} IS NOT NULL`,
    })
    .from(completedVisits)
    .innerJoin(serviceUnits, eq(serviceUnits.id, completedVisits.serviceUnitId))
    .innerJoin(citizen, eq(citizen.id, completedVisits.personId))
    .leftJoin(visitStaff, eq(visitStaff.id, completedVisits.staffPersonnelId))
    .leftJoin(
      appointmentStaffNameHidings,
      and(
        eq(appointmentStaffNameHidings.serviceUnitId, completedVisits.serviceUnitId),
        eq(appointmentStaffNameHidings.personId, completedVisits.personId),
      ),
    )
    .where(where)
    .orderBy(sql`${completedVisits.performedAt} DESC`);
  return rows.map(({ v, unitName, citizenName, staffName, hidden }) => {
    const local = toOslo(v.performedAt);
    return {
      id: v.id,
      appointmentId: v.appointmentId,
      citizen: { personId: v.personId, displayName: citizenName },
      unit: { id: v.serviceUnitId, name: unitName },
      localDate: local.date,
      localTime: local.time,
      performedAt: v.performedAt.toISOString(),
      endedAt: v.endedAt?.toISOString() ?? null,
      whatWasDone: v.whatWasDone,
      staffName: forCitizen && hidden ? null : staffName,
    };
  });
}

/** The staff view of a loaded appointment. */
export function staffView(f: AppointmentFull): StaffAppointment {
  const a = f.appointment;
  const start = toOslo(a.startsAt);
  return {
    id: a.id,
    citizen: { personId: a.personId, displayName: f.citizenName },
    type: { id: f.type.id, name: f.type.name, kind: f.type.kind },
    serviceUnitId: a.serviceUnitId,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    localDate: start.date,
    localTime: start.time,
    localEndTime: toOslo(a.endsAt).time,
    status: a.status,
    location: a.location,
    staff: a.staffPersonnelId && f.staffName ? { personnelId: a.staffPersonnelId, displayName: f.staffName } : null,
    selfBooked: a.selfBooked,
    pendingRequest: f.pendingRequest,
    cancellation: cancellationOf(a),
    completedVisit: f.visit,
  };
}

export function cancellationOf(a: AppointmentRow) {
  return a.status === 'cancelled' && a.cancelledAt && a.cancelledBy
    ? {
        reason: a.cancellationReason ?? 'other',
        by: a.cancelledBy,
        at: a.cancelledAt.toISOString(),
        comment: a.cancellationComment,
      }
    : null;
}

/**
 * Free slots matching `where`: no appointment that is not cancelled holds them, and they have not started.
 * @param q - database or transaction
 * @param where - the condition
 * @param now - slots starting at or before now are not free
 */
export async function freeSlots(q: Queryable, where: SQL | undefined, now: Date): Promise<SlotRow[]> {
  return q
    .select()
    .from(appointmentSlots)
    .where(
      and(
        where,
        gte(appointmentSlots.startsAt, now),
        sql`NOT EXISTS (SELECT 1 FROM ${appointments} WHERE ${appointments.slotId} = ${appointmentSlots.id} AND ${appointments.status} <> 'cancelled')`,
      ),
    )
    .orderBy(asc(appointmentSlots.startsAt));
}

/**
 * The municipalities a citizen may book in: where they are registered, and where they receive a service now.
 * @param q - database or transaction
 * @param personId - the principal
 * @param today - Oslo date
 */
export async function bookableMunicipalities(q: Queryable, personId: string, today: string): Promise<string[]> {
  const [person] = await q.select({ m: persons.municipalityId }).from(persons).where(eq(persons.id, personId));
  const relations = await q
    .select({ m: careRelations.municipalityId })
    .from(careRelations)
    .where(
      and(
        eq(careRelations.personId, personId),
        lte(careRelations.validFrom, today),
        or(isNull(careRelations.validTo), gte(careRelations.validTo, today)),
      ),
    );
  return [...new Set([person?.m, ...relations.map((r) => r.m)].filter((m): m is string => Boolean(m)))];
}

/** Appointments of a unit that start within [from, to). */
export const inWindow = (from: Date, to: Date) => and(gte(appointments.startsAt, from), lt(appointments.startsAt, to));

/**
 * A slot with what booking it needs to know, in one round trip: its type and unit, the principal's name, whether an appointment that is not
 * cancelled holds it now, and whether the principal may book in its municipality (registered there, or receiving a
 * service there today).
 */
export async function slotForBooking(q: Queryable, slotId: string, principalId: string, today: string) {
  const [row] = await q
    .select({
      s: appointmentSlots,
      t: appointmentTypes,
      u: serviceUnits,
      citizenName: sql<string>`(SELECT ${persons.givenName} || ' ' || ${persons.familyName} FROM ${persons} WHERE ${persons.id} = ${principalId})`,
      taken: sql<boolean>`EXISTS (SELECT 1 FROM ${appointments} WHERE ${appointments.slotId} = ${appointmentSlots.id} AND ${appointments.status} <> 'cancelled')`,
      allowed: sql<boolean>`(
        ${appointmentTypes.municipalityId} = (SELECT ${persons.municipalityId} FROM ${persons} WHERE ${persons.id} = ${principalId})
        OR EXISTS (SELECT 1 FROM ${careRelations} WHERE ${careRelations.personId} = ${principalId}
          AND ${careRelations.municipalityId} = ${appointmentTypes.municipalityId}
          AND ${careRelations.validFrom} <= ${today} AND (${careRelations.validTo} IS NULL OR ${careRelations.validTo} >= ${today})))`,
    })
    .from(appointmentSlots)
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointmentSlots.appointmentTypeId))
    .innerJoin(serviceUnits, eq(serviceUnits.id, appointmentSlots.serviceUnitId))
    .where(eq(appointmentSlots.id, slotId));
  return row ?? null;
}

/**
 * Locks a slot's row for this transaction, or answers false at once when another transaction holds it (someone is
 * booking it right now). The contenders for a popular slot are told "taken" immediately instead of queueing
 * behind the winner's commit; the unique index on appointments(slot_id) stays the guarantee.
 */
export async function lockSlot(q: Queryable, slotId: string): Promise<boolean> {
  const rows = await q
    .select({ id: appointmentSlots.id })
    .from(appointmentSlots)
    .where(eq(appointmentSlots.id, slotId))
    .for('update', { skipLocked: true });
  return rows.length > 0;
}
