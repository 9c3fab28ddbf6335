import { z } from 'zod';

/**
 * Dates and instants as every contract takes them: ISO 8601 calendar dates (`YYYY-MM-DD`) and instants with an
 * offset, real (no 2026-02-30, no year 0000) and within the years Helsebro has any business with. A date outside
 * them is a typo or a probe, and past them the server's date arithmetic (and JavaScript's Date, which ends in
 * 275760) stops being meaningful, so the contract refuses it before any service sees it.
 */
export const DATE_RANGE = { firstYear: 1900, lastYear: 2200 } as const;

const inRange = (value: string): boolean => {
  const year = Number(value.slice(0, 4));
  return year >= DATE_RANGE.firstYear && year <= DATE_RANGE.lastYear;
};
const RANGE_MESSAGE = `expected a year from ${DATE_RANGE.firstYear} to ${DATE_RANGE.lastYear}`;

/**
 * A calendar date, `YYYY-MM-DD` (ISO 8601 extended format, Gregorian calendar): zod's ISO date checks that the
 * day exists (leap years included), and the year must be within DATE_RANGE.
 */
export const isoCalendarDate = z.iso.date({ error: 'expected a real date, YYYY-MM-DD' }).refine(inRange, RANGE_MESSAGE);

/**
 * An instant: ISO 8601 date and time with seconds and a UTC offset (`Z` or `±hh:mm`, RFC 3339 §5.6), on a real
 * day, with the year as written within DATE_RANGE.
 */
export const isoInstant = z.iso
  .datetime({ offset: true, error: 'expected a date and time with offset, e.g. 2026-03-02T09:00:00+01:00' })
  .refine(inRange, RANGE_MESSAGE);

/**
 * Whether a string is a date `isoCalendarDate` accepts (for code that reads dates outside a contract, such as a
 * decoded cursor or a configuration value).
 * @param value - the text
 */
export function isCalendarDate(value: string): boolean {
  return isoCalendarDate.safeParse(value).success;
}
