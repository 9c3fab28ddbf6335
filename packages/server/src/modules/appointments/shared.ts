import type { NotificationLevel } from '@helsebro/contracts';
import { z } from 'zod';
import { recordAudit, type AuditEntry } from '../../platform/audit/audit.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import { enqueue } from '../../platform/jobs/index.ts';
import { recordEpjEvent, type EpjEventInput } from '../epj/index.ts';
import { queueNotice, type TemplateName } from '../notifications/index.ts';
import type { AppointmentRow, TypeRow } from './appointments.repository.ts';

declare module '../epj/events.ts' {
  interface EpjEventKinds {
    /** A citizen (or a proxy) booked a slot, or the unit created an appointment. refs: appointmentId, slotId? */
    'appointment.booked': true;
    /** An appointment was cancelled (by the citizen side or the unit). refs: appointmentId. */
    'appointment.cancelled': true;
    /** The unit moved an appointment to another time. refs: appointmentId. */
    'appointment.moved': true;
    /** A citizen asked to cancel (needing acceptance) or for a new time. refs: appointmentId, requestId. */
    'appointment_request.created': true;
    /** The unit accepted or declined a request. refs: appointmentId, requestId. */
    'appointment_request.decided': true;
    /** A home visit was recorded as carried out. refs: appointmentId, visitId. */
    'completed_visit.created': true;
  }
}

/** The outbox job that reminds the citizen before an appointment. */
export const REMIND_JOB = 'appointments.remind';
/** What a reminder carries: the appointment and the version it was queued for. */
export const remindPayload = z.object({ appointmentId: z.uuid(), version: z.number().int() });

/**
 * Runs a write in one transaction with its audit entry and, last, its EPJ feed events (the feed writer takes a
 * per-municipality lock, so it goes last to hold it briefly). A refused or failed write is audited as `denied` or
 * `error` in a transaction of its own, since the failed one rolls back — the way `audited` does.
 * @param db - the database
 * @param ctx - the caller
 * @param entry - the audit entry
 * @param fn - the write; returns its result, the feed events it causes, and ids for the entry it learnt
 */
export async function auditedWrite<T>(
  db: Db,
  ctx: RequestContext,
  entry: AuditEntry,
  fn: (
    tx: Tx,
  ) => Promise<{ result: T; events?: EpjEventInput[]; resourceId?: string; details?: Record<string, unknown> }>,
): Promise<T> {
  try {
    return await db.transaction(async (tx) => {
      const { result, events, resourceId, details } = await fn(tx);
      await recordAudit(
        tx,
        ctx,
        {
          ...entry,
          ...(resourceId ? { resourceId } : {}),
          ...(details ? { details: { ...entry.details, ...details } } : {}),
        },
        'success',
      );
      for (const e of events ?? []) {
        await recordEpjEvent(tx, e);
      }
      return result;
    });
  } catch (err) {
    await recordAudit(db, ctx, entry, err instanceof ForbiddenError ? 'denied' : 'error');
    throw err;
  }
}

/** A feed event about an appointment; refs carry ids only. */
export function appointmentEvent(
  kind: EpjEventInput['kind'],
  a: Pick<AppointmentRow, 'id' | 'municipalityId' | 'serviceUnitId' | 'personId'>,
  occurredAt: Date,
  refs: Record<string, string> = {},
): EpjEventInput {
  return {
    municipalityId: a.municipalityId,
    serviceUnitId: a.serviceUnitId,
    personId: a.personId,
    kind,
    refs: { appointmentId: a.id, ...refs },
    occurredAt,
  };
}

/**
 * Queues a notice about an appointment to its citizen (and those who read for them) in the caller's transaction.
 * Every level is told unless the event needs more (a completed visit: full). The notice text says only that
 * something is waiting (notifications/templates.ts), never the unit, the type or the time.
 */
export async function notifyCitizen(
  tx: Tx,
  a: Pick<AppointmentRow, 'personId' | 'municipalityId'>,
  template: TemplateName,
  eventKey: string,
  minLevel: NotificationLevel = 'limited',
): Promise<void> {
  await queueNotice(tx, { personId: a.personId, municipalityId: a.municipalityId, template, eventKey, minLevel });
}

/**
 * Queues the reminder for an appointment at its type's lead time. The job carries the appointment's version, so a
 * reminder queued before a move or a cancellation finds it changed and does nothing.
 */
export async function scheduleReminder(
  tx: Tx,
  a: Pick<AppointmentRow, 'id' | 'municipalityId' | 'startsAt' | 'version'>,
  type: Pick<TypeRow, 'reminderLeadHours'>,
  now: Date,
): Promise<void> {
  if (type.reminderLeadHours === null) {
    return;
  }
  const runAt = new Date(a.startsAt.getTime() - type.reminderLeadHours * 3_600_000);
  if (a.startsAt.getTime() <= now.getTime()) {
    return;
  }
  const payload: z.infer<typeof remindPayload> = { appointmentId: a.id, version: a.version };
  await enqueue(tx, {
    kind: REMIND_JOB,
    payload,
    municipalityId: a.municipalityId,
    // Booked inside the lead time: remind at once.
    runAt: runAt.getTime() > now.getTime() ? runAt : now,
  });
}
