import {
  ACTION_AREA,
  REPRESENTED_ACTIONS,
  SERVICE_AREAS,
  type RepresentedAction,
  type ServiceArea,
} from '@helsebro/contracts';

/**
 * The rule tables of representation (A2). The same tables, with the reasoning, are in docs/representation.md;
 * change both together.
 */

export const ALL_ACTIONS: readonly RepresentedAction[] = REPRESENTED_ACTIONS;

/** Ages at which rights change (citizen-services.md §2.4). */
export const AGE = {
  /** Parents' access is reduced from this age. */
  reducedParentalAccess: 12,
  /** "Helserettslig myndig": parents lose access; the youth may give a fullmakt. */
  healthMajority: 16,
  /** A representative (fullmakt holder or parent acting here) must be this old. */
  representative: 18,
} as const;

/**
 * What a person's own account holds (what they may do acting for themselves), by age. A representative never gets
 * more than this (the ceiling). Under 12 the child holds every right, exercised by the parents. From 12 to 15 the
 * child holds everything except messaging: messages with the municipal services need consent level Full, which a
 * person under 16 cannot give on their own (citizen-services.md §2.5), and from 12 the parents can no longer use it
 * for them. From 16 everything.
 */
export const OWN_RIGHTS_12_TO_15: readonly RepresentedAction[] = ALL_ACTIONS.filter(
  (a) => a !== 'messages.read' && a !== 'messages.send',
);

/** Parents with responsibility for a child under 12 (at least one living at the child's address): everything. */
export const PARENT_UNDER_12: readonly RepresentedAction[] = ALL_ACTIONS;

/**
 * Parents with responsibility for a child of 12 to 15: they keep an overview of the child's care and can help with
 * forms, but no longer see what the child may keep to themselves (pasient- og brukerrettighetsloven § 3-4: from 12
 * the child's view counts, and information may be withheld from parents). See docs/representation.md for each row.
 */
export const PARENT_12_TO_15: readonly RepresentedAction[] = [
  'profile.read',
  'forms.read',
  'forms.submit',
  'health_contacts.read',
  'appointments.read',
  'home_visits.read',
];

/**
 * The actions a set of service areas covers.
 * @param areas - service areas
 */
export function actionsOfAreas(areas: readonly ServiceArea[]): RepresentedAction[] {
  const set = new Set(areas);
  return ALL_ACTIONS.filter((a) => set.has(ACTION_AREA[a]));
}

/**
 * The service areas an action list touches, in the canonical order.
 * @param actions - actions
 */
export function areasOfActions(actions: readonly RepresentedAction[]): ServiceArea[] {
  const set = new Set(actions.map((a) => ACTION_AREA[a]));
  return SERVICE_AREAS.filter((s) => set.has(s));
}

/**
 * The actions in both lists, in the canonical order.
 * @param a - first list
 * @param b - second list
 */
export function intersect(a: readonly RepresentedAction[], b: readonly RepresentedAction[]): RepresentedAction[] {
  const inB = new Set(b);
  return ALL_ACTIONS.filter((x) => a.includes(x) && inB.has(x));
}
