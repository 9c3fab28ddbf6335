import { and, asc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import {
  appointmentAvailabilityRules,
  appointments,
  appointmentSlots,
  appointmentTypes,
  careRelations,
  persons,
  serviceUnits,
} from '../../platform/db/schema.ts';
import { inMunicipality } from '../../platform/db/tenancy.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import { addCalendarDays } from '../../platform/time/oslo-time.ts';
import { activeCareRelationOn } from '../care/index.ts';
import { expandRule, type RuleRow } from './slots.ts';

/** The SQL for slots and the availability rules (EPJ schedules) they come from. */

export type SlotRow = typeof appointmentSlots.$inferSelect;
type NewSlot = typeof appointmentSlots.$inferInsert;
type NewRule = typeof appointmentAvailabilityRules.$inferInsert;

/** No appointment that is not cancelled holds the slot. */
const notHeld = () =>
  sql`NOT EXISTS (SELECT 1 FROM ${appointments} WHERE ${appointments.slotId} = ${appointmentSlots.id} AND ${appointments.status} <> 'cancelled')`;

/**
 * Free slots matching `where`: no appointment that is not cancelled holds them, and they have not started.
 * @param q - database or transaction
 * @param where - the condition
 * @param now - slots starting at or before now are not free
 */
export async function freeSlots(q: Queryable, where: SQL | undefined, now: Date): Promise<SlotRow[]> {
  return q
    .select()
    .from(appointmentSlots)
    .where(and(where, gte(appointmentSlots.startsAt, now), notHeld()))
    .orderBy(asc(appointmentSlots.startsAt));
}

/** A unit's free slots starting in [start, end), for its calendar. */
export const freeSlotsOfUnit = (q: Queryable, ctx: RequestContext, unitId: string, start: Date, end: Date, now: Date) =>
  freeSlots(
    q,
    and(
      eq(appointmentSlots.serviceUnitId, unitId),
      inMunicipality(appointmentSlots.municipalityId, ctx),
      gte(appointmentSlots.startsAt, start),
      lt(appointmentSlots.startsAt, end),
    ),
    now,
  );

/** A type's free slots starting in [start, end), for a citizen choosing a time. */
export const freeSlotsOfType = (q: Queryable, typeId: string, start: Date, end: Date, now: Date) =>
  freeSlots(
    q,
    and(
      eq(appointmentSlots.appointmentTypeId, typeId),
      gte(appointmentSlots.startsAt, start),
      lt(appointmentSlots.startsAt, end),
    ),
    now,
  );

/**
 * A slot with what booking it needs to know, in one round trip: its type and unit, the principal's name, whether an
 * appointment that is not cancelled holds it now, and whether the principal may book in its municipality
 * (registered there, or receiving a service there today — care's own predicate).
 */
export async function slotForBooking(q: Queryable, slotId: string, principalId: string, today: string) {
  const [row] = await q
    .select({
      s: appointmentSlots,
      t: appointmentTypes,
      u: serviceUnits,
      citizenName: sql<string>`(SELECT ${persons.givenName} || ' ' || ${persons.familyName} FROM ${persons} WHERE ${persons.id} = ${principalId})`,
      taken: sql<boolean>`EXISTS (SELECT 1 FROM ${appointments} WHERE ${appointments.slotId} = ${appointmentSlots.id} AND ${appointments.status} <> 'cancelled')`,
      allowed: sql<boolean>`(
        ${appointmentTypes.municipalityId} = (SELECT ${persons.municipalityId} FROM ${persons} WHERE ${persons.id} = ${principalId})
        OR EXISTS (SELECT 1 FROM ${careRelations} WHERE ${careRelations.personId} = ${principalId}
          AND ${careRelations.municipalityId} = ${appointmentTypes.municipalityId}
          AND ${activeCareRelationOn(today)}))`,
    })
    .from(appointmentSlots)
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointmentSlots.appointmentTypeId))
    .innerJoin(serviceUnits, eq(serviceUnits.id, appointmentSlots.serviceUnitId))
    .where(eq(appointmentSlots.id, slotId));
  return row ?? null;
}

export type SlotForBooking = NonNullable<Awaited<ReturnType<typeof slotForBooking>>>;

/**
 * Locks a slot's row for this transaction, or answers false at once when another transaction holds it (someone is
 * booking it right now). The contenders for a popular slot are told "taken" immediately instead of queueing
 * behind the winner's commit; the unique index on appointments(slot_id) stays the guarantee.
 */
export async function lockSlot(q: Queryable, slotId: string): Promise<boolean> {
  const rows = await q
    .select({ id: appointmentSlots.id })
    .from(appointmentSlots)
    .where(eq(appointmentSlots.id, slotId))
    .for('update', { skipLocked: true });
  return rows.length > 0;
}

