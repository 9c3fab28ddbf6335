import { addCalendarDays, osloDateOf, startOfOsloDate } from '../../platform/time/oslo-time.ts';

/**
 * Calendar dates for the representation rules. Dates are `YYYY-MM-DD` strings (they compare as strings); "today"
 * is the date in Europe/Oslo, so a person turns N at the start of their birthday in Norway. The Oslo calendar
 * itself lives in platform/time.
 */
export const osloDate = osloDateOf;

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/**
 * Age in whole years on a date. Month and day are compared as they are, so someone born on 29 February turns a
 * year older on 1 March in a year without 29 February (docs/representation.md, "Ages").
 * @param birthDate - YYYY-MM-DD
 * @param on - YYYY-MM-DD
 */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = parts(birthDate);
  const [y, m, d] = parts(on);
  const before = m < bm || (m === bm && d < bd);
  return y - by - (before ? 1 : 0);
}

/**
 * The first day on which a person is `years` old: the birthday in that year, or 1 March when the birthday is
 * 29 February and that year has none.
 * @param birthDate - YYYY-MM-DD
 * @param years - the age
 */
export function birthdayOf(birthDate: string, years: number): string {
  const [by, bm, bd] = parts(birthDate);
  const date = new Date(Date.UTC(by + years, bm - 1, bd));
  // Date.UTC rolls 29 February of a common year over to 1 March, which is the rule we chose.
  return date.toISOString().slice(0, 10);
}

/** A date moved by whole days (may be negative). */
export const addDays = addCalendarDays;

/** The instant a day starts in Europe/Oslo (midnight, CET or CEST), for filtering timestamps by Oslo day. */
export const startOfOsloDay = startOfOsloDate;
