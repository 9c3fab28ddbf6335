import { and, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { fullmakter, parentalResponsibilities, persons } from '../../platform/db/schema.ts';
import type { FullmaktFacts, ParentalResponsibilityFacts, PersonFacts, Population } from './representation.engine.ts';

/** A person's facts for the engine, with the name to show. */
export type NamedPerson = PersonFacts & { displayName: string; nin: string };

const personColumns = {
  id: persons.id,
  nin: persons.nin,
  givenName: persons.givenName,
  familyName: persons.familyName,
  birthDate: persons.birthDate,
  dwellingKey: persons.dwellingKey,
  addressProtection: persons.addressProtection,
  deceasedOn: persons.deceasedOn,
};

type PersonRow = Pick<
  typeof persons.$inferSelect,
  'id' | 'nin' | 'givenName' | 'familyName' | 'birthDate' | 'dwellingKey' | 'addressProtection' | 'deceasedOn'
>;

function named(row: PersonRow): NamedPerson {
  return {
    id: row.id,
    nin: row.nin,
    displayName: `${row.givenName} ${row.familyName}`,
    birthDate: row.birthDate,
    dwellingKey: row.dwellingKey,
    addressProtection: row.addressProtection,
    deceasedOn: row.deceasedOn,
  };
}

/**
 * Register facts and names of the given persons.
 * @param q - database or open transaction
 * @param ids - person ids (duplicates are fine)
 */
export async function findPersons(q: Queryable, ids: readonly string[]): Promise<Map<string, NamedPerson>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) {
    return new Map();
  }
  const rows = await q.select(personColumns).from(persons).where(inArray(persons.id, unique));
  return new Map(rows.map((r) => [r.id, named(r)]));
}

/**
 * A person by identity number.
 * @param q - database or open transaction
 * @param nin - a valid identity number
 */
export async function findPersonByNin(q: Queryable, nin: string): Promise<NamedPerson | null> {
  const [row] = await q.select(personColumns).from(persons).where(eq(persons.nin, nin)).limit(1);
  return row ? named(row) : null;
}

const parentalColumns = {
  childId: parentalResponsibilities.childId,
  parentId: parentalResponsibilities.parentId,
  validFrom: parentalResponsibilities.validFrom,
  validTo: parentalResponsibilities.validTo,
};

/** Fullmakter not ended and not past their last day. */
const liveFullmakt = (today: string) =>
  and(isNull(fullmakter.endedAt), or(isNull(fullmakter.validTo), gte(fullmakter.validTo, today)));

function fullmaktFacts(row: typeof fullmakter.$inferSelect): FullmaktFacts {
  return {
    id: row.id,
    giverId: row.giverId,
    holderId: row.holderId,
    serviceAreas: row.serviceAreas,
    validFrom: row.validFrom,
    validTo: row.validTo,
    ended: row.endedAt !== null,
  };
}

/**
 * Everything the engine needs to decide whether `actorId` may act for `principalId` today: both persons, the
 * principal's parental responsibilities with the parents, and the live fullmakter from the principal to the actor.
 * Three queries; run on every request of a citizen acting for someone else.
 * @param q - database or open transaction
 */
export async function loadPairFacts(
  q: Queryable,
  actorId: string,
  principalId: string,
  today: string,
): Promise<{ population: Population; persons: Map<string, NamedPerson> }> {
  const parental: ParentalResponsibilityFacts[] = await q
    .select(parentalColumns)
    .from(parentalResponsibilities)
    .where(eq(parentalResponsibilities.childId, principalId));
  const given = await q
    .select()
    .from(fullmakter)
    .where(and(eq(fullmakter.giverId, principalId), eq(fullmakter.holderId, actorId), liveFullmakt(today)));
  const found = await findPersons(q, [actorId, principalId, ...parental.map((p) => p.parentId)]);
  return { population: { persons: found, parental, fullmakter: given.map(fullmaktFacts) }, persons: found };
}

/**
 * Everyone a citizen might act for today, with what the engine needs to decide: children they have parental
 * responsibility for (and those children's other parents), and givers of live fullmakter to them.
 * @param q - database or open transaction
 * @param actorId - the citizen
 * @param today - YYYY-MM-DD, Europe/Oslo
 */
export async function loadChoiceFacts(
  q: Queryable,
  actorId: string,
  today: string,
): Promise<{ population: Population; persons: Map<string, NamedPerson>; candidates: string[] }> {
  const mine = await q
    .select({ childId: parentalResponsibilities.childId })
    .from(parentalResponsibilities)
    .where(
      and(
        eq(parentalResponsibilities.parentId, actorId),
        lte(parentalResponsibilities.validFrom, today),
        or(isNull(parentalResponsibilities.validTo), gte(parentalResponsibilities.validTo, today)),
      ),
    );
  const childIds = [...new Set(mine.map((r) => r.childId))];
  const parental: ParentalResponsibilityFacts[] =
    childIds.length > 0
      ? await q
          .select(parentalColumns)
          .from(parentalResponsibilities)
          .where(inArray(parentalResponsibilities.childId, childIds))
      : [];
  const received = await q
    .select()
    .from(fullmakter)
    .where(and(eq(fullmakter.holderId, actorId), liveFullmakt(today)));
  const found = await findPersons(q, [
    actorId,
    ...parental.map((p) => p.parentId),
    ...childIds,
    ...received.map((f) => f.giverId),
  ]);
  const candidates = [...new Set([...childIds, ...received.map((f) => f.giverId)])].filter((id) => id !== actorId);
  return {
    population: { persons: found, parental, fullmakter: received.map(fullmaktFacts) },
    persons: found,
    candidates,
  };
}

/**
 * Locks a person's row for the rest of the transaction, so two fullmakter from one giver are checked for overlap
 * one after the other.
 * @param q - an open transaction
 */
export async function lockPerson(q: Queryable, personId: string): Promise<void> {
  await q.execute(sql`SELECT id FROM persons WHERE id = ${personId} FOR UPDATE`);
}
