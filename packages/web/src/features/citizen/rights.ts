import type { ActingFor, RepresentedAction, ServiceArea } from '@helsebro/contracts';
import { ACTION_AREA } from '@helsebro/contracts/constants';

/**
 * The actions of one area that a representation includes, and whether that is all of the area (a parent of a
 * 12–16-year-old keeps only part of some areas).
 * @param actions - what the representation allows
 * @param area - the service area
 */
export function actionsInArea(
  actions: readonly RepresentedAction[],
  area: ServiceArea,
): { granted: RepresentedAction[]; complete: boolean } {
  const all = (Object.keys(ACTION_AREA) as RepresentedAction[]).filter((a) => ACTION_AREA[a] === area);
  const granted = all.filter((a) => actions.includes(a));
  return { granted, complete: granted.length === all.length };
}

/** Whether the session may do `action` for the person it acts for. */
export function may(acting: ActingFor, action: RepresentedAction): boolean {
  return acting.basis === 'self' || acting.actions.includes(action);
}
