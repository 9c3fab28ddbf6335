import { and, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
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
} from '../../platform/db/schema.ts';
import type { Tx } from '../../platform/db/client.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { systemContext } from '../../platform/http/request-context.ts';
import { progressBar } from '../../platform/cli/progress.ts';
import { makeSyntheticNin, type PopulationPersonDocument } from '@helsebro/contracts';
import { seedPloDemo } from '../plo/index.ts';
import { seedAppointmentsDemo } from '../appointments/index.ts';
import { seedEpjDemo } from '../epj/index.ts';
import { createPopulationRegisterService, describeImport, IMPORT_BATCH } from '../population-register/index.ts';
import {
  DEMO_MUNICIPALITIES,
  DEMO_OPERATORS,
  DEMO_PERSONNEL,
  DEMO_PERSONS,
  DEMO_UNITS,
  demoNin,
  dwellingKeyOf,
} from './demo-data.ts';
import { DEMO_CARE_RELATIONS, DEMO_FULLMAKTER, DEMO_PARENTAL } from './demo-data.relations.ts';

export type SeedSummary = {
  municipalities: number;
  serviceUnits: number;
  persons: number;
  personnel: number;
  operators: number;
  parentalResponsibilities: number;
  fullmakter: number;
  careRelations: number;
};

/**
 * Writes the demo population; running it again changes nothing (every row is keyed by a natural key:
 * municipality number, unit name within its municipality, identity number, HPR number).
 * @param db - the store
 */
export async function seedDemo(db: Db): Promise<SeedSummary> {
  return db.transaction(async (tx) => {
    const muniIds = new Map<string, string>();
    for (const m of DEMO_MUNICIPALITIES) {
      const [row] = await tx
        .insert(municipalities)
        .values({ number: m.number, name: m.name, orgNumber: m.orgNumber })
        .onConflictDoUpdate({ target: municipalities.number, set: { name: m.name, orgNumber: m.orgNumber } })
        .returning({ id: municipalities.id });
      muniIds.set(m.key, row!.id);
    }
    const unitIds = new Map<string, string>();
    for (const u of DEMO_UNITS) {
      const municipalityId = muniIds.get(u.municipality)!;
      const [row] = await tx
        .insert(serviceUnits)
        .values({
          municipalityId,
          name: u.name,
          kind: u.kind,
          phone: u.phone,
          email: u.email,
          ...(u.dialog ? { openForDialog: true, ...u.dialog } : {}),
        })
        .onConflictDoUpdate({
          target: [serviceUnits.municipalityId, serviceUnits.name],
          set: { kind: u.kind, phone: u.phone, email: u.email },
        })
        .returning({ id: serviceUnits.id });
      unitIds.set(`${u.municipality}/${u.name}`, row!.id);
    }
    const personIds = new Map<string, string>();
    for (const [i, p] of DEMO_PERSONS.entries()) {
      const protectedAddress = p.addressProtection === 'strictly_confidential';
      const dwellingKey = protectedAddress
        ? null
        : dwellingKeyOf(
            DEMO_MUNICIPALITIES.find((m) => m.key === p.municipality)!.number,
            p.streetAddress,
            p.postalCode,
          );
      const [row] = await tx
        .insert(persons)
        .values({
          nin: demoNin(p.birthDate, i, p.nin),
          givenName: p.givenName,
          familyName: p.familyName,
          birthDate: p.birthDate,
          municipalityId: muniIds.get(p.municipality)!,
          streetAddress: p.streetAddress || null,
          postalCode: p.addressProtection === 'strictly_confidential' ? null : p.postalCode,
          postalPlace: p.addressProtection === 'strictly_confidential' ? null : p.postalPlace,
          addressProtection: p.addressProtection ?? 'none',
          dwellingKey,
        })
        // Only the dwelling key is brought up to date: a store seeded before it existed gets it.
        .onConflictDoUpdate({ target: persons.nin, set: { dwellingKey } })
        .returning({ id: persons.id });
      personIds.set(p.key, row!.id);
    }
    const personnelIds = new Map<string, string>();
    for (const [i, s] of DEMO_PERSONNEL.entries()) {
      const [row] = await tx
        .insert(personnel)
        .values({
          nin: demoNin(s.birthDate, 50 + i),
          hprNumber: s.hprNumber,
          givenName: s.givenName,
          familyName: s.familyName,
        })
        .onConflictDoUpdate({ target: personnel.nin, set: { givenName: s.givenName, familyName: s.familyName } })
        .returning({ id: personnel.id });
      personnelIds.set(s.hprNumber, row!.id);
      await tx
        .insert(personnelRoles)
        .values({
          municipalityId: muniIds.get(s.municipality)!,
          personnelId: row!.id,
          serviceUnitId: unitIds.get(`${s.municipality}/${s.unit}`)!,
          role: s.role,
        })
        .onConflictDoNothing();
    }
    for (const [i, o] of DEMO_OPERATORS.entries()) {
      await tx
        .insert(operators)
        .values({ nin: demoNin(o.birthDate, 90 + i), givenName: o.givenName, familyName: o.familyName })
        .onConflictDoNothing({ target: operators.nin });
    }
    await seedRelations(tx, { personIds, personnelIds, muniIds, unitIds });
    // PLO address register: the synthetic hospital and the municipalities' receiving services (issue 4).
    await seedPloDemo(tx);
    // Appointments and home visits: types, slots for six weeks, planned and completed visits (issue 6).
    await seedAppointmentsDemo(tx);
    // EPJ integration: one demo machine client per municipality at the development IdP (issue 5).
    await seedEpjDemo(tx, [...muniIds.values()]);
    await recordAudit(tx, systemContext('seed'), {
      action: 'seed.demo',
      resourceType: 'population',
      details: { persons: DEMO_PERSONS.length },
    });
    return {
      municipalities: DEMO_MUNICIPALITIES.length,
      serviceUnits: DEMO_UNITS.length,
      persons: DEMO_PERSONS.length,
      personnel: DEMO_PERSONNEL.length,
      operators: DEMO_OPERATORS.length,
      parentalResponsibilities: DEMO_PARENTAL.length,
      fullmakter: DEMO_FULLMAKTER.length,
      careRelations: DEMO_CARE_RELATIONS.length,
    };
  });
}

