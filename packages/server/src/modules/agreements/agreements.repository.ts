import { and, asc, count, desc, eq, ilike, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import {
  municipalities,
  municipalityDigifin,
  operators,
  personnel,
  personnelRoles,
  termsAcceptances,
  termsVersions,
} from '../../platform/db/schema.ts';
import { inMunicipality } from '../../platform/db/tenancy.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';

export type TermsVersionRow = typeof termsVersions.$inferSelect;
export type DigifinRow = typeof municipalityDigifin.$inferSelect;
export type VersionWithCount = TermsVersionRow & { acceptedCount: number };

/** `%term%` for ILIKE with the pattern characters taken literally. */
const like = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// --- Terms versions (platform table) ---

/** Every version, newest first per document, with how many municipalities accepted each. */
export async function listVersions(q: Queryable): Promise<VersionWithCount[]> {
  const accepted = q
    .select({ versionId: termsAcceptances.termsVersionId, n: count().as('n') })
    .from(termsAcceptances)
    .groupBy(termsAcceptances.termsVersionId)
    .as('accepted');
  const rows = await q
    .select({ v: termsVersions, n: accepted.n })
    .from(termsVersions)
    .leftJoin(accepted, eq(accepted.versionId, termsVersions.id))
    .orderBy(
      asc(termsVersions.document),
      sql`${termsVersions.publishedAt} DESC NULLS FIRST`,
      desc(termsVersions.createdAt),
    );
  return rows.map((r) => ({ ...r.v, acceptedCount: Number(r.n ?? 0) }));
}

export async function findVersion(q: Queryable, id: string): Promise<TermsVersionRow | null> {
  const [row] = await q.select().from(termsVersions).where(eq(termsVersions.id, id));
  return row ?? null;
}

export async function findVersionByLabel(q: Queryable, document: TermsVersionRow['document'], version: string) {
  const [row] = await q
    .select({ id: termsVersions.id })
    .from(termsVersions)
    .where(and(eq(termsVersions.document, document), eq(termsVersions.version, version)));
  return row ?? null;
}

export async function insertVersion(q: Queryable, values: typeof termsVersions.$inferInsert) {
  const [row] = await q.insert(termsVersions).values(values).returning();
  return row as TermsVersionRow;
}

/** Records the KS consultation on a draft; null when the version is no longer a draft. */
export async function setKsConsultation(
  q: Queryable,
  id: string,
  values: Pick<TermsVersionRow, 'ksSentOn' | 'ksAnswer' | 'ksAnsweredOn'>,
): Promise<TermsVersionRow | null> {
  const [row] = await q
    .update(termsVersions)
    .set(values)
    .where(and(eq(termsVersions.id, id), eq(termsVersions.status, 'draft')))
    .returning();
  return row ?? null;
}

/** Publishes a draft; null when another request published it first. */
export async function publishVersion(q: Queryable, id: string, acceptBy: string, at: Date) {
  const [row] = await q
    .update(termsVersions)
    .set({ status: 'published', acceptBy, publishedAt: at })
    .where(and(eq(termsVersions.id, id), eq(termsVersions.status, 'draft')))
    .returning();
  return row ?? null;
}

/** The newest published version of the document, the one municipalities must accept (same order as listVersions). */
export async function currentVersion(q: Queryable, document: TermsVersionRow['document']) {
  const [row] = await q
    .select({ id: termsVersions.id })
    .from(termsVersions)
    .where(and(eq(termsVersions.document, document), eq(termsVersions.status, 'published')))
    .orderBy(desc(termsVersions.publishedAt), desc(termsVersions.createdAt))
    .limit(1);
  return row?.id ?? null;
}

export async function countMunicipalities(q: Queryable): Promise<number> {
  const [row] = await q.select({ n: count() }).from(municipalities);
  return row?.n ?? 0;
}

export type AcceptancePaging = {
  search?: string | undefined;
  accepted: 'all' | 'yes' | 'no';
  offset: number;
  limit: number;
};

/** Every municipality (the operator's view, a platform table) and whether it accepted the version; paged. */
export async function acceptancesOfVersion(q: Queryable, versionId: string, p: AcceptancePaging) {
  const joined = and(
    eq(termsAcceptances.municipalityId, municipalities.id),
    eq(termsAcceptances.termsVersionId, versionId),
  );
  const where = and(
    p.search ? or(ilike(municipalities.name, like(p.search)), eq(municipalities.number, p.search)) : undefined,
    p.accepted === 'yes'
      ? isNotNull(termsAcceptances.id)
      : p.accepted === 'no'
        ? isNull(termsAcceptances.id)
        : undefined,
  );
  const [rows, [total]] = await Promise.all([
    q
      .select({
        municipalityId: municipalities.id,
        name: municipalities.name,
        number: municipalities.number,
        acceptedAt: termsAcceptances.acceptedAt,
      })
      .from(municipalities)
      .leftJoin(termsAcceptances, joined)
      .where(where)
      .orderBy(asc(municipalities.name), asc(municipalities.id))
      .offset(p.offset)
      .limit(p.limit),
    q.select({ n: count() }).from(municipalities).leftJoin(termsAcceptances, joined).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

// --- Acceptances and DigiFin (municipal tables) ---

/** The municipality's acceptances, with who accepted and the version. */
export function acceptancesOf(q: Queryable, ctx: RequestContext) {
  return q
    .select({
      versionId: termsAcceptances.termsVersionId,
      acceptedAt: termsAcceptances.acceptedAt,
      givenName: personnel.givenName,
      familyName: personnel.familyName,
    })
    .from(termsAcceptances)
    .innerJoin(personnel, eq(personnel.id, termsAcceptances.acceptedByPersonnelId))
    .where(inMunicipality(termsAcceptances.municipalityId, ctx));
}

/** Records the acceptance; false when the municipality had already accepted this version. */
export async function insertAcceptance(q: Queryable, ctx: RequestContext, versionId: string, personnelId: string) {
  const rows = await q
    .insert(termsAcceptances)
    .values({
      municipalityId: ctx.municipalityId as string,
      termsVersionId: versionId,
      acceptedByPersonnelId: personnelId,
    })
    .onConflictDoNothing()
    .returning({ id: termsAcceptances.id });
  return rows.length === 1;
}

export async function findDigifin(q: Queryable, ctx: RequestContext): Promise<DigifinRow | null> {
  const [row] = await q
    .select()
    .from(municipalityDigifin)
    .where(inMunicipality(municipalityDigifin.municipalityId, ctx));
  return row ?? null;
}

export async function upsertDigifin(
  q: Queryable,
  ctx: RequestContext,
  values: Omit<typeof municipalityDigifin.$inferInsert, 'municipalityId' | 'updatedAt'>,
) {
  // inMunicipality refuses a context without a municipality; the row's key is that municipality.
  inMunicipality(municipalityDigifin.municipalityId, ctx);
  await q
    .insert(municipalityDigifin)
    .values({ ...values, municipalityId: ctx.municipalityId as string })
    .onConflictDoUpdate({
      target: municipalityDigifin.municipalityId,
      set: { ...values, updatedAt: sql`now()` },
    });
}

export async function findMunicipalityName(q: Queryable, id: string): Promise<string | null> {
  const [row] = await q.select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.id, id));
  return row?.name ?? null;
}

// --- For the demo seed ---

/** The municipalities (platform table) and the first operator. */
export async function demoParties(q: Queryable) {
  const [munis, [operator]] = await Promise.all([
    q.select({ id: municipalities.id }).from(municipalities).orderBy(asc(municipalities.number)),
    q.select({ id: operators.id }).from(operators).orderBy(asc(operators.createdAt)).limit(1),
  ]);
  return { operatorId: operator?.id ?? null, municipalityIds: munis.map((m) => m.id) };
}

/** The municipality's first administrator, or null when it has none yet. */
export async function firstAdministrator(q: Queryable, ctx: RequestContext): Promise<string | null> {
  const [row] = await q
    .select({ id: personnelRoles.personnelId })
    .from(personnelRoles)
    .where(and(inMunicipality(personnelRoles.municipalityId, ctx), eq(personnelRoles.role, 'municipal_admin')))
    .orderBy(asc(personnelRoles.createdAt))
    .limit(1);
  return row?.id ?? null;
}
