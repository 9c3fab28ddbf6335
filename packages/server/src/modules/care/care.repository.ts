import { aliasedTable, and, asc, eq, gt, gte, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { CareRelationItem } from '@helsebro/contracts';
import type { Queryable } from '../../platform/db/client.ts';
import {
  careRelations,
  emergencyAccessGrants,
  municipalities,
  persons,
  personnel,
  personnelRoles,
  serviceUnits,
} from '../../platform/db/schema.ts';
import { inMunicipality } from '../../platform/db/tenancy.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';

const primary = aliasedTable(personnel, 'primary_contact');
const coordinator = aliasedTable(personnel, 'coordinator');

/**
 * A care relation in force on an Oslo date: started, and not ended before it. The one definition every module
 * uses (through care's index) for "receives services from this unit".
 * @param today - Oslo date (YYYY-MM-DD)
 */
export const activeCareRelationOn = (today: string): SQL =>
  and(lte(careRelations.validFrom, today), or(isNull(careRelations.validTo), gte(careRelations.validTo, today)))!;

function relationQuery(q: Queryable) {
  return q
    .select({
      id: careRelations.id,
      personId: careRelations.personId,
      validFrom: careRelations.validFrom,
      validTo: careRelations.validTo,
      municipality: { id: municipalities.id, name: municipalities.name, number: municipalities.number },
      serviceUnit: {
        id: serviceUnits.id,
        name: serviceUnits.name,
        kind: serviceUnits.kind,
        phone: serviceUnits.phone,
        email: serviceUnits.email,
      },
      primaryId: primary.id,
      primaryName: sql<string | null>`${primary.givenName} || ' ' || ${primary.familyName}`,
      coordinatorId: coordinator.id,
      coordinatorName: sql<string | null>`${coordinator.givenName} || ' ' || ${coordinator.familyName}`,
    })
    .from(careRelations)
    .innerJoin(municipalities, eq(municipalities.id, careRelations.municipalityId))
    .innerJoin(serviceUnits, eq(serviceUnits.id, careRelations.serviceUnitId))
    .leftJoin(primary, eq(primary.id, careRelations.primaryContactId))
    .leftJoin(coordinator, eq(coordinator.id, careRelations.coordinatorId));
}

type RelationRow = Awaited<ReturnType<ReturnType<typeof relationQuery>['execute']>>[number];
export type CareRelation = CareRelationItem & { personId: string };

function toRelation(r: RelationRow, today: string): CareRelation {
  const ref = (id: string | null, name: string | null) => (id && name ? { personnelId: id, displayName: name } : null);
  return {
    id: r.id,
    personId: r.personId,
    municipality: r.municipality,
    serviceUnit: r.serviceUnit,
    primaryContact: ref(r.primaryId, r.primaryName),
    coordinator: ref(r.coordinatorId, r.coordinatorName),
    validFrom: r.validFrom,
    validTo: r.validTo,
    active: r.validFrom <= today && (r.validTo === null || today <= r.validTo),
  };
}

/**
 * Care relations active today in the service units where the staff member has a role, in the caller's
 * municipality.
 * @param q - database or open transaction
 * @param ctx - a personnel context (its municipality is the tenant filter)
 */
export async function activeRelationsInMyUnits(
  q: Queryable,
  ctx: RequestContext,
  personnelId: string,
  today: string,
): Promise<CareRelation[]> {
  const myUnits = q
    .select({ id: personnelRoles.serviceUnitId })
    .from(personnelRoles)
    .where(and(eq(personnelRoles.personnelId, personnelId), inMunicipality(personnelRoles.municipalityId, ctx)));
  const rows = await relationQuery(q)
    .where(
      and(
        inMunicipality(careRelations.municipalityId, ctx),
        inArray(careRelations.serviceUnitId, myUnits),
        activeCareRelationOn(today),
      ),
    )
    .orderBy(asc(careRelations.personId), asc(serviceUnits.name));
  return rows.map((r) => toRelation(r, today));
}

/**
 * A person's care relations in the caller's municipality (active and former), newest first.
 * @param q - database or open transaction
 * @param ctx - a personnel context
 */
export async function relationsInMunicipality(
  q: Queryable,
  ctx: RequestContext,
  personId: string,
  today: string,
): Promise<CareRelation[]> {
  const rows = await relationQuery(q)
    .where(and(inMunicipality(careRelations.municipalityId, ctx), eq(careRelations.personId, personId)))
    .orderBy(sql`${careRelations.validFrom} DESC`, asc(serviceUnits.name));
  return rows.map((r) => toRelation(r, today));
}

/**
 * Whether the person has a care relation active today in the caller's municipality (tjenstlig behov).
 * @param q - database or open transaction
 * @param ctx - a personnel context
 */
export async function hasActiveRelation(
  q: Queryable,
  ctx: RequestContext,
  personId: string,
  today: string,
): Promise<boolean> {
  const [row] = await q
    .select({ id: careRelations.id })
    .from(careRelations)
    .where(
      and(
        inMunicipality(careRelations.municipalityId, ctx),
        eq(careRelations.personId, personId),
        activeCareRelationOn(today),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * A citizen's own care relations in every municipality (their health contacts). Selected by the person, not by
 * tenant: the rows are the citizen's own, and one may receive services in several municipalities.
 * @param q - database or open transaction
 */
export async function relationsOfCitizen(q: Queryable, personId: string, today: string): Promise<CareRelation[]> {
  const rows = await relationQuery(q)
    .where(eq(careRelations.personId, personId))
    .orderBy(sql`${careRelations.validFrom} DESC`, asc(serviceUnits.name));
  return rows.map((r) => toRelation(r, today));
}

export type Grant = typeof emergencyAccessGrants.$inferSelect;

/**
 * The staff member's emergency access grant for the person that has not expired, if any (the latest).
 * @param q - database or open transaction
 * @param ctx - a personnel context
 */
export async function findActiveGrant(
  q: Queryable,
  ctx: RequestContext,
  personnelId: string,
  personId: string,
  now: Date,
): Promise<Grant | null> {
  const [row] = await q
    .select()
    .from(emergencyAccessGrants)
    .where(
      and(
        inMunicipality(emergencyAccessGrants.municipalityId, ctx),
        eq(emergencyAccessGrants.personnelId, personnelId),
        eq(emergencyAccessGrants.personId, personId),
        gt(emergencyAccessGrants.expiresAt, now),
      ),
    )
    .orderBy(sql`${emergencyAccessGrants.expiresAt} DESC`)
    .limit(1);
  return row ?? null;
}

/**
 * Records an emergency access grant.
 * @param q - the open transaction
 */
export async function insertGrant(q: Queryable, row: typeof emergencyAccessGrants.$inferInsert): Promise<Grant> {
  const [inserted] = await q.insert(emergencyAccessGrants).values(row).returning();
  return inserted!;
}

export type Citizen = {
  id: string;
  nin: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  streetAddress: string | null;
  postalCode: string | null;
  postalPlace: string | null;
  addressProtection: 'none' | 'confidential' | 'strictly_confidential';
  deceasedOn: string | null;
  municipality: { id: string; name: string; number: string } | null;
};

/**
 * A citizen in the population register by identity number or id, with the home municipality.
 * @param q - database or open transaction
 */
export async function findCitizen(q: Queryable, by: { nin: string } | { id: string }): Promise<Citizen | null> {
  const [row] = await q
    .select({
      id: persons.id,
      nin: persons.nin,
      givenName: persons.givenName,
      familyName: persons.familyName,
      birthDate: persons.birthDate,
      streetAddress: persons.streetAddress,
      postalCode: persons.postalCode,
      postalPlace: persons.postalPlace,
      addressProtection: persons.addressProtection,
      deceasedOn: persons.deceasedOn,
      municipalityId: municipalities.id,
      municipalityName: municipalities.name,
      municipalityNumber: municipalities.number,
    })
    .from(persons)
    .leftJoin(municipalities, eq(municipalities.id, persons.municipalityId))
    .where('nin' in by ? eq(persons.nin, by.nin) : eq(persons.id, by.id))
    .limit(1);
  if (!row) {
    return null;
  }
  const { municipalityId, municipalityName, municipalityNumber, ...person } = row;
  return {
    ...person,
    municipality:
      municipalityId && municipalityName && municipalityNumber
        ? { id: municipalityId, name: municipalityName, number: municipalityNumber }
        : null,
  };
}

/**
 * The staff member's role and unit in the caller's municipality, for the audit entry ("who, in which role").
 * @param q - database or open transaction
 * @param ctx - a personnel context
 */
export async function staffRole(
  q: Queryable,
  ctx: RequestContext,
  personnelId: string,
): Promise<{ role: string; unit: string | null } | null> {
  const [row] = await q
    .select({ role: personnelRoles.role, unit: serviceUnits.name })
    .from(personnelRoles)
    .leftJoin(serviceUnits, eq(serviceUnits.id, personnelRoles.serviceUnitId))
    .where(
      and(
        eq(personnelRoles.personnelId, personnelId),
        inMunicipality(personnelRoles.municipalityId, ctx),
        // Administering the municipality is no service need for a citizen's data (pjl § 19).
        ne(personnelRoles.role, 'municipal_admin'),
      ),
    )
    .orderBy(asc(personnelRoles.role), asc(serviceUnits.name))
    .limit(1);
  return row ?? null;
}
