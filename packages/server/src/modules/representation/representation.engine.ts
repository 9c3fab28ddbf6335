import type { RepresentationBasis, RepresentationRefusal, RepresentedAction, ServiceArea } from '@helsebro/contracts';
import { ageOn } from './dates.ts';
import {
  actionsOfAreas,
  AGE,
  ALL_ACTIONS,
  areasOfActions,
  intersect,
  OWN_RIGHTS_12_TO_15,
  PARENT_12_TO_15,
  PARENT_UNDER_12,
} from './representation.rules.ts';

/**
 * The representation engine (A2): pure functions, no I/O, no clock. The caller passes everything the decision
 * needs (the persons, their relations and today's date in Europe/Oslo) and gets the decision with the rule that
 * made it. The rules are written out in docs/representation.md.
 */

export type AddressProtection = 'none' | 'confidential' | 'strictly_confidential';

/** What the population register says about a person. */
export type PersonFacts = {
  id: string;
  birthDate: string;
  /** The registered dwelling in a comparable form; null never matches. */
  dwellingKey: string | null;
  addressProtection: AddressProtection;
  deceasedOn: string | null;
};

export type ParentalResponsibilityFacts = {
  childId: string;
  parentId: string;
  validFrom: string;
  validTo: string | null;
};

export type FullmaktFacts = {
  id: string;
  giverId: string;
  holderId: string;
  serviceAreas: readonly ServiceArea[];
  validFrom: string;
  validTo: string | null;
  /** Ended by either side (an end takes effect at once). */
  ended: boolean;
};

/** The part of the population a decision looks at: at least the two persons and the principal's parents. */
export type Population = {
  persons: ReadonlyMap<string, PersonFacts>;
  parental: readonly ParentalResponsibilityFacts[];
  fullmakter: readonly FullmaktFacts[];
};

/** The rule that decided, for the audit log and the tests. */
export type RuleId =
  | 'self'
  | 'deceased'
  | 'address_protected'
  | 'representative_under_18'
  | 'parent_under_12'
  | 'parent_12_to_15'
  | 'child_16_or_older'
  | 'no_parent_at_address'
  | 'fullmakt'
  | 'giver_under_16'
  | 'fullmakt_not_started'
  | 'no_relation'
  | 'unknown_person';

export type Allowed = {
  allowed: true;
  basis: RepresentationBasis;
  rule: RuleId;
  serviceAreas: ServiceArea[];
  actions: RepresentedAction[];
  /** For a fullmakt: the last valid day (null: until further notice). Null otherwise. */
  validTo: string | null;
};
export type Refused = {
  allowed: false;
  /** The relation that was tried, or null when there is none. */
  basis: RepresentationBasis | null;
  rule: RuleId;
  refusal: RepresentationRefusal;
};
export type Decision = Allowed | Refused;

const isDead = (p: PersonFacts, today: string) => p.deceasedOn !== null && p.deceasedOn <= today;
const isProtected = (p: PersonFacts) => p.addressProtection !== 'none';
const inPeriod = (r: { validFrom: string; validTo: string | null }, today: string) =>
  r.validFrom <= today && (r.validTo === null || today <= r.validTo);

/**
 * What a person's own account holds on a date (what they may do acting for themselves): nothing once dead, every
 * action under 12 (exercised by the parents) and from 16, everything but messaging from 12 to 15.
 * @param person - the person
 * @param today - YYYY-MM-DD, Europe/Oslo
 */
export function ownRights(person: PersonFacts, today: string): RepresentedAction[] {
  if (isDead(person, today)) {
    return [];
  }
  const age = ageOn(person.birthDate, today);
  if (age >= AGE.reducedParentalAccess && age < AGE.healthMajority) {
    return [...OWN_RIGHTS_12_TO_15];
  }
  return [...ALL_ACTIONS];
}

function allow(
  basis: RepresentationBasis,
  rule: RuleId,
  actions: RepresentedAction[],
  validTo: string | null,
): Decision {
  // An empty list cannot come from the tables today; refusing keeps "allowed" meaning "may do something".
  return actions.length === 0
    ? { allowed: false, basis, rule: 'no_relation', refusal: 'no_relation' }
    : { allowed: true, basis, rule, serviceAreas: areasOfActions(actions), actions, validTo };
}

