export type BackoffOptions = {
  /** Delay before the second attempt, before jitter. */
  baseMs: number;
  /** The longest delay between attempts. */
  maxMs: number;
};

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 5_000, maxMs: 30 * 60_000 };

/**
 * How long to wait after failed attempt number `attempt`: doubling from `baseMs`, capped at `maxMs`, with "equal
 * jitter" (half fixed, half random) so jobs that failed together do not all come back together.
 * @param attempt - the attempt that just failed, from 1
 * @param opts - base and cap
 * @param random - a number in [0, 1); Math.random unless a test pins it
 */
export function backoffMs(attempt: number, opts: BackoffOptions, random: () => number = Math.random): number {
  const exp = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + (random() * exp) / 2);
}
