import type { Platform } from './platform/platform.ts';

export type Background = { stop(): Promise<void> };

/**
 * Starts the work that runs beside the HTTP server in the same process (PGlite is one connection in one
 * process, so in the embedded default they must share it): the audit sealer and the outbox workers.
 */
export async function startBackground(platform: Platform): Promise<Background> {
  const stops: Array<() => Promise<void>> = [];
  void platform;
  return {
    stop: async () => {
      for (const s of stops.reverse()) {
        await s();
      }
    },
  };
}
