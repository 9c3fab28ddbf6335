import type {
  AppointmentTypesResponse,
  CalendarQuery,
  MoveAppointmentBody,
  SetAppointmentOutcomeBody,
  StaffAppointment,
  StaffAppointmentUnitsResponse,
  StaffCalendarResponse,
  StaffCancelAppointmentBody,
  StaffCreateAppointmentBody,
} from '@helsebro/contracts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { addCalendarDays, isoWeekday, osloDateOf, startOfOsloDate } from '../../platform/time/oslo-time.ts';
import { holidayName, isWorkingDay } from '../../platform/time/working-days.ts';
import { findCitizenById } from '../identity/index.ts';
import { requireUnitStaff, unitsOfStaff } from '../organisations/index.ts';
import { SlotTakenError } from './appointments.errors.ts';
import {
  appointmentById,
  appointmentsOfUnit,
  cancelBooked,
  insertAppointment,
  setOutcome,
  updateAppointment,
} from './appointments.repository.ts';
import { slotView, staffView, typeView } from './appointments.views.ts';
import { pendingRequestCounts, withdrawPendingRequests } from './requests.repository.ts';
import { appointmentEvent, auditedWrite, notifyCitizen, scheduleReminder } from './shared.ts';
import { ensureSlots, freeSlotsOfUnit } from './slots.repository.ts';
import { unitWorksOn } from './slots.ts';
import { typesOfUnits } from './types.repository.ts';
import { requireServiceActive } from '../services/index.ts';
import {
  appointmentForUnit,
  assertStaffOfMunicipality,
  auditListing,
  citizenEntry,
  EPJ,
  moveIn,
  requireTypeOfUnit,
  resolveTarget,
} from './unit.shared.ts';

/**
 * The unit's calendar and its appointments: the units and types a health worker sees, the day or week with free
 * slots, and create, move, cancel, outcome and changes of place or staff — for staff in the workspace and, where
 * the use case allows it, the municipality's EPJ. Every read and write is audited with the citizen as subject.
 */
