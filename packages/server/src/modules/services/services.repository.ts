import type { MunicipalServiceStatus } from '@helsebro/contracts';
import { and, asc, count, desc, eq, gte, inArray, isNull, lte, max, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import {
  careRelations,
  serviceUnits,
  dataProcessingAgreements,
  epjProducts,
  municipalities,
  municipalityServiceHistory,
  municipalityServices,
  serviceCatalogueAreas,
  serviceCatalogueServices,
  serviceCatalogueVersions,
} from '../../platform/db/schema.ts';

export type CatalogueVersionRow = typeof serviceCatalogueVersions.$inferSelect;
export type CatalogueAreaRow = typeof serviceCatalogueAreas.$inferSelect;
export type CatalogueServiceRow = typeof serviceCatalogueServices.$inferSelect;
export type DpaRow = typeof dataProcessingAgreements.$inferSelect;
export type StatusRow = typeof municipalityServices.$inferSelect;
export type HistoryRow = typeof municipalityServiceHistory.$inferSelect;
export type Catalogue = { version: CatalogueVersionRow; areas: CatalogueAreaRow[]; services: CatalogueServiceRow[] };

// --- The catalogue (platform tables: one for every municipality) ---

/** The newest catalogue version with its areas and services, in their order; version 1 is seeded by 0015. */
export async function currentCatalogue(q: Queryable): Promise<Catalogue> {
  const [latest] = await q
    .select()
    .from(serviceCatalogueVersions)
    .orderBy(desc(serviceCatalogueVersions.version))
    .limit(1);
  if (!latest) {
    throw new Error('The service catalogue has no version (migration 0015 seeds version 1).');
  }
  const [areas, services] = await Promise.all([
    q
      .select()
      .from(serviceCatalogueAreas)
      .where(eq(serviceCatalogueAreas.version, latest.version))
      .orderBy(asc(serviceCatalogueAreas.position)),
    q
      .select()
      .from(serviceCatalogueServices)
      .where(eq(serviceCatalogueServices.version, latest.version))
      .orderBy(asc(serviceCatalogueServices.position)),
  ]);
  return { version: latest, areas, services };
}

export async function insertCatalogue(
  q: Queryable,
  version: typeof serviceCatalogueVersions.$inferInsert,
  areas: (typeof serviceCatalogueAreas.$inferInsert)[],
  services: (typeof serviceCatalogueServices.$inferInsert)[],
) {
  await q.insert(serviceCatalogueVersions).values(version);
  await q.insert(serviceCatalogueAreas).values(areas);
  await q.insert(serviceCatalogueServices).values(services);
}

export async function latestCatalogueVersion(q: Queryable): Promise<number> {
  const [row] = await q.select({ v: max(serviceCatalogueVersions.version) }).from(serviceCatalogueVersions);
  return row?.v ?? 0;
}

// --- A municipality's EPJ product (platform tables) ---

export async function epjProductOf(q: Queryable, municipalityId: string) {
  const [row] = await q
    .select({ id: epjProducts.id, vendor: epjProducts.vendor, name: epjProducts.name, services: epjProducts.services })
    .from(municipalities)
    .innerJoin(epjProducts, eq(epjProducts.id, municipalities.epjProductId))
    .where(eq(municipalities.id, municipalityId));
  return row ?? null;
}

export async function municipalityExists(q: Queryable, municipalityId: string): Promise<boolean> {
  const [row] = await q
    .select({ id: municipalities.id })
    .from(municipalities)
    .where(eq(municipalities.id, municipalityId));
  return Boolean(row);
}

// --- Data processing agreements (municipal: every query names the municipality) ---

export async function latestDpa(q: Queryable, municipalityId: string): Promise<DpaRow | null> {
  const [row] = await q
    .select()
    .from(dataProcessingAgreements)
    .where(eq(dataProcessingAgreements.municipalityId, municipalityId))
    .orderBy(desc(dataProcessingAgreements.recordedAt), desc(dataProcessingAgreements.signedOn))
    .limit(1);
  return row ?? null;
}

export async function insertDpa(q: Queryable, values: typeof dataProcessingAgreements.$inferInsert) {
  const [row] = await q.insert(dataProcessingAgreements).values(values).returning();
  return row as DpaRow;
}

// --- Service status and its history (municipal) ---

/**
 * The statuses in which a service is offered: active, and terminating — under notice a service continues until the
 * effective date (seed 000 §6).
 */
export const IN_USE_UNTIL_END: MunicipalServiceStatus[] = ['active', 'terminating'];

export async function statusesOf(q: Queryable, municipalityId: string): Promise<StatusRow[]> {
  return q.select().from(municipalityServices).where(eq(municipalityServices.municipalityId, municipalityId));
}

/** The rows of the services, locked for the status change that reads them. */
export async function statusesForUpdate(q: Queryable, municipalityId: string, codes: readonly string[]) {
  return q
    .select()
    .from(municipalityServices)
    .where(
      and(
        eq(municipalityServices.municipalityId, municipalityId),
        inArray(municipalityServices.serviceCode, [...codes]),
      ),
    )
    .for('update');
}

export type StatusChange = {
  serviceCode: string;
  status: MunicipalServiceStatus;
  fromStatus: MunicipalServiceStatus | null;
  reason: string | null;
};

/** Sets each service's current status and appends its history row (who, when, why), in two statements. */
export async function writeStatuses(
  q: Queryable,
  municipalityId: string,
  catalogueVersion: number,
  changes: readonly StatusChange[],
  actor: { actorKind: string; actorId: string | null },
) {
  if (changes.length === 0) {
    return;
  }
  const changedAt = new Date();
  await q
    .insert(municipalityServices)
    .values(
      changes.map((c) => ({
        municipalityId,
        serviceCode: c.serviceCode,
        status: c.status,
        catalogueVersion,
        changedAt,
      })),
    )
    .onConflictDoUpdate({
      target: [municipalityServices.municipalityId, municipalityServices.serviceCode],
      set: { status: sql`excluded.status`, catalogueVersion, changedAt },
    });
  await q.insert(municipalityServiceHistory).values(
    changes.map((c) => ({
      municipalityId,
      serviceCode: c.serviceCode,
      fromStatus: c.fromStatus,
      toStatus: c.status,
      reason: c.reason,
      changedAt,
      ...actor,
    })),
  );
}

/** The service codes with status `active` for each of the municipalities. */
export async function activeCodes(q: Queryable, municipalityIds: readonly string[]) {
  if (municipalityIds.length === 0) {
    return [];
  }
  return q
    .select({ municipalityId: municipalityServices.municipalityId, code: municipalityServices.serviceCode })
    .from(municipalityServices)
    .where(
      and(
        inArray(municipalityServices.municipalityId, [...municipalityIds]),
        inArray(municipalityServices.status, IN_USE_UNTIL_END),
      ),
    );
}

export async function historyPage(q: Queryable, municipalityId: string, offset: number, limit: number) {
  const where = eq(municipalityServiceHistory.municipalityId, municipalityId);
  const [rows, [total]] = await Promise.all([
    q
      .select()
      .from(municipalityServiceHistory)
      .where(where)
      .orderBy(desc(municipalityServiceHistory.changedAt), desc(municipalityServiceHistory.id))
      .offset(offset)
      .limit(limit),
    q.select({ n: count() }).from(municipalityServiceHistory).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/**
 * The municipalities whose units the person receives services from today: care relations in force, as care's
 * `activeCareRelationOn` defines it (not imported: care's gated use cases import this module).
 */
export async function servingMunicipalities(q: Queryable, personId: string, today: string): Promise<string[]> {
  const rows = await q
    .selectDistinct({ municipalityId: careRelations.municipalityId })
    .from(careRelations)
    .where(
      and(
        eq(careRelations.personId, personId),
        lte(careRelations.validFrom, today),
        or(isNull(careRelations.validTo), gte(careRelations.validTo, today)),
      ),
    );
  return rows.map((r) => r.municipalityId);
}

/** Which of the units belong to a municipality with the service active. */
export async function unitsWithActive(q: Queryable, unitIds: readonly string[], code: string): Promise<Set<string>> {
  if (unitIds.length === 0) {
    return new Set();
  }
  const rows = await q
    .select({ id: serviceUnits.id })
    .from(serviceUnits)
    .innerJoin(
      municipalityServices,
      and(
        eq(municipalityServices.municipalityId, serviceUnits.municipalityId),
        eq(municipalityServices.serviceCode, code),
        inArray(municipalityServices.status, IN_USE_UNTIL_END),
      ),
    )
    .where(inArray(serviceUnits.id, [...new Set(unitIds)]));
  return new Set(rows.map((r) => r.id));
}

/** What the gate needs in one round trip: the service in the newest catalogue, its status, whether a DPA exists. */
export async function gateFacts(q: Queryable, municipalityId: string, code: string) {
  const [row] = await q
    .select({
      nameNb: serviceCatalogueServices.nameNb,
      requiresDpa: serviceCatalogueServices.requiresDpa,
      status: municipalityServices.status,
      hasDpa: sql<boolean>`EXISTS (SELECT 1 FROM ${dataProcessingAgreements} WHERE ${dataProcessingAgreements.municipalityId} = ${municipalityId})`,
    })
    .from(serviceCatalogueServices)
    .leftJoin(
      municipalityServices,
      and(eq(municipalityServices.municipalityId, municipalityId), eq(municipalityServices.serviceCode, code)),
    )
    .where(
      and(
        eq(serviceCatalogueServices.code, code),
        // The service's newest definition, not the newest catalogue: a service a later catalogue leaves out stays usable
        // where it is active until it is wound down (seed 000 §6), rather than being switched off by a publication.
        eq(
          serviceCatalogueServices.version,
          sql`(SELECT max(s.version) FROM ${serviceCatalogueServices} s WHERE s.code = ${code})`,
        ),
      ),
    );
  return row ?? null;
}
