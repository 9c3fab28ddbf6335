import type {
  AppointmentType,
  CitizenAppointment,
  NotCancellableReason,
  Slot,
  StaffAppointment,
} from '@helsebro/contracts';
import { toOslo } from '../../platform/time/oslo-time.ts';
import { cancelDeadline } from '../../platform/time/working-days.ts';
import type { AppointmentFull, AppointmentRow, SlotRow, TypeRow, UnitRow } from './appointments.repository.ts';

/** How rows become what the citizen, the staff and the EPJ are shown; no queries here. */

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

/** What every view of an appointment shows: whose, what, when (also on the Oslo wall clock), its state and place. */
function basicView(f: AppointmentFull) {
  const a = f.appointment;
  const start = toOslo(a.startsAt);
  return {
    id: a.id,
    citizen: { personId: a.personId, displayName: f.citizenName },
    type: { id: f.type.id, name: f.type.name, kind: f.type.kind },
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    localDate: start.date,
    localTime: start.time,
    localEndTime: toOslo(a.endsAt).time,
    status: a.status,
    location: a.location,
    paused: f.paused,
  };
}

/** The staff view of a loaded appointment. */
export function staffView(f: AppointmentFull): StaffAppointment {
  const a = f.appointment;
  return {
    ...basicView(f),
    serviceUnitId: a.serviceUnitId,
    staff: a.staffPersonnelId && f.staffName ? { personnelId: a.staffPersonnelId, displayName: f.staffName } : null,
    selfBooked: a.selfBooked,
    pendingRequest: f.pendingRequest,
    cancellation: cancellationOf(a),
    completedVisit: f.visit,
  };
}

/**
 * Whether the citizen side may cancel now, and if not why (the first reason that applies, in the order a person
 * would want to hear them).
 */
export function cancellability(
  f: Pick<AppointmentFull, 'appointment' | 'type' | 'pendingRequest'>,
  now: Date,
  mayManage: boolean,
): { cancellable: boolean; reason: NotCancellableReason | null; deadline: { lastDate: string; until: Date } | null } {
  const a = f.appointment;
  const deadline = f.type.citizenCancellable
    ? cancelDeadline(a.startsAt, toOslo(a.startsAt).date, f.type.cancelDeadlineWorkingDays)
    : null;
  let reason: NotCancellableReason | null = null;
  if (a.status !== 'booked') {
    reason = 'not_booked';
  } else if (!mayManage) {
    reason = 'not_permitted';
  } else if (f.pendingRequest) {
    reason = 'request_pending';
  } else if (!deadline) {
    reason = 'type_not_cancellable';
  } else if (now.getTime() >= deadline.until.getTime()) {
    reason = 'deadline_passed';
  }
  return { cancellable: reason === null, reason, deadline };
}

/** The citizen's view of one appointment: staff names hidden where the unit hides them for this citizen. */
export function citizenView(f: AppointmentFull, now: Date, mayManage: boolean): CitizenAppointment {
  const a = f.appointment;
  const c = cancellability(f, now, mayManage);
  return {
    ...basicView(f),
    unit: unitPhone(f.unit),
    staffName: f.staffNamesHidden ? null : f.staffName,
    selfBooked: a.selfBooked,
    cancellable: c.cancellable,
    cancelDeadline: c.deadline?.until.toISOString() ?? null,
    cancelByDate: c.deadline?.lastDate ?? null,
    notCancellableReason: a.status === 'booked' ? c.reason : null,
    cancellationNeedsAcceptance: f.type.cancellationNeedsAcceptance,
    mayRequestNewTime: a.status === 'booked' && mayManage && !f.pendingRequest && a.startsAt.getTime() > now.getTime(),
    pendingRequest: f.pendingRequest,
    latestAnswer: f.latestAnswer,
    cancellation: cancellationOf(a),
  };
}
