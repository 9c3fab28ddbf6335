import type { appointmentAvailabilityRules } from '../../platform/db/schema.ts';
import {
  addCalendarDays,
  addMinutesToTime,
  fromOslo,
  isoWeekday,
  minutesBetween,
} from '../../platform/time/oslo-time.ts';
import { holidayName, isWorkingDay } from '../../platform/time/working-days.ts';

export type RuleRow = typeof appointmentAvailabilityRules.$inferSelect;

/**
 * Whether a unit works on a date: a unit that works every day (home care, issue 15) on every date; any other unit
 * on working days only (weekends and public holidays off).
 */
export const unitWorksOn = (date: string, everyDay: boolean) => everyDay || isWorkingDay(date);

/**
 * The slot start times (Oslo wall clock) an availability rule gives between two dates: on its weekdays, from its
 * start time one slot after another while a whole slot fits before its end time. A time that does not exist (the
 * spring-forward hour) gives no slot; public holidays give none unless the rule says otherwise. A unit that does not
 * work every day gets no weekend slots whatever the rule's weekdays say; one that does (home care, issue 15) works
 * on public holidays too, so the rule's holiday flag does not hold it back.
 * @param rule - the rule
 * @param durationMinutes - the type's duration
 * @param from - first date (inclusive)
 * @param to - last date (inclusive)
 * @param everyDay - the unit's `visitsEveryDay`
 */
export function expandRule(
  rule: Pick<RuleRow, 'weekdays' | 'startTime' | 'endTime' | 'validFrom' | 'validTo' | 'skipHolidays'>,
  durationMinutes: number,
  from: string,
  to: string,
  everyDay: boolean,
): Array<{ startsAt: Date; endsAt: Date }> {
  const first = rule.validFrom > from ? rule.validFrom : from;
  const last = rule.validTo && rule.validTo < to ? rule.validTo : to;
  const start = rule.startTime.slice(0, 5);
  const end = rule.endTime.slice(0, 5);
  const perDay = Math.floor(minutesBetween(start, end) / durationMinutes);
  const out: Array<{ startsAt: Date; endsAt: Date }> = [];
  for (let date = first; date <= last; date = addCalendarDays(date, 1)) {
    const weekday = isoWeekday(date);
    const off = everyDay ? false : weekday > 5 || (rule.skipHolidays && holidayName(date) !== null);
    if (!rule.weekdays.includes(weekday) || off) {
      continue;
    }
    for (let i = 0; i < perDay; i++) {
      const startsAt = fromOslo(date, addMinutesToTime(start, i * durationMinutes));
      if (startsAt) {
        out.push({ startsAt, endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000) });
      }
    }
  }
  return out;
}
