import type { AppointmentTypeBody } from '@helsebro/contracts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { appointmentTypes, careRelations, municipalities, persons, serviceUnits } from '../../platform/db/schema.ts';
import { inMunicipality } from '../../platform/db/tenancy.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import { activeCareRelationOn } from '../care/index.ts';

/** The SQL for appointment types: which a unit offers, and which a citizen may book where. */

export type TypeRow = typeof appointmentTypes.$inferSelect;

/** A type of the unit, in the caller's municipality. */
export async function typeOfUnit(
  q: Queryable,
  ctx: RequestContext,
  unitId: string,
  typeId: string,
): Promise<TypeRow | undefined> {
  const [t] = await q
    .select()
    .from(appointmentTypes)
    .where(
      and(
        eq(appointmentTypes.id, typeId),
        eq(appointmentTypes.serviceUnitId, unitId),
        inMunicipality(appointmentTypes.municipalityId, ctx),
      ),
    );
  return t;
}

/** A type with the id and municipality of its unit, when both are in the caller's municipality (EPJ schedules). */
export async function typeWithUnitInMunicipality(q: Queryable, ctx: RequestContext, unitId: string, typeId: string) {
  const [row] = await q
    .select({
      unitId: serviceUnits.id,
      municipalityId: serviceUnits.municipalityId,
      everyDay: serviceUnits.visitsEveryDay,
      type: appointmentTypes,
    })
    .from(appointmentTypes)
    .innerJoin(serviceUnits, eq(serviceUnits.id, appointmentTypes.serviceUnitId))
    .where(
      and(
        eq(appointmentTypes.id, typeId),
        eq(serviceUnits.id, unitId),
        inMunicipality(appointmentTypes.municipalityId, ctx),
      ),
    );
  return row;
}

/** The types of some units (already scoped by the caller), by name. */
export async function typesOfUnits(q: Queryable, ctx: RequestContext, unitIds: string[]): Promise<TypeRow[]> {
  return q
    .select()
    .from(appointmentTypes)
    .where(and(inArray(appointmentTypes.serviceUnitId, unitIds), inMunicipality(appointmentTypes.municipalityId, ctx)))
    .orderBy(asc(appointmentTypes.name));
}

/** One type by id. */
export async function typeById(q: Queryable, id: string): Promise<TypeRow | undefined> {
  const [t] = await q.select().from(appointmentTypes).where(eq(appointmentTypes.id, id));
  return t;
}

/** A type with its unit, in any municipality (the citizen side checks where the citizen may book). */
export async function typeWithUnit(q: Queryable, id: string) {
  const [row] = await q
    .select({ t: appointmentTypes, u: serviceUnits })
    .from(appointmentTypes)
    .innerJoin(serviceUnits, eq(serviceUnits.id, appointmentTypes.serviceUnitId))
    .where(eq(appointmentTypes.id, id));
  return row;
}

/** The active self-bookable types of some municipalities, with unit and municipality, by unit and type name. */
export async function selfBookableTypesIn(q: Queryable, municipalityIds: string[]) {
  return q
    .select({ t: appointmentTypes, u: serviceUnits, m: { id: municipalities.id, name: municipalities.name } })
    .from(appointmentTypes)
    .innerJoin(serviceUnits, eq(serviceUnits.id, appointmentTypes.serviceUnitId))
    .innerJoin(municipalities, eq(municipalities.id, appointmentTypes.municipalityId))
    .where(
      and(
        inArray(appointmentTypes.municipalityId, municipalityIds),
        eq(appointmentTypes.selfBookable, true),
        eq(appointmentTypes.active, true),
      ),
    )
    .orderBy(serviceUnits.name, appointmentTypes.name);
}

/**
 * The municipalities a citizen may book in: where they are registered, and where they receive a service now.
 * @param q - database or transaction
 * @param personId - the principal
 * @param today - Oslo date
 */
export async function bookableMunicipalities(q: Queryable, personId: string, today: string): Promise<string[]> {
  const [person] = await q.select({ m: persons.municipalityId }).from(persons).where(eq(persons.id, personId));
  const relations = await q
    .select({ m: careRelations.municipalityId })
    .from(careRelations)
    .where(and(eq(careRelations.personId, personId), activeCareRelationOn(today)));
  return [...new Set([person?.m, ...relations.map((r) => r.m)].filter((m): m is string => Boolean(m)))];
}

/**
 * Creates a type of a unit (the administrator's API, and the demo seed through the same function).
 * @param q - the open transaction
 * @param unit - the unit, already scoped to the caller's municipality
 * @param body - the type's name, kind, duration and booking and cancellation rules
 */
export async function insertType(
  q: Queryable,
  unit: { id: string; municipalityId: string },
  body: AppointmentTypeBody,
): Promise<TypeRow> {
  const [row] = await q
    .insert(appointmentTypes)
    .values({ ...body, municipalityId: unit.municipalityId, serviceUnitId: unit.id })
    .returning();
  return row!;
}

/** Changes a type's name and rules; appointments already booked keep their times. */
export async function updateType(q: Queryable, type: TypeRow, body: AppointmentTypeBody): Promise<TypeRow> {
  const [row] = await q
    .update(appointmentTypes)
    .set(body)
    .where(and(eq(appointmentTypes.id, type.id), eq(appointmentTypes.municipalityId, type.municipalityId)))
    .returning();
  return row!;
}

/** Ends a type: it stays for the appointments that name it, but is no longer offered. */
export async function endType(q: Queryable, type: TypeRow): Promise<TypeRow> {
  const [row] = await q
    .update(appointmentTypes)
    .set({ active: false })
    .where(and(eq(appointmentTypes.id, type.id), eq(appointmentTypes.municipalityId, type.municipalityId)))
    .returning();
  return row!;
}