export function createUnitCalendarService(platform: Pick<Platform, 'db' | 'clock'>) {
  const { db, clock } = platform;
  const viewOf = async (id: string) => staffView((await appointmentById(db, id))!);

  return {
    async units(ctx: RequestContext): Promise<StaffAppointmentUnitsResponse> {
      const units = await unitsOfStaff(db, ctx);
      const ids = units.map((u) => u.id);
      if (ids.length === 0) {
        return { units: [] };
      }
      const types = await typesOfUnits(db, ctx, ids);
      const pending = await pendingRequestCounts(db, ctx, ids);
      return {
        units: units
          .sort((a, b) => a.name.localeCompare(b.name, 'nb'))
          .map((u) => ({
            id: u.id,
            name: u.name,
            types: types.filter((t) => t.serviceUnitId === u.id).map(typeView),
            pendingRequests: pending.find((p) => p.unitId === u.id)?.n ?? 0,
          })),
      };
    },

    async types(ctx: RequestContext, unitId: string): Promise<AppointmentTypesResponse> {
      const { unit } = await requireUnitStaff(db, ctx, unitId);
      return { types: (await typesOfUnits(db, ctx, [unit.id])).map(typeView) };
    },

    async calendar(ctx: RequestContext, unitId: string, query: CalendarQuery): Promise<StaffCalendarResponse> {
      const { unit } = await requireUnitStaff(db, ctx, unitId);
      const now = clock.now();
      const date = query.date ?? osloDateOf(now);
      const view = query.view ?? 'day';
      const from = view === 'week' ? addCalendarDays(date, 1 - isoWeekday(date)) : date;
      const to = view === 'week' ? addCalendarDays(from, 6) : from;
      const start = startOfOsloDate(from);
      const end = startOfOsloDate(addCalendarDays(to, 1));
      await ensureSlots(db, { serviceUnitId: unit.id }, osloDateOf(now), to);
      const rows = await appointmentsOfUnit(db, ctx, unit.id, start, end);
      const free = await freeSlotsOfUnit(db, ctx, unit.id, start, end, now);
      await auditListing(
        db,
        ctx,
        'appointment.calendar',
        unit.id,
        rows.map((r) => r.appointment.personId),
      );
      const views = rows.map(staffView);
      const days = [];
      for (let d = from; d <= to; d = addCalendarDays(d, 1)) {
        days.push({
          date: d,
          workingDay: isWorkingDay(d),
          open: unitWorksOn(d, unit.visitsEveryDay),
          holiday: holidayName(d),
          appointments: views.filter((v) => v.localDate === d),
          freeSlots: free.map(slotView).filter((s) => s.localDate === d),
        });
      }
      return { unit: { id: unit.id, name: unit.name }, view, from, to, days };
    },

    async one(ctx: RequestContext, id: string): Promise<StaffAppointment> {
      const { f } = await appointmentForUnit(db, ctx, id, EPJ);
      await recordAudit(db, ctx, citizenEntry('appointment.read', f.appointment));
      return staffView(f);
    },

    async create(ctx: RequestContext, unitId: string, body: StaffCreateAppointmentBody): Promise<StaffAppointment> {
      const now = clock.now();
      const id = await auditedWrite(
        db,
        ctx,
        { action: 'appointment.create', resourceType: 'appointment', subjectPersonId: body.personId },
        async (tx) => {
          const { unit, personnelId } = await requireUnitStaff(tx, ctx, unitId, EPJ);
          await requireServiceActive(tx, unit.municipalityId, 'appointments.book');
          const t = await requireTypeOfUnit(tx, ctx, unit.id, body.typeId);
          const person = await findCitizenById(tx, body.personId);
          if (!person) {
            throw new NotFoundError('Fant ikke personen.', 'person_not_found');
          }
          await assertStaffOfMunicipality(tx, ctx, body.staffPersonnelId);
          const at = await resolveTarget(tx, ctx, unit, t, body, now);
          const created = await insertAppointment(tx, {
            municipalityId: unit.municipalityId,
            serviceUnitId: unit.id,
            appointmentTypeId: t.id,
            personId: person.id,
            ...at,
            location: body.location ?? null,
            staffPersonnelId: body.staffPersonnelId ?? null,
            bookedByPersonnelId: personnelId,
          });
          if (!created) {
            throw new SlotTakenError();
          }
          await scheduleReminder(tx, created, t, now);
          // Recurring home visits are shown when the citizen looks, not pushed one by one (citizen-services.md §2.3,
          // HentPlanlagteTimer); other new appointments get a notice.
          if (t.kind !== 'home_visit') {
            await notifyCitizen(tx, created, 'appointment_changed', `appointment.created:${created.id}`);
          }
          return {
            result: created.id,
            resourceId: created.id,
            events: [appointmentEvent('appointment.booked', created, now, at.slotId ? { slotId: at.slotId } : {})],
          };
        },
      );
      return viewOf(id);
    },

    async move(ctx: RequestContext, id: string, body: MoveAppointmentBody): Promise<StaffAppointment> {
      const now = clock.now();
      const { f } = await appointmentForUnit(db, ctx, id, EPJ);
      await auditedWrite(db, ctx, citizenEntry('appointment.move', f.appointment), async (tx) => {
        await assertStaffOfMunicipality(tx, ctx, body.staffPersonnelId);
        const at = await resolveTarget(tx, ctx, f.unit, f.type, body, now);
        const moved = await moveIn(tx, f.appointment, f.type, at, now);
        if (body.staffPersonnelId !== undefined) {
          await updateAppointment(tx, moved.id, { staffPersonnelId: body.staffPersonnelId });
        }
        return {
          result: moved.id,
          details: { from: f.appointment.startsAt.toISOString(), to: moved.startsAt.toISOString() },
          events: [appointmentEvent('appointment.moved', moved, now)],
        };
      });
      return viewOf(id);
    },

    async cancel(ctx: RequestContext, id: string, body: StaffCancelAppointmentBody): Promise<StaffAppointment> {
      const now = clock.now();
      const { f, access } = await appointmentForUnit(db, ctx, id, EPJ);
      await auditedWrite(
        db,
        ctx,
        citizenEntry('appointment.cancel', f.appointment, { reason: body.reason, by: 'unit' }),
        async (tx) => {
          const done = await cancelBooked(tx, id, {
            cancelledAt: now,
            cancelledBy: 'unit',
            cancelledByPersonnelId: access.personnelId,
            cancellationReason: body.reason,
            cancellationComment: body.comment ?? null,
          });
          if (!done) {
            throw new ConflictError('Timeavtalen er ikke bestilt og kan ikke avlyses.', 'appointment_not_booked');
          }
          // An open request about a cancelled appointment has nothing left to decide.
          await withdrawPendingRequests(tx, id, now);
          await notifyCitizen(tx, done, 'appointment_changed', `appointment.cancelled:${id}`);
          return { result: id, events: [appointmentEvent('appointment.cancelled', done, now)] };
        },
      );
      return viewOf(id);
    },

    async outcome(ctx: RequestContext, id: string, body: SetAppointmentOutcomeBody): Promise<StaffAppointment> {
      const { f } = await appointmentForUnit(db, ctx, id, EPJ);
      await auditedWrite(
        db,
        ctx,
        citizenEntry('appointment.outcome', f.appointment, { status: body.status }),
        async (tx) => {
          if (!(await setOutcome(tx, id, body.status, clock.now()))) {
            throw new ConflictError('Timeavtalen er avlyst.', 'appointment_not_booked');
          }
          return { result: id };
        },
      );
      return viewOf(id);
    },

    /** Changes where the appointment is and who holds it, without moving it in time. */
    async update(
      ctx: RequestContext,
      id: string,
      body: { location?: string | null | undefined; staffPersonnelId?: string | null | undefined },
    ): Promise<StaffAppointment> {
      const { f } = await appointmentForUnit(db, ctx, id, EPJ);
      await auditedWrite(db, ctx, citizenEntry('appointment.update', f.appointment), async (tx) => {
        await assertStaffOfMunicipality(tx, ctx, body.staffPersonnelId);
        await updateAppointment(tx, f.appointment.id, {
          ...(body.location !== undefined ? { location: body.location } : {}),
          ...(body.staffPersonnelId !== undefined ? { staffPersonnelId: body.staffPersonnelId } : {}),
          updatedAt: clock.now(),
        });
        return { result: id };
      });
      return viewOf(id);
    },
  };
}
