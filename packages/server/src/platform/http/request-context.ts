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
};

export function anonymousContext(requestId: string): RequestContext {
  return {
    requestId,
    actor: { kind: 'anonymous' },
    municipalityId: null,
    actingForPersonId: null,
    purpose: null,
    emergencyReason: null,
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
