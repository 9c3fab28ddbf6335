import type { JobCause } from '@helsebro/contracts';

/**
 * The cause of a dead job, read from its stored last error (`Name: message`, masked and cut by the queue). The
 * handlers' errors are our own texts (deliver.job, senders), so the patterns follow them; the order matters: a
 * more specific cause is tried before a general one. Anything unrecognised is `other`, shown with its raw text.
 */
const PATTERNS: ReadonlyArray<readonly [JobCause, RegExp]> = [
  ['no_endpoint', /no transport endpoint/i],
  ['no_credential', /no outgoing credential/i],
  ['not_configured', /no (SMTP_URL|SMS_GATEWAY_URL) configured/],
  ['interrupted', /lease ran out/i],
  ['refused_access', /answered 40[13]\b/],
  ['refused_message', /answered 4\d\d\b/],
  ['receiver_error', /answered 5\d\d\b/],
  ['unreachable', /network error|ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ECONNRESET|ETIMEDOUT|timed? ?out|fetch failed/i],
  ['missing_data', /not found/i],
];

/**
 * @param lastError - the job's last error as stored, or null
 * @returns the cause the console names the job's failure by
 */
export function causeOf(lastError: string | null): JobCause {
  if (!lastError) {
    return 'other';
  }
  return PATTERNS.find(([, pattern]) => pattern.test(lastError))?.[0] ?? 'other';
}
