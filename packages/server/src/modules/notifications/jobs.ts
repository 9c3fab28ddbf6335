import { notificationLevel, type NotificationLevel } from '@helsebro/contracts';
import { z } from 'zod';
import type { Queryable } from '../../platform/db/client.ts';
import { enqueue } from '../../platform/jobs/index.ts';
import { claimNotice } from './notifications.repository.ts';
import { TEMPLATES, type TemplateName } from './templates.ts';

/**
 * The notifications module's outbox jobs: their kinds and payloads live here only, and other modules queue them
 * through the typed functions below (exported by index.ts), never with a job name of their own.
 */

export const DISPATCH_JOB = 'notifications.dispatch';
export const SEND_JOB = 'notifications.send';
/** A citizen wrote to a unit: e-mail the unit's functional address if the unit asked for it (A7, staff alerts). */
export const UNIT_ALERT_JOB = 'notifications.unit_alert';
/** A notice that keeps failing is dead after this many attempts and shows in the operator's job list. */
export const SEND_MAX_ATTEMPTS = 6;

export const dispatchPayload = z.object({
  eventKey: z.string().min(1),
  personId: z.uuid(),
  template: z.enum(Object.keys(TEMPLATES) as [TemplateName]),
  minLevel: notificationLevel,
});
export const sendPayload = z.object({ noticeId: z.number().int() });
export const unitAlertPayload = z.object({ eventKey: z.string().min(1), serviceUnitId: z.uuid() });

/** A notice to a citizen (and whoever reads for them) about an event. */
export type CitizenNotice = {
  /** The citizen the event is about: the principal, not a representative. */
  personId: string;
  /** The municipality the event happened in (the job's tenant). */
  municipalityId: string | null;
  /** The text: it says only that something is waiting (templates.ts), never a unit, a type, a time or a name. */
  template: TemplateName;
  /** Claimed once per (event, person), so a repeated queue sends nothing twice. */
  eventKey: string;
  /** The lowest notification level a reader must have chosen to be told. */
  minLevel: NotificationLevel;
};

/**
 * Queues a notice to a citizen in the caller's transaction, so it exists exactly when the event committed. The
 * dispatcher decides later who reads for the citizen, whose level covers it, and where to send it.
 * @param q - the caller's open transaction
 * @param notice - whom, which template, the event's key and the lowest level told
 */
export async function queueNotice(q: Queryable, notice: CitizenNotice): Promise<void> {
  const payload: z.infer<typeof dispatchPayload> = {
    eventKey: notice.eventKey,
    personId: notice.personId,
    template: notice.template,
    minLevel: notice.minLevel,
  };
  await enqueue(q, { kind: DISPATCH_JOB, payload, municipalityId: notice.municipalityId });
}

/**
 * Queues an e-mail to a unit's functional address about an event (a citizen's new message), in the caller's
 * transaction. The handler reads whether the unit wants it, so this costs one job row and no read here.
 * @param q - the caller's open transaction
 * @param alert - the unit, its municipality and the event's key
 */
export async function queueUnitAlert(
  q: Queryable,
  alert: { serviceUnitId: string; municipalityId: string; eventKey: string },
): Promise<void> {
  const payload: z.infer<typeof unitAlertPayload> = { eventKey: alert.eventKey, serviceUnitId: alert.serviceUnitId };
  await enqueue(q, { kind: UNIT_ALERT_JOB, payload, municipalityId: alert.municipalityId });
}

/** Queues the sending of one claimed notice. */
export async function queueSend(q: Queryable, noticeId: number, municipalityId: string | null): Promise<void> {
  const payload: z.infer<typeof sendPayload> = { noticeId };
  await enqueue(q, { kind: SEND_JOB, payload, municipalityId, maxAttempts: SEND_MAX_ATTEMPTS });
}

/**
 * Queues the notice of a letter (issue 13) to one reader on the channel the letter's decision chose, in the
 * caller's transaction: claimed once per (letter, person), then sent by `notifications.send`, which looks the
 * address up in KRR again. The text names only the sending municipality (template `letter_received`).
 * @param q - the caller's open transaction
 * @param notice - the letter, the reader, the channel and the municipality (the sender named in the text)
 */
export async function queueLetterNotice(
  q: Queryable,
  notice: { letterId: string; personId: string; channel: 'sms' | 'email'; municipalityId: string },
): Promise<void> {
  const noticeId = await claimNotice(q, {
    eventKey: `letter:${notice.letterId}`,
    personId: notice.personId,
    channel: notice.channel,
    template: 'letter_received',
  });
  if (noticeId !== undefined) {
    await queueSend(q, noticeId, notice.municipalityId);
  }
}
