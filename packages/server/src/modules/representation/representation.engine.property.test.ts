import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ACTION_AREA, SERVICE_AREAS, type ServiceArea } from '@helsebro/contracts';
import { addDays, ageOn, birthdayOf } from './dates.ts';
import {
  decide,
  ownRights,
  type FullmaktFacts,
  type ParentalResponsibilityFacts,
  type PersonFacts,
  type Population,
} from './representation.engine.ts';
import { actionsOfAreas, PARENT_12_TO_15, PARENT_UNDER_12 } from './representation.rules.ts';

/** Dates from 1925 to 2045 as YYYY-MM-DD (29 February included). */
const dateArb = (min = '1925-01-01', max = '2045-12-31') =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

const areasArb = fc.subarray([...SERVICE_AREAS] as ServiceArea[], { minLength: 1 });

const personArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    birthDate: dateArb('1925-01-01', '2040-12-31'),
    dwellingKey: fc.constantFrom<string | null>(null, 'a', 'b', 'c'),
    addressProtection: fc.constantFrom<PersonFacts['addressProtection']>(
      'none',
      'none',
      'none',
      'confidential',
      'strictly_confidential',
    ),
    deceasedOn: fc.option(dateArb('1990-01-01', '2045-12-31'), { freq: 5 }),
  });

/** Any population of 2–6 persons with random parental responsibilities and fullmakter between them. */
const populationArb = fc.integer({ min: 2, max: 6 }).chain((n) => {
  const ids = Array.from({ length: n }, (_, i) => `p${i}`);
  const pair = fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids)).filter(([a, b]) => a !== b);
  const period = fc
    .tuple(dateArb('1990-01-01', '2045-12-31'), fc.option(dateArb('1990-01-01', '2045-12-31'), { nil: null }))
    .map(([from, to]) => ({
      validFrom: to !== null && to < from ? to : from,
      validTo: to !== null && to < from ? from : to,
    }));
  const parental = fc.array(
    fc
      .tuple(pair, period)
      .map(([[childId, parentId], p]): ParentalResponsibilityFacts => ({ childId, parentId, ...p })),
    { maxLength: 8 },
  );
  const fullmakter = fc.array(
    fc
      .tuple(pair, period, areasArb, fc.boolean(), fc.nat())
      .map(([[giverId, holderId], p, serviceAreas, ended, k]): FullmaktFacts => ({
        id: `f${k}`,
        giverId,
        holderId,
        serviceAreas,
        ended,
        ...p,
      })),
    { maxLength: 8 },
  );
  return fc.record({
    persons: fc.tuple(...ids.map(personArb)).map((ps) => new Map(ps.map((p) => [p.id, p]))),
    parental,
    fullmakter,
  });
});

const pairs = (pop: Population) =>
  [...pop.persons.keys()].flatMap((a) => [...pop.persons.keys()].filter((b) => b !== a).map((b) => [a, b] as const));

