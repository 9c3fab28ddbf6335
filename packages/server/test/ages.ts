import { addDays, osloDate } from '../src/modules/representation/index.ts';

/** Today in Europe/Oslo, as the representation rules count it. */
export const today = osloDate(new Date());

/**
 * A birth date `years` years and `days` days before today (Europe/Oslo), so a person is exactly `years` old.
 * @param years - the age
 * @param days - how far past the last birthday (default 40)
 */
export function bornAgo(years: number, days = 40): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return addDays(new Date(Date.UTC(y - years, m - 1, d)).toISOString().slice(0, 10), -days);
}
