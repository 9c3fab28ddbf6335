import { and, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import {
  careRelations,
  fullmakter,
  municipalities,
  operators,
  parentalResponsibilities,
  persons,
} from '../../platform/db/schema.ts';
import type { Tx } from '../../platform/db/client.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { systemContext } from '../../platform/http/request-context.ts';
import { progressBar } from '../../platform/cli/progress.ts';
import { osloDateOf } from '../../platform/time/oslo-time.ts';
import { makeSyntheticNin, type PopulationPersonDocument } from '@helsebro/contracts';
import { seedPloDemo, type DemoHospitalLink } from '../plo/index.ts';
import { seedAppointmentsDemo } from '../appointments/index.ts';
import { seedOrganisationsDemo } from '../organisations/index.ts';
import { createPopulationRegisterService, describeImport, IMPORT_BATCH } from '../population-register/index.ts';
import { seedTermsDemo } from '../agreements/index.ts';
import { activateServices, seedDpaDemo } from '../services/index.ts';
import {
  DEMO_MUNICIPALITIES,
  DEMO_OPERATORS,
  DEMO_PERSONNEL,
  DEMO_PERSONS,
  DEMO_UNITS,
  demoNin,
  dwellingKeyOf,
} from './demo-data.ts';
import { seedKariDemo } from './demo-data.kari.ts';
import { seedDemoOperators } from './demo-data.operators.ts';
import { organisationsDemo, seedUnitSettings } from './demo-data.organisations.ts';
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
export async function seedDemo(db: Db, opts: { demoHospital?: DemoHospitalLink } = {}): Promise<SeedSummary> {
  return db.transaction(async (tx) => {
    // The operators first: the operator onboards the municipalities.
    await seedDemoOperators(tx);
    const [operator] = await tx.select({ id: operators.id }).from(operators).orderBy(operators.givenName).limit(1);
    // Municipalities, administrators, units, staff, the EPJ product and clients, through the organisations use
    // cases (issue 12): the operator's onboarding, then each municipality's administrator.
    const orgs = await seedOrganisationsDemo(tx, organisationsDemo(operator!.id));
    const muniIds = orgs.municipalities;
    const unitIds = orgs.units;
    const personnelIds = orgs.personnel;
    await seedUnitSettings(tx, orgs);
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
    await seedRelations(tx, { personIds, personnelIds, muniIds, unitIds });
    // PLO address register: the synthetic hospital and the municipalities' receiving services (issue 4).
    await seedPloDemo(tx, opts.demoHospital);
    // Appointments and home visits: types, slots for six weeks, planned and completed visits (issue 6).
    await seedAppointmentsDemo(tx);
    // EPJ integration (issue 5): the demo machine clients were registered by the administrators above.
    // Services (issue 12): every catalogue service active in the demo municipalities, as if ordered and activated.
    for (const municipalityId of muniIds.values()) {
      await activateServices(tx, systemContext('seed'), municipalityId, 'Demodata');
    }
    // Letters (issue 13): formidling needs the data processing agreement, recorded for the demo municipalities.
    await seedDpaDemo(tx, [...muniIds.values()], osloDateOf(new Date()));
    // Terms (issue 12): the special terms' history 2.0 → 3.2 and the general terms, DigiFin recorded and the
    // current versions accepted by each municipality's administrator, through the agreements services.
    await seedTermsDemo(tx);
    // Kari Nordmann, the first demo citizen (issue 15): home care, the health station, a conversation, a planned and
    // a done visit, through the product's own services once the services are active.
    await seedKariDemo(tx);
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
