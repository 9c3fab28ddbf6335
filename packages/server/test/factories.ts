import { randomInt } from 'node:crypto';
import { decodeNin, makeSyntheticNin } from '@helsebro/contracts';
import { eq } from 'drizzle-orm';
import type { Database } from '../src/platform/db/client.ts';
import {
  careRelations,
  fullmakter,
  municipalities,
  operators,
  parentalResponsibilities,
  persons,
  personnel,
  personnelRoles,
  serviceUnits,
} from '../src/platform/db/schema.ts';
import { activateServices } from '../src/modules/services/index.ts';
import { systemContext } from '../src/platform/http/request-context.ts';

/**
 * Test data factories: each call inserts one row with unique, synthetic values and returns it. Override any
 * column through the second argument. Identity numbers are synthetic (month + 80), so never a real person's.
 */
type Db = Database['db'];

export type Municipality = typeof municipalities.$inferSelect;
export type ServiceUnit = typeof serviceUnits.$inferSelect;
export type Person = typeof persons.$inferSelect;
export type Personnel = typeof personnel.$inferSelect;
export type PersonnelRole = typeof personnelRoles.$inferSelect;
export type Operator = typeof operators.$inferSelect;
export type StaffRole = PersonnelRole['role'];

/** One counter per process, offset randomly so parallel test files on one database rarely collide. */
let seq = randomInt(0, 100_000);
const next = (): number => ++seq;

const GIVEN = ['Kari', 'Ola', 'Ingrid', 'Per', 'Aisha', 'Lars', 'Sofie', 'Jonas', 'Nora', 'Emil', 'Fatima', 'Magnus'];
const FAMILY = ['Nordmann', 'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Berg', 'Haugen', 'Bakke', 'Dahl', 'Lie'];
const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

const issued = new Set<string>();
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(1940, 0, 1);

/**
 * A synthetic identity number never handed out before in this process.
 * @param birthDate - YYYY-MM-DD; by default a different day of 1940–1999 for each call
 */
export function uniqueSyntheticNin(birthDate?: string): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const n = next();
    const date = birthDate ?? new Date(FIRST_DAY + ((n * 37) % 21_900) * DAY_MS).toISOString().slice(0, 10);
    const nin = makeSyntheticNin(date, randomInt(0, 500));
    if (!issued.has(nin)) {
      issued.add(nin);
      return nin;
    }
  }
  throw new Error(`No unused synthetic number left for ${birthDate ?? 'any date'}`);
}

/**
 * Inserts a municipality with a unique four-digit number and nine-digit organisation number.
 * @param db - the test database's drizzle handle
 * @param overrides - columns to set
 * @param options - the services to activate: every service of the catalogue unless named; `{ services: [] }` makes
 *   one with none, for the tests of feature gating (issue 12)
 */
export async function makeMunicipality(
  db: Db,
  overrides: Partial<typeof municipalities.$inferInsert> = {},
  options: { services?: readonly string[] } = {},
) {
  const n = next();
  const [row] = await db
    .insert(municipalities)
    .values({
      number: String(1000 + (n % 9000)).padStart(4, '0'),
      name: `Testkommune ${n}`,
      orgNumber: String(900_000_000 + ((n * 7919) % 99_999_999)),
      ...overrides,
    })
    .returning();
  const m = row as Municipality;
  if (!options.services || options.services.length > 0) {
    await activateServices(db, systemContext('test-factory'), m.id, 'Testkommune', options.services);
  }
  return m;
}

/**
 * Inserts a service unit (home care unless overridden) in a municipality.
 * @param municipalityId - the owning municipality
 */
export async function makeServiceUnit(
  db: Db,
  municipalityId: string,
  overrides: Partial<typeof serviceUnits.$inferInsert> = {},
) {
  const [row] = await db
    .insert(serviceUnits)
    .values({ municipalityId, name: `Hjemmetjenesten sone ${next()}`, kind: 'home_care', ...overrides })
    .returning();
  return row as ServiceUnit;
}

/**
 * Inserts a person in the population register with a synthetic identity number matching the birth date.
 * @param overrides - columns to set; a given `birthDate` without `nin` gets a number for that date
 */
