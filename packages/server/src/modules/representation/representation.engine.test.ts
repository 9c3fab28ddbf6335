import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { REPRESENTED_ACTIONS, type ServiceArea } from '@helsebro/contracts';
import { addDays, ageOn, birthdayOf, osloDate, startOfOsloDay } from './dates.ts';
import {
  decide,
  ownRights,
  type FullmaktFacts,
  type ParentalResponsibilityFacts,
  type PersonFacts,
  type Population,
} from './representation.engine.ts';
import { actionsOfAreas, PARENT_12_TO_15 } from './representation.rules.ts';

const TODAY = '2026-11-23';

function person(id: string, birthDate: string, more: Partial<PersonFacts> = {}): PersonFacts {
  return { id, birthDate, dwellingKey: 'home', addressProtection: 'none', deceasedOn: null, ...more };
}
const parent = (childId: string, parentId: string, more: Partial<ParentalResponsibilityFacts> = {}) => ({
  childId,
  parentId,
  validFrom: '2000-01-01',
  validTo: null,
  ...more,
});
const fullmakt = (giverId: string, holderId: string, more: Partial<FullmaktFacts> = {}): FullmaktFacts => ({
  id: `${giverId}->${holderId}`,
  giverId,
  holderId,
  serviceAreas: ['digitale_helsetjenester'],
  validFrom: '2026-01-01',
  validTo: null,
  ended: false,
  ...more,
});
function pop(
  persons: PersonFacts[],
  parental: ParentalResponsibilityFacts[] = [],
  fullmakter: FullmaktFacts[] = [],
): Population {
  return { persons: new Map(persons.map((p) => [p.id, p])), parental, fullmakter };
}

/** A family: mother and father (1985) and one child born on `childBirth`, all at the same address. */
function family(childBirth: string, child: Partial<PersonFacts> = {}, mum: Partial<PersonFacts> = {}) {
  return pop(
    [person('mum', '1985-03-14', mum), person('dad', '1983-06-02'), person('child', childBirth, child)],
    [parent('child', 'mum'), parent('child', 'dad')],
  );
}

describe('ages (Europe/Oslo, whole years)', () => {
  const cases: Array<[string, string, number, string]> = [
    ['2014-11-23', '2026-11-22', 11, 'the day before the 12th birthday'],
    ['2014-11-23', '2026-11-23', 12, 'on the 12th birthday'],
    ['2010-02-28', '2026-02-28', 16, 'on the birthday'],
    ['2008-02-29', '2026-02-28', 17, '29 February born: not yet on 28 February of a common year'],
    ['2008-02-29', '2026-03-01', 18, '29 February born: 18 on 1 March of a common year'],
    ['2008-02-29', '2028-02-29', 20, '29 February born: on 29 February of a leap year'],
  ];
  for (const [birth, on, age, why] of cases) {
    it(`is ${age} — ${why}`, () => assert.equal(ageOn(birth, on), age));
  }

  it('puts the 29 February birthday of a common year on 1 March', () => {
    assert.equal(birthdayOf('2008-02-29', 18), '2026-03-01');
    assert.equal(birthdayOf('2008-02-29', 20), '2028-02-29');
    assert.equal(birthdayOf('2014-11-23', 12), '2026-11-23');
  });

  it('counts the day in Europe/Oslo, not UTC', () => {
    // 23:30 UTC on 22 November is 00:30 on 23 November in Oslo (CET, UTC+1): the birthday has started.
    assert.equal(osloDate(new Date('2026-11-22T23:30:00Z')), '2026-11-23');
    // 22:30 UTC on 30 June is 00:30 on 1 July in Oslo (CEST, UTC+2).
    assert.equal(osloDate(new Date('2026-06-30T22:30:00Z')), '2026-07-01');
    assert.equal(startOfOsloDay('2026-11-23').toISOString(), '2026-11-22T23:00:00.000Z');
    assert.equal(startOfOsloDay('2026-07-01').toISOString(), '2026-06-30T22:00:00.000Z');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
  });
});

