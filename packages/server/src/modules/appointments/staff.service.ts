import type { AuditAction } from '@helsebro/contracts';
import type {
  AppointmentRequest,
  AppointmentTypesResponse,
  CalendarQuery,
  CompletedVisit,
  DecideRequestBody,
  MoveAppointmentBody,
  RecordCompletedVisitBody,
  RequestStatus,
  SetAppointmentOutcomeBody,
  StaffAppointment,
  StaffAppointmentUnitsResponse,
  StaffCalendarResponse,
  StaffCancelAppointmentBody,
  StaffCreateAppointmentBody,
  StaffNamesSetting,
} from '@helsebro/contracts';
import { and, asc, count, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { auditValues, recordAudit } from '../../platform/audit/audit.ts';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import {
  appointmentRequests,
  appointments,
  appointmentSlots,
  appointmentStaffNameHidings,
  appointmentTypes,
  auditLog,
  completedVisits,
  persons,
  personnelRoles,
  serviceUnits,
} from '../../platform/db/schema.ts';
import { inMunicipality } from '../../platform/db/tenancy.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnprocessableError,
  ValidationError,
} from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { addCalendarDays, fromOslo, isoWeekday, osloDateOf, startOfOsloDate } from '../../platform/time/oslo-time.ts';
import { holidayName, isWorkingDay } from '../../platform/time/working-days.ts';
import { isUniqueViolation, RuleError, SlotTakenError } from './appointments.errors.ts';
import {
  freeSlots,
  inWindow,
  loadAppointments,
  loadRequests,
  loadVisits,
  slotView,
  staffView,
  typeView,
  type AppointmentRow,
  type TypeRow,
} from './appointments.repository.ts';
import { wantsVisitNotice } from './citizen.service.ts';
import { appointmentEvent, auditedWrite, notifyCitizen, scheduleReminder } from './shared.ts';
import { ensureSlots } from './slots.ts';

/**
 * Who acts for the unit: a health worker in the staff workspace (checked against their roles in the unit), or an
 * EPJ machine client (a partner actor whose municipality modules/epj set from its token), which acts for every unit
 * of its municipality and may name the health worker.
 */
export type UnitActor = { personnelId: string | null };

/** Where a new or moved appointment goes: a free slot of the unit, or a local date and time. */
type Target = { slotId?: string | undefined; localDate?: string | undefined; localTime?: string | undefined };

/**
 * The unit side of appointments: calendar, create, move, cancel, outcomes, completed visits, requests and hiding
 * staff names. Every read and write is audited with the citizen as subject.
 */
