import type { OpeningInterval } from '@helsebro/contracts';
import { isoWeekday, toOslo } from '../../platform/time/oslo-time.ts';
import { holidayName } from '../../platform/time/working-days.ts';

/**
 * Whether a unit is closed at an instant by its weekly hours (Oslo wall clock): a public holiday, or a time
 * outside every interval of that weekday. The closing time itself is closed ("08:00–15:30" takes messages until
 * 15:29). A unit that has set no weekly hours is never closed by them: only its absences count then.
 * @param weeklyHours - the unit's intervals, or null when it has set none
 * @param at - the instant
 */
export function closedAt(weeklyHours: readonly OpeningInterval[] | null, at: Date): boolean {
  if (weeklyHours === null || weeklyHours.length === 0) {
    return false;
  }
  const { date, time } = toOslo(at);
  if (holidayName(date) !== null) {
    return true;
  }
  const weekday = isoWeekday(date);
  return !weeklyHours.some((i) => i.weekday === weekday && i.opens <= time && time < i.closes);
}