describe('representation engine (properties)', () => {
  it('never gives a representative more than the principal holds', () => {
    fc.assert(
      fc.property(populationArb, dateArb('2000-01-01', '2045-12-31'), (pop, today) => {
        for (const [actor, principal] of pairs(pop)) {
          const d = decide(pop, actor, principal, today);
          if (!d.allowed) {
            continue;
          }
          const own = new Set(ownRights(pop.persons.get(principal)!, today));
          const self = decide(pop, principal, principal, today);
          assert.ok(self.allowed, 'a representable principal can act for themselves');
          for (const a of d.actions) {
            assert.ok(own.has(a), `${a} is more than the principal holds`);
            assert.ok(self.actions.includes(a));
            assert.ok(d.serviceAreas.includes(ACTION_AREA[a]));
          }
          if (d.basis === 'fullmakt') {
            const granted = new Set(
              pop.fullmakter
                .filter((f) => f.giverId === principal && f.holderId === actor && !f.ended)
                .flatMap((f) => f.serviceAreas),
            );
            assert.ok(
              d.serviceAreas.every((s) => granted.has(s)),
              'no area beyond the fullmakter',
            );
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('is never transitive: without a direct relation there is no representation', () => {
    fc.assert(
      fc.property(populationArb, dateArb('2000-01-01', '2045-12-31'), (pop, today) => {
        for (const [actor, principal] of pairs(pop)) {
          const direct =
            pop.parental.some((r) => r.childId === principal && r.parentId === actor) ||
            pop.fullmakter.some((f) => f.giverId === principal && f.holderId === actor);
          if (!direct) {
            assert.equal(decide(pop, actor, principal, today).allowed, false);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('gives A nothing for C from A→B and B→C alone, in any population that adds them', () => {
    fc.assert(
      fc.property(populationArb, dateArb('2000-01-01', '2045-12-31'), areasArb, (pop, today, areas) => {
        const [a, b, c] = ['x', 'y', 'z'];
        const adult = (id: string): PersonFacts => ({
          id,
          birthDate: '1960-01-01',
          dwellingKey: 'h',
          addressProtection: 'none',
          deceasedOn: null,
        });
        const chain: Population = {
          persons: new Map([...pop.persons, [a, adult(a)], [b, adult(b)], [c, adult(c)]]),
          parental: [...pop.parental, { childId: c, parentId: b, validFrom: '1990-01-01', validTo: null }],
          fullmakter: [
            ...pop.fullmakter,
            {
              id: 'ab',
              giverId: b,
              holderId: a,
              serviceAreas: areas,
              validFrom: '1990-01-01',
              validTo: null,
              ended: false,
            },
            {
              id: 'bc',
              giverId: c,
              holderId: b,
              serviceAreas: areas,
              validFrom: '1990-01-01',
              validTo: null,
              ended: false,
            },
          ],
        };
        assert.equal(decide(chain, b, c, today).allowed, true);
        assert.equal(decide(chain, a, b, today).allowed, true);
        assert.equal(decide(chain, a, c, today).allowed, false);
      }),
    );
  });

  it('refuses whenever either side has a confidential address or the principal has died', () => {
    fc.assert(
      fc.property(populationArb, dateArb('2000-01-01', '2045-12-31'), (pop, today) => {
        for (const [actor, principal] of pairs(pop)) {
          const p = pop.persons.get(principal)!;
          const a = pop.persons.get(actor)!;
          const blocked =
            p.addressProtection !== 'none' ||
            a.addressProtection !== 'none' ||
            (p.deceasedOn !== null && p.deceasedOn <= today);
          if (blocked) {
            assert.equal(decide(pop, actor, principal, today).allowed, false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  /** A family where only age decides: parent (1960) and child at one address, and a fullmakt to an adult. */
  const familyOf = (childBirth: string): Population => ({
    persons: new Map<string, PersonFacts>([
      [
        'parent',
        { id: 'parent', birthDate: '1960-01-01', dwellingKey: 'h', addressProtection: 'none', deceasedOn: null },
      ],
      ['child', { id: 'child', birthDate: childBirth, dwellingKey: 'h', addressProtection: 'none', deceasedOn: null }],
    ]),
    parental: [{ childId: 'child', parentId: 'parent', validFrom: childBirth, validTo: null }],
    fullmakter: [],
  });
  const birthArb = dateArb('1990-01-01', '2020-12-31');

  it('flips parental access from everything to the reduced table exactly on the 12th birthday', () => {
    fc.assert(
      fc.property(birthArb, (birth) => {
        const day = birthdayOf(birth, 12);
        const before = decide(familyOf(birth), 'parent', 'child', addDays(day, -1));
        const on = decide(familyOf(birth), 'parent', 'child', day);
        assert.ok(before.allowed && on.allowed);
        assert.deepEqual(before.actions, [...PARENT_UNDER_12]);
        assert.deepEqual(on.actions, [...PARENT_12_TO_15]);
        assert.equal(ageOn(birth, addDays(day, -1)), 11);
      }),
      { numRuns: 300 },
    );
  });

  it('ends parental access exactly on the 16th birthday', () => {
    fc.assert(
      fc.property(birthArb, (birth) => {
        const day = birthdayOf(birth, 16);
        const before = decide(familyOf(birth), 'parent', 'child', addDays(day, -1));
        const on = decide(familyOf(birth), 'parent', 'child', day);
        assert.ok(before.allowed);
        assert.deepEqual(before.actions, [...PARENT_12_TO_15]);
        assert.ok(!on.allowed);
        assert.equal(on.refusal, 'child_16_or_older');
      }),
      { numRuns: 300 },
    );
  });

  it('makes a fullmakt from a youth valid exactly on their 16th birthday', () => {
    fc.assert(
      fc.property(birthArb, areasArb, (birth, areas) => {
        const pop = familyOf(birth);
        const withFullmakt: Population = {
          ...pop,
          parental: [],
          fullmakter: [
            {
              id: 'f',
              giverId: 'child',
              holderId: 'parent',
              serviceAreas: areas,
              validFrom: birth,
              validTo: null,
              ended: false,
            },
          ],
        };
        const day = birthdayOf(birth, 16);
        const before = decide(withFullmakt, 'parent', 'child', addDays(day, -1));
        const on = decide(withFullmakt, 'parent', 'child', day);
        assert.ok(!before.allowed);
        assert.equal(before.refusal, 'giver_under_16');
        assert.ok(on.allowed);
        assert.deepEqual(on.actions, actionsOfAreas(areas));
      }),
      { numRuns: 300 },
    );
  });

  it('lets a fullmakt holder act exactly from their 18th birthday', () => {
    fc.assert(
      fc.property(birthArb, areasArb, (birth, areas) => {
        const pop: Population = {
          persons: new Map<string, PersonFacts>([
            [
              'giver',
              { id: 'giver', birthDate: '1940-01-01', dwellingKey: null, addressProtection: 'none', deceasedOn: null },
            ],
            [
              'holder',
              { id: 'holder', birthDate: birth, dwellingKey: null, addressProtection: 'none', deceasedOn: null },
            ],
          ]),
          parental: [],
          fullmakter: [
            {
              id: 'f',
              giverId: 'giver',
              holderId: 'holder',
              serviceAreas: areas,
              validFrom: birth,
              validTo: null,
              ended: false,
            },
          ],
        };
        const day = birthdayOf(birth, 18);
        const before = decide(pop, 'holder', 'giver', addDays(day, -1));
        const on = decide(pop, 'holder', 'giver', day);
        assert.ok(!before.allowed);
        assert.equal(before.refusal, 'representative_under_18');
        assert.ok(on.allowed);
      }),
      { numRuns: 300 },
    );
  });

  it('treats 29 February birthdays as turning on 1 March in common years', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1996, max: 2016 }).filter((y) => y % 4 === 0),
        (year) => {
          const birth = `${year}-02-29`;
          for (const n of [12, 16, 18]) {
            const target = year + n;
            const leap = target % 4 === 0 && (target % 100 !== 0 || target % 400 === 0);
            assert.equal(birthdayOf(birth, n), leap ? `${target}-02-29` : `${target}-03-01`);
            assert.equal(ageOn(birth, `${target}-02-28`), n - 1);
          }
        },
      ),
    );
  });
});
