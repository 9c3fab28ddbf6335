import { redactNin } from '../redact.ts';
import type { VerifyResult } from './verify.ts';

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
