/**
 * The notice periods of seed 000 §6, in calendar months. A period of months ends on the same day of the month,
 * or on the month's last day when that month has no such day (as domstolloven § 148 (2) counts month deadlines):
 * notice given 31 January with one month's notice takes effect 28 (or 29) February.
 *
 * Our reading of "én måneds skriftlig varsel": the effective date — the first day without the service — is at
 * the earliest one month after the day the notice is given; the municipality may ask for a later date. We do not
 * round to the end of a month: the clause does not ask for it, and a municipality that wants a month's end can
 * ask for it.
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The effective date of a notice: the date asked if it is not earlier than the notice allows, else null (too short).
 * Without a date asked, the earliest.
 * @param noticeDate - the day the notice is given (Oslo calendar date)
 * @param months - the minimum notice in months (1 for a municipality, 6 for the operator)
 * @param asked - the date asked for, if any
 */
export function effectiveDateOf(
  noticeDate: string,
  months: number,
  asked: string | null | undefined,
): { earliest: string; effective: string | null } {
  const earliest = addMonths(noticeDate, months);
  if (!asked) {
    return { earliest, effective: earliest };
  }
  return { earliest, effective: asked >= earliest ? asked : null };
}