type SeedIds = {
  personIds: Map<string, string>;
  personnelIds: Map<string, string>;
  muniIds: Map<string, string>;
  unitIds: Map<string, string>;
};

/**
 * Parental responsibilities, the demo fullmakt and care relations, each keyed so a second run adds nothing. The
 * fullmakt is given again only when none is live (a demo that ended it gets it back at the next start).
 */
async function seedRelations(tx: Tx, ids: SeedIds): Promise<void> {
  const person = (key: string) => ids.personIds.get(key)!;
  const birth = (key: string) => DEMO_PERSONS.find((p) => p.key === key)!.birthDate;
  for (const r of DEMO_PARENTAL) {
    await tx
      .insert(parentalResponsibilities)
      .values({ childId: person(r.child), parentId: person(r.parent), validFrom: birth(r.child) })
      .onConflictDoNothing();
  }
  const today = new Date().toISOString().slice(0, 10);
  for (const f of DEMO_FULLMAKTER) {
    const live = await tx
      .select({ id: fullmakter.id })
      .from(fullmakter)
      .where(
        and(
          eq(fullmakter.giverId, person(f.giver)),
          eq(fullmakter.holderId, person(f.holder)),
          isNull(fullmakter.endedAt),
          or(isNull(fullmakter.validTo), gte(fullmakter.validTo, today)),
        ),
      )
      .limit(1);
    if (live.length === 0) {
      await tx.insert(fullmakter).values({
        giverId: person(f.giver),
        holderId: person(f.holder),
        serviceAreas: f.serviceAreas,
        validFrom: f.validFrom < today ? f.validFrom : today,
      });
    }
  }
  for (const c of DEMO_CARE_RELATIONS) {
    await tx
      .insert(careRelations)
      .values({
        municipalityId: ids.muniIds.get(c.municipality)!,
        personId: person(c.person),
        serviceUnitId: ids.unitIds.get(`${c.municipality}/${c.unit}`)!,
        primaryContactId: c.primaryContact ? ids.personnelIds.get(c.primaryContact)! : null,
        coordinatorId: c.coordinator ? ids.personnelIds.get(c.coordinator)! : null,
        validFrom: c.validFrom,
        validTo: c.validTo ?? null,
      })
      .onConflictDoNothing();
  }
}

