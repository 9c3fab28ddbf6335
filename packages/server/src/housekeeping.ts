import { createSessionService } from './modules/identity/index.ts';
import { systemContext } from './platform/http/request-context.ts';
import { purgeFinishedJobs } from './platform/jobs/queue.ts';
import type { Platform } from './platform/platform.ts';

export type HousekeepingResult = { sessions: number; jobs: number };

const HOUR_MS = 60 * 60_000;

/**
 * Deletes what nobody needs any more: sessions past their absolute or idle limit (they would be refused if
 * presented, and a session row names a person), and outbox jobs that finished more than `jobRetentionDays`
 * ago. Each statement is idempotent, so two instances running it at once do no harm.
 * @param platform - store, clock and configuration
 */
export async function runHousekeeping(
  platform: Pick<Platform, 'db' | 'clock' | 'config'>,
): Promise<HousekeepingResult> {
  const finishedBefore = new Date(platform.clock.now().getTime() - platform.config.jobRetentionDays * 24 * HOUR_MS);
  const sessions = await createSessionService(platform).purgeExpired(systemContext('housekeeping'));
  const jobs = await purgeFinishedJobs(platform.db, finishedBefore);
  return { sessions, jobs };
}

export type Housekeeping = { stop(): Promise<void> };

/**
 * Runs housekeeping shortly after start and then every `intervalMs`. A failed round is logged and the next
 * one tries again; it never takes the process down.
 * @param platform - the running platform
 * @param intervalMs - pause between rounds (an hour by default)
 */
export function startHousekeeping(platform: Platform, intervalMs = HOUR_MS): Housekeeping {
  let running: Promise<void> | null = null;
  const round = () => {
    running ??= runHousekeeping(platform)
      .then((removed) => {
        if (removed.sessions + removed.jobs > 0) {
          platform.logger.info(removed, 'housekeeping removed expired sessions and finished jobs');
        }
      })
      .catch((err: unknown) => {
        platform.logger.warn({ err }, 'housekeeping round failed; the next round tries again');
      })
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(round, 5_000);
  const timer = setInterval(round, intervalMs);
  first.unref();
  timer.unref();
  return {
    stop: async () => {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
