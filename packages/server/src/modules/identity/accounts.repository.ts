import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { municipalities, operators, personnel, personnelRoles, persons } from '../../platform/db/schema.ts';

/**
 * Who may log in: citizens (persons), health personnel with a role in a municipality, and operators. Used by the
 * relying party to map a token to an account, and by the development IdP to list test users and issue claims.
 */
export type CitizenAccount = {
  id: string;
  nin: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  municipalityId: string | null;
};

export type PersonnelAccount = {
  id: string;
  nin: string;
  hprNumber: string | null;
  givenName: string;
  familyName: string;
  /** The municipalities the person has a role in, with their organisation numbers, ordered by name. */
  workplaces: Array<{ municipalityId: string; municipalityName: string; orgNumber: string }>;
};

export type OperatorAccount = { id: string; nin: string; givenName: string; familyName: string };

const citizenColumns = {
  id: persons.id,
  nin: persons.nin,
  givenName: persons.givenName,
  familyName: persons.familyName,
  birthDate: persons.birthDate,
  municipalityId: persons.municipalityId,
};

/**
 * A citizen by identity number.
 * @param q - database or open transaction
 */
export async function findCitizenByNin(q: Queryable, nin: string): Promise<CitizenAccount | null> {
  const [row] = await q.select(citizenColumns).from(persons).where(eq(persons.nin, nin)).limit(1);
  return row ?? null;
}

/**
 * A citizen by id.
 * @param q - database or open transaction
 */
export async function findCitizenById(q: Queryable, id: string): Promise<CitizenAccount | null> {
  const [row] = await q.select(citizenColumns).from(persons).where(eq(persons.id, id)).limit(1);
  return row ?? null;
}

/**
 * Health personnel by identity number or id, with the municipalities they work in.
 * @param q - database or open transaction
 */
export async function findPersonnel(
  q: Queryable,
  by: { nin: string } | { id: string },
): Promise<PersonnelAccount | null> {
  const [row] = await q
    .select({
      id: personnel.id,
      nin: personnel.nin,
      hprNumber: personnel.hprNumber,
      givenName: personnel.givenName,
      familyName: personnel.familyName,
    })
    .from(personnel)
    .where('nin' in by ? eq(personnel.nin, by.nin) : eq(personnel.id, by.id))
    .limit(1);
  if (!row) {
    return null;
  }
  const places = await q
    .selectDistinct({
      municipalityId: municipalities.id,
      municipalityName: municipalities.name,
      orgNumber: municipalities.orgNumber,
    })
    .from(personnelRoles)
    .innerJoin(municipalities, eq(municipalities.id, personnelRoles.municipalityId))
    .where(eq(personnelRoles.personnelId, row.id))
    .orderBy(asc(municipalities.name), asc(municipalities.id));
  return { ...row, workplaces: places };
}

/**
 * An operator by identity number or id.
 * @param q - database or open transaction
 */
export async function findOperator(
  q: Queryable,
  by: { nin: string } | { id: string },
): Promise<OperatorAccount | null> {
  const [row] = await q
    .select({ id: operators.id, nin: operators.nin, givenName: operators.givenName, familyName: operators.familyName })
    .from(operators)
    .where('nin' in by ? eq(operators.nin, by.nin) : eq(operators.id, by.id))
    .limit(1);
  return row ?? null;
}

/**
 * Whether the personnel member has a role in the municipality.
 * @param q - database or open transaction
 */
export async function worksIn(q: Queryable, personnelId: string, municipalityId: string): Promise<boolean> {
  const [row] = await q
    .select({ id: personnelRoles.id })
    .from(personnelRoles)
    .where(and(eq(personnelRoles.personnelId, personnelId), eq(personnelRoles.municipalityId, municipalityId)))
    .limit(1);
  return row !== undefined;
}

export type TestUserList = {
  citizens: Array<{ id: string; givenName: string; familyName: string; birthDate: string }>;
  personnel: Array<{
    id: string;
    givenName: string;
    familyName: string;
    municipalityId: string;
    municipalityName: string;
  }>;
  operators: Array<{ id: string; givenName: string; familyName: string }>;
};

/**
 * The users the development IdP offers, at most `limit` per group, ordered by name. Personnel appear once per
 * municipality they work in. Identity numbers are not selected: the page never shows them.
 * @param q - database or open transaction
 */
export async function listTestUsers(q: Queryable, limit: number): Promise<TestUserList> {
  const citizens = await q
    .select({
      id: persons.id,
      givenName: persons.givenName,
      familyName: persons.familyName,
      birthDate: persons.birthDate,
    })
    .from(persons)
    .orderBy(asc(persons.givenName), asc(persons.familyName), asc(persons.id))
    .limit(limit);
  const staff = await q
    .selectDistinct({
      id: personnel.id,
      givenName: personnel.givenName,
      familyName: personnel.familyName,
      municipalityId: municipalities.id,
      municipalityName: municipalities.name,
    })
    .from(personnel)
    .innerJoin(personnelRoles, eq(personnelRoles.personnelId, personnel.id))
    .innerJoin(municipalities, eq(municipalities.id, personnelRoles.municipalityId))
    .orderBy(
      asc(personnel.givenName),
      asc(personnel.familyName),
      asc(personnel.id),
      asc(municipalities.name),
      asc(municipalities.id),
    )
    .limit(limit);
  const ops = await q
    .select({ id: operators.id, givenName: operators.givenName, familyName: operators.familyName })
    .from(operators)
    .orderBy(asc(operators.givenName), asc(operators.familyName), asc(operators.id))
    .limit(limit);
  return { citizens, personnel: staff, operators: ops };
}

/**
 * The municipality with the given organisation number.
 * @param q - database or open transaction
 */
export async function findMunicipalityByOrgNumber(q: Queryable, orgNumber: string): Promise<{ id: string } | null> {
  const [row] = await q
    .select({ id: municipalities.id })
    .from(municipalities)
    .where(eq(municipalities.orgNumber, orgNumber))
    .limit(1);
  return row ?? null;
}
