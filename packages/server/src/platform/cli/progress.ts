/**
 * A progress bar for long command-line work: redrawn with `\r` on a terminal at most every 100 ms, silent when
 * the stream is not a terminal (CI logs and pipes get the caller's closing line instead of hundreds of redraws).
 */
export type ProgressStream = { isTTY?: boolean; columns?: number; write(s: string): unknown };
export type Progress = {
  /** Reports that `done` of `total` units are finished. */
  update: (done: number, total: number) => void;
  /** Clears the bar's line. */
  end: () => void;
};

/**
 * @param unit - what is counted, shown after the numbers ("entries", "persons")
 * @param stream - normally process.stderr
 * @param now - the clock, for tests
 */
export function progressBar(
  unit: string,
  stream: ProgressStream = process.stderr,
  now: () => number = Date.now,
): Progress {
  if (!stream.isTTY) {
    return { update: () => undefined, end: () => undefined };
  }
  let last = 0;
  let drawn = false;
  return {
    update: (done, total) => {
      const t = now();
      if (t - last < 100 && done < total) {
        return;
      }
      last = t;
      drawn = true;
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 40));
      const share = total === 0 ? 1 : Math.min(1, done / total);
      const filled = Math.round(share * width);
      stream.write(
        `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${done}/${total} ${unit}`,
      );
    },
    end: () => {
      if (drawn) {
        stream.write('\r\x1b[K');
        drawn = false;
      }
    },
  };
}
