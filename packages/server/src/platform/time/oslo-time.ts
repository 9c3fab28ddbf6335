import { ValidationError } from '../errors.ts';

/**
 * Europe/Oslo wall-clock time ↔ instants, correct across the summer-time changes (last Sunday of March 02:00 →
 * 03:00, last Sunday of October 03:00 → 02:00; EU directive 2000/84/EC). Uses the platform's Intl time-zone data
 * only. Dates are `YYYY-MM-DD`, times `HH:mm`.
 */
export const OSLO_TZ = 'Europe/Oslo';

/**
 * A date or time that does not exist or that the calendar cannot count with (2026-02-30, 0000-00-00, 25:00,
 * 9999-12-31 plus a day). Contracts refuse such input first (`isoCalendarDate`); this keeps anything that got past
 * them from failing as a RangeError deep inside Intl or Date.
 */
export class InvalidDateError extends ValidationError {
  constructor(what: string) {
    super(
      `Datoen eller klokkeslettet «${what.slice(0, 40)}» finnes ikke, eller er utenfor det Helsebro kan regne med.`,
      [{ path: 'date', message: 'finnes ikke' }],
      'invalid_date',
    );
  }
}

/**
 * The years the helpers count in: four digits, so neither Date.UTC's two-digit years (0–99 mean 1900–1999) nor
 * toISOString's six-digit years (from 10000) come into play.
 */
const FIRST_YEAR = 1000;
const LAST_YEAR = 9999;

/** The parts of a `YYYY-MM-DD` date that exists, or an InvalidDateError. */
function dateParts(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const daysInMonth = mo >= 1 && mo <= 12 ? new Date(Date.UTC(y, mo, 0)).getUTCDate() : 0;
    if (y >= FIRST_YEAR && y <= LAST_YEAR && d >= 1 && d <= daysInMonth) {
      return [y, mo, d];
    }
  }
  throw new InvalidDateError(date);
}

/** The parts of an `HH:mm` time of day (00:00–23:59), or an InvalidDateError. */
function timeParts(time: string): [number, number] {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (m && Number(m[1]) <= 23 && Number(m[2]) <= 59) {
    return [Number(m[1]), Number(m[2])];
  }
  throw new InvalidDateError(time);
}

/** An instant Intl can format, or an InvalidDateError (an Invalid Date would throw a RangeError there). */
function validInstant(at: Date): Date {
  if (Number.isNaN(at.getTime())) {
    throw new InvalidDateError('Invalid Date');
  }
  return at;
}

const PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: OSLO_TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export type LocalDateTime = { date: string; time: string };

/**
 * The Oslo wall-clock date and time of an instant.
 * @param at - the instant
 */
export function toOslo(at: Date): LocalDateTime {
  const p = wallClock(at);
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

function wallClock(at: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const p: Record<string, string> = {};
  for (const part of PARTS.formatToParts(validInstant(at))) {
    p[part.type] = part.value;
  }
  return p;
}

/**
 * An instant as Oslo local time with seconds and its offset, e.g. `2025-01-15T10:11:54+01:00` (ISO 8601; what
 * an xs:dateTime reader in Norway expects, and unambiguous).
 * @param at - the instant
 */
export function osloIsoDateTime(at: Date): string {
  const p = wallClock(at);
  const offset = offsetMinutes(at);
  const hh = String(Math.floor(offset / 60)).padStart(2, '0');
  const mm = String(offset % 60).padStart(2, '0');
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}+${hh}:${mm}`;
}

/**
 * The Oslo date of an instant.
 * @param at - the instant
 */
export function osloDateOf(at: Date): string {
  return toOslo(at).date;
}

/** Offset of Oslo from UTC at an instant, in minutes (60 or 120). */
function offsetMinutes(at: Date): number {
  const p = wallClock(at);
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant of an Oslo wall-clock time, or null when that time does not exist (the hour skipped in spring).
 * In the autumn hour that occurs twice, the first (summer-time) occurrence is taken, as calendars do.
 * @param date - YYYY-MM-DD; a date that does not exist is an InvalidDateError
 * @param time - HH:mm, 00:00–23:59; another is an InvalidDateError
 */
export function fromOslo(date: string, time: string): Date | null {
  const [y, mo, d] = dateParts(date);
  const [h, mi] = timeParts(time);
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  // Try summer time (UTC+2) first, then standard time (UTC+1): the first that maps back is the answer.
  for (const offset of [120, 60]) {
    const candidate = new Date(naive - offset * 60_000);
    if (offsetMinutes(candidate) === offset) {
      const back = toOslo(candidate);
      if (back.date === date && back.time === time) {
        return candidate;
      }
    }
  }
  return null;
}

/**
 * The instant an Oslo day starts (00:00 always exists in Oslo: the changes happen at 02:00/03:00).
 * @param date - YYYY-MM-DD
 */
export function startOfOsloDate(date: string): Date {
  return fromOslo(date, '00:00')!;
}

/**
 * A date moved by whole calendar days.
 * @param date - YYYY-MM-DD
 * @param days - may be negative; a result outside the years 1000–9999 is an InvalidDateError
 */
export function addCalendarDays(date: string, days: number): string {
  const [y, m, d] = dateParts(date);
  const moved = new Date(Date.UTC(y, m - 1, d + days));
  const year = moved.getUTCFullYear();
  if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) {
    throw new InvalidDateError(`${date} ${days >= 0 ? '+' : '−'} ${Math.abs(days)}`);
  }
  return moved.toISOString().slice(0, 10);
}

/**
 * ISO weekday, 1 = Monday … 7 = Sunday.
 * @param date - YYYY-MM-DD
 */
export function isoWeekday(date: string): number {
  const [y, m, d] = dateParts(date);
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * Minutes between two HH:mm times of the same day.
 * @param from - HH:mm
 * @param to - HH:mm
 */
export function minutesBetween(from: string, to: string): number {
  const [fh, fm] = from.split(':').map(Number) as [number, number];
  const [th, tm] = to.split(':').map(Number) as [number, number];
  return th * 60 + tm - (fh * 60 + fm);
}

/**
 * An HH:mm time plus minutes (within the day).
 * @param time - HH:mm
 * @param minutes - minutes to add
 */
export function addMinutesToTime(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
