import type {
  CompletedVisit,
  EpjAppointment,
  EpjAppointmentBody,
  EpjAppointmentPatchBody,
  EpjSchedule,
  EpjScheduleBody,
  EpjSlotBody,
  EpjSlotsResponse,
  RecordCompletedVisitBody,
  StaffAppointment,
} from '@helsebro/contracts';
import type { Queryable } from '../../platform/db/client.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { addCalendarDays, osloDateOf, startOfOsloDate, toOslo } from '../../platform/time/oslo-time.ts';
import { RuleError } from './appointments.errors.ts';
import { externalIdOf, livingPersonIdByNin, updateAppointment } from './appointments.repository.ts';
import { slotView } from './appointments.views.ts';
import { auditedWrite } from './shared.ts';
import { expandRule, type RuleRow } from './slots.ts';
import {
  deleteSlots,
  ensureSlots,
  insertRule,
  insertSlot,
  ruleInMunicipality,
  slotById,
  slotsOfUnit,
  unusedFutureSlotsOfRule,
  updateRule,
} from './slots.repository.ts';
import type { StaffAppointmentsService } from './staff.service.ts';
import { typeById, typeWithUnitInMunicipality } from './types.repository.ts';

/** Slots are kept generated this far ahead of a schedule's change. */
const GENERATE_WEEKS = 8;

const scheduleView = (r: RuleRow): EpjSchedule => ({
  id: r.id,
  serviceUnitId: r.serviceUnitId,
  appointmentTypeId: r.appointmentTypeId,
  weekdays: r.weekdays,
  startTime: r.startTime.slice(0, 5),
  endTime: r.endTime.slice(0, 5),
  validFrom: r.validFrom,
  validTo: r.validTo,
  skipHolidays: r.skipHolidays,
  active: r.active,
  externalId: r.externalId,
  slotsGeneratedUntil: r.slotsGeneratedUntil,
});

/**
 * The appointment side of the EPJ API (E1): schedules (availability rules), slots, appointments and completed
 * visits, for an EPJ acting for every unit of its municipality. Appointment changes go through the staff service,
 * so the same rules, audit, notices and feed events apply whether a nurse or the EPJ makes them.
 */
