import { and, asc, count, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import {
  epjClients,
  epjProducts,
  municipalities,
  personnel,
  personnelRoles,
  serviceUnits,
} from '../../platform/db/schema.ts';
import { inMunicipality } from '../../platform/db/tenancy.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';

export type MunicipalityRow = typeof municipalities.$inferSelect;
export type ProductRow = typeof epjProducts.$inferSelect;
export type PersonnelRow = typeof personnel.$inferSelect;
export type UnitRow = typeof serviceUnits.$inferSelect;
export type ClientRow = typeof epjClients.$inferSelect;
export type RoleCode = (typeof personnelRoles.$inferSelect)['role'];
export type Paging = { search?: string | undefined; offset: number; limit: number };
export type StaffPaging = Paging & { only?: string };

/** `%term%` for ILIKE with the pattern characters taken literally. */
const like = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// --- Municipalities (platform table: the operator's view) ---

export async function listMunicipalities(q: Queryable, p: Paging) {
  const where = p.search
    ? or(
        ilike(municipalities.name, like(p.search)),
        eq(municipalities.number, p.search),
        eq(municipalities.orgNumber, p.search),
      )
    : undefined;
  const [rows, [total]] = await Promise.all([
    q
      .select()
      .from(municipalities)
      .where(where)
      .orderBy(asc(municipalities.name), asc(municipalities.id))
      .offset(p.offset)
      .limit(p.limit),
    q.select({ n: count() }).from(municipalities).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** The onboarding fields another municipality already holds. */
export async function takenMunicipalityFields(q: Queryable, number: string, orgNumber: string) {
  const rows = await q
    .select({ number: municipalities.number, orgNumber: municipalities.orgNumber })
    .from(municipalities)
    .where(or(eq(municipalities.number, number), eq(municipalities.orgNumber, orgNumber)));
  return {
    number: rows.some((r) => r.number === number),
    orgNumber: rows.some((r) => r.orgNumber === orgNumber),
  };
}

export async function insertMunicipality(q: Queryable, values: typeof municipalities.$inferInsert) {
  const [row] = await q.insert(municipalities).values(values).returning();
  return row as MunicipalityRow;
}

export async function findMunicipality(q: Queryable, id: string): Promise<MunicipalityRow | null> {
  const [row] = await q.select().from(municipalities).where(eq(municipalities.id, id));
  return row ?? null;
}

export async function setEpjSystem(q: Queryable, ctx: RequestContext, productId: string, version: string) {
  await q
    .update(municipalities)
    .set({ epjProductId: productId, epjVersion: version })
    .where(inMunicipality(municipalities.id, ctx));
}

// --- EPJ products (platform table) ---

export const listProducts = (q: Queryable) =>
  q.select().from(epjProducts).orderBy(asc(epjProducts.vendor), asc(epjProducts.name));

export async function findProduct(q: Queryable, id: string): Promise<ProductRow | null> {
  const [row] = await q.select().from(epjProducts).where(eq(epjProducts.id, id));
  return row ?? null;
}

export async function findProductByName(q: Queryable, vendor: string, name: string): Promise<ProductRow | null> {
  const [row] = await q
    .select()
    .from(epjProducts)
    .where(and(sql`lower(${epjProducts.vendor}) = lower(${vendor})`, sql`lower(${epjProducts.name}) = lower(${name})`));
  return row ?? null;
}

export async function insertProduct(q: Queryable, values: typeof epjProducts.$inferInsert) {
  const [row] = await q.insert(epjProducts).values(values).returning();
  return row as ProductRow;
}

/** Sets (or clears, all three null) a product's support contact; null when there is no product by that id. */
export async function updateProductSupport(
  q: Queryable,
  id: string,
  values: Pick<ProductRow, 'supportName' | 'supportEmail' | 'supportPhone'>,
): Promise<ProductRow | null> {
  const [row] = await q.update(epjProducts).set(values).where(eq(epjProducts.id, id)).returning();
  return row ?? null;
}

// --- Personnel (platform table) and their roles (municipal table) ---

export async function findPersonnelBy(q: Queryable, by: { nin: string } | { hprNumber: string }) {
  const [row] = await q
    .select()
    .from(personnel)
    .where('nin' in by ? eq(personnel.nin, by.nin) : eq(personnel.hprNumber, by.hprNumber));
  return row ?? null;
}

export async function insertPersonnel(q: Queryable, values: typeof personnel.$inferInsert) {
  const [row] = await q.insert(personnel).values(values).returning();
  return row as PersonnelRow;
}

export async function updatePersonnel(
  q: Queryable,
  id: string,
  values: Pick<PersonnelRow, 'givenName' | 'familyName' | 'hprNumber'>,
) {
  await q.update(personnel).set(values).where(eq(personnel.id, id));
}

/** The administrators of a municipality (for the operator, who is not scoped to one). */
export const administratorsOf = (q: Queryable, municipalityId: string) =>
  q
    .select({
      personnelId: personnel.id,
      givenName: personnel.givenName,
      familyName: personnel.familyName,
      hprNumber: personnel.hprNumber,
    })
    .from(personnelRoles)
    .innerJoin(personnel, eq(personnel.id, personnelRoles.personnelId))
    .where(and(eq(personnelRoles.municipalityId, municipalityId), eq(personnelRoles.role, 'municipal_admin')))
    .orderBy(asc(personnel.familyName), asc(personnel.givenName));

/** Gives a role unless the person has it; the unique key does not cover a role without a unit (NULLs differ). */
export async function grantRole(
  q: Queryable,
  municipalityId: string,
  personnelId: string,
  role: RoleCode,
  unitId: string | null,
): Promise<boolean> {
  const [existing] = await q
    .select({ id: personnelRoles.id })
    .from(personnelRoles)
    .where(
      and(
        eq(personnelRoles.municipalityId, municipalityId),
        eq(personnelRoles.personnelId, personnelId),
        eq(personnelRoles.role, role),
        unitId ? eq(personnelRoles.serviceUnitId, unitId) : isNull(personnelRoles.serviceUnitId),
      ),
    );
  if (existing) {
    return false;
  }
  await q.insert(personnelRoles).values({ municipalityId, personnelId, role, serviceUnitId: unitId });
  return true;
}

export async function hasRoleInMunicipality(q: Queryable, ctx: RequestContext, personnelId: string, role?: RoleCode) {
  const [row] = await q
    .select({ id: personnelRoles.id })
    .from(personnelRoles)
    .where(
      and(
        eq(personnelRoles.personnelId, personnelId),
        inMunicipality(personnelRoles.municipalityId, ctx),
        role ? eq(personnelRoles.role, role) : undefined,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Removes every role the person has in the caller's municipality; their roles elsewhere stay. */
export async function removeRoles(q: Queryable, ctx: RequestContext, personnelId: string): Promise<number> {
  const rows = await q
    .delete(personnelRoles)
    .where(and(eq(personnelRoles.personnelId, personnelId), inMunicipality(personnelRoles.municipalityId, ctx)))
    .returning({ id: personnelRoles.id });
  return rows.length;
}

/** One page of the municipality's staff (everyone with a role there), by family name; with their roles. */
export async function listStaff(q: Queryable, ctx: RequestContext, p: StaffPaging) {
  const conditions: SQL[] = [inMunicipality(personnelRoles.municipalityId, ctx)];
  if (p.only) {
    conditions.push(eq(personnelRoles.personnelId, p.only));
  }
  if (p.search) {
    const term = like(p.search);
    const match = or(
      ilike(personnel.familyName, term),
      ilike(personnel.givenName, term),
      sql`(${personnel.givenName} || ' ' || ${personnel.familyName}) ILIKE ${term}`,
      eq(personnel.hprNumber, p.search),
    );
    if (match) {
      conditions.push(match);
    }
  }
  const ids = q
    .selectDistinct({ id: personnelRoles.personnelId })
    .from(personnelRoles)
    .innerJoin(personnel, eq(personnel.id, personnelRoles.personnelId))
    .where(and(...conditions));
  const [people, [total]] = await Promise.all([
    q
      .select()
      .from(personnel)
      .where(inArray(personnel.id, ids))
      .orderBy(asc(personnel.familyName), asc(personnel.givenName), asc(personnel.id))
      .offset(p.offset)
      .limit(p.limit),
    q.select({ n: count() }).from(ids.as('ids')),
  ]);
  const roles = people.length
    ? await q
        .select({
          personnelId: personnelRoles.personnelId,
          role: personnelRoles.role,
          unitId: personnelRoles.serviceUnitId,
          unitName: serviceUnits.name,
        })
        .from(personnelRoles)
        .leftJoin(serviceUnits, eq(serviceUnits.id, personnelRoles.serviceUnitId))
        .where(
          and(
            inMunicipality(personnelRoles.municipalityId, ctx),
            inArray(
              personnelRoles.personnelId,
              people.map((r) => r.id),
            ),
          ),
        )
        .orderBy(asc(serviceUnits.name), asc(personnelRoles.role))
    : [];
  return { people, roles, total: total?.n ?? 0 };
}

// --- Units (municipal table) ---

export const listUnits = (q: Queryable, ctx: RequestContext) =>
  q.select().from(serviceUnits).where(inMunicipality(serviceUnits.municipalityId, ctx)).orderBy(asc(serviceUnits.name));

export async function findUnit(q: Queryable, ctx: RequestContext, id: string): Promise<UnitRow | null> {
  const [row] = await q
    .select()
    .from(serviceUnits)
    .where(and(eq(serviceUnits.id, id), inMunicipality(serviceUnits.municipalityId, ctx)));
  return row ?? null;
}

export async function unitNameTaken(q: Queryable, ctx: RequestContext, name: string, exceptId?: string) {
  const rows = await q
    .select({ id: serviceUnits.id })
    .from(serviceUnits)
    .where(and(inMunicipality(serviceUnits.municipalityId, ctx), sql`lower(${serviceUnits.name}) = lower(${name})`));
  return rows.some((r) => r.id !== exceptId);
}

export async function insertUnit(q: Queryable, values: typeof serviceUnits.$inferInsert) {
  const [row] = await q.insert(serviceUnits).values(values).returning();
  return row as UnitRow;
}

export async function updateUnit(
  q: Queryable,
  ctx: RequestContext,
  id: string,
  values: Partial<
    Pick<UnitRow, 'name' | 'kind' | 'phone' | 'functionalEmail' | 'herId' | 'closedAt' | 'visitsEveryDay'>
  >,
): Promise<UnitRow | null> {
  const [row] = await q
    .update(serviceUnits)
    .set(values)
    .where(and(eq(serviceUnits.id, id), inMunicipality(serviceUnits.municipalityId, ctx)))
    .returning();
  return row ?? null;
}

// --- EPJ machine clients: the development IdP's client records, by municipality ---

export const listClients = (q: Queryable, ctx: RequestContext) =>
  q.select().from(epjClients).where(inMunicipality(epjClients.municipalityId, ctx)).orderBy(asc(epjClients.clientId));

export async function findClientById(q: Queryable, clientId: string): Promise<ClientRow | null> {
  const [row] = await q.select().from(epjClients).where(eq(epjClients.clientId, clientId));
  return row ?? null;
}

export async function insertClient(q: Queryable, values: typeof epjClients.$inferInsert) {
  const [row] = await q.insert(epjClients).values(values).returning();
  return row as ClientRow;
}

export async function updateClient(
  q: Queryable,
  ctx: RequestContext,
  clientId: string,
  values: Partial<Pick<ClientRow, 'clientSecret' | 'jwks' | 'revokedAt'>>,
): Promise<ClientRow | null> {
  const [row] = await q
    .update(epjClients)
    .set(values)
    .where(and(eq(epjClients.clientId, clientId), inMunicipality(epjClients.municipalityId, ctx)))
    .returning();
  return row ?? null;
}

/** The municipality with this number (the operator's list is searched by it; the demo seed finds its own by it). */
export async function findMunicipalityByNumber(q: Queryable, number: string): Promise<MunicipalityRow | null> {
  const [row] = await q.select().from(municipalities).where(eq(municipalities.number, number));
  return row ?? null;
}
