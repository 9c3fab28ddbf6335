import { sql } from 'drizzle-orm';
import type { Clock, Platform } from '../../../platform/platform.ts';
import { createAddressRegister } from '../address-register/address-register.service.ts';
import { sweep, type SweepResult } from '../monitor/monitor.job.ts';
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
