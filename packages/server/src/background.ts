import { startHousekeeping } from './housekeeping.ts';
import { startAuditSealer } from './platform/audit/sealer.ts';
import { startWorkers } from './platform/jobs/worker.ts';
import type { Platform } from './platform/platform.ts';

export type Background = { stop(): Promise<void> };

/**
 * Starts the work that runs beside the HTTP server in the same process (PGlite is one connection in one
 * process, so in the embedded default they must share it): the audit sealer, always, and the outbox workers
 * and hourly housekeeping when `config.workers` (WORKERS=false keeps an instance to HTTP only).
 */
export function startBackground(platform: Platform): Promise<Background> {
  const sealer = startAuditSealer(platform);
  const workers = platform.config.workers ? startWorkers(platform) : null;
  const housekeeping = platform.config.workers ? startHousekeeping(platform) : null;
  platform.logger.debug({ workers: platform.config.workers, kinds: platform.jobs.kinds() }, 'background work started');
  return Promise.resolve({
    // Workers first: the jobs they finish may write audit entries, which the sealer's final flush then seals.
    stop: async () => {
      await housekeeping?.stop();
      await workers?.stop();
      await sealer.stop();
    },
  });
}
