import type { AuditAction } from '@helsebro/contracts';
import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  type AppointmentRequest,
  type BookableTypesResponse,
  type CancelAppointmentBody,
  type CancelAppointmentResponse,
  type CitizenAppointment,
  type CitizenAppointmentsResponse,
  type CompletedVisitsResponse,
  type FreeSlotsQuery,
  type FreeSlotsResponse,
  type NewTimeRequestBody,
  type NotCancellableReason,
  type VisitNoticePreference,
} from '@helsebro/contracts';
import { and, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import { auditedRead, recordAudit } from '../../platform/audit/audit.ts';
import type { Queryable } from '../../platform/db/client.ts';
import {
  appointmentRequests,
  appointments,
  appointmentSlots,
  appointmentTypes,
  completedVisits,
  homeVisitNoticeOptins,
  municipalities,
  notificationPreferences,
  serviceUnits,
} from '../../platform/db/schema.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { mayAct, type RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { addCalendarDays, osloDateOf, startOfOsloDate, toOslo } from '../../platform/time/oslo-time.ts';
import { cancelDeadline } from '../../platform/time/working-days.ts';
import { cancelRefused, RuleError, SlotTakenError } from './appointments.errors.ts';
import {
  bookableMunicipalities,
  cancellationOf,
  freeSlots,
  loadAppointments,
  loadRequests,
  loadVisits,
  lockSlot,
  slotForBooking,
  slotView,
  typeView,
  unitPhone,
  type AppointmentFull,
} from './appointments.repository.ts';
import { appointmentEvent, auditedWrite, scheduleReminder } from './shared.ts';
import { ensureSlots } from './slots.ts';

const MAX_SLOT_RANGE_DAYS = 62;

type Principal = { principalId: string; actorId: string; representative: boolean };

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
  const start = toOslo(a.startsAt);
  const c = cancellability(f, now, mayManage);
  return {
    id: a.id,
    citizen: { personId: a.personId, displayName: f.citizenName },
    type: { id: f.type.id, name: f.type.name, kind: f.type.kind },
    unit: unitPhone(f.unit),
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    localDate: start.date,
    localTime: start.time,
    localEndTime: toOslo(a.endsAt).time,
    status: a.status,
    location: a.location,
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

/**
 * The citizen side of appointments (A5) and completed home visits (A6). Every call acts for the principal the
 * session acts for, with the rights the representation engine decided on this request (as the dialog does).
 */
export function createCitizenAppointmentsService(platform: Pick<Platform, 'db' | 'clock'>) {
  const { db, clock } = platform;

  const principal = (ctx: RequestContext, action: 'appointments.read' | 'appointments.manage' | 'home_visits.read') => {
    if (!mayAct(ctx, action)) {
      throw new ForbiddenError(
        action === 'appointments.manage'
          ? 'Du kan se timeavtalene, men ikke bestille eller endre dem for denne personen.'
          : 'Du har ikke tilgang til timeavtaler for denne personen. Det krever tjenesteområdet «Digitale helsetjenester».',
        'service_area_not_granted',
      );
    }
    const actorId = ctx.actor.kind === 'citizen' ? ctx.actor.personId : '';
    const principalId = ctx.actingForPersonId ?? '';
    return { principalId, actorId, representative: actorId !== principalId } satisfies Principal;
  };

  /** Which kinds the caller may read for the principal: home visits with home_visits.read, the rest with appointments.read. */
  const readableKinds = (ctx: RequestContext) => {
    const all = mayAct(ctx, 'appointments.read');
    const visits = mayAct(ctx, 'home_visits.read');
    if (!all && !visits) {
      principal(ctx, 'appointments.read');
    }
    return { all, visits };
  };

  const oneForCitizen = async (q: Queryable, id: string, principalId: string) => {
    const [f] = await loadAppointments(q, and(eq(appointments.id, id), eq(appointments.personId, principalId)));
    if (!f) {
      throw new NotFoundError('Fant ikke timeavtalen.', 'appointment_not_found');
    }
    return f;
  };

  const entry = (action: AuditAction, subject: string, id?: string, details?: Record<string, unknown>) => ({
    action,
    resourceType: 'appointment',
    resourceId: id ?? null,
    subjectPersonId: subject,
    ...(details ? { details } : {}),
  });

  return {
    async list(ctx: RequestContext): Promise<CitizenAppointmentsResponse> {
      const { all, visits } = readableKinds(ctx);
      const principalId = ctx.actingForPersonId ?? '';
      const now = clock.now();
      const mayManage = mayAct(ctx, 'appointments.manage');
      const rows = await auditedRead(db, ctx, entry('appointment.list', principalId), (q) =>
        loadAppointments(
          q,
          and(
            eq(appointments.personId, principalId),
            gte(appointments.endsAt, startOfOsloDate(osloDateOf(now))),
            inArray(appointments.status, ['booked', 'cancelled']),
            all && visits
              ? undefined
              : all
                ? ne(appointmentTypes.kind, 'home_visit')
                : eq(appointmentTypes.kind, 'home_visit'),
          ),
        ),
      );
      return {
        appointments: rows.map((f) => citizenView(f, now, mayManage)),
        mayManage,
        mayReadHomeVisits: visits,
      };
    },

    async one(ctx: RequestContext, id: string): Promise<CitizenAppointment> {
      const { all, visits } = readableKinds(ctx);
      const principalId = ctx.actingForPersonId ?? '';
      const f = await auditedRead(db, ctx, entry('appointment.read', principalId, id), (q) =>
        oneForCitizen(q, id, principalId),
      );
      if ((f.type.kind === 'home_visit' && !visits) || (f.type.kind !== 'home_visit' && !all)) {
        throw new NotFoundError('Fant ikke timeavtalen.', 'appointment_not_found');
      }
      return citizenView(f, clock.now(), mayAct(ctx, 'appointments.manage'));
    },

    async bookableTypes(ctx: RequestContext): Promise<BookableTypesResponse> {
      const { principalId } = principal(ctx, 'appointments.read');
      const today = osloDateOf(clock.now());
      const munis = await bookableMunicipalities(db, principalId, today);
      if (munis.length === 0) {
        return { types: [] };
      }
      const rows = await db
        .select({ t: appointmentTypes, u: serviceUnits, m: { id: municipalities.id, name: municipalities.name } })
        .from(appointmentTypes)
        .innerJoin(serviceUnits, eq(serviceUnits.id, appointmentTypes.serviceUnitId))
        .innerJoin(municipalities, eq(municipalities.id, appointmentTypes.municipalityId))
        .where(
          and(
            inArray(appointmentTypes.municipalityId, munis),
            eq(appointmentTypes.selfBookable, true),
            eq(appointmentTypes.active, true),
          ),
        )
        .orderBy(serviceUnits.name, appointmentTypes.name);
      return { types: rows.map((r) => ({ ...typeView(r.t), unit: unitPhone(r.u), municipality: r.m })) };
    },

    async freeSlots(ctx: RequestContext, query: FreeSlotsQuery): Promise<FreeSlotsResponse> {
      const { principalId } = principal(ctx, 'appointments.read');
      const now = clock.now();
      const today = osloDateOf(now);
      const from = query.from && query.from > today ? query.from : today;
      const to = query.to ?? addCalendarDays(from, 28);
      if (to < from || to > addCalendarDays(from, MAX_SLOT_RANGE_DAYS)) {
        throw new ValidationError(`Velg en periode på høyst ${MAX_SLOT_RANGE_DAYS} dager.`, [
          { path: 'querystring.to', message: 'invalid range' },
        ]);
      }
      const [row] = await db
        .select({ t: appointmentTypes, u: serviceUnits })
        .from(appointmentTypes)
        .innerJoin(serviceUnits, eq(serviceUnits.id, appointmentTypes.serviceUnitId))
        .where(eq(appointmentTypes.id, query.typeId));
      if (!row) {
        throw new NotFoundError('Fant ikke timetypen.', 'appointment_type_not_found');
      }
      await checkBookable(row.t, principalId, today);
      await ensureSlots(db, { appointmentTypeId: row.t.id }, today, to);
      const slots = await freeSlots(
        db,
        and(
          eq(appointmentSlots.appointmentTypeId, row.t.id),
          gte(appointmentSlots.startsAt, startOfOsloDate(from)),
          lt(appointmentSlots.startsAt, startOfOsloDate(addCalendarDays(to, 1))),
        ),
        now,
      );
      return {
        type: { id: row.t.id, name: row.t.name, kind: row.t.kind },
        unit: unitPhone(row.u),
        from,
        to,
        slots: slots.map(slotView),
      };
    },

    async book(ctx: RequestContext, slotId: string): Promise<CitizenAppointment> {
      const who = principal(ctx, 'appointments.manage');
      const now = clock.now();
      const audit = entry('appointment.book', who.principalId, undefined, { slotId });
      // Checked before the transaction: most refusals (a slot already taken, in the past, of another
      // municipality) cost one query and no BEGIN/ROLLBACK.
      let row: NonNullable<Awaited<ReturnType<typeof slotForBooking>>>;
      try {
        const found = await slotForBooking(db, slotId, who.principalId, osloDateOf(now));
        if (!found) {
          throw new NotFoundError('Fant ikke timen.', 'slot_not_found');
        }
        if (!found.allowed) {
          throw new RuleError(
            'slot_other_municipality',
            'Denne timen hører til en kommune du ikke får tjenester fra. Velg en time i din kommune.',
          );
        }
        if (!found.t.selfBookable || !found.t.active) {
          throw new RuleError(
            'type_not_self_bookable',
            'Denne typen time kan ikke bestilles digitalt. Kontakt enheten.',
          );
        }
        if (found.s.startsAt.getTime() <= now.getTime()) {
          throw new RuleError('slot_in_past', 'Timen har allerede vært. Velg en ledig time fram i tid.');
        }
        if (found.taken) {
          throw new SlotTakenError();
        }
        row = found;
      } catch (err) {
        await recordAudit(db, ctx, audit, 'error');
        throw err;
      }
      const created = await auditedWrite(db, ctx, audit, async (tx) => {
        if (!(await lockSlot(tx, row.s.id))) {
          throw new SlotTakenError();
        }
        // The partial unique index on appointments(slot_id) decides who gets the slot, whatever else writes it.
        const [inserted] = await tx
          .insert(appointments)
          .values({
            municipalityId: row.s.municipalityId,
            serviceUnitId: row.s.serviceUnitId,
            appointmentTypeId: row.s.appointmentTypeId,
            personId: who.principalId,
            slotId: row.s.id,
            startsAt: row.s.startsAt,
            endsAt: row.s.endsAt,
            selfBooked: true,
            bookedByPersonId: who.actorId,
          })
          .onConflictDoNothing()
          .returning();
        if (!inserted) {
          throw new SlotTakenError();
        }
        await scheduleReminder(tx, inserted, row.t, now);
        return {
          result: inserted,
          resourceId: inserted.id,
          events: [appointmentEvent('appointment.booked', inserted, now, { slotId: row.s.id })],
        };
      });
      // Everything the answer shows is known here: a new booking has no staff, request or visit yet.
      return citizenView(
        {
          appointment: created,
          type: row.t,
          unit: row.u,
          citizenName: row.citizenName,
          staffName: null,
          staffNamesHidden: false,
          pendingRequest: null,
          latestAnswer: null,
          visit: null,
        },
        now,
        true,
      );
    },

    async cancel(ctx: RequestContext, id: string, body: CancelAppointmentBody): Promise<CancelAppointmentResponse> {
      const mayManage = mayAct(ctx, 'appointments.manage');
      const { principalId } = mayManage ? principal(ctx, 'appointments.manage') : principal(ctx, 'appointments.read');
      const actorId = ctx.actor.kind === 'citizen' ? ctx.actor.personId : '';
      const now = clock.now();
      const reason = body.reason ?? 'citizen_request';
      const comment = body.comment ?? null;
      const outcome = await auditedWrite(
        db,
        ctx,
        entry('appointment.cancel', principalId, id, { reason }),
        async (tx) => {
          const f = await oneForCitizen(tx, id, principalId);
          const c = cancellability(f, now, mayManage);
          if (!c.cancellable) {
            throw cancelRefused({
              reason: c.reason!,
              cancelDeadline: c.deadline?.until.toISOString() ?? null,
              cancelByDate: c.deadline?.lastDate ?? null,
              unit: unitPhone(f.unit),
            });
          }
          const a = f.appointment;
          if (f.type.cancellationNeedsAcceptance) {
            const [request] = await tx
              .insert(appointmentRequests)
              .values({
                municipalityId: a.municipalityId,
                serviceUnitId: a.serviceUnitId,
                appointmentId: a.id,
                personId: principalId,
                kind: 'cancellation',
                reason,
                comment,
                requestedByPersonId: actorId,
              })
              .onConflictDoNothing()
              .returning();
            if (!request) {
              throw cancelRefused({
                reason: 'request_pending',
                cancelDeadline: c.deadline?.until.toISOString() ?? null,
                cancelByDate: c.deadline?.lastDate ?? null,
                unit: unitPhone(f.unit),
              });
            }
            return {
              result: 'requested' as const,
              details: { outcome: 'requested', requestId: request.id },
              events: [appointmentEvent('appointment_request.created', a, now, { requestId: request.id })],
            };
          }
          // Conditional: only a booked appointment becomes cancelled, whoever gets there first.
          const [done] = await tx
            .update(appointments)
            .set({
              status: 'cancelled',
              cancelledAt: now,
              cancelledBy: actorId === principalId ? 'citizen' : 'representative',
              cancelledByPersonId: actorId,
              cancellationReason: reason,
              cancellationComment: comment,
              updatedAt: now,
              version: sql`${appointments.version} + 1`,
            })
            .where(and(eq(appointments.id, a.id), eq(appointments.status, 'booked')))
            .returning({ id: appointments.id });
          if (!done) {
            throw cancelRefused({
              reason: 'not_booked',
              cancelDeadline: null,
              cancelByDate: null,
              unit: unitPhone(f.unit),
            });
          }
          return {
            result: 'cancelled' as const,
            details: { outcome: 'cancelled' },
            events: [appointmentEvent('appointment.cancelled', a, now)],
          };
        },
      );
      return { outcome, appointment: citizenView(await oneForCitizen(db, id, principalId), now, mayManage) };
    },

    async requestNewTime(ctx: RequestContext, id: string, body: NewTimeRequestBody): Promise<AppointmentRequest> {
      const who = principal(ctx, 'appointments.manage');
      const now = clock.now();
      const requestId = await auditedWrite(
        db,
        ctx,
        entry('appointment.new_time_request', who.principalId, id),
        async (tx) => {
          const f = await oneForCitizen(tx, id, who.principalId);
          const a = f.appointment;
          if (a.status !== 'booked' || a.startsAt.getTime() <= now.getTime()) {
            throw new RuleError('appointment_not_booked', 'Du kan bare be om ny time for en bestilt time fram i tid.');
          }
          const [request] = await tx
            .insert(appointmentRequests)
            .values({
              municipalityId: a.municipalityId,
              serviceUnitId: a.serviceUnitId,
              appointmentId: a.id,
              personId: who.principalId,
              kind: 'new_time',
              comment: body.comment,
              requestedByPersonId: who.actorId,
            })
            .onConflictDoNothing()
            .returning();
          if (!request) {
            throw cancelRefused({
              reason: 'request_pending',
              cancelDeadline: null,
              cancelByDate: null,
              unit: unitPhone(f.unit),
            });
          }
          return {
            result: request.id,
            details: { requestId: request.id },
            events: [appointmentEvent('appointment_request.created', a, now, { requestId: request.id })],
          };
        },
      );
      const [request] = await loadRequests(db, eq(appointmentRequests.id, requestId));
      return request!;
    },

    async completedVisits(
      ctx: RequestContext,
      query: { from?: string; to?: string },
    ): Promise<CompletedVisitsResponse> {
      const { principalId } = principal(ctx, 'home_visits.read');
      const visits = await auditedRead(
        db,
        ctx,
        { action: 'completed_visit.list', resourceType: 'completed_visit', subjectPersonId: principalId },
        (q) =>
          loadVisits(
            q,
            and(
              eq(completedVisits.personId, principalId),
              query.from ? gte(completedVisits.performedAt, startOfOsloDate(query.from)) : undefined,
              query.to ? lt(completedVisits.performedAt, startOfOsloDate(addCalendarDays(query.to, 1))) : undefined,
            ),
            true,
          ),
      );
      return { visits };
    },

    async visitNotices(ctx: RequestContext): Promise<VisitNoticePreference> {
      const personId = selfOnly(ctx);
      return auditedRead(
        db,
        ctx,
        { action: 'visit_notice_preference.read', resourceType: 'person', subjectPersonId: personId },
        (q) => noticePreference(q, personId),
      );
    },

    async setVisitNotices(ctx: RequestContext, optIn: boolean): Promise<VisitNoticePreference> {
      const personId = selfOnly(ctx);
      return auditedWrite(
        db,
        ctx,
        {
          action: 'visit_notice_preference.update',
          resourceType: 'person',
          subjectPersonId: personId,
          details: { optIn },
        },
        async (tx) => {
          const current = await noticePreference(tx, personId);
          if (optIn && !current.available) {
            throw new RuleError(
              'notice_level_not_full',
              'Varsel om utførte besøk krever varslingsnivå «Full». Endre varslingsnivået først.',
            );
          }
          if (optIn) {
            await tx.insert(homeVisitNoticeOptins).values({ personId }).onConflictDoNothing();
          } else {
            await tx.delete(homeVisitNoticeOptins).where(eq(homeVisitNoticeOptins.personId, personId));
          }
          return { result: { ...current, optIn } };
        },
      );
    },
  };

  /** A type the principal may book: self-bookable, active, in a municipality that serves them. */
  async function checkBookable(
    t: typeof appointmentTypes.$inferSelect,
    principalId: string,
    today: string,
    q: Queryable = db,
  ): Promise<void> {
    const munis = await bookableMunicipalities(q, principalId, today);
    if (!munis.includes(t.municipalityId)) {
      throw new RuleError(
        'slot_other_municipality',
        'Denne timen hører til en kommune du ikke får tjenester fra. Velg en time i din kommune.',
      );
    }
    if (!t.selfBookable || !t.active) {
      throw new RuleError('type_not_self_bookable', 'Denne typen time kan ikke bestilles digitalt. Kontakt enheten.');
    }
  }
}

/** The opt-in to visit notices is the person's own choice, like their notification preferences. */
function selfOnly(ctx: RequestContext): string {
  const personId = ctx.actor.kind === 'citizen' ? ctx.actor.personId : '';
  if (!personId || ctx.actingForPersonId !== personId) {
    throw new ForbiddenError(
      'Varsel om utførte besøk velger du for deg selv. Bytt til deg selv først.',
      'proxy_cannot_manage_preferences',
    );
  }
  return personId;
}

async function noticePreference(q: Queryable, personId: string): Promise<VisitNoticePreference> {
  const [prefs] = await q.select().from(notificationPreferences).where(eq(notificationPreferences.personId, personId));
  const [opt] = await q.select().from(homeVisitNoticeOptins).where(eq(homeVisitNoticeOptins.personId, personId));
  const level = prefs?.level ?? DEFAULT_NOTIFICATION_PREFERENCES.level;
  return {
    optIn: Boolean(opt) && level === 'full',
    level,
    channel: prefs?.channel ?? DEFAULT_NOTIFICATION_PREFERENCES.channel,
    available: level === 'full',
  };
}

/** Whether a person opted in to completed-visit notices (and still has level full). */
export async function wantsVisitNotice(q: Queryable, personId: string): Promise<boolean> {
  return (await noticePreference(q, personId)).optIn;
}
