import { randomUUID } from 'node:crypto';
import type { Db } from '../../../platform/db/client.ts';
import { findCitizenById, findOperator, findPersonnel } from '../accounts.repository.ts';

/**
 * Account ids of the development IdP. Personnel log in to one municipality at a time, as a HelseID client
 * asks for one parent organisation, so their account id names the municipality too.
 */
export type IdpAccountRef =
  | { kind: 'citizen'; id: string }
  | { kind: 'personnel'; id: string; municipalityId: string }
  | { kind: 'operator'; id: string }
  | { kind: 'helseid'; id: string };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ACCOUNT_ID = new RegExp(`^(citizen|personnel|operator|helseid):(${UUID})(?::(${UUID}))?$`);

/**
 * People HelseID knows but Helsebro does not (a nurse the administrator has not registered yet). The real HelseID
 * authenticates anyone with a Norwegian eID and leaves it to the service to refuse; the stand-in does the same, so
 * Helsebro's "not registered" page is reached as in production. The account id is a random id, never the number;
 * the map lives as long as the process (a login is minutes), and is bounded.
 */
const unknownHelseIdPeople = new Map<string, string>();
const MAX_UNKNOWN = 1000;

/**
 * An account for someone HelseID would authenticate whom Helsebro has not registered.
 * @param nin - a valid identity number
 */
export function helseIdAccountFor(nin: string): IdpAccountRef {
  if (unknownHelseIdPeople.size >= MAX_UNKNOWN) {
    unknownHelseIdPeople.delete(unknownHelseIdPeople.keys().next().value!);
  }
  const id = randomUUID();
  unknownHelseIdPeople.set(id, nin);
  return { kind: 'helseid', id };
}

export const HELSEID = {
  pid: 'helseid://claims/identity/pid',
  hprNumber: 'helseid://claims/hpr/hpr_number',
  securityLevel: 'helseid://claims/identity/security_level',
  orgnrParent: 'helseid://claims/client/claims/orgnr_parent',
} as const;

/** ID-porten's level for the test eID (TestID is offered at "high"). */
export const CITIZEN_ACR = 'idporten-loa-high';

/**
 * The IdP account id (the token's `sub`) of an account.
 * @param ref - the account
 */
export function formatAccountId(ref: IdpAccountRef): string {
  return ref.kind === 'personnel' ? `personnel:${ref.id}:${ref.municipalityId}` : `${ref.kind}:${ref.id}`;
}

/**
 * Parses an account id from a form or token; null when malformed.
 * @param value - the account id
 */
export function parseAccountId(value: string): IdpAccountRef | null {
  const m = ACCOUNT_ID.exec(value);
  if (!m?.[1] || !m[2]) {
    return null;
  }
  if (m[1] === 'personnel') {
    return m[3] ? { kind: 'personnel', id: m[2], municipalityId: m[3] } : null;
  }
  return m[3] ? null : { kind: m[1] as 'citizen' | 'operator' | 'helseid', id: m[2] };
}

/**
 * The claims the IdP issues for an account: ID-porten-shaped for citizens (`pid`, `locale`; `acr`/`amr` come
 * from the login), HelseID-shaped for personnel and operators. Null when the account no longer exists.
 * @param db - the store
 * @param ref - the account
 */
export async function claimsFor(db: Db, ref: IdpAccountRef): Promise<Record<string, unknown> | null> {
  const sub = formatAccountId(ref);
  switch (ref.kind) {
    case 'citizen': {
      const p = await findCitizenById(db, ref.id);
      return p ? { sub, pid: p.nin, locale: 'nb' } : null;
    }
    case 'personnel': {
      const p = await findPersonnel(db, { id: ref.id });
      const place = p?.workplaces.find((w) => w.municipalityId === ref.municipalityId);
      if (!p || !place) {
        return null;
      }
      return {
        ...staffClaims(sub, p),
        ...(p.hprNumber ? { [HELSEID.hprNumber]: p.hprNumber } : {}),
        [HELSEID.orgnrParent]: place.orgNumber,
      };
    }
    case 'operator': {
      const o = await findOperator(db, { id: ref.id });
      return o ? staffClaims(sub, o) : null;
    }
    case 'helseid': {
      // HelseID's identity claims without HPR number or organisation: Helsebro finds no one and says whom to ask.
      const nin = unknownHelseIdPeople.get(ref.id);
      return nin ? { sub, [HELSEID.pid]: nin, [HELSEID.securityLevel]: '4' } : null;
    }
  }
}

function staffClaims(sub: string, p: { nin: string; givenName: string; familyName: string }) {
  return {
    sub,
    name: `${p.givenName} ${p.familyName}`,
    given_name: p.givenName,
    family_name: p.familyName,
    [HELSEID.pid]: p.nin,
    [HELSEID.securityLevel]: '4',
  };
}
