import { UnprocessableError } from '../errors.ts';

/**
 * Why an administrative change was made, for its audit entry's details (issue 12: every administrative change is
 * audited with who — the entry's actor — and why). An empty or missing reason adds nothing.
 * @param reason - the reason the caller gave, trimmed by the contract
 */
export function reasonDetails(reason: string | null | undefined): { reason?: string } {
  return reason ? { reason } : {};
}

/**
 * The reason a change that ends something must have (closing a unit, ending a staff member's work, revoking a
 * client): the history would otherwise not say why.
 * @returns the details for the audit entry
 * @throws UnprocessableError (422) naming `reason`, code `reason_required`
 */
export function requireReason(reason: string | null | undefined): { reason: string } {
  if (!reason) {
    const message = 'Skriv hvorfor. Begrunnelsen lagres i loggen sammen med hvem som gjorde endringen.';
    throw new UnprocessableError(message, [{ path: 'reason', message }], 'reason_required');
  }
  return { reason };
}
