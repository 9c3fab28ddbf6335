import { and, asc, eq, gte, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { careRelations, persons, personnel, personnelRoles } from '../../platform/db/schema.ts';
import { inMunicipality } from '../../platform/db/tenancy.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import { activeCareRelationOn } from './care.repository.ts';

const row = {
  id: careRelations.id,
  serviceUnitId: careRelations.serviceUnitId,
  personId: persons.id,
  givenName: persons.givenName,
  familyName: persons.familyName,
  birthDate: persons.birthDate,
  validFrom: careRelations.validFrom,
  validTo: careRelations.validTo,
  primaryId: personnel.id,
  primaryName: sql<string | null>`${personnel.givenName} || ' ' || ${personnel.familyName}`,
  endReason: careRelations.endReason,
  updatedAt: careRelations.updatedAt,
};

const base = (q: Queryable) =>
  q
    .select(row)
    .from(careRelations)
    .innerJoin(persons, eq(persons.id, careRelations.personId))
    .leftJoin(personnel, eq(personnel.id, careRelations.primaryContactId));

export type UnitRelationRow = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

export type ListFilter = { unitId: string; q?: string | undefined; status: 'active' | 'ended' | 'all'; today: string };

function listWhere(ctx: RequestContext, f: ListFilter): SQL {
  const term = f.q?.trim().toLowerCase();
  const ended = and(isNotNull(careRelations.validTo), lt(careRelations.validTo, f.today))!;
  return and(
    inMunicipality(careRelations.municipalityId, ctx),
    eq(careRelations.serviceUnitId, f.unitId),
    f.status === 'active' ? activeCareRelationOn(f.today) : f.status === 'ended' ? ended : undefined,
    term
      ? sql`lower(${persons.givenName} || ' ' || ${persons.familyName}) LIKE ${`%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`
      : undefined,
  )!;
}

/**
 * A page of a unit's care relations, by family name, with the total.
 * @param q - database or open transaction
 * @param ctx - the caller (its municipality is the tenant filter)
 */
export async function unitRelations(
  q: Queryable,
  ctx: RequestContext,
  f: ListFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: UnitRelationRow[]; total: number }> {
  const where = listWhere(ctx, f);
  const rows = await base(q)
    .where(where)
    .orderBy(asc(persons.familyName), asc(persons.givenName), asc(careRelations.validFrom), asc(careRelations.id))
    .limit(page.limit)
    .offset(page.offset);
  const [count] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(careRelations)
    .innerJoin(persons, eq(persons.id, careRelations.personId))
    .where(where);
  return { rows, total: count?.n ?? 0 };
}

/**
 * One care relation of a unit in the caller's municipality.
 * @param q - database or open transaction
 */
export async function unitRelation(
  q: Queryable,
  ctx: RequestContext,
  unitId: string,
  id: string,
): Promise<UnitRelationRow | null> {
  const [r] = await base(q).where(
    and(
      inMunicipality(careRelations.municipalityId, ctx),
      eq(careRelations.serviceUnitId, unitId),
      eq(careRelations.id, id),
    ),
  );
  return r ?? null;
}

/**
 * Whether the person already has a relation with the unit that overlaps the period.
 * @param q - database or open transaction
 */
export async function overlapping(
  q: Queryable,
  ctx: RequestContext,
  p: { unitId: string; personId: string; validFrom: string; validTo: string | null },
): Promise<boolean> {
  const [r] = await q
    .select({ id: careRelations.id })
    .from(careRelations)
    .where(
      and(
        inMunicipality(careRelations.municipalityId, ctx),
        eq(careRelations.serviceUnitId, p.unitId),
        eq(careRelations.personId, p.personId),
        or(isNull(careRelations.validTo), gte(careRelations.validTo, p.validFrom)),
        p.validTo === null ? undefined : sql`${careRelations.validFrom} <= ${p.validTo}`,
      ),
    )
    .limit(1);
  return r !== undefined;
}

/**
 * Whether the staff member has a role in the unit (a primary contact must work there).
 * @param q - database or open transaction
 */
export async function worksInUnit(q: Queryable, ctx: RequestContext, personnelId: string, unitId: string) {
  const [r] = await q
    .select({ id: personnelRoles.id })
    .from(personnelRoles)
    .where(
      and(
        inMunicipality(personnelRoles.municipalityId, ctx),
        eq(personnelRoles.personnelId, personnelId),
        eq(personnelRoles.serviceUnitId, unitId),
      ),
    )
    .limit(1);
  return r !== undefined;
}

/**
 * Inserts a care relation.
 * @param q - the open transaction
 */
export async function insertRelation(q: Queryable, values: typeof careRelations.$inferInsert): Promise<string> {
  const [r] = await q.insert(careRelations).values(values).returning({ id: careRelations.id });
  return r!.id;
}

/**
 * Ends a care relation.
 * @param q - the open transaction
 */
export async function endRelation(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  end: Pick<typeof careRelations.$inferInsert, 'validTo' | 'endReason' | 'endedByPersonnelId' | 'endedAt'>,
): Promise<void> {
  await q
    .update(careRelations)
    .set({ ...end, updatedAt: sql`now()` })
    .where(and(inMunicipality(careRelations.municipalityId, ctx), eq(careRelations.id, id)));
}

/**
 * The municipality's care relations changed after an instant, oldest change first (the EPJ's change list). The
 * instant the EPJ passes back is an ISO string with milliseconds, while the column keeps microseconds: compared at
 * the string's precision, so the last item of a page is not answered again.
 * @param q - database or open transaction
 */
export async function changedSince(
  q: Queryable,
  ctx: RequestContext,
  since: Date | null,
  limit: number,
): Promise<UnitRelationRow[]> {
  return base(q)
    .where(
      and(
        inMunicipality(careRelations.municipalityId, ctx),
        since ? sql`date_trunc('milliseconds', ${careRelations.updatedAt}) > ${since}` : undefined,
      ),
    )
    .orderBy(asc(careRelations.updatedAt), asc(careRelations.id))
    .limit(limit);
}

/**
 * The unit of a care relation in the caller's municipality, if it is one.
 * @param q - database or open transaction
 */
export async function unitOfRelation(q: Queryable, ctx: RequestContext, id: string): Promise<string | null> {
  const [r] = await q
    .select({ unitId: careRelations.serviceUnitId })
    .from(careRelations)
    .where(and(inMunicipality(careRelations.municipalityId, ctx), eq(careRelations.id, id)));
  return r?.unitId ?? null;
}