const refuse = (basis: RepresentationBasis | null, rule: RuleId, refusal: RepresentationRefusal): Refused => ({
  allowed: false,
  basis,
  rule,
  refusal,
});

/**
 * May `actorId` act for `principalId` today, on what basis, with which actions? Only direct relations count
 * (the actor's own parental responsibility for the principal, or a fullmakt from the principal to the actor),
 * so nothing is ever transitive; the actions never exceed what the principal holds (ownRights).
 * @param population - the persons and relations
 * @param actorId - who wants to act
 * @param principalId - for whom
 * @param today - YYYY-MM-DD, Europe/Oslo
 */
export function decide(population: Population, actorId: string, principalId: string, today: string): Decision {
  const actor = population.persons.get(actorId);
  const principal = population.persons.get(principalId);
  if (!actor || !principal) {
    return refuse(null, 'unknown_person', 'no_relation');
  }
  if (actorId === principalId) {
    return isDead(actor, today)
      ? refuse('self', 'deceased', 'deceased')
      : allow('self', 'self', ownRights(actor, today), null);
  }
  const parental = population.parental.filter(
    (r) => r.childId === principalId && r.parentId === actorId && inPeriod(r, today),
  );
  const fullmakter = population.fullmakter.filter(
    (f) =>
      f.giverId === principalId && f.holderId === actorId && !f.ended && (f.validTo === null || today <= f.validTo),
  );
  const basis: RepresentationBasis | null =
    fullmakter.length > 0 && ageOn(principal.birthDate, today) >= AGE.healthMajority
      ? 'fullmakt'
      : parental.length > 0
        ? 'parent'
        : fullmakter.length > 0
          ? 'fullmakt'
          : null;
  if (basis === null) {
    return refuse(null, 'no_relation', 'no_relation');
  }
  if (isDead(principal, today) || isDead(actor, today)) {
    return refuse(basis, 'deceased', 'deceased');
  }
  if (isProtected(principal) || isProtected(actor)) {
    return refuse(basis, 'address_protected', 'address_protected');
  }
  if (ageOn(actor.birthDate, today) < AGE.representative) {
    return refuse(basis, 'representative_under_18', 'representative_under_18');
  }
  return basis === 'parent' ? decideParent(population, principal, today) : decideFullmakt(principal, fullmakter, today);
}

function decideParent(population: Population, child: PersonFacts, today: string): Decision {
  const age = ageOn(child.birthDate, today);
  if (age >= AGE.healthMajority) {
    return refuse('parent', 'child_16_or_older', 'child_16_or_older');
  }
  if (age >= AGE.reducedParentalAccess) {
    return allow('parent', 'parent_12_to_15', intersect(PARENT_12_TO_15, ownRights(child, today)), null);
  }
  const parentAtAddress = population.parental.some((r) => {
    if (r.childId !== child.id || !inPeriod(r, today)) {
      return false;
    }
    const parent = population.persons.get(r.parentId);
    return (
      parent !== undefined &&
      !isDead(parent, today) &&
      parent.dwellingKey !== null &&
      parent.dwellingKey === child.dwellingKey
    );
  });
  return parentAtAddress
    ? allow('parent', 'parent_under_12', intersect(PARENT_UNDER_12, ownRights(child, today)), null)
    : refuse('parent', 'no_parent_at_address', 'no_parent_at_address');
}

function decideFullmakt(giver: PersonFacts, fullmakter: readonly FullmaktFacts[], today: string): Decision {
  if (ageOn(giver.birthDate, today) < AGE.healthMajority) {
    return refuse('fullmakt', 'giver_under_16', 'giver_under_16');
  }
  const valid = fullmakter.filter((f) => inPeriod(f, today));
  if (valid.length === 0) {
    return refuse('fullmakt', 'fullmakt_not_started', 'fullmakt_not_started');
  }
  const areas = [...new Set(valid.flatMap((f) => f.serviceAreas))];
  const validTo = valid.some((f) => f.validTo === null)
    ? null
    : valid.map((f) => f.validTo as string).reduce((a, b) => (a > b ? a : b));
  return allow('fullmakt', 'fullmakt', intersect(actionsOfAreas(areas), ownRights(giver, today)), validTo);
}
