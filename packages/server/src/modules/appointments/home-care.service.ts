import type {
  AssignVisitBody,
  CompletedVisit,
  MyVisitsResponse,
  StaffAppointment,
  UnplannedVisitBody,
} from '@helsebro/contracts';
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { addCalendarDays, osloDateOf, startOfOsloDate } from '../../platform/time/oslo-time.ts';
import { findCitizenById } from '../identity/index.ts';
import { hasRoleInUnit, requireUnitStaff } from '../organisations/index.ts';
import { RuleError } from './appointments.errors.ts';
import { appointmentById, updateAppointment } from './appointments.repository.ts';
import { staffView } from './appointments.views.ts';
import { visitsOfStaffMember } from './home-care.repository.ts';
import { auditedWrite } from './shared.ts';
import { appointmentForUnit, auditListing, citizenEntry } from './unit.shared.ts';
import { createUnitVisitsService } from './unit-visits.service.ts';
import { insertVisit, visitById } from './visits.repository.ts';

/** What a one-tap "Utført" without a note tells the citizen. */
const DONE_WITHOUT_NOTE = 'Besøket er utført.';

/**
 * Home care as it runs (issue 15): the health worker's own visits of the day, "Utført" with one tap at the real
 * time (a visit done before its planned start keeps the time it was done), visits outside the plan, and the unit
 * leader's assignment of visits. Every read and write names the citizen in the audit log (health data).
 */
export function createHomeCareService(platform: Pick<Platform, 'db' | 'clock'>) {
  const { db, clock } = platform;
  const visits = createUnitVisitsService(platform);

  const personnelOf = (ctx: RequestContext) => {
    if (ctx.actor.kind !== 'personnel') {
      throw new ForbiddenError('Dette er for helsepersonell.', 'wrong_role');
    }
    return ctx.actor.personnelId;
  };

  return {
    async today(ctx: RequestContext, query: { date?: string | undefined }): Promise<MyVisitsResponse> {
      const me = personnelOf(ctx);
      const date = query.date ?? osloDateOf(clock.now());
      const mine = await visitsOfStaffMember(
        db,
        ctx,
        me,
        startOfOsloDate(date),
        startOfOsloDate(addCalendarDays(date, 1)),
      );
      for (const unitId of new Set(mine.map((v) => v.unit.id))) {
        const shown = mine.filter((v) => v.unit.id === unitId).map((v) => v.citizen.personId);
        await auditListing(db, ctx, 'appointment.calendar', unitId, shown);
      }
      return { date, visits: mine };
    },

    /**
     * Marks a planned visit done now. Allowed before the planned start on its day (the nurse came early; the record
     * shows the real time), not on a day before it: a visit is recorded when it happens.
     */
    async done(ctx: RequestContext, id: string, note: string | null | undefined): Promise<CompletedVisit> {
      const now = clock.now();
      const { f } = await appointmentForUnit(db, ctx, id);
      if (osloDateOf(f.appointment.startsAt) > osloDateOf(now)) {
        throw new RuleError('time_in_past', 'Besøket er planlagt en senere dag og kan ikke registreres ennå.');
      }
      return visits.recordVisit(ctx, id, {
        whatWasDone: note?.trim() || DONE_WITHOUT_NOTE,
        performedAt: now.toISOString(),
      });
    },

    /** Records a visit that was not in the plan, done by the caller at the unit. */
    async unplanned(ctx: RequestContext, unitId: string, body: UnplannedVisitBody): Promise<CompletedVisit> {
      const now = clock.now();
      const performedAt = body.performedAt ? new Date(body.performedAt) : now;
      const visitId = await auditedWrite(
        db,
        ctx,
        { action: 'completed_visit.create', resourceType: 'completed_visit', subjectPersonId: body.personId },
        async (tx) => {
          const { unit, personnelId } = await requireUnitStaff(tx, ctx, unitId);
          if (!(await findCitizenById(tx, body.personId))) {
            throw new NotFoundError('Fant ikke personen.', 'person_not_found');
          }
          if (performedAt.getTime() > now.getTime()) {
            throw new RuleError('time_in_past', 'Et besøk kan ikke registreres som utført før det har skjedd.');
          }
          const visit = await insertVisit(tx, {
            municipalityId: unit.municipalityId,
            serviceUnitId: unit.id,
            appointmentId: null,
            personId: body.personId,
            performedAt,
            whatWasDone: body.whatWasDone,
            staffPersonnelId: personnelId,
            recordedByPersonnelId: personnelId,
          });
          return { result: visit!.id, resourceId: visit!.id, details: { unplanned: true } };
        },
      );
      return (await visitById(db, visitId))!;
    },

    /** The unit leader gives a planned visit to a health worker of the unit (or takes it back: null). */
    async assign(ctx: RequestContext, id: string, body: AssignVisitBody): Promise<StaffAppointment> {
      const { f, access } = await appointmentForUnit(db, ctx, id);
      await auditedWrite(
        db,
        ctx,
        citizenEntry('appointment.update', f.appointment, { staffPersonnelId: body.staffPersonnelId }),
        async (tx) => {
          if (access.role !== 'unit_leader') {
            throw new ForbiddenError('Bare enhetslederen fordeler besøk.', 'not_unit_leader');
          }
          if (body.staffPersonnelId && !(await hasRoleInUnit(tx, ctx, body.staffPersonnelId, f.unit.id))) {
            throw new UnprocessableError('Helsepersonellet arbeider ikke i enheten.', [
              { path: 'body.staffPersonnelId', message: 'not a staff member of this unit' },
            ]);
          }
          if (f.appointment.status !== 'booked') {
            throw new ConflictError('Besøket er ikke planlagt lenger.', 'appointment_not_booked');
          }
          await updateAppointment(tx, id, { staffPersonnelId: body.staffPersonnelId, updatedAt: clock.now() });
          return { result: id };
        },
      );
      return staffView((await appointmentById(db, id))!);
    },
  };
}

export type HomeCareService = ReturnType<typeof createHomeCareService>;
