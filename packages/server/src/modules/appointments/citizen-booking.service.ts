import type {
  BookableTypesResponse,
  CancelAppointmentBody,
  CancelAppointmentResponse,
  CitizenAppointment,
  CitizenAppointmentsResponse,
  FreeSlotsQuery,
  FreeSlotsResponse,
} from '@helsebro/contracts';
import { auditedRead, recordAudit } from '../../platform/audit/audit.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { requireAction } from '../../platform/http/access.ts';
import { mayAct, type RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { addCalendarDays, osloDateOf, startOfOsloDate } from '../../platform/time/oslo-time.ts';
import { cancelRefused, RuleError, SlotTakenError } from './appointments.errors.ts';
import { calendarFile } from './calendar-file.ts';
import {
  appointmentsOfPerson,
  cancelBooked,
  pastAppointmentsOfPerson,
  insertAppointment,
  type TypeRow,
} from './appointments.repository.ts';
import { cancellability, citizenView, slotView, typeView, unitPhone } from './appointments.views.ts';
import { appointmentOfPrincipal, principalEntry, requireManage } from './citizen.shared.ts';
import { insertRequest } from './requests.repository.ts';
import { appointmentEvent, auditedWrite, scheduleReminder } from './shared.ts';
import { ensureSlots, freeSlotsOfType, lockSlot, slotForBooking, type SlotForBooking } from './slots.repository.ts';
import { bookableMunicipalities, selfBookableTypesIn, typeWithUnit } from './types.repository.ts';
import { activeServicesByMunicipality, requireServiceActive } from '../services/index.ts';

const MAX_SLOT_RANGE_DAYS = 62;
/** How far back the citizen's history of appointments goes. */
const HISTORY_DAYS = 183;
const addDays = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);

/**
 * Which kinds the caller may read for the principal: home visits with home_visits.read, the rest with
 * appointments.read; neither is refused.
 */
function readableKinds(ctx: RequestContext) {
  const all = mayAct(ctx, 'appointments.read');
  const visits = mayAct(ctx, 'home_visits.read');
  const who = requireAction(ctx, visits && !all ? 'home_visits.read' : 'appointments.read');
  return { who, all, visits };
}

/** A type the principal may book: in a municipality that serves them, self-bookable and active. */
function assertBookable(t: Pick<TypeRow, 'selfBookable' | 'active'>, inServedMunicipality: boolean): void {
  if (!inServedMunicipality) {
    throw new RuleError(
      'slot_other_municipality',
      'Denne timen hører til en kommune du ikke får tjenester fra. Velg en time i din kommune.',
    );
  }
  if (!t.selfBookable || !t.active) {
    throw new RuleError('type_not_self_bookable', 'Denne typen time kan ikke bestilles digitalt. Kontakt enheten.');
  }
}

/**
 * The citizen's appointments and booking (A5): the list and one appointment, the bookable types and their free
 * slots, booking a slot and cancelling — which becomes a request where the type needs the unit's acceptance.
 */