export async function makePerson(db: Db, overrides: Partial<typeof persons.$inferInsert> = {}) {
  const n = next();
  const nin = overrides.nin ?? uniqueSyntheticNin(overrides.birthDate);
  const birthDate = overrides.birthDate ?? birthDateOf(nin);
  const streetAddress = overrides.streetAddress === undefined ? `Storgata ${(n % 90) + 1}` : overrides.streetAddress;
  const postalCode = overrides.postalCode === undefined ? '0155' : overrides.postalCode;
  const [row] = await db
    .insert(persons)
    .values({
      nin,
      givenName: pick(GIVEN, n),
      familyName: pick(FAMILY, n * 7),
      birthDate,
      streetAddress,
      postalCode,
      postalPlace: 'Oslo',
      // Same street and postal code, same registered dwelling (override `dwellingKey` to say otherwise).
      dwellingKey: streetAddress && postalCode ? `${postalCode}|${streetAddress.toLowerCase()}` : null,
      ...overrides,
    })
    .returning();
  return row as Person;
}

export type MakePersonnelInput = {
  municipalityId: string;
  serviceUnitId?: string | null;
  /** Defaults to `nurse`; pass `null` for personnel without a role. */
  role?: StaffRole | null;
  nin?: string;
  hprNumber?: string | null;
  givenName?: string;
  familyName?: string;
};

/**
 * Inserts a health worker with an HPR number and, unless `role: null`, one role in the municipality.
 * @param input - the municipality (required), and optionally unit, role and names
 */
export async function makePersonnel(db: Db, input: MakePersonnelInput) {
  const n = next();
  const [row] = await db
    .insert(personnel)
    .values({
      nin: input.nin ?? uniqueSyntheticNin(),
      hprNumber: input.hprNumber === undefined ? String(1_000_000 + ((n * 104_729) % 8_999_999)) : input.hprNumber,
      givenName: input.givenName ?? pick(GIVEN, n + 3),
      familyName: input.familyName ?? pick(FAMILY, n + 5),
    })
    .returning();
  const person = row as Personnel;
  const role = input.role === undefined ? 'nurse' : input.role;
  let roleRow: PersonnelRole | null = null;
  if (role !== null) {
    const [r] = await db
      .insert(personnelRoles)
      .values({
        municipalityId: input.municipalityId,
        personnelId: person.id,
        serviceUnitId: input.serviceUnitId ?? null,
        role,
      })
      .returning();
    roleRow = r as PersonnelRole;
  }
  return { ...person, role: roleRow };
}

/**
 * Inserts a platform operator.
 * @param overrides - columns to set
 */
export async function makeOperator(db: Db, overrides: Partial<typeof operators.$inferInsert> = {}) {
  const n = next();
  const [row] = await db
    .insert(operators)
    .values({ nin: uniqueSyntheticNin(), givenName: pick(GIVEN, n + 1), familyName: 'Driftsen', ...overrides })
    .returning();
  return row as Operator;
}

/**
 * Registers parental responsibility (from the child's birth unless overridden).
 * @param childId - the child
 * @param parentId - the parent
 */
export async function makeParentalResponsibility(
  db: Db,
  childId: string,
  parentId: string,
  overrides: Partial<typeof parentalResponsibilities.$inferInsert> = {},
) {
  const [child] = await db.select({ birthDate: persons.birthDate }).from(persons).where(eq(persons.id, childId));
  const [row] = await db
    .insert(parentalResponsibilities)
    .values({ childId, parentId, validFrom: child?.birthDate ?? '2000-01-01', ...overrides })
    .returning();
  return row!;
}

/**
 * Inserts a fullmakt (area Digitale helsetjenester from 2020, until further notice, unless overridden).
 * @param giverId - the giver
 * @param holderId - the holder
 */
export async function makeFullmakt(
  db: Db,
  giverId: string,
  holderId: string,
  overrides: Partial<typeof fullmakter.$inferInsert> = {},
) {
  const [row] = await db
    .insert(fullmakter)
    .values({ giverId, holderId, serviceAreas: ['digitale_helsetjenester'], validFrom: '2020-01-01', ...overrides })
    .returning();
  return row!;
}

/**
 * Inserts a care relation: the person receives a service from the unit (from 2020, open-ended, unless overridden).
 * @param input - municipality, person and unit
 */
export async function makeCareRelation(
  db: Db,
  input: { municipalityId: string; personId: string; serviceUnitId: string } & Partial<
    typeof careRelations.$inferInsert
  >,
) {
  const [row] = await db
    .insert(careRelations)
    .values({ validFrom: '2020-01-01', ...input })
    .returning();
  return row!;
}

function birthDateOf(nin: string): string {
  const decoded = decodeNin(nin);
  if (!decoded) {
    throw new Error('makePerson: the given identity number is not valid');
  }
  return decoded.birthDate;
}
