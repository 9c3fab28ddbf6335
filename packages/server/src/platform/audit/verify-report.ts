import { redactNin } from '../redact.ts';
import type { VerifyProgress, VerifyResult } from './verify.ts';

/**
 * The one-line verdict `npm run audit:verify` prints. Identity numbers are masked in case one ever reached an
 * action name or request id.
 * @param r - the verification result
 */
export function formatVerifyResult(r: VerifyResult): string {
  const p = r.firstProblem;
  if (r.ok || !p) {
    return `Audit chain intact: ${r.checked} ${r.checked === 1 ? 'entry' : 'entries'} verified (${r.pending} not yet sealed).`;
  }
  const entry = p.id === null ? 'no longer in the log' : `id ${p.id}, ${p.occurredAt ?? '?'}, ${p.action ?? '?'}`;
  return redactNin(`Audit chain broken at entry #${p.seq} (${entry}): ${p.kind} — ${p.detail}.`);
}

type ProgressStream = { isTTY?: boolean; columns?: number; write(s: string): unknown };

/**
 * A progress bar on a terminal (`\r`-redrawn, at most every 100 ms), nothing when the stream is not a terminal.
 * @param stream - normally process.stderr
 * @returns the progress callback for verifyAuditChain and `done()` to clear the line
 */
export function progressBar(
  stream: ProgressStream,
  now: () => number = Date.now,
): { onProgress: VerifyProgress; done(): void } {
  if (!stream.isTTY) {
    return { onProgress: () => undefined, done: () => undefined };
  }
  let last = 0;
  let drawn = false;
  return {
    onProgress: (checked, total) => {
      const t = now();
      if (t - last < 100 && checked < total) {
        return;
      }
      last = t;
      drawn = true;
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 40));
      const share = total === 0 ? 1 : Math.min(1, checked / total);
      const filled = Math.round(share * width);
      stream.write(
        `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${checked}/${total} entries`,
      );
    },
    done: () => {
      if (drawn) {
        stream.write('\r\x1b[K');
        drawn = false;
      }
    },
  };
}
