import { sql } from 'drizzle-orm';
import type { Clock, Platform } from '../../../platform/platform.ts';
import { createAddressRegister } from '../address-register/address-register.service.ts';
import { claimJobs, completeJob } from '../../../platform/jobs/queue.ts';
import { alertEmailHandler } from '../monitor/alert-email.ts';
import { ALERT_EMAIL_JOB, sweep, type SweepResult } from '../monitor/monitor.job.ts';
import { transition } from '../send/send.repository.ts';

/**
 * Runs one monitoring sweep on the app's store, with the app's clock or another (a test moves it past thresholds).
 * @param platform - the app's platform
 * @param clock - the clock the sweep measures ages with
 */
export function runSweep(
  platform: Pick<Platform, 'db' | 'clock' | 'config'>,
  clock: Clock = platform.clock,
): Promise<SweepResult> {
  return sweep({
    db: platform.db,
    register: createAddressRegister(platform),
    clock,
    config: platform.config.ploMonitor,
  });
}

/**
 * Fails an outgoing message's delivery for good, as the delivery job does after its last attempt, and runs a
 * sweep, which raises its delivery_failed alert.
 * @returns the alert's id
 */
export async function failDeliveryAndSweep(
  platform: Pick<Platform, 'db' | 'clock' | 'config'>,
  messageId: string,
): Promise<string> {
  await transition(platform.db, messageId, ['queued', 'sent'], 'failed', {
    attempt: 12,
    reason: 'network error',
    final: true,
  });
  await runSweep(platform);
  const r = await platform.db.execute<{ id: string }>(
    sql`SELECT id FROM plo_alerts WHERE message_id = ${messageId}::uuid
      AND kind = 'delivery_failed' ORDER BY raised_at DESC LIMIT 1`,
  );
  const id = r.rows[0]?.id;
  if (!id) {
    throw new Error(`no delivery_failed alert was raised for ${messageId}`);
  }
  return id;
}

/**
 * Runs the queued alert e-mails, as a worker would, and returns the mails a catcher received meanwhile.
 * @param platform - the app's platform (its SMTP settings point at the catcher)
 * @param clock - the clock the e-mail job stamps with
 * @param mails - the catcher's mails (test/mail-catcher.ts)
 */
export async function sendQueuedAlertEmails<M>(platform: Platform, clock: Clock, mails: readonly M[]): Promise<M[]> {
  const before = mails.length;
  const run = alertEmailHandler({
    db: platform.db,
    register: createAddressRegister(platform),
    clock,
    config: platform.config,
  });
  for (;;) {
    const jobs = await claimJobs(platform.db, [ALERT_EMAIL_JOB], 10, 60_000);
    if (jobs.length === 0) {
      break;
    }
    for (const job of jobs) {
      await run(job, { platform, signal: AbortSignal.timeout(10_000) });
      await completeJob(platform.db, job);
    }
  }
  return mails.slice(before);
}

/** The demo register's message-responsible addresses, where alert e-mails go. */
export const DEMO_RESPONSIBLE = {
  fjordvik: 'meldingsansvarlig@fjordvik.kommune.example',
  hospital: 'meldingsansvarlig@fjordvik-sykehus.example',
} as const;