export function createEpjAppointmentsService(
  platform: Pick<Platform, 'db' | 'clock'>,
  staff: StaffAppointmentsService,
) {
  const { db, clock } = platform;

  const unitOf = async (q: Queryable, ctx: RequestContext, unitId: string, typeId: string) => {
    const row = await typeWithUnitInMunicipality(q, ctx, unitId, typeId);
    if (!row) {
      throw new NotFoundError('Fant ikke timetypen i enheten i kommunen.', 'appointment_type_not_found');
    }
    return row;
  };

  const ruleValues = (b: EpjScheduleBody) => {
    if (b.endTime <= b.startTime) {
      throw new ValidationError('Sluttid er før starttid.', [{ path: 'body.endTime', message: 'not after startTime' }]);
    }
    return {
      weekdays: [...new Set(b.weekdays)].sort(),
      startTime: b.startTime,
      endTime: b.endTime,
      validFrom: b.validFrom,
      validTo: b.validTo,
      skipHolidays: b.skipHolidays ?? true,
      active: b.active ?? true,
      externalId: b.externalId ?? null,
    };
  };

  /** The EPJ's shape of a staff view: no request or visit, plus the EPJ's own id. */
  const epjView = async ({
    completedVisit: _v,
    pendingRequest: _p,
    ...view
  }: StaffAppointment): Promise<EpjAppointment> => ({ ...view, externalId: await externalIdOf(db, view.id) });

  return {
    async createSchedule(ctx: RequestContext, body: EpjScheduleBody): Promise<EpjSchedule> {
      const today = osloDateOf(clock.now());
      const rule = await auditedWrite(
        db,
        ctx,
        { action: 'appointment_schedule.create', resourceType: 'appointment_schedule' },
        async (tx) => {
          const u = await unitOf(tx, ctx, body.serviceUnitId, body.appointmentTypeId);
          const created = await insertRule(tx, {
            municipalityId: u.municipalityId,
            serviceUnitId: u.unitId,
            appointmentTypeId: u.type.id,
            ...ruleValues(body),
          });
          const inserted = await ensureSlots(
            tx,
            { ruleId: created.id },
            today,
            addCalendarDays(today, GENERATE_WEEKS * 7),
          );
          return { result: created.id, resourceId: created.id, details: { slots: inserted } };
        },
      );
      return this.schedule(ctx, rule);
    },

    async updateSchedule(ctx: RequestContext, id: string, body: EpjScheduleBody): Promise<EpjSchedule> {
      const now = clock.now();
      const today = osloDateOf(now);
      await auditedWrite(
        db,
        ctx,
        { action: 'appointment_schedule.update', resourceType: 'appointment_schedule', resourceId: id },
        async (tx) => {
          const u = await unitOf(tx, ctx, body.serviceUnitId, body.appointmentTypeId);
          const updated = await updateRule(tx, ctx, id, body, {
            ...ruleValues(body),
            slotsGeneratedUntil: null,
            updatedAt: now,
          });
          if (!updated) {
            throw new NotFoundError('Fant ikke timeplanen.', 'schedule_not_found');
          }
          // Free future slots the new rule no longer gives go; booked ones stay with their appointments, and
          // slots the new rule gives again keep their ids.
          const until = addCalendarDays(today, GENERATE_WEEKS * 7);
          const type = await typeById(tx, updated.appointmentTypeId);
          const keep = new Set(
            (updated.active ? expandRule(updated, type!.durationMinutes, today, until, u.everyDay) : []).map((x) =>
              x.startsAt.getTime(),
            ),
          );
          const free = await unusedFutureSlotsOfRule(tx, id, now);
          const gone = free.filter((f) => !keep.has(f.startsAt.getTime())).map((f) => f.id);
          if (gone.length > 0) {
            await deleteSlots(tx, gone);
          }
          const inserted = await ensureSlots(tx, { ruleId: id }, today, addCalendarDays(today, GENERATE_WEEKS * 7));
          return { result: id, details: { removed: gone.length, slots: inserted } };
        },
      );
      return this.schedule(ctx, id);
    },

    async schedule(ctx: RequestContext, id: string): Promise<EpjSchedule> {
      const r = await ruleInMunicipality(db, ctx, id);
      if (!r) {
        throw new NotFoundError('Fant ikke timeplanen.', 'schedule_not_found');
      }
      return scheduleView(r);
    },

    async slots(
      ctx: RequestContext,
      q: { serviceUnitId: string; from?: string; to?: string },
    ): Promise<EpjSlotsResponse> {
      const today = osloDateOf(clock.now());
      const from = q.from ?? today;
      const to = q.to ?? addCalendarDays(from, 28);
      if (to < from || to > addCalendarDays(from, 92)) {
        throw new ValidationError('Velg en periode på høyst 92 dager.', [
          { path: 'querystring.to', message: 'invalid range' },
        ]);
      }
      const rows = await slotsOfUnit(
        db,
        ctx,
        q.serviceUnitId,
        startOfOsloDate(from),
        startOfOsloDate(addCalendarDays(to, 1)),
      );
      return { slots: rows.map((r) => ({ ...slotView(r.s), booked: r.booked })) };
    },

    async createSlot(ctx: RequestContext, body: EpjSlotBody) {
      const startsAt = new Date(body.startsAt);
      if (startsAt.getTime() <= clock.now().getTime()) {
        throw new RuleError('time_in_past', 'Tidspunktet har allerede vært.');
      }
      const id = await auditedWrite(
        db,
        ctx,
        { action: 'appointment_slot.create', resourceType: 'appointment_slot' },
        async (tx) => {
          const u = await unitOf(tx, ctx, body.serviceUnitId, body.appointmentTypeId);
          const s = await insertSlot(tx, {
            municipalityId: u.municipalityId,
            serviceUnitId: u.unitId,
            appointmentTypeId: u.type.id,
            startsAt,
            endsAt: new Date(startsAt.getTime() + u.type.durationMinutes * 60_000),
          });
          if (!s) {
            throw new RuleError('slot_exists', 'Det finnes allerede en time av denne typen på dette tidspunktet.');
          }
          return { result: s.id, resourceId: s.id };
        },
      );
      return { ...slotView((await slotById(db, id))!), booked: false };
    },

    async createAppointment(ctx: RequestContext, body: EpjAppointmentBody): Promise<EpjAppointment> {
      const personId = await livingPersonIdByNin(db, body.nin);
      if (!personId) {
        throw new NotFoundError('Fant ikke personen i folkeregisteret.', 'person_not_found');
      }
      const local = toOslo(new Date(body.startsAt));
      const created = await staff.create(ctx, body.serviceUnitId, {
        personId,
        typeId: body.appointmentTypeId,
        ...(body.slotId ? { slotId: body.slotId } : { localDate: local.date, localTime: local.time }),
        staffPersonnelId: body.staffPersonnelId ?? null,
        location: body.location ?? null,
      });
      if (body.externalId) {
        await updateAppointment(db, created.id, { externalId: body.externalId });
      }
      return epjView(created);
    },

    async appointment(ctx: RequestContext, id: string): Promise<EpjAppointment> {
      return epjView(await staff.one(ctx, id));
    },

    /**
     * Every step goes through the staff service, which scopes the id by the token's municipality before it reads
     * or writes anything; an empty patch is a read (issue 10: `{}` once skipped every check and answered with
     * another municipality's appointment).
     */
    async patchAppointment(ctx: RequestContext, id: string, body: EpjAppointmentPatchBody): Promise<EpjAppointment> {
      let view: StaffAppointment | null = null;
      if (body.startsAt) {
        const local = toOslo(new Date(body.startsAt));
        view = await staff.move(ctx, id, {
          localDate: local.date,
          localTime: local.time,
          ...(body.staffPersonnelId !== undefined ? { staffPersonnelId: body.staffPersonnelId } : {}),
        });
      }
      if (body.status === 'cancelled') {
        view = await staff.cancel(ctx, id, { reason: body.cancellationReason ?? 'unit_unavailable' });
      } else if (body.status) {
        view = await staff.outcome(ctx, id, { status: body.status });
      }
      if (body.location !== undefined || (body.staffPersonnelId !== undefined && !body.startsAt)) {
        view = await staff.update(ctx, id, {
          location: body.location,
          ...(body.startsAt ? {} : { staffPersonnelId: body.staffPersonnelId }),
        });
      }
      return epjView(view ?? (await staff.one(ctx, id)));
    },

    recordVisit(ctx: RequestContext, id: string, body: RecordCompletedVisitBody): Promise<CompletedVisit> {
      return staff.recordVisit(ctx, id, body);
    },
  };
}

export type EpjAppointmentsService = ReturnType<typeof createEpjAppointmentsService>;