/** A slot of the unit, in the caller's municipality. */
export async function slotOfUnit(
  q: Queryable,
  ctx: RequestContext,
  unitId: string,
  slotId: string,
): Promise<SlotRow | undefined> {
  const [s] = await q
    .select()
    .from(appointmentSlots)
    .where(
      and(
        eq(appointmentSlots.id, slotId),
        eq(appointmentSlots.serviceUnitId, unitId),
        inMunicipality(appointmentSlots.municipalityId, ctx),
      ),
    );
  return s;
}

/** One slot by id. */
export async function slotById(q: Queryable, id: string): Promise<SlotRow | undefined> {
  const [s] = await q.select().from(appointmentSlots).where(eq(appointmentSlots.id, id));
  return s;
}

/** A unit's slots starting in [start, end), free or booked (an appointment that is not cancelled holds it). */
export async function slotsOfUnit(q: Queryable, ctx: RequestContext, unitId: string, start: Date, end: Date) {
  return q
    .select({ s: appointmentSlots, booked: sql<boolean>`${appointments.id} IS NOT NULL` })
    .from(appointmentSlots)
    .leftJoin(
      appointments,
      and(eq(appointments.slotId, appointmentSlots.id), sql`${appointments.status} <> 'cancelled'`),
    )
    .where(
      and(
        eq(appointmentSlots.serviceUnitId, unitId),
        inMunicipality(appointmentSlots.municipalityId, ctx),
        gte(appointmentSlots.startsAt, start),
        lt(appointmentSlots.startsAt, end),
      ),
    )
    .orderBy(appointmentSlots.startsAt);
}

/**
 * Inserts a slot; undefined when the type already has one at that time (unique (type, start)).
 * @param q - the open transaction
 */
export async function insertSlot(q: Queryable, values: NewSlot): Promise<{ id: string } | undefined> {
  const [s] = await q
    .insert(appointmentSlots)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: appointmentSlots.id });
  return s;
}

/** A rule's future slots that no appointment has ever held, cancelled or not. */
export async function unusedFutureSlotsOfRule(q: Queryable, ruleId: string, now: Date) {
  return q
    .select({ id: appointmentSlots.id, startsAt: appointmentSlots.startsAt })
    .from(appointmentSlots)
    .where(
      and(
        eq(appointmentSlots.ruleId, ruleId),
        gte(appointmentSlots.startsAt, now),
        sql`NOT EXISTS (SELECT 1 FROM ${appointments} WHERE ${appointments.slotId} = ${appointmentSlots.id})`,
      ),
    );
}

/** Deletes slots by id. */
export async function deleteSlots(q: Queryable, ids: string[]): Promise<void> {
  await q.delete(appointmentSlots).where(inArray(appointmentSlots.id, ids));
}

/** Inserts an availability rule. */
export async function insertRule(q: Queryable, values: NewRule): Promise<RuleRow> {
  const [created] = await q.insert(appointmentAvailabilityRules).values(values).returning();
  return created!;
}

/**
 * Changes a rule of the unit and type in the caller's municipality; undefined when there is none.
 * @param values - the new rule; its slots are regenerated from scratch
 */
export async function updateRule(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  of: { serviceUnitId: string; appointmentTypeId: string },
  values: Partial<NewRule>,
): Promise<RuleRow | undefined> {
  const [updated] = await q
    .update(appointmentAvailabilityRules)
    .set(values)
    .where(
      and(
        eq(appointmentAvailabilityRules.id, id),
        eq(appointmentAvailabilityRules.serviceUnitId, of.serviceUnitId),
        eq(appointmentAvailabilityRules.appointmentTypeId, of.appointmentTypeId),
        inMunicipality(appointmentAvailabilityRules.municipalityId, ctx),
      ),
    )
    .returning();
  return updated;
}

/** A rule in the caller's municipality. */
export async function ruleInMunicipality(q: Queryable, ctx: RequestContext, id: string): Promise<RuleRow | undefined> {
  const [r] = await q
    .select()
    .from(appointmentAvailabilityRules)
    .where(
      and(eq(appointmentAvailabilityRules.id, id), inMunicipality(appointmentAvailabilityRules.municipalityId, ctx)),
    );
  return r;
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
    .select({
      rule: appointmentAvailabilityRules,
      duration: appointmentTypes.durationMinutes,
      everyDay: serviceUnits.visitsEveryDay,
    })
    .from(appointmentAvailabilityRules)
    .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointmentAvailabilityRules.appointmentTypeId))
    .innerJoin(serviceUnits, eq(serviceUnits.id, appointmentAvailabilityRules.serviceUnitId))
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
  for (const { rule, duration, everyDay } of rules) {
    const from =
      rule.slotsGeneratedUntil && rule.slotsGeneratedUntil >= today
        ? addCalendarDays(rule.slotsGeneratedUntil, 1)
        : today;
    const times = expandRule(rule, duration, from, until, everyDay);
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
