import { eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import {
  municipalities,
  parentalResponsibilities,
  persons,
  populationRegisterEvents,
} from '../../platform/db/schema.ts';

/** What the register decides about a person, as Helsebro stores it. */
export type PersonFacts = {
  nin: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  municipalityNumber: string | null;
  municipalityId: string | null;
  streetAddress: string | null;
  postalCode: string | null;
  postalPlace: string | null;
  addressProtection: 'none' | 'confidential' | 'strictly_confidential';
  dwellingKey: string | null;
  deceasedOn: string | null;
};
export type StoredPerson = PersonFacts & { id: string };

export type Responsibility = { parentId: string; validFrom: string; validTo: string | null };

const personColumns = {
  id: persons.id,
  nin: persons.nin,
  givenName: persons.givenName,
  familyName: persons.familyName,
  birthDate: persons.birthDate,
  municipalityNumber: persons.municipalityNumber,
  municipalityId: persons.municipalityId,
  streetAddress: persons.streetAddress,
  postalCode: persons.postalCode,
  postalPlace: persons.postalPlace,
  addressProtection: persons.addressProtection,
  dwellingKey: persons.dwellingKey,
  deceasedOn: persons.deceasedOn,
};

/**
 * Municipality ids by municipality number, for the municipalities on Helsebro.
 * @param q - database or open transaction
 */
export async function municipalityIds(q: Queryable): Promise<Map<string, string>> {
  const rows = await q.select({ id: municipalities.id, number: municipalities.number }).from(municipalities);
  return new Map(rows.map((r) => [r.number, r.id]));
}

/**
 * The stored persons among these identity numbers.
 * @param q - database or open transaction
 */
export async function personsByNin(q: Queryable, nins: readonly string[]): Promise<Map<string, StoredPerson>> {
  if (nins.length === 0) {
    return new Map();
  }
  const rows = await q
    .select(personColumns)
    .from(persons)
    .where(inArray(persons.nin, [...nins]));
  return new Map(rows.map((r) => [r.nin, { ...r, municipalityNumber: r.municipalityNumber ?? null }]));
}

/**
 * Inserts new persons in one statement.
 * @param q - the open transaction
 */
export async function insertPersons(q: Queryable, rows: readonly PersonFacts[]): Promise<Map<string, string>> {
  if (rows.length === 0) {
    return new Map();
  }
  const inserted = await q
    .insert(persons)
    .values([...rows])
    .returning({ id: persons.id, nin: persons.nin });
  return new Map(inserted.map((r) => [r.nin, r.id]));
}

/**
 * Overwrites a person's register facts.
 * @param q - the open transaction
 */
export async function updatePerson(q: Queryable, id: string, facts: Partial<PersonFacts>): Promise<void> {
  await q.update(persons).set(facts).where(eq(persons.id, id));
}

/**
 * The registered parental responsibilities of these children.
 * @param q - database or open transaction
 */
export async function responsibilitiesOf(
  q: Queryable,
  childIds: readonly string[],
): Promise<Map<string, Array<Responsibility & { id: string }>>> {
  const byChild = new Map<string, Array<Responsibility & { id: string }>>();
  if (childIds.length === 0) {
    return byChild;
  }
  const rows = await q
    .select({
      id: parentalResponsibilities.id,
      childId: parentalResponsibilities.childId,
      parentId: parentalResponsibilities.parentId,
      validFrom: parentalResponsibilities.validFrom,
      validTo: parentalResponsibilities.validTo,
    })
    .from(parentalResponsibilities)
    .where(inArray(parentalResponsibilities.childId, [...childIds]));
  for (const { childId, ...r } of rows) {
    byChild.set(childId, [...(byChild.get(childId) ?? []), r]);
  }
  return byChild;
}

/**
 * Inserts a child's parental responsibility.
 * @param q - the open transaction
 */
export async function insertResponsibility(q: Queryable, childId: string, r: Responsibility): Promise<void> {
  await q.insert(parentalResponsibilities).values({ childId, ...r });
}

/**
 * Changes when a registered responsibility ends.
 * @param q - the open transaction
 */
export async function setResponsibilityEnd(q: Queryable, id: string, validTo: string | null): Promise<void> {
  await q.update(parentalResponsibilities).set({ validTo }).where(eq(parentalResponsibilities.id, id));
}

/**
 * Removes responsibilities the register no longer lists.
 * @param q - the open transaction
 */
export async function deleteResponsibilities(q: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) {
    await q.delete(parentalResponsibilities).where(inArray(parentalResponsibilities.id, [...ids]));
  }
}

/**
 * The content hash of an applied event, if its sequence number was applied before.
 * @param q - database or open transaction
 */
export async function appliedEventHash(q: Queryable, sequence: number): Promise<string | null> {
  const [row] = await q
    .select({ hash: populationRegisterEvents.contentHash })
    .from(populationRegisterEvents)
    .where(eq(populationRegisterEvents.sequence, sequence));
  return row?.hash ?? null;
}

/**
 * Records an applied event.
 * @param q - the open transaction
 */
export async function recordEvent(
  q: Queryable,
  row: { sequence: number; type: (typeof populationRegisterEvents.$inferInsert)['type']; contentHash: string },
): Promise<void> {
  await q.insert(populationRegisterEvents).values(row);
}

/**
 * How many persons the register holds (for the seed's serial numbers).
 * @param q - database
 */
export async function countPersons(q: Queryable): Promise<number> {
  const [row] = await q.select({ n: sql<number>`count(*)::int` }).from(persons);
  return row?.n ?? 0;
}
