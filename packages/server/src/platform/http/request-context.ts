import type { RepresentationBasis, RepresentedAction, ServiceArea } from '@helsebro/contracts';

/**
 * Who is asking, for whom, in which municipality and why. Built once per request from the session or bearer
 * token and passed as the first argument to every service call (house style §4); never read from a global.
 */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'citizen'; personId: string }
  | { kind: 'personnel'; personnelId: string; hprNumber: string | null }
  | { kind: 'operator'; operatorId: string }
  | { kind: 'partner'; partnerId: string }
  | { kind: 'system'; name: string };

/**
 * What a citizen may do for the person they act for (themselves included), as the representation engine decided
 * on this request. Services check `actions`; the audit log records the basis.
 */
export type Representation = {
  basis: RepresentationBasis;
  serviceAreas: readonly ServiceArea[];
  actions: readonly RepresentedAction[];
};

export type RequestContext = {
  requestId: string;
  actor: Actor;
  /** The municipality the caller works in (personnel) or belongs to (citizen); null for the operator. */
  municipalityId: string | null;
  /** The person a citizen acts for (themselves unless representing someone). */
  actingForPersonId: string | null;
  /** Why personal data is accessed (treatment, administration, emergency …), recorded in the audit log. */
  purpose: string | null;
  emergencyReason: string | null;
  /** A citizen's rights for `actingForPersonId`, decided per request; null or absent for everyone else. */
  representation?: Representation | null;
};

/**
 * Whether the context may do `action` for the person it acts for. Only citizens carry a representation.
 * @param ctx - the caller
 * @param action - the action
 */
export function mayAct(ctx: RequestContext, action: RepresentedAction): boolean {
  return ctx.actor.kind === 'citizen' && (ctx.representation?.actions.includes(action) ?? false);
}

export function anonymousContext(requestId: string): RequestContext {
  return {
    requestId,
    actor: { kind: 'anonymous' },
    municipalityId: null,
    actingForPersonId: null,
    purpose: null,
    emergencyReason: null,
    representation: null,
  };
}

/** Context for work the platform does on its own (workers, seeding, command-line tools). */
export function systemContext(name: string, requestId = `${name}-${Date.now().toString(36)}`): RequestContext {
  return { ...anonymousContext(requestId), actor: { kind: 'system', name } };
}

/** The actor's id as written in the audit log. */
export function actorId(actor: Actor): string | null {
  switch (actor.kind) {
    case 'anonymous':
      return null;
    case 'citizen':
      return actor.personId;
    case 'personnel':
      return actor.personnelId;
    case 'operator':
      return actor.operatorId;
    case 'partner':
      return actor.partnerId;
    case 'system':
      return actor.name;
  }
}