export function createCitizenBookingService(platform: Pick<Platform, 'db' | 'clock'>) {
  const { db, clock } = platform;

  /** One of the principal's appointments; `details` says in the audit entry how it was read (the calendar file). */
  async function one(ctx: RequestContext, id: string, details?: Record<string, unknown>): Promise<CitizenAppointment> {
    const { who, all, visits } = readableKinds(ctx);
    const f = await auditedRead(db, ctx, principalEntry('appointment.read', who.principalId, id, details), (q) =>
      appointmentOfPrincipal(q, id, who.principalId),
    );
    if ((f.type.kind === 'home_visit' && !visits) || (f.type.kind !== 'home_visit' && !all)) {
      throw new NotFoundError('Fant ikke timeavtalen.', 'appointment_not_found');
    }
    return citizenView(f, clock.now(), mayAct(ctx, 'appointments.manage'));
  }

  return {
    async list(ctx: RequestContext): Promise<CitizenAppointmentsResponse> {
      const { who, all, visits } = readableKinds(ctx);
      const now = clock.now();
      const mayManage = mayAct(ctx, 'appointments.manage');
      const kinds = all && visits ? 'all' : all ? 'other_than_home_visits' : 'home_visits';
      const today = startOfOsloDate(osloDateOf(now));
      const rows = await auditedRead(db, ctx, principalEntry('appointment.list', who.principalId), async (q) => {
        const found = await appointmentsOfPerson(q, who.principalId, today, kinds);
        const past = await pastAppointmentsOfPerson(q, who.principalId, addDays(today, -HISTORY_DAYS), today, kinds);
        // Only municipalities with "see future appointments" active (seed 000 §5.1); the others are left out.
        const active = await activeServicesByMunicipality(
          q,
          [...found, ...past].map((f) => f.appointment.municipalityId),
        );
        const shown = (f: (typeof found)[number]) => active.get(f.appointment.municipalityId)?.has('appointments.view');
        return { found: found.filter(shown), past: past.filter(shown).reverse() };
      });
      return {
        appointments: rows.found.map((f) => citizenView(f, now, mayManage)),
        history: rows.past.map((f) => citizenView(f, now, mayManage)),
        mayManage,
        mayReadHomeVisits: visits,
      };
    },

    one: (ctx: RequestContext, id: string) => one(ctx, id),

    /** The appointment as an iCalendar file (RFC 5545) with what its card shows; audited as a read of it. */
    async calendarFile(ctx: RequestContext, id: string): Promise<{ body: string; localDate: string }> {
      const view = await one(ctx, id, { format: 'text/calendar' });
      const where = view.location ?? (view.type.kind === 'home_visit' ? null : view.unit.name);
      const phone = view.unit.phone ? `${view.unit.name}: ${view.unit.phone}` : null;
      const body = calendarFile(
        {
          uid: `${view.id}@helsebro`,
          startsAt: new Date(view.startsAt),
          endsAt: new Date(view.endsAt),
          summary: `${view.type.name} – ${view.unit.name}`,
          location: where,
          description: phone,
          cancelled: view.status === 'cancelled',
        },
        clock.now(),
      );
      return { body, localDate: view.localDate };
    },

    async bookableTypes(ctx: RequestContext): Promise<BookableTypesResponse> {
      const { principalId } = requireAction(ctx, 'appointments.read');
      const all = await bookableMunicipalities(db, principalId, osloDateOf(clock.now()));
      const active = await activeServicesByMunicipality(db, all);
      const munis = all.filter((m) => active.get(m)?.has('appointments.book'));
      if (munis.length === 0) {
        return { types: [] };
      }
      const rows = await selfBookableTypesIn(db, munis);
      return { types: rows.map((r) => ({ ...typeView(r.t), unit: unitPhone(r.u), municipality: r.m })) };
    },

    async freeSlots(ctx: RequestContext, query: FreeSlotsQuery): Promise<FreeSlotsResponse> {
      const { principalId } = requireAction(ctx, 'appointments.read');
      const now = clock.now();
      const today = osloDateOf(now);
      const from = query.from && query.from > today ? query.from : today;
      const to = query.to ?? addCalendarDays(from, 28);
      if (to < from || to > addCalendarDays(from, MAX_SLOT_RANGE_DAYS)) {
        throw new ValidationError(`Velg en periode på høyst ${MAX_SLOT_RANGE_DAYS} dager.`, [
          { path: 'querystring.to', message: 'invalid range' },
        ]);
      }
      const row = await typeWithUnit(db, query.typeId);
      if (!row) {
        throw new NotFoundError('Fant ikke timetypen.', 'appointment_type_not_found');
      }
      assertBookable(row.t, (await bookableMunicipalities(db, principalId, today)).includes(row.t.municipalityId));
      await requireServiceActive(db, row.t.municipalityId, 'appointments.book');
      await ensureSlots(db, { appointmentTypeId: row.t.id }, today, to);
      const slots = await freeSlotsOfType(
        db,
        row.t.id,
        startOfOsloDate(from),
        startOfOsloDate(addCalendarDays(to, 1)),
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
      const who = requireManage(ctx);
      const now = clock.now();
      const audit = principalEntry('appointment.book', who.principalId, undefined, { slotId });
      // Checked before the transaction: most refusals (a slot already taken, in the past, of another
      // municipality) cost one query and no BEGIN/ROLLBACK.
      let row: SlotForBooking;
      try {
        const found = await slotForBooking(db, slotId, who.principalId, osloDateOf(now));
        if (!found) {
          throw new NotFoundError('Fant ikke timen.', 'slot_not_found');
        }
        assertBookable(found.t, found.allowed);
        await requireServiceActive(db, found.s.municipalityId, 'appointments.book');
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
        const inserted = await insertAppointment(tx, {
          municipalityId: row.s.municipalityId,
          serviceUnitId: row.s.serviceUnitId,
          appointmentTypeId: row.s.appointmentTypeId,
          personId: who.principalId,
          slotId: row.s.id,
          startsAt: row.s.startsAt,
          endsAt: row.s.endsAt,
          selfBooked: true,
          bookedByPersonId: who.actorId,
        });
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
      // Everything the answer shows is known here: a new booking has no staff, request or visit yet; it is shown
      // unpaused, and the next read derives `paused` from a hospital stay.
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
          paused: false,
          visit: null,
        },
        now,
        true,
      );
    },

    async cancel(ctx: RequestContext, id: string, body: CancelAppointmentBody): Promise<CancelAppointmentResponse> {
      const mayManage = mayAct(ctx, 'appointments.manage');
      // Without the right to manage, the appointment's own state still decides what the refusal says.
      const who = mayManage ? requireManage(ctx) : requireAction(ctx, 'appointments.read');
      const now = clock.now();
      const reason = body.reason ?? 'citizen_request';
      const comment = body.comment ?? null;
      const outcome = await auditedWrite(
        db,
        ctx,
        principalEntry('appointment.cancel', who.principalId, id, { reason }),
        async (tx) => {
          const f = await appointmentOfPrincipal(tx, id, who.principalId);
          await requireServiceActive(tx, f.appointment.municipalityId, 'appointments.cancel');
          const c = cancellability(f, now, mayManage);
          const refused = (r: NonNullable<typeof c.reason>, withDeadline: boolean) =>
            cancelRefused({
              reason: r,
              cancelDeadline: withDeadline ? (c.deadline?.until.toISOString() ?? null) : null,
              cancelByDate: withDeadline ? (c.deadline?.lastDate ?? null) : null,
              unit: unitPhone(f.unit),
            });
          if (!c.cancellable) {
            throw refused(c.reason!, true);
          }
          const a = f.appointment;
          if (f.type.cancellationNeedsAcceptance) {
            const request = await insertRequest(tx, {
              municipalityId: a.municipalityId,
              serviceUnitId: a.serviceUnitId,
              appointmentId: a.id,
              personId: who.principalId,
              kind: 'cancellation',
              reason,
              comment,
              requestedByPersonId: who.actorId,
            });
            if (!request) {
              throw refused('request_pending', true);
            }
            return {
              result: 'requested' as const,
              details: { outcome: 'requested', requestId: request.id },
              events: [appointmentEvent('appointment_request.created', a, now, { requestId: request.id })],
            };
          }
          // Conditional: only a booked appointment becomes cancelled, whoever gets there first.
          const done = await cancelBooked(tx, a.id, {
            cancelledAt: now,
            cancelledBy: who.representative ? 'representative' : 'citizen',
            cancelledByPersonId: who.actorId,
            cancellationReason: reason,
            cancellationComment: comment,
          });
          if (!done) {
            throw refused('not_booked', false);
          }
          return {
            result: 'cancelled' as const,
            details: { outcome: 'cancelled' },
            events: [appointmentEvent('appointment.cancelled', a, now)],
          };
        },
      );
      return {
        outcome,
        appointment: citizenView(await appointmentOfPrincipal(db, id, who.principalId), now, mayManage),
      };
    },
  };
}