describe('representation rules (table)', () => {
  type Case = {
    rule: string;
    population: Population;
    actor: string;
    principal: string;
    today?: string;
    expect: { allowed: true; basis: string; actions?: readonly string[] } | { allowed: false; refusal: string };
  };
  const ALL = [...REPRESENTED_ACTIONS];
  const cases: Case[] = [
    {
      rule: 'self: a person acts for themselves with everything they hold',
      population: family('2016-05-10'),
      actor: 'mum',
      principal: 'mum',
      expect: { allowed: true, basis: 'self', actions: ALL },
    },
    {
      rule: 'parent of a child under 12 living at the child’s address: everything',
      population: family('2016-05-10'),
      actor: 'mum',
      principal: 'child',
      expect: { allowed: true, basis: 'parent', actions: ALL },
    },
    {
      rule: 'the other parent, living elsewhere, may too when one parent lives with the child',
      population: pop(
        [
          person('hilde', '1989-01-01', { dwellingKey: 'bakkeveien' }),
          person('thomas', '1988-10-10', { dwellingKey: 'strandveien' }),
          person('maja', '2020-03-03', { dwellingKey: 'bakkeveien' }),
        ],
        [parent('maja', 'hilde'), parent('maja', 'thomas')],
      ),
      actor: 'thomas',
      principal: 'maja',
      expect: { allowed: true, basis: 'parent', actions: ALL },
    },
    {
      rule: 'no parent with responsibility at the child’s address: nobody may',
      population: pop(
        [
          person('a', '1989-01-01', { dwellingKey: 'x' }),
          person('b', '1988-10-10', { dwellingKey: 'y' }),
          person('c', '2020-03-03', { dwellingKey: 'z' }),
        ],
        [parent('c', 'a'), parent('c', 'b')],
      ),
      actor: 'a',
      principal: 'c',
      expect: { allowed: false, refusal: 'no_parent_at_address' },
    },
    {
      rule: 'an unknown address (null) never matches another unknown address',
      population: family('2016-05-10', { dwellingKey: null }, { dwellingKey: null }),
      actor: 'mum',
      principal: 'child',
      expect: { allowed: false, refusal: 'no_parent_at_address' },
    },
    {
      rule: 'a parent whose responsibility ended is no relation',
      population: pop(
        [person('mum', '1985-03-14'), person('child', '2016-05-10')],
        [parent('child', 'mum', { validTo: '2025-12-31' })],
      ),
      actor: 'mum',
      principal: 'child',
      expect: { allowed: false, refusal: 'no_relation' },
    },
    {
      rule: 'parents of a child of 12–15: the reduced table',
      population: family('2012-09-01'),
      actor: 'dad',
      principal: 'child',
      expect: { allowed: true, basis: 'parent', actions: PARENT_12_TO_15 },
    },
    {
      rule: 'parents of 12–15 need no shared address',
      population: family('2012-09-01', { dwellingKey: 'elsewhere' }),
      actor: 'dad',
      principal: 'child',
      expect: { allowed: true, basis: 'parent', actions: PARENT_12_TO_15 },
    },
    {
      rule: 'from 16 parents have no access',
      population: family('2010-04-20'),
      actor: 'mum',
      principal: 'child',
      expect: { allowed: false, refusal: 'child_16_or_older' },
    },
    {
      rule: 'from 16 a fullmakt from the youth gives the parent what it covers',
      population: pop(
        [person('mum', '1985-03-14'), person('child', '2010-04-20')],
        [parent('child', 'mum')],
        [fullmakt('child', 'mum', { serviceAreas: ['innsyn'] })],
      ),
      actor: 'mum',
      principal: 'child',
      expect: { allowed: true, basis: 'fullmakt', actions: actionsOfAreas(['innsyn']) },
    },
    {
      rule: 'fullmakt: the holder gets exactly the actions of the given areas',
      population: pop([person('per', '1941-01-15'), person('anne', '1968-08-08')], [], [fullmakt('per', 'anne')]),
      actor: 'anne',
      principal: 'per',
      expect: { allowed: true, basis: 'fullmakt', actions: actionsOfAreas(['digitale_helsetjenester']) },
    },
    {
      rule: 'fullmakt: two fullmakter add up their areas',
      population: pop(
        [person('per', '1941-01-15'), person('anne', '1968-08-08')],
        [],
        [
          fullmakt('per', 'anne', { id: 'f1' }),
          fullmakt('per', 'anne', { id: 'f2', serviceAreas: ['innsyn'], validTo: '2027-01-01' }),
        ],
      ),
      actor: 'anne',
      principal: 'per',
      expect: {
        allowed: true,
        basis: 'fullmakt',
        actions: actionsOfAreas(['innsyn', 'digitale_helsetjenester']),
      },
    },
    {
      rule: 'fullmakt: the holder must be 18',
      population: pop([person('per', '1941-01-15'), person('teen', '2009-01-20')], [], [fullmakt('per', 'teen')]),
      actor: 'teen',
      principal: 'per',
      expect: { allowed: false, refusal: 'representative_under_18' },
    },
    {
      rule: 'fullmakt: a fullmakt from someone under 16 is never valid',
      population: pop([person('kid', '2012-09-01'), person('anne', '1968-08-08')], [], [fullmakt('kid', 'anne')]),
      actor: 'anne',
      principal: 'kid',
      expect: { allowed: false, refusal: 'giver_under_16' },
    },
    {
      rule: 'fullmakt: not before it starts',
      population: pop(
        [person('per', '1941-01-15'), person('anne', '1968-08-08')],
        [],
        [fullmakt('per', 'anne', { validFrom: '2026-12-01' })],
      ),
      actor: 'anne',
      principal: 'per',
      expect: { allowed: false, refusal: 'fullmakt_not_started' },
    },
    {
      rule: 'fullmakt: valid on its last day',
      population: pop(
        [person('per', '1941-01-15'), person('anne', '1968-08-08')],
        [],
        [fullmakt('per', 'anne', { validTo: TODAY })],
      ),
      actor: 'anne',
      principal: 'per',
      expect: { allowed: true, basis: 'fullmakt' },
    },
    {
      rule: 'fullmakt: not after its last day',
      population: pop(
        [person('per', '1941-01-15'), person('anne', '1968-08-08')],
        [],
        [fullmakt('per', 'anne', { validTo: '2026-11-22' })],
      ),
      actor: 'anne',
      principal: 'per',
      expect: { allowed: false, refusal: 'no_relation' },
    },
    {
      rule: 'fullmakt: not once ended by either side',
      population: pop(
        [person('per', '1941-01-15'), person('anne', '1968-08-08')],
        [],
        [fullmakt('per', 'anne', { ended: true })],
      ),
      actor: 'anne',
      principal: 'per',
      expect: { allowed: false, refusal: 'no_relation' },
    },
    {
      rule: 'fullmakt: one way only (the giver does not represent the holder)',
      population: pop([person('per', '1941-01-15'), person('anne', '1968-08-08')], [], [fullmakt('per', 'anne')]),
      actor: 'per',
      principal: 'anne',
      expect: { allowed: false, refusal: 'no_relation' },
    },
    {
      rule: 'never transitive: A→B and B→C give A nothing for C',
      population: pop(
        [person('a', '1950-01-01'), person('b', '1960-01-01'), person('c', '1970-01-01')],
        [],
        [fullmakt('b', 'a'), fullmakt('c', 'b')],
      ),
      actor: 'a',
      principal: 'c',
      expect: { allowed: false, refusal: 'no_relation' },
    },
    {
      rule: 'never transitive through a child: a grandparent gets nothing',
      population: pop(
        [person('gran', '1950-01-01'), person('mum', '1985-03-14'), person('child', '2020-01-01')],
        [parent('child', 'mum'), parent('mum', 'gran')],
        [fullmakt('mum', 'gran', { serviceAreas: ['innsyn', 'brev_og_skjema', 'digitale_helsetjenester'] })],
      ),
      actor: 'gran',
      principal: 'child',
      expect: { allowed: false, refusal: 'no_relation' },
    },
    {
      rule: 'confidential address of the principal blocks being represented',
      population: family('2016-05-10', { addressProtection: 'confidential' }),
      actor: 'mum',
      principal: 'child',
      expect: { allowed: false, refusal: 'address_protected' },
    },
    {
      rule: 'strictly confidential address of the representative blocks representing',
      population: family('2016-05-10', {}, { addressProtection: 'strictly_confidential' }),
      actor: 'mum',
      principal: 'child',
      expect: { allowed: false, refusal: 'address_protected' },
    },
    {
      rule: 'a protected representative also blocks a fullmakt',
      population: pop(
        [person('per', '1941-01-15'), person('eva', '1979-04-04', { addressProtection: 'strictly_confidential' })],
        [],
        [fullmakt('per', 'eva')],
      ),
      actor: 'eva',
      principal: 'per',
      expect: { allowed: false, refusal: 'address_protected' },
    },
    {
      rule: 'death ends representation',
      population: pop(
        [person('per', '1941-01-15', { deceasedOn: '2026-11-01' }), person('anne', '1968-08-08')],
        [],
        [fullmakt('per', 'anne')],
      ),
      actor: 'anne',
      principal: 'per',
      expect: { allowed: false, refusal: 'deceased' },
    },
    {
      rule: 'a dead parent does not count as living at the child’s address',
      population: pop(
        [
          person('mum', '1985-03-14', { dwellingKey: 'home', deceasedOn: '2026-01-01' }),
          person('dad', '1983-06-02', { dwellingKey: 'elsewhere' }),
          person('child', '2016-05-10', { dwellingKey: 'home' }),
        ],
        [parent('child', 'mum'), parent('child', 'dad')],
      ),
      actor: 'dad',
      principal: 'child',
      expect: { allowed: false, refusal: 'no_parent_at_address' },
    },
    {
      rule: 'a parent under 18 does not represent here',
      population: pop([person('young', '2009-06-01'), person('baby', '2026-05-01')], [parent('baby', 'young')]),
      actor: 'young',
      principal: 'baby',
      expect: { allowed: false, refusal: 'representative_under_18' },
    },
    {
      rule: 'nobody at all: no relation',
      population: pop([person('a', '1950-01-01'), person('b', '1960-01-01')]),
      actor: 'a',
      principal: 'b',
      expect: { allowed: false, refusal: 'no_relation' },
    },
  ];

  for (const c of cases) {
    it(c.rule, () => {
      const d = decide(c.population, c.actor, c.principal, c.today ?? TODAY);
      assert.equal(d.allowed, c.expect.allowed, JSON.stringify(d));
      if (d.allowed && c.expect.allowed) {
        assert.equal(d.basis, c.expect.basis);
        if (c.expect.actions) {
          assert.deepEqual(d.actions, [...c.expect.actions]);
        }
      } else if (!d.allowed && !c.expect.allowed) {
        assert.equal(d.refusal, c.expect.refusal);
      }
    });
  }

  it('reports the service areas the allowed actions fall in', () => {
    const d = decide(family('2012-09-01'), 'mum', 'child', TODAY);
    assert.ok(d.allowed);
    const areas: ServiceArea[] = ['innsyn', 'brev_og_skjema', 'digitale_helsetjenester'];
    assert.deepEqual(d.serviceAreas, areas);
  });

  it('gives a 12–15-year-old no messaging of their own, and a 16-year-old everything', () => {
    const teen = person('t', '2012-09-01');
    assert.ok(!ownRights(teen, TODAY).includes('messages.send'));
    assert.ok(ownRights(person('s', '2010-04-20'), TODAY).includes('messages.send'));
    assert.deepEqual(ownRights(person('d', '1950-01-01', { deceasedOn: '2026-01-01' }), TODAY), []);
  });

  it('tells the fullmakt’s last day, or null when it runs until further notice', () => {
    const d = decide(
      pop(
        [person('per', '1941-01-15'), person('anne', '1968-08-08')],
        [],
        [fullmakt('per', 'anne', { validTo: '2027-06-30' })],
      ),
      'anne',
      'per',
      TODAY,
    );
    assert.ok(d.allowed);
    assert.equal(d.validTo, '2027-06-30');
  });
});
