import { z } from 'zod';
import type { Config } from '../../../config.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db, Queryable } from '../../../platform/db/client.ts';
import { systemContext } from '../../../platform/http/request-context.ts';
import { enqueue, type Job, type JobContext } from '../../../platform/jobs/index.ts';
import type { Clock, Platform } from '../../../platform/platform.ts';
import type { AddressRegister } from '../address-register/address-register.service.ts';
import { APPREC_ERRORS, type AppRecErrorCode } from '../codes.ts';
import { officeHoursBetween } from '../../../platform/time/working-days.ts';
import { transition } from '../send/send.repository.ts';
import * as repo from './alerts.repository.ts';

/** The monitoring sweep: one job at a time, which queues the next when it is done. */
export const MONITOR_JOB = 'plo.monitor';
/** The e-mail about one alert to one side's message-responsible address. */
export const ALERT_EMAIL_JOB = 'plo.alert_email';
/** An e-mail that keeps failing is dead after this many attempts and shows in the operator's job list. */
export const ALERT_EMAIL_MAX_ATTEMPTS = 6;
/** The most events of one kind a sweep raises; the next sweep takes the rest. */
const SWEEP_LIMIT = 500;

export const alertEmailPayload = z.object({ alertId: z.uuid(), to: z.enum(['ours', 'partner']) });

export type MonitorDeps = {
  db: Db;
  register: AddressRegister;
  clock: Clock;
  config: Config['ploMonitor'];
};

export type SweepResult = {
  apprecMissing: number;
  apprecTimeout: number;
  apprecNegative: number;
  deliveryFailed: number;
  partnerSilent: number;
};

/** A partner that last sent us a message longer ago than this is not watched for silence any more. */
const SILENCE_LOOKBACK_DAYS = 30;

const SYSTEM = () => systemContext('plo.monitor');

/**
 * Inserts the alert once (by its dedup key) and, only when this call inserted it, queues its e-mails and writes
 * the audit entry, all in the caller's transaction: a repeated sweep raises and e-mails nothing twice.
 * @returns whether it was new
 */
async function raise(q: Queryable, alert: repo.NewAlert): Promise<boolean> {
  const id = await repo.insertAlert(q, alert);
  if (!id) {
    return false;
  }
  for (const to of ['ours', 'partner'] as const) {
    if ((to === 'ours' ? alert.emailOurs : alert.emailPartner) === 'queued') {
      const payload: z.infer<typeof alertEmailPayload> = { alertId: id, to };
      await enqueue(q, {
        kind: ALERT_EMAIL_JOB,
        payload,
        municipalityId: alert.municipalityId,
        maxAttempts: ALERT_EMAIL_MAX_ATTEMPTS,
      });
    }
  }
  await recordAudit(q, SYSTEM(), {
    action: 'plo_alert.raise',
    resourceType: 'plo_alert',
    resourceId: id,
    details: { kind: alert.kind, messageId: alert.messageId, ...alert.detail },
  });
  return true;
}

/**
 * One sweep of message monitoring (issue 14, D3; plo-messaging.md §5.3, §8). Raises, each once:
 *
 * - **apprec_missing** (warning): a message we sent (sent or delivered) has had no AppRec for one of the
 *   configured hours (`PLO_APPREC_ALERT_HOURS`, 2 and 24 by default), well before the standard's 96 h;
 * - **apprec_timeout** (critical): 96 h after it was sent with no AppRec, the message counts as rejected
 *   (HIS 80415-1.1 §3.3.6, Errata 4; HITS 1168 §9.1): its status becomes `apprec_rejected` with the reason in its
 *   history, and a late AppRec still settles it (receive-apprec.ts);
 * - **apprec_negative** (critical): every negative AppRec received for a message we sent, with its code list 8221
 *   codes (HIS 80415-1.1 §3.3.5: negative AppRecs must be alerted);
 * - **delivery_failed** (critical): a delivery whose retries ran out, or that the partner refused (HIS 1037 §5.2);
 * - **partner_silent** (warning): a partner organisation that has sent one of our organisations messages in the
 *   last month has sent it none for `partnerSilenceHours` office hours (08–16 on working days, Oslo): the
 *   ICT agreement's routine asks both sides to notice a partner gone quiet before patients are affected (seed 003
 *   §5.1d). Raised once per silence (keyed by the partner's last message), e-mailed to both sides.
 *
 * Each alert belongs to our sending service; its e-mail goes to our message-responsible address, and for a
 * timeout or retries run out (the partner's side has to act) to the partner's as well. Ages are measured on the
 * platform's clock, so tests move it; the register is read before each transaction (PGlite has one connection,
 * and a register reload inside a transaction would wait for it).
 * @param deps - store, address register, clock and thresholds
 */
