import type { AuditAction } from '@helsebro/contracts';
import { recordAudit, recordAuditEntries } from '../../platform/audit/audit.ts';
import type { Db, Queryable, Tx } from '../../platform/db/client.ts';
import { NotFoundError, UnprocessableError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import { fromOslo } from '../../platform/time/oslo-time.ts';
import { requireUnitStaff, type UnitAccessOptions } from '../organisations/index.ts';
import { isUniqueViolation, NoLongerBookedError, RuleError, SlotTakenError } from './appointments.errors.ts';
import {
  appointmentInMunicipality,
  moveBooked,
  worksInMunicipality,
  type AppointmentRow,
  type TypeRow,
  type UnitRow,
} from './appointments.repository.ts';
import { notifyCitizen, scheduleReminder } from './shared.ts';
import { slotOfUnit } from './slots.repository.ts';
import { unitWorksOn } from './slots.ts';
import { typeOfUnit } from './types.repository.ts';

/**
 * What the unit side's use cases (calendar, requests, visits) share: scoping an appointment to the caller's unit,
 * resolving a new time, moving, and the audit entries. A `partner` actor is the municipality's EPJ, which acts for
 * every unit of its municipality (E1) where a use case passes `EPJ`.
 */

/** The EPJ may act for the unit (appointments, moves, cancellations, outcomes and completed visits). */
export const EPJ: UnitAccessOptions = { epj: true };

/** Where a new or moved appointment goes: a free slot of the unit, or a local date and time. */
export type Target = { slotId?: string | undefined; localDate?: string | undefined; localTime?: string | undefined };

/** The audit entry of a use case about one appointment, with its citizen as subject. */
export const citizenEntry = (
  action: AuditAction,
  a: Pick<AppointmentRow, 'id' | 'personId'>,
  details?: Record<string, unknown>,
) => ({
  action,
  resourceType: 'appointment',
  resourceId: a.id,
  subjectPersonId: a.personId,
  ...(details ? { details } : {}),
});

/**
 * The appointment, scoped by the caller's municipality and unit before anything of it is read (issue 10: every
 * route that takes an id checks this first, whatever the body holds). An id outside the caller's reach — another
 * municipality's, or no appointment at all — is one 404, audited as denied without a subject, so the log shows
 * the probe and the answer tells nothing.
 * @param db - the database
 * @param ctx - the caller
 * @param id - the appointment
 * @param opts - `EPJ` where the municipality's EPJ may act
 * @returns the appointment and who acts for its unit
 */
export async function appointmentForUnit(db: Db, ctx: RequestContext, id: string, opts: UnitAccessOptions = {}) {
  const f = await appointmentInMunicipality(db, ctx, id);
  if (!f) {
    await recordAudit(db, ctx, { action: 'appointment.read', resourceType: 'appointment', resourceId: id }, 'denied');
    throw new NotFoundError('Fant ikke timeavtalen.', 'appointment_not_found');
  }
  try {
    return { f, access: await requireUnitStaff(db, ctx, f.appointment.serviceUnitId, opts) };
  } catch (err) {
    await recordAudit(db, ctx, citizenEntry('appointment.read', f.appointment), 'denied');
    throw err;
  }
}

/** A type the unit offers, in the caller's municipality. */
export async function requireTypeOfUnit(q: Queryable, ctx: RequestContext, unitId: string, typeId: string) {
  const t = await typeOfUnit(q, ctx, unitId, typeId);
  if (!t) {
    throw new NotFoundError('Fant ikke timetypen i enheten.', 'appointment_type_not_found');
  }
  return t;
}

/**
 * A health worker named on an appointment or visit must work in the appointment's municipality: the citizen is
 * shown the name, and another municipality's staff have no business there (issue 10).
 */
export async function assertStaffOfMunicipality(
  q: Queryable,
  ctx: RequestContext,
  personnelId: string | null | undefined,
): Promise<void> {
  if (personnelId && !(await worksInMunicipality(q, ctx, personnelId))) {
    throw new UnprocessableError('Helsepersonellet arbeider ikke i kommunen.', [
      { path: 'body.staffPersonnelId', message: 'not a staff member of this municipality' },
    ]);
  }
}

/**
 * The time a target gives, checked: the slot is the unit's and of the type, the time exists, is ahead and falls on
 * a day the unit works (a unit that does not work every day plans nothing on weekends or public holidays).
 */
export async function resolveTarget(
  q: Queryable,
  ctx: RequestContext,
  unit: Pick<UnitRow, 'id' | 'visitsEveryDay'>,
  t: TypeRow,
  target: Target,
  now: Date,
): Promise<{ startsAt: Date; endsAt: Date; slotId: string | null }> {
  let startsAt: Date;
  let endsAt: Date;
  let slotId: string | null = null;
  if (target.slotId) {
    const s = await slotOfUnit(q, ctx, unit.id, target.slotId);
    if (!s || s.appointmentTypeId !== t.id) {
      throw new NotFoundError('Fant ikke timen i enheten for denne timetypen.', 'slot_not_found');
    }
    startsAt = s.startsAt;
    endsAt = s.endsAt;
    slotId = s.id;
  } else {
    const at = fromOslo(target.localDate!, target.localTime!);
    if (!at) {
      throw new RuleError('invalid_local_time', 'Klokkeslettet finnes ikke den dagen (sommertid). Velg et annet.');
    }
    if (!unitWorksOn(target.localDate!, unit.visitsEveryDay)) {
      throw new RuleError('unit_closed_day', 'Enheten arbeider ikke denne dagen (helg eller helligdag).');
    }
    startsAt = at;
    endsAt = new Date(at.getTime() + t.durationMinutes * 60_000);
  }
  if (startsAt.getTime() <= now.getTime()) {
    throw new RuleError(target.slotId ? 'slot_in_past' : 'time_in_past', 'Tidspunktet har allerede vært.');
  }
  return { startsAt, endsAt, slotId };
}

/**
 * Moves an appointment in the caller's transaction and reminds and tells the citizen anew; the slot's unique
 * index refuses a taken slot.
 * @param notify - false where the caller sends one notice for more than the move (an answered request)
 */
export async function moveIn(
  tx: Tx,
  a: AppointmentRow,
  t: TypeRow,
  to: { startsAt: Date; endsAt: Date; slotId: string | null },
  now: Date,
  notify = true,
): Promise<AppointmentRow> {
  try {
    const moved = await moveBooked(tx, a.id, to, now);
    if (!moved) {
      throw new NoLongerBookedError();
    }
    await scheduleReminder(tx, moved, t, now);
    if (notify) {
      await notifyCitizen(tx, moved, 'appointment_changed', `appointment.moved:${moved.id}:${moved.version}`);
    }
    return moved;
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new SlotTakenError();
    }
    throw err;
  }
}

/**
 * Audits a listing: one entry per citizen whose appointments were shown, in one statement.
 * @param unitId - the unit listed (the entries' resource)
 * @param personIds - the citizens shown, repeated or not
 */
export async function auditListing(
  db: Db,
  ctx: RequestContext,
  action: AuditAction,
  unitId: string,
  personIds: string[],
): Promise<void> {
  await recordAuditEntries(
    db,
    ctx,
    [...new Set(personIds)].map((subjectPersonId) => ({
      action,
      resourceType: 'service_unit',
      resourceId: unitId,
      subjectPersonId,
    })),
  );
}