const GIVEN = [
  'Anne',
  'Bjørn',
  'Camilla',
  'Daniel',
  'Eli',
  'Fredrik',
  'Guro',
  'Håkon',
  'Ida',
  'Jakob',
  'Kristin',
  'Leif',
  'Marte',
  'Nils',
  'Oda',
  'Petter',
  'Ragnhild',
  'Sindre',
  'Tuva',
  'Øystein',
  'Åse',
];
const FAMILY = [
  'Hansen',
  'Johansen',
  'Olsen',
  'Larsen',
  'Andersen',
  'Pedersen',
  'Nilsen',
  'Kristiansen',
  'Jensen',
  'Karlsen',
  'Haugen',
  'Solberg',
  'Bakke',
  'Eriksen',
  'Lie',
];

/**
 * Adds `count` more synthetic persons (for load tests and large demos), spread over the demo municipalities and
 * all ages, as population register documents loaded through the register import (nothing seed-only), in batches
 * with a progress bar, and prints the rate. Runs after `seedDemo`.
 * @returns how many were created (numbers that already exist are left as they are)
 */
export async function seedPersons(db: Db, count: number, batchSize = IMPORT_BATCH): Promise<number> {
  const munis = await db.select({ number: municipalities.number }).from(municipalities).orderBy(municipalities.number);
  if (munis.length === 0) {
    throw new Error('Seed the demo data first (npm run seed)');
  }
  let serial = Number((await db.execute(sql`SELECT count(*)::int AS n FROM persons`)).rows[0]?.n ?? 0);
  const docs: PopulationPersonDocument[] = [];
  for (let i = 0; i < count; i++, serial++) {
    const day = 1 + (serial % 28);
    const month = 1 + (Math.floor(serial / 28) % 12);
    const year = 1925 + (Math.floor(serial / 336) % 100);
    const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    docs.push({
      identifikasjonsnummer: makeSyntheticNin(birthDate, Math.floor(serial / 33_600) * 3),
      navn: {
        fornavn: GIVEN[serial % GIVEN.length]!,
        etternavn: FAMILY[Math.floor(serial / GIVEN.length) % FAMILY.length]!,
      },
      foedsel: { foedselsdato: birthDate },
      bostedsadresse: {
        kommunenummer: munis[serial % munis.length]!.number,
        vegadresse: {
          adressenavn: 'Testveien',
          husnummer: String(1 + (serial % 200)),
          postnummer: '9990',
          poststed: 'FJORDVIK',
        },
      },
    });
  }
  // A number a person already has keeps that person's record: the seed adds, it does not overwrite.
  const taken = new Set<string>();
  for (let i = 0; i < docs.length; i += batchSize) {
    const nins = docs.slice(i, i + batchSize).map((d) => d.identifikasjonsnummer);
    for (const r of await db.select({ nin: persons.nin }).from(persons).where(inArray(persons.nin, nins))) {
      taken.add(r.nin);
    }
  }
  const fresh = docs.filter((d) => !taken.has(d.identifikasjonsnummer));
  const register = createPopulationRegisterService({
    db,
    config: { env: 'development' },
    logger: { info: () => undefined },
  });
  const progress = progressBar('persons');
  const started = Date.now();
  const summary = await register.importDocuments(systemContext('seed'), fresh, {
    batchSize,
    onProgress: progress.update,
  });
  progress.end();
  process.stdout.write(describeImport(summary, fresh.length, Date.now() - started));
  return summary.created;
}
