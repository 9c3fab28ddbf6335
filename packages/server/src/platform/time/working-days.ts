import { addCalendarDays, fromOslo, isoWeekday, osloDateOf, startOfOsloDate } from './oslo-time.ts';

/**
 * Norwegian working days: Monday to Friday except the public holidays of lov om 1. og 17. mai som høgtidsdager
 * (1947) and lov om helligdager og helligdagsfred (1995) § 2: 1 January, Maundy Thursday, Good Friday, Easter Sunday
 * and Monday, 1 May, 17 May, Ascension Day, Whit Sunday and Monday, 25 and 26 December. Christmas Eve and New
 * Year's Eve are ordinary working days by law (many units close; they register that as an absence).
 */

/**
 * Easter Sunday of a Gregorian year, by the anonymous Gregorian computus (Meeus/Jones/Butcher).
 * @param year - e.g. 2027
 */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const cache = new Map<number, Map<string, string>>();

/**
 * The public holidays of a year, date → Norwegian name.
 * @param year - e.g. 2027
 */
export function publicHolidays(year: number): ReadonlyMap<string, string> {
  let holidays = cache.get(year);
  if (!holidays) {
    const easter = easterSunday(year);
    holidays = new Map([
      [`${year}-01-01`, 'Første nyttårsdag'],
      [addCalendarDays(easter, -3), 'Skjærtorsdag'],
      [addCalendarDays(easter, -2), 'Langfredag'],
      [easter, 'Første påskedag'],
      [addCalendarDays(easter, 1), 'Andre påskedag'],
      [`${year}-05-01`, 'Offentlig høytidsdag'],
      [`${year}-05-17`, 'Grunnlovsdag'],
      [addCalendarDays(easter, 39), 'Kristi himmelfartsdag'],
      [addCalendarDays(easter, 49), 'Første pinsedag'],
      [addCalendarDays(easter, 50), 'Andre pinsedag'],
      [`${year}-12-25`, 'Første juledag'],
      [`${year}-12-26`, 'Andre juledag'],
    ]);
    cache.set(year, holidays);
  }
  return holidays;
}

/**
 * The holiday's name, or null.
 * @param date - YYYY-MM-DD
 */
export function holidayName(date: string): string | null {
  return publicHolidays(Number(date.slice(0, 4))).get(date) ?? null;
}

/**
 * Monday–Friday and not a public holiday.
 * @param date - YYYY-MM-DD
 */
export function isWorkingDay(date: string): boolean {
  return isoWeekday(date) <= 5 && holidayName(date) === null;
}

/**
 * The working day `n` working days before `date` (n ≥ 1); `date` itself need not be a working day.
 * "One working day before a Monday" is the Friday before; before the Tuesday after Easter it is the Wednesday
 * before Maundy Thursday.
 * @param date - YYYY-MM-DD
 * @param n - working days, ≥ 1
 */
export function workingDaysBefore(date: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError('n must be a whole number ≥ 1');
  }
  let day = date;
  let left = n;
  while (left > 0) {
    day = addCalendarDays(day, -1);
    if (isWorkingDay(day)) {
      left -= 1;
    }
  }
  return day;
}

/**
 * The working day `n` working days after `date` (n ≥ 1), e.g. a response due date.
 * @param date - YYYY-MM-DD
 * @param n - working days, ≥ 1
 */
export function workingDaysAfter(date: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError('n must be a whole number ≥ 1');
  }
  let day = date;
  let left = n;
  while (left > 0) {
    day = addCalendarDays(day, 1);
    if (isWorkingDay(day)) {
      left -= 1;
    }
  }
  return day;
}

export type CancelDeadline = {
  /** The last Oslo date on which cancelling is allowed. */
  lastDate: string;
  /** The first instant at which cancelling is no longer allowed (exclusive end). */
  until: Date;
};

/**
 * The cancellation deadline for an appointment under "no later than N working days before": cancelling is allowed
 * through the end of the N-th working day before the appointment's Oslo date. N = 0 means until the start.
 * @param startsAt - the appointment's start
 * @param startDate - its Oslo date
 * @param workingDays - N ≥ 0
 */
export function cancelDeadline(startsAt: Date, startDate: string, workingDays: number): CancelDeadline {
  if (workingDays === 0) {
    return { lastDate: startDate, until: startsAt };
  }
  const lastDate = workingDaysBefore(startDate, workingDays);
  return { lastDate, until: startOfOsloDate(addCalendarDays(lastDate, 1)) };
}

/** Office hours on a working day, Oslo wall clock: when a partner's message traffic is expected (issue 14, D3). */
export const OFFICE_HOURS = { opens: '08:00', closes: '16:00' } as const;

/**
 * The hours of office time (`OFFICE_HOURS` on working days, Oslo) between two instants: how long a partner has
 * been silent while it should have been sending. A night, a weekend or Easter adds nothing. Days further back than
 * `maxDays` before `to` are not counted (the caller only asks about recent traffic).
 * @param from - the earlier instant
 * @param to - the later instant; before `from` gives 0
 * @param maxDays - how many calendar days back from `to` to count at most
 */
export function officeHoursBetween(from: Date, to: Date, maxDays = 62): number {
  if (to <= from) {
    return 0;
  }
  const last = osloDateOf(to);
  const earliest = addCalendarDays(last, -maxDays);
  let day = osloDateOf(from) < earliest ? earliest : osloDateOf(from);
  let ms = 0;
  for (; day <= last; day = addCalendarDays(day, 1)) {
    if (!isWorkingDay(day)) {
      continue;
    }
    const opens = fromOslo(day, OFFICE_HOURS.opens)!;
    const closes = fromOslo(day, OFFICE_HOURS.closes)!;
    const start = Math.max(opens.getTime(), from.getTime());
    const end = Math.min(closes.getTime(), to.getTime());
    ms += Math.max(0, end - start);
  }
  return ms / 3_600_000;
}