export async function sweep(deps: MonitorDeps): Promise<SweepResult> {
  const { db, register, clock } = deps;
  const now = clock.now();
  const result: SweepResult = {
    apprecMissing: 0,
    apprecTimeout: 0,
    apprecNegative: 0,
    deliveryFailed: 0,
    partnerSilent: 0,
  };
  const partnerOf = async (receiverPartyId: string | null): Promise<string | null> => {
    const party = receiverPartyId ? await register.byId(receiverPartyId) : undefined;
    return party ? (await register.organisationOf(party)).id : null;
  };

  for (const m of await repo.overdueMessages(db, now, deps.config.appRecAlertHours, SWEEP_LIMIT)) {
    const partnerPartyId = await partnerOf(m.receiverPartyId);
    const base = { partyId: m.senderPartyId, partnerPartyId, municipalityId: m.municipalityId, messageId: m.id };
    if (m.crossed >= repo.APPREC_TIMEOUT_HOURS) {
      const raised = await db.transaction(async (tx) => {
        // Only while it still has no AppRec: one that came meanwhile settled it.
        const timedOut = await transition(tx, m.id, ['sent', 'delivered'], 'apprec_rejected', {
          reason: 'apprec_timeout',
          hours: repo.APPREC_TIMEOUT_HOURS,
        });
        return (
          timedOut &&
          raise(tx, {
            ...base,
            dedupKey: `apprec_timeout:${m.id}`,
            kind: 'apprec_timeout',
            severity: 'critical',
            detail: { hours: repo.APPREC_TIMEOUT_HOURS },
            raisedAt: now,
            emailOurs: 'queued',
            emailPartner: partnerPartyId ? 'queued' : null,
          })
        );
      });
      result.apprecTimeout += raised ? 1 : 0;
      continue;
    }
    const raised = await db.transaction((tx) =>
      raise(tx, {
        ...base,
        dedupKey: `apprec_missing:${m.id}:${m.crossed}`,
        kind: 'apprec_missing',
        severity: 'warning',
        detail: { hours: m.crossed },
        raisedAt: now,
        emailOurs: 'queued',
        emailPartner: null,
      }),
    );
    result.apprecMissing += raised ? 1 : 0;
  }

  for (const a of await repo.negativeAppRecs(db, SWEEP_LIMIT)) {
    const partnerPartyId = await partnerOf(a.receiverPartyId);
    const raised = await db.transaction((tx) =>
      raise(tx, {
        dedupKey: `apprec_negative:${a.appRecRowId}`,
        kind: 'apprec_negative',
        severity: 'critical',
        partyId: a.senderPartyId,
        partnerPartyId,
        municipalityId: a.municipalityId,
        messageId: a.messageId,
        appRecId: a.appRecRowId,
        detail: { codes: a.codes },
        raisedAt: now,
        emailOurs: 'queued',
        emailPartner: null,
      }),
    );
    result.apprecNegative += raised ? 1 : 0;
  }

  for (const f of await repo.failedDeliveries(db, SWEEP_LIMIT)) {
    const partnerPartyId = await partnerOf(f.receiverPartyId);
    const raised = await db.transaction((tx) =>
      raise(tx, {
        dedupKey: `delivery_failed:${f.eventId}`,
        kind: 'delivery_failed',
        severity: 'critical',
        partyId: f.senderPartyId,
        partnerPartyId,
        municipalityId: f.municipalityId,
        messageId: f.messageId,
        detail: { retriesExhausted: f.retriesExhausted, httpStatus: f.httpStatus },
        raisedAt: now,
        emailOurs: 'queued',
        // Retries ran out: the partner's endpoint did not take it, so the partner is told too. A refusal (4xx) is
        // about our message, so it is ours alone.
        emailPartner: f.retriesExhausted && partnerPartyId ? 'queued' : null,
      }),
    );
    result.deliveryFailed += raised ? 1 : 0;
  }

  if (deps.config.partnerSilenceHours > 0) {
    result.partnerSilent = await raiseSilences(deps, now);
  }
  return result;
}

