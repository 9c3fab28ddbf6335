/**
 * Europe/Oslo wall-clock time ↔ instants, correct across the summer-time changes (last Sunday of March 02:00 →
 * 03:00, last Sunday of October 03:00 → 02:00; EU directive 2000/84/EC). Uses the platform's Intl time-zone data
 * only. Dates are `YYYY-MM-DD`, times `HH:mm`.
 */
export const OSLO_TZ = 'Europe/Oslo';

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
  for (const part of PARTS.formatToParts(at)) {
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
 * @param date - YYYY-MM-DD
 * @param time - HH:mm
 */
export function fromOslo(date: string, time: string): Date | null {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
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
 * @param days - may be negative
 */
export function addCalendarDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * ISO weekday, 1 = Monday … 7 = Sunday.
 * @param date - YYYY-MM-DD
 */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
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