export function createStaffAppointmentsService(platform: Pick<Platform, 'db' | 'clock'>) {
  const { db, clock } = platform;

  const actorOf = (ctx: RequestContext): UnitActor => {
    if (ctx.actor.kind === 'personnel') {
      return { personnelId: ctx.actor.personnelId };
    }
    if (ctx.actor.kind === 'partner') {
      return { personnelId: null };
    }
    throw new ForbiddenError('Dette er for helsepersonell.', 'wrong_role');
  };

  /** The unit, if the caller works there (or is the municipality's administrator, or its EPJ). */
  const myUnit = async (q: Queryable, ctx: RequestContext, unitId: string) => {
    const actor = actorOf(ctx);
    const [unit] = await q
      .select()
      .from(serviceUnits)
      .where(and(eq(serviceUnits.id, unitId), inMunicipality(serviceUnits.municipalityId, ctx)));
    if (!unit) {
      throw new NotFoundError('Fant ikke enheten i kommunen din.', 'unit_not_found');
    }
    if (actor.personnelId) {
      const roles = await q
        .select({ unitId: personnelRoles.serviceUnitId, role: personnelRoles.role })
        .from(personnelRoles)
        .where(
          and(eq(personnelRoles.personnelId, actor.personnelId), inMunicipality(personnelRoles.municipalityId, ctx)),
        );
      if (!roles.some((r) => r.unitId === unitId || r.role === 'municipal_admin')) {
        throw new ForbiddenError('Du arbeider ikke i denne enheten.', 'not_unit_staff');
      }
    }
    return unit;
  };

  const myUnits = async (ctx: RequestContext) => {
    const actor = actorOf(ctx);
    const all = await db.select().from(serviceUnits).where(inMunicipality(serviceUnits.municipalityId, ctx));
    if (!actor.personnelId) {
      return all;
    }
    const roles = await db
      .select({ unitId: personnelRoles.serviceUnitId, role: personnelRoles.role })
      .from(personnelRoles)
      .where(
        and(eq(personnelRoles.personnelId, actor.personnelId), inMunicipality(personnelRoles.municipalityId, ctx)),
      );
    const admin = roles.some((r) => r.role === 'municipal_admin');
    return all.filter((u) => admin || roles.some((r) => r.unitId === u.id));
  };

  /**
   * The appointment, scoped by the caller's municipality and unit before anything of it is read (issue 10: every
   * route that takes an id checks this first, whatever the body holds). An id outside the caller's reach — another
   * municipality's, or no appointment at all — is one 404, audited as denied without a subject, so the log shows
   * the probe and the answer tells nothing.
   */
  const oneForUnit = async (q: Queryable, ctx: RequestContext, id: string) => {
    const [f] = await loadAppointments(
      q,
      and(eq(appointments.id, id), inMunicipality(appointments.municipalityId, ctx)),
    );
    if (!f) {
      await recordAudit(db, ctx, { action: 'appointment.read', resourceType: 'appointment', resourceId: id }, 'denied');
      throw new NotFoundError('Fant ikke timeavtalen.', 'appointment_not_found');
    }
    try {
      await myUnit(q, ctx, f.appointment.serviceUnitId);
    } catch (err) {
      await recordAudit(db, ctx, citizenEntry('appointment.read', f.appointment), 'denied');
      throw err;
    }
    return f;
  };

  /**
   * A health worker named on an appointment or visit must work in the appointment's municipality: the citizen is
   * shown the name, and another municipality's staff have no business there (issue 10).
   */
  const assertStaffOfMunicipality = async (
    q: Queryable,
    ctx: RequestContext,
    personnelId: string | null | undefined,
  ) => {
    if (!personnelId) {
      return;
    }
    const [role] = await q
      .select({ id: personnelRoles.personnelId })
      .from(personnelRoles)
      .where(and(eq(personnelRoles.personnelId, personnelId), inMunicipality(personnelRoles.municipalityId, ctx)))
      .limit(1);
    if (!role) {
      throw new UnprocessableError('Helsepersonellet arbeider ikke i kommunen.', [
        { path: 'body.staffPersonnelId', message: 'not a staff member of this municipality' },
      ]);
    }
  };

  const typeOfUnit = async (q: Queryable, ctx: RequestContext, unitId: string, typeId: string) => {
    const [t] = await q
      .select()
      .from(appointmentTypes)
      .where(
        and(
          eq(appointmentTypes.id, typeId),
          eq(appointmentTypes.serviceUnitId, unitId),
          inMunicipality(appointmentTypes.municipalityId, ctx),
        ),
      );
    if (!t) {
      throw new NotFoundError('Fant ikke timetypen i enheten.', 'appointment_type_not_found');
    }
    return t;
  };

  /** The time a target gives, checked: the slot is the unit's and of the type, the time exists and is ahead. */
  const resolveTarget = async (q: Queryable, ctx: RequestContext, unitId: string, t: TypeRow, target: Target) => {
    const now = clock.now();
    let startsAt: Date;
    let endsAt: Date;
    let slotId: string | null = null;
    if (target.slotId) {
      const [s] = await q
        .select()
        .from(appointmentSlots)
        .where(
          and(
            eq(appointmentSlots.id, target.slotId),
            eq(appointmentSlots.serviceUnitId, unitId),
            inMunicipality(appointmentSlots.municipalityId, ctx),
          ),
        );
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
      startsAt = at;
      endsAt = new Date(at.getTime() + t.durationMinutes * 60_000);
    }
    if (startsAt.getTime() <= now.getTime()) {
      throw new RuleError(target.slotId ? 'slot_in_past' : 'time_in_past', 'Tidspunktet har allerede vært.');
    }
    return { startsAt, endsAt, slotId };
  };

  const citizenEntry = (
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

  /** Audits a listing: one entry per citizen whose appointments were shown, in one statement. */
  const auditListing = async (ctx: RequestContext, action: AuditAction, unitId: string, personIds: string[]) => {
    const subjects = [...new Set(personIds)];
    if (subjects.length === 0) {
      return;
    }
    await db.insert(auditLog).values(
      subjects.map((subjectPersonId) => ({
        occurredAt: sql`clock_timestamp()`,
        ...auditValues(ctx, { action, resourceType: 'service_unit', resourceId: unitId, subjectPersonId }),
      })),
    );
  };

  /** Moves an appointment in the caller's transaction; the slot's unique index refuses a taken slot. */
  const moveIn = async (
    tx: Tx,
    a: AppointmentRow,
    t: TypeRow,
    to: { startsAt: Date; endsAt: Date; slotId: string | null },
    notify = true,
  ) => {
    const now = clock.now();
    try {
      const [moved] = await tx
        .update(appointments)
        .set({ ...to, updatedAt: now, version: sql`${appointments.version} + 1` })
        .where(and(eq(appointments.id, a.id), eq(appointments.status, 'booked')))
        .returning();
      if (!moved) {
        throw new ConflictError('Timeavtalen er ikke lenger bestilt.', 'appointment_not_booked');
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
  };

  return {
    async units(ctx: RequestContext): Promise<StaffAppointmentUnitsResponse> {
      const units = await myUnits(ctx);
      const ids = units.map((u) => u.id);
      if (ids.length === 0) {
        return { units: [] };
      }
      const types = await db
        .select()
        .from(appointmentTypes)
        .where(and(inArray(appointmentTypes.serviceUnitId, ids), inMunicipality(appointmentTypes.municipalityId, ctx)))
        .orderBy(asc(appointmentTypes.name));
      const pending = await db
        .select({ unitId: appointmentRequests.serviceUnitId, n: count() })
        .from(appointmentRequests)
        .where(
          and(
            inArray(appointmentRequests.serviceUnitId, ids),
            eq(appointmentRequests.status, 'pending'),
            inMunicipality(appointmentRequests.municipalityId, ctx),
          ),
        )
        .groupBy(appointmentRequests.serviceUnitId);
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
      const unit = await myUnit(db, ctx, unitId);
      const types = await db
        .select()
        .from(appointmentTypes)
        .where(and(eq(appointmentTypes.serviceUnitId, unit.id), inMunicipality(appointmentTypes.municipalityId, ctx)))
        .orderBy(asc(appointmentTypes.name));
      return { types: types.map(typeView) };
    },

    async calendar(ctx: RequestContext, unitId: string, query: CalendarQuery): Promise<StaffCalendarResponse> {
      const unit = await myUnit(db, ctx, unitId);
      const now = clock.now();
      const date = query.date ?? osloDateOf(now);
      const view = query.view ?? 'day';
      const from = view === 'week' ? addCalendarDays(date, 1 - isoWeekday(date)) : date;
      const to = view === 'week' ? addCalendarDays(from, 6) : from;
      const start = startOfOsloDate(from);
      const end = startOfOsloDate(addCalendarDays(to, 1));
      await ensureSlots(db, { serviceUnitId: unit.id }, osloDateOf(now), to);
      const rows = await loadAppointments(
        db,
        and(
          eq(appointments.serviceUnitId, unit.id),
          inMunicipality(appointments.municipalityId, ctx),
          inWindow(start, end),
        ),
      );
      const free = await freeSlots(
        db,
        and(
          eq(appointmentSlots.serviceUnitId, unit.id),
          inMunicipality(appointmentSlots.municipalityId, ctx),
          gte(appointmentSlots.startsAt, start),
          lt(appointmentSlots.startsAt, end),
        ),
        now,
      );
      await auditListing(
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
          holiday: holidayName(d),
          appointments: views.filter((v) => v.localDate === d),
          freeSlots: free.map(slotView).filter((s) => s.localDate === d),
        });
      }
      return { unit: { id: unit.id, name: unit.name }, view, from, to, days };
    },

    async one(ctx: RequestContext, id: string): Promise<StaffAppointment> {
      const f = await oneForUnit(db, ctx, id);
      await recordAudit(db, ctx, citizenEntry('appointment.read', f.appointment));
      return staffView(f);
    },

    async create(ctx: RequestContext, unitId: string, body: StaffCreateAppointmentBody): Promise<StaffAppointment> {
      const actor = actorOf(ctx);
      const now = clock.now();
      const id = await auditedWrite(
        db,
        ctx,
        { action: 'appointment.create', resourceType: 'appointment', subjectPersonId: body.personId },
        async (tx) => {
          const unit = await myUnit(tx, ctx, unitId);
          const t = await typeOfUnit(tx, ctx, unit.id, body.typeId);
          const [person] = await tx.select({ id: persons.id }).from(persons).where(eq(persons.id, body.personId));
          if (!person) {
            throw new NotFoundError('Fant ikke personen.', 'person_not_found');
          }
          await assertStaffOfMunicipality(tx, ctx, body.staffPersonnelId);
          const at = await resolveTarget(tx, ctx, unit.id, t, body);
          const [created] = await tx
            .insert(appointments)
            .values({
              municipalityId: unit.municipalityId,
              serviceUnitId: unit.id,
              appointmentTypeId: t.id,
              personId: person.id,
              ...at,
              location: body.location ?? null,
              staffPersonnelId: body.staffPersonnelId ?? null,
              bookedByPersonnelId: actor.personnelId,
            })
            .onConflictDoNothing()
            .returning();
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
      return staffView((await loadAppointments(db, eq(appointments.id, id)))[0]!);
    },

    async move(ctx: RequestContext, id: string, body: MoveAppointmentBody): Promise<StaffAppointment> {
      const now = clock.now();
      const f = await oneForUnit(db, ctx, id);
      await auditedWrite(db, ctx, citizenEntry('appointment.move', f.appointment), async (tx) => {
        await assertStaffOfMunicipality(tx, ctx, body.staffPersonnelId);
        const at = await resolveTarget(tx, ctx, f.unit.id, f.type, body);
        const moved = await moveIn(tx, f.appointment, f.type, at);
        if (body.staffPersonnelId !== undefined) {
          await tx
            .update(appointments)
            .set({ staffPersonnelId: body.staffPersonnelId })
            .where(eq(appointments.id, moved.id));
        }
        return {
          result: moved.id,
          details: { from: f.appointment.startsAt.toISOString(), to: moved.startsAt.toISOString() },
          events: [appointmentEvent('appointment.moved', moved, now)],
        };
      });
      return staffView((await loadAppointments(db, eq(appointments.id, id)))[0]!);
    },

    async cancel(ctx: RequestContext, id: string, body: StaffCancelAppointmentBody): Promise<StaffAppointment> {
      const actor = actorOf(ctx);
      const now = clock.now();
      const f = await oneForUnit(db, ctx, id);
      await auditedWrite(
        db,
        ctx,
        citizenEntry('appointment.cancel', f.appointment, { reason: body.reason, by: 'unit' }),
        async (tx) => {
          const [done] = await tx
            .update(appointments)
            .set({
              status: 'cancelled',
              cancelledAt: now,
              cancelledBy: 'unit',
              cancelledByPersonnelId: actor.personnelId,
              cancellationReason: body.reason,
              cancellationComment: body.comment ?? null,
              updatedAt: now,
              version: sql`${appointments.version} + 1`,
            })
            .where(and(eq(appointments.id, id), eq(appointments.status, 'booked')))
            .returning();
          if (!done) {
            throw new ConflictError('Timeavtalen er ikke bestilt og kan ikke avlyses.', 'appointment_not_booked');
          }
          // An open request about a cancelled appointment has nothing left to decide.
          await tx
            .update(appointmentRequests)
            .set({ status: 'withdrawn', decidedAt: now })
            .where(and(eq(appointmentRequests.appointmentId, id), eq(appointmentRequests.status, 'pending')));
          await notifyCitizen(tx, done, 'appointment_changed', `appointment.cancelled:${id}`);
          return { result: id, events: [appointmentEvent('appointment.cancelled', done, now)] };
        },
      );
      return staffView((await loadAppointments(db, eq(appointments.id, id)))[0]!);
    },

    async outcome(ctx: RequestContext, id: string, body: SetAppointmentOutcomeBody): Promise<StaffAppointment> {
      const f = await oneForUnit(db, ctx, id);
      await auditedWrite(
        db,
        ctx,
        citizenEntry('appointment.outcome', f.appointment, { status: body.status }),
        async (tx) => {
          const [done] = await tx
            .update(appointments)
            .set({ status: body.status, updatedAt: clock.now() })
            .where(and(eq(appointments.id, id), inArray(appointments.status, ['booked', 'fulfilled', 'no_show'])))
            .returning({ id: appointments.id });
          if (!done) {
            throw new ConflictError('Timeavtalen er avlyst.', 'appointment_not_booked');
          }
          return { result: id };
        },
      );
      return staffView((await loadAppointments(db, eq(appointments.id, id)))[0]!);
    },

    /** Changes where the appointment is and who holds it, without moving it in time. */
    async update(
      ctx: RequestContext,
      id: string,
      body: { location?: string | null | undefined; staffPersonnelId?: string | null | undefined },
    ): Promise<StaffAppointment> {
      const f = await oneForUnit(db, ctx, id);
      await auditedWrite(db, ctx, citizenEntry('appointment.update', f.appointment), async (tx) => {
        await assertStaffOfMunicipality(tx, ctx, body.staffPersonnelId);
        await tx
          .update(appointments)
          .set({
            ...(body.location !== undefined ? { location: body.location } : {}),
            ...(body.staffPersonnelId !== undefined ? { staffPersonnelId: body.staffPersonnelId } : {}),
            updatedAt: clock.now(),
          })
          .where(eq(appointments.id, f.appointment.id));
        return { result: id };
      });
      return staffView((await loadAppointments(db, eq(appointments.id, id)))[0]!);
    },

    async recordVisit(ctx: RequestContext, id: string, body: RecordCompletedVisitBody): Promise<CompletedVisit> {
      const actor = actorOf(ctx);
      const now = clock.now();
      const f = await oneForUnit(db, ctx, id);
      const visitId = await auditedWrite(
        db,
        ctx,
        { ...citizenEntry('completed_visit.create', f.appointment), resourceType: 'completed_visit' },
        async (tx) => {
          const a = f.appointment;
          await assertStaffOfMunicipality(tx, ctx, body.staffPersonnelId);
          if (f.type.kind !== 'home_visit') {
            throw new RuleError('not_a_home_visit', 'Bare hjemmebesøk registreres som utførte besøk.');
          }
          if (a.status === 'cancelled' || a.status === 'no_show') {
            throw new ConflictError('Besøket er avlyst eller ikke gjennomført.', 'appointment_not_booked');
          }
          const performedAt = body.performedAt ? new Date(body.performedAt) : a.startsAt;
          const endedAt = body.endedAt ? new Date(body.endedAt) : null;
          if (performedAt.getTime() > now.getTime()) {
            throw new RuleError('time_in_past', 'Et besøk kan ikke registreres som utført før det har skjedd.');
          }
          if (endedAt && endedAt.getTime() < performedAt.getTime()) {
            throw new ValidationError('Slutt er før start.', [{ path: 'body.endedAt', message: 'before performedAt' }]);
          }
          const [visit] = await tx
            .insert(completedVisits)
            .values({
              municipalityId: a.municipalityId,
              serviceUnitId: a.serviceUnitId,
              appointmentId: a.id,
              personId: a.personId,
              performedAt,
              endedAt,
              whatWasDone: body.whatWasDone,
              staffPersonnelId:
                body.staffPersonnelId === undefined ? (a.staffPersonnelId ?? actor.personnelId) : body.staffPersonnelId,
              recordedByPersonnelId: actor.personnelId,
            })
            .onConflictDoNothing()
            .returning();
          if (!visit) {
            throw new ConflictError('Besøket er allerede registrert som utført.', 'visit_already_recorded');
          }
          await tx.update(appointments).set({ status: 'fulfilled', updatedAt: now }).where(eq(appointments.id, a.id));
          if (await wantsVisitNotice(tx, a.personId)) {
            await notifyCitizen(tx, a, 'visit_completed', `completed_visit:${visit.id}`, 'full');
          }
          return {
            result: visit.id,
            details: { visitId: visit.id },
            events: [appointmentEvent('completed_visit.created', a, now, { visitId: visit.id })],
          };
        },
      );
      const [visit] = await loadVisits(db, eq(completedVisits.id, visitId), false);
      return visit!;
    },

    async requests(ctx: RequestContext, unitId: string, status: RequestStatus | undefined) {
      const unit = await myUnit(db, ctx, unitId);
      const requests = await loadRequests(
        db,
        and(
          eq(appointmentRequests.serviceUnitId, unit.id),
          inMunicipality(appointmentRequests.municipalityId, ctx),
          status ? eq(appointmentRequests.status, status) : undefined,
        ),
      );
      const appts =
        requests.length > 0
          ? await loadAppointments(
              db,
              inArray(
                appointments.id,
                requests.map((r) => r.appointmentId),
              ),
            )
          : [];
      await auditListing(
        ctx,
        'appointment_request.list',
        unit.id,
        appts.map((a) => a.appointment.personId),
      );
      return {
        requests: requests.map((r) => ({
          ...r,
          appointment: staffView(appts.find((a) => a.appointment.id === r.appointmentId)!),
        })),
      };
    },

    async decide(ctx: RequestContext, requestId: string, body: DecideRequestBody): Promise<AppointmentRequest> {
      const actor = actorOf(ctx);
      const now = clock.now();
      const [request] = await db
        .select()
        .from(appointmentRequests)
        .where(and(eq(appointmentRequests.id, requestId), inMunicipality(appointmentRequests.municipalityId, ctx)));
      if (!request) {
        throw new NotFoundError('Fant ikke forespørselen.', 'request_not_found');
      }
      const f = await oneForUnit(db, ctx, request.appointmentId);
      const accept = body.decision === 'accept';
      const newTime = accept && request.kind === 'new_time';
      if (newTime && !body.slotId && !(body.localDate && body.localTime)) {
        throw new ValidationError('Velg den nye tiden.', [
          { path: 'body.slotId', message: 'give slotId, or localDate and localTime' },
        ]);
      }
      await auditedWrite(
        db,
        ctx,
        {
          ...citizenEntry('appointment_request.decide', f.appointment),
          details: { requestId, decision: body.decision },
        },
        async (tx) => {
          const [decided] = await tx
            .update(appointmentRequests)
            .set({
              status: accept ? 'accepted' : 'declined',
              decidedAt: now,
              decidedByPersonnelId: actor.personnelId,
              response: body.response ?? null,
            })
            .where(and(eq(appointmentRequests.id, requestId), eq(appointmentRequests.status, 'pending')))
            .returning();
          if (!decided) {
            throw new ConflictError('Forespørselen er allerede besvart.', 'request_already_decided');
          }
          const events = [appointmentEvent('appointment_request.decided', f.appointment, now, { requestId })];
          if (accept && request.kind === 'cancellation') {
            const [done] = await tx
              .update(appointments)
              .set({
                status: 'cancelled',
                cancelledAt: now,
                cancelledBy: request.requestedByPersonId === request.personId ? 'citizen' : 'representative',
                cancelledByPersonId: request.requestedByPersonId,
                cancellationReason: request.reason ?? 'citizen_request',
                cancellationComment: request.comment,
                updatedAt: now,
                version: sql`${appointments.version} + 1`,
              })
              .where(and(eq(appointments.id, request.appointmentId), eq(appointments.status, 'booked')))
              .returning();
            if (!done) {
              throw new ConflictError('Timeavtalen er ikke lenger bestilt.', 'appointment_not_booked');
            }
            events.push(appointmentEvent('appointment.cancelled', done, now));
          } else if (newTime) {
            const at = await resolveTarget(tx, ctx, f.unit.id, f.type, body);
            // One notice for the answer, not a second one for the move it contains.
            await moveIn(tx, f.appointment, f.type, at, false);
            events.push(appointmentEvent('appointment.moved', f.appointment, now));
          }
          await notifyCitizen(tx, f.appointment, 'appointment_request_answered', `appointment_request:${requestId}`);
          return { result: requestId, events };
        },
      );
      const [out] = await loadRequests(db, eq(appointmentRequests.id, requestId));
      return out!;
    },

    async staffNames(ctx: RequestContext, unitId: string, personId: string): Promise<StaffNamesSetting> {
      const unit = await myUnit(db, ctx, unitId);
      const [row] = await db
        .select()
        .from(appointmentStaffNameHidings)
        .where(
          and(
            eq(appointmentStaffNameHidings.serviceUnitId, unit.id),
            eq(appointmentStaffNameHidings.personId, personId),
            inMunicipality(appointmentStaffNameHidings.municipalityId, ctx),
          ),
        );
      return { serviceUnitId: unit.id, personId, hidden: Boolean(row) };
    },

    async setStaffNames(
      ctx: RequestContext,
      unitId: string,
      personId: string,
      hidden: boolean,
    ): Promise<StaffNamesSetting> {
      const actor = actorOf(ctx);
      return auditedWrite(
        db,
        ctx,
        {
          action: 'staff_names.set',
          resourceType: 'service_unit',
          resourceId: unitId,
          subjectPersonId: personId,
          details: { hidden },
        },
        async (tx) => {
          const unit = await myUnit(tx, ctx, unitId);
          const [person] = await tx.select({ id: persons.id }).from(persons).where(eq(persons.id, personId));
          if (!person) {
            throw new NotFoundError('Fant ikke personen.', 'person_not_found');
          }
          if (hidden) {
            await tx
              .insert(appointmentStaffNameHidings)
              .values({
                municipalityId: unit.municipalityId,
                serviceUnitId: unit.id,
                personId,
                hiddenByPersonnelId: actor.personnelId,
              })
              .onConflictDoNothing();
          } else {
            await tx
              .delete(appointmentStaffNameHidings)
              .where(
                and(
                  eq(appointmentStaffNameHidings.serviceUnitId, unit.id),
                  eq(appointmentStaffNameHidings.personId, personId),
                ),
              );
          }
          return { result: { serviceUnitId: unit.id, personId, hidden } };
        },
      );
    },
  };
}

export type StaffAppointmentsService = ReturnType<typeof createStaffAppointmentsService>;