/**
 * Partner silence, per pair of organisations (ours, the partner's): the latest message the partner sent any of our
 * organisation's services, its alert on the service that received it.
 */
async function raiseSilences(deps: MonitorDeps, now: Date): Promise<number> {
  const { db, register } = deps;
  const since = new Date(now.getTime() - SILENCE_LOOKBACK_DAYS * 86_400_000);
  const latest = new Map<string, repo.PartnerTraffic & { partnerOrgId: string }>();
  for (const traffic of await repo.partnerTraffic(db, since)) {
    const ours = await register.byId(traffic.ourPartyId);
    const theirs = await register.byId(traffic.partnerPartyId);
    if (!ours || !theirs) {
      continue;
    }
    const partnerOrgId = (await register.organisationOf(theirs)).id;
    const key = `${(await register.organisationOf(ours)).id}:${partnerOrgId}`;
    const seen = latest.get(key);
    if (!seen || seen.lastAt < traffic.lastAt) {
      latest.set(key, { ...traffic, partnerOrgId });
    }
  }
  let raised = 0;
  for (const [pair, t] of latest) {
    if (officeHoursBetween(t.lastAt, now) < deps.config.partnerSilenceHours) {
      continue;
    }
    const isNew = await db.transaction((tx) =>
      raise(tx, {
        dedupKey: `partner_silent:${pair}:${t.lastAt.getTime()}`,
        kind: 'partner_silent',
        severity: 'warning',
        partyId: t.ourPartyId,
        partnerPartyId: t.partnerOrgId,
        municipalityId: t.municipalityId,
        messageId: null,
        detail: { hours: deps.config.partnerSilenceHours, silentSince: t.lastAt.toISOString() },
        raisedAt: now,
        emailOurs: 'queued',
        // The partner may not know its sending has stopped (a queue stuck on their side): both sides are told.
        emailPartner: 'queued',
      }),
    );
    raised += isNew ? 1 : 0;
  }
  return raised;
}

/** The code list 8221 codes of an alert with their Norwegian texts (codes.ts); an unknown code keeps "Annen feil". */
export function explainCodes(codes: unknown): Array<{ code: string; text: string }> {
  const list = Array.isArray(codes) ? codes.filter((c): c is string => typeof c === 'string') : [];
  return list.map((code) => ({
    code,
    text: Object.hasOwn(APPREC_ERRORS, code) ? APPREC_ERRORS[code as AppRecErrorCode] : APPREC_ERRORS.X99,
  }));
}

/**
 * Queues the first sweep when none is waiting or running (at start, when this process runs workers). Two
 * instances starting at once may each queue one; the sweeps are idempotent, and each queues a next only when no
 * other is waiting, so the two runs soon become one.
 */
export async function scheduleMonitor(db: Db): Promise<void> {
  if ((await repo.jobsWaiting(db, MONITOR_JOB, null)) === 0) {
    await enqueue(db, { kind: MONITOR_JOB, payload: {} });
  }
}

/**
 * The `plo.monitor` handler: one sweep, then the next one queued `intervalMs` later (wall-clock time, as the outbox
 * claims by the database's clock), unless another is already waiting. The next is queued even when the sweep
 * failed, so monitoring never stops on one bad round; the failed one is retried by the outbox as well.
 */
export function monitorHandler(deps: Omit<MonitorDeps, 'db' | 'clock'>) {
  return async (job: Job, { platform }: JobContext<Platform>): Promise<void> => {
    const { db, clock, logger } = platform;
    try {
      const result = await sweep({ ...deps, db, clock });
      if (Object.values(result).some((n) => n > 0)) {
        logger.info(result, 'PLO monitoring raised alerts');
      }
    } finally {
      if ((await repo.jobsWaiting(db, MONITOR_JOB, job.id)) === 0) {
        await enqueue(db, {
          kind: MONITOR_JOB,
          payload: {},
          runAt: new Date(Date.now() + deps.config.intervalMs),
          maxAttempts: 3,
        });
      }
    }
  };
}
