import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import {
  careRelations,
  municipalities,
  municipalityServices,
  operatorWindDowns,
  persons,
  serviceCatalogueServices,
  serviceTerminations,
} from '../../platform/db/schema.ts';
import { inMunicipality } from '../../platform/db/tenancy.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';

export type TerminationRow = typeof serviceTerminations.$inferSelect;
export type WindDownRow = typeof operatorWindDowns.$inferSelect;
export type TerminationWithName = TerminationRow & { municipalityName: string; instructionReference: string | null };

export async function findMunicipalityName(q: Queryable, id: string) {
  const [row] = await q
    .select({ name: municipalities.name, number: municipalities.number })
    .from(municipalities)
    .where(eq(municipalities.id, id));
  return row ?? null;
}

export const allMunicipalityIds = async (q: Queryable) =>
  (await q.select({ id: municipalities.id }).from(municipalities)).map((r) => r.id);

/** The municipality's services and their status (platform-wide read by id: the operator's wind-down uses it too). */
export async function serviceStatuses(q: Queryable, municipalityId: string) {
  return q
    .select({ code: municipalityServices.serviceCode, status: municipalityServices.status })
    .from(municipalityServices)
    .where(eq(municipalityServices.municipalityId, municipalityId));
}

export async function insertTermination(q: Queryable, values: typeof serviceTerminations.$inferInsert) {
  const [row] = await q.insert(serviceTerminations).values(values).returning();
  return row as TerminationRow;
}

export async function insertWindDown(q: Queryable, values: typeof operatorWindDowns.$inferInsert) {
  const [row] = await q.insert(operatorWindDowns).values(values).returning();
  return row as WindDownRow;
}

const withName = {
  row: serviceTerminations,
  municipalityName: municipalities.name,
  instructionReference: operatorWindDowns.instructionReference,
};

const flatten = (rows: Array<{ row: TerminationRow; municipalityName: string; instructionReference: string | null }>) =>
  rows.map((r) => ({ ...r.row, municipalityName: r.municipalityName, instructionReference: r.instructionReference }));

const joined = (q: Queryable) =>
  q
    .select(withName)
    .from(serviceTerminations)
    .innerJoin(municipalities, eq(municipalities.id, serviceTerminations.municipalityId))
    .leftJoin(operatorWindDowns, eq(operatorWindDowns.id, serviceTerminations.windDownId));

/** The caller's municipality's notices, newest first. */
export async function terminationsOf(q: Queryable, ctx: RequestContext): Promise<TerminationWithName[]> {
  return flatten(
    await joined(q)
      .where(inMunicipality(serviceTerminations.municipalityId, ctx))
      .orderBy(desc(serviceTerminations.givenAt)),
  );
}

/** Every municipality's notices for the operator, searchable by the municipality's name or number. */
export async function terminationPage(q: Queryable, p: { search?: string | undefined; offset: number; limit: number }) {
  const where = p.search
    ? or(
        ilike(municipalities.name, `%${p.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
        eq(municipalities.number, p.search),
      )
    : undefined;
  const [rows, [total]] = await Promise.all([
    joined(q)
      .where(where)
      .orderBy(asc(serviceTerminations.effectiveDate), asc(municipalities.name), asc(serviceTerminations.id))
      .offset(p.offset)
      .limit(p.limit),
    q
      .select({ n: count() })
      .from(serviceTerminations)
      .innerJoin(municipalities, eq(municipalities.id, serviceTerminations.municipalityId))
      .where(where),
  ]);
  return { rows: flatten(rows), total: total?.n ?? 0 };
}

export async function windDowns(q: Queryable) {
  return q
    .select({
      row: operatorWindDowns,
      municipalities: sql<number>`(SELECT count(*)::int FROM service_terminations t WHERE t.wind_down_id = ${operatorWindDowns.id})`,
    })
    .from(operatorWindDowns)
    .orderBy(desc(operatorWindDowns.createdAt));
}

/** Notices not yet carried out whose effective date has come, locked so two runs do not end the same one. */
export async function dueTerminations(q: Queryable, today: string): Promise<TerminationRow[]> {
  return q
    .select()
    .from(serviceTerminations)
    .where(and(isNull(serviceTerminations.endedAt), lte(serviceTerminations.effectiveDate, today)))
    .orderBy(asc(serviceTerminations.effectiveDate), asc(serviceTerminations.id))
    .for('update', { skipLocked: true });
}

export async function markEnded(q: Queryable, id: string, at: Date) {
  await q.update(serviceTerminations).set({ endedAt: at }).where(eq(serviceTerminations.id, id));
}

/** A wind-down is carried out when every municipality's notice of it is. */
export async function markWindDownsEnded(q: Queryable, at: Date) {
  await q
    .update(operatorWindDowns)
    .set({ endedAt: at })
    .where(
      and(
        isNull(operatorWindDowns.endedAt),
        sql`NOT EXISTS (SELECT 1 FROM service_terminations t WHERE t.wind_down_id = ${operatorWindDowns.id}
          AND t.ended_at IS NULL)`,
      ),
    );
}

/**
 * The municipalities a citizen belongs to for notices: the home municipality and those of the units with a care
 * relation in force (seed 000 §6: the citizens of the municipality are told before the end).
 */
export async function municipalitiesOfPerson(q: Queryable, personId: string, today: string): Promise<string[]> {
  const [home] = await q.select({ id: persons.municipalityId }).from(persons).where(eq(persons.id, personId));
  const served = await q
    .selectDistinct({ id: careRelations.municipalityId })
    .from(careRelations)
    .where(
      and(
        eq(careRelations.personId, personId),
        lte(careRelations.validFrom, today),
        or(isNull(careRelations.validTo), gte(careRelations.validTo, today)),
      ),
    );
  return [...new Set([home?.id, ...served.map((s) => s.id)].filter((id): id is string => !!id))];
}

/** The notices of those municipalities whose effective date is not further back than `since`. */
export async function noticesFor(q: Queryable, municipalityIds: string[], since: string) {
  if (municipalityIds.length === 0) {
    return [];
  }
  return flatten(
    await joined(q)
      .where(
        and(
          inArray(serviceTerminations.municipalityId, municipalityIds),
          gte(serviceTerminations.effectiveDate, since),
        ),
      )
      .orderBy(asc(serviceTerminations.effectiveDate)),
  );
}

/**
 * The names of the codes in the newest catalogue version that has each (a service dropped from the newest version
 * can still be wound down where municipalities have it); codes no version knows are left out.
 */
export async function serviceNames(q: Queryable, codes: string[]) {
  if (codes.length === 0) {
    return new Map<string, { nb: string; nn: string; en: string }>();
  }
  const rows = await q
    .selectDistinctOn([serviceCatalogueServices.code], {
      code: serviceCatalogueServices.code,
      nb: serviceCatalogueServices.nameNb,
      nn: serviceCatalogueServices.nameNn,
      en: serviceCatalogueServices.nameEn,
    })
    .from(serviceCatalogueServices)
    .where(inArray(serviceCatalogueServices.code, codes))
    .orderBy(asc(serviceCatalogueServices.code), desc(serviceCatalogueServices.version));
  return new Map(rows.map((r) => [r.code, { nb: r.nb, nn: r.nn, en: r.en }]));
}
