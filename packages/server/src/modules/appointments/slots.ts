import { and, eq, lt, or, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { appointmentAvailabilityRules, appointmentSlots, appointmentTypes } from '../../platform/db/schema.ts';
import {
  addCalendarDays,
  addMinutesToTime,
  fromOslo,
  isoWeekday,
  minutesBetween,
} from '../../platform/time/oslo-time.ts';
import { holidayName } from '../../platform/time/working-days.ts';

export type RuleRow = typeof appointmentAvailabilityRules.$inferSelect;

/**
 * The slot start times (Oslo wall clock) an availability rule gives between two dates: on its weekdays, from its
 * start time one slot after another while a whole slot fits before its end time. A time that does not exist (the
 * spring-forward hour) gives no slot; public holidays give none unless the rule says otherwise.
 * @param rule - the rule
 * @param durationMinutes - the type's duration
 * @param from - first date (inclusive)
 * @param to - last date (inclusive)
 */
export function expandRule(
  rule: Pick<RuleRow, 'weekdays' | 'startTime' | 'endTime' | 'validFrom' | 'validTo' | 'skipHolidays'>,
  durationMinutes: number,
  from: string,
  to: string,
): Array<{ startsAt: Date; endsAt: Date }> {
  const first = rule.validFrom > from ? rule.validFrom : from;
  const last = rule.validTo && rule.validTo < to ? rule.validTo : to;
  const start = rule.startTime.slice(0, 5);
  const end = rule.endTime.slice(0, 5);
  const perDay = Math.floor(minutesBetween(start, end) / durationMinutes);
  const out: Array<{ startsAt: Date; endsAt: Date }> = [];
  for (let date = first; date <= last; date = addCalendarDays(date, 1)) {
    if (!rule.weekdays.includes(isoWeekday(date)) || (rule.skipHolidays && holidayName(date))) {
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

/**
 * Makes sure the slots of the active rules (of one unit or one type) exist up to `until`. Idempotent: a slot that
 * exists (same type and start) is not inserted again, so this can run on demand, from a job or twice at once.
 * @param q - database or transaction
 * @param scope - which rules
 * @param today - Oslo date; no slots are generated before it
 * @param until - last Oslo date
 * @returns how many slots were inserted
 */
export async function ensureSlots(
  q: Queryable,
  scope: { serviceUnitId?: string; appointmentTypeId?: string; ruleId?: string },
  today: string,
  until: string,
): Promise<number> {
  const rules = await q
    .select({ rule: appointmentAvailabilityRules, duration: appointmentTypes.durationMinutes })
    .from(appointmentAvailabilityRules)
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointmentAvailabilityRules.appointmentTypeId))
    .where(
      and(
        eq(appointmentAvailabilityRules.active, true),
        scope.serviceUnitId ? eq(appointmentAvailabilityRules.serviceUnitId, scope.serviceUnitId) : undefined,
        scope.appointmentTypeId
          ? eq(appointmentAvailabilityRules.appointmentTypeId, scope.appointmentTypeId)
          : undefined,
        scope.ruleId ? eq(appointmentAvailabilityRules.id, scope.ruleId) : undefined,
        or(
          isNull(appointmentAvailabilityRules.slotsGeneratedUntil),
          lt(appointmentAvailabilityRules.slotsGeneratedUntil, until),
        ),
      ),
    );
  let inserted = 0;
  for (const { rule, duration } of rules) {
    const from =
      rule.slotsGeneratedUntil && rule.slotsGeneratedUntil >= today
        ? addCalendarDays(rule.slotsGeneratedUntil, 1)
        : today;
    const times = expandRule(rule, duration, from, until);
    for (let i = 0; i < times.length; i += 500) {
      const rows = await q
        .insert(appointmentSlots)
        .values(
          times.slice(i, i + 500).map((t) => ({
            municipalityId: rule.municipalityId,
            serviceUnitId: rule.serviceUnitId,
            appointmentTypeId: rule.appointmentTypeId,
            ruleId: rule.id,
            ...t,
          })),
        )
        .onConflictDoNothing()
        .returning({ id: appointmentSlots.id });
      inserted += rows.length;
    }
    await q
      .update(appointmentAvailabilityRules)
      .set({ slotsGeneratedUntil: until })
      .where(
        and(
          eq(appointmentAvailabilityRules.id, rule.id),
          sql`(${appointmentAvailabilityRules.slotsGeneratedUntil} IS NULL OR ${appointmentAvailabilityRules.slotsGeneratedUntil} < ${until})`,
        ),
      );
  }
  return inserted;
}
