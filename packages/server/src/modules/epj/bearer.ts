import { EPJ_AUDIENCE, EPJ_SCOPE } from '@helsebro/contracts';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { ForbiddenError, UnauthenticatedError, UpstreamUnavailableError } from '../../platform/errors.ts';
import { HELSEID } from '../identity/index.ts';

/** HelseID's organisation number claim for a single-tenant client (see shared/domain/integrations.md §3.2). */
export const ORGNR_PARENT_CLAIM = HELSEID.orgnrParent;

export type MachineCaller = { clientId: string; orgNumber: string | null };

type Discovery = { issuer: string; jwks_uri: string };

/**
 * Verifies EPJ bearer tokens (RFC 6750) as a resource server: a JWT access token (RFC 9068) signed by a key in
 * the issuer's JWKS, from that issuer, for our audience, unexpired, with the `helsebro:epj` scope. The JWKS
 * address comes from the issuer's discovery document (OpenID Connect Discovery 1.0 §4), so pointing OIDC_ISSUER
 * at HelseID needs no other change. Keys are cached by jose and fetched again for an unknown `kid`.
 * @param issuer - the expected `iss`, e.g. http://localhost:8080/idp or https://helseid-sts.nhn.no
 * @param now - the clock that decides expiry (the platform's, so tests can move it)
 */
export function createBearerVerifier(issuer: string, now: () => Date = () => new Date()) {
  let jwks: ReturnType<typeof createRemoteJWKSet> | null = null;
  const keys = async () => {
    if (!jwks) {
      const res = await fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5000) });
      if (!res.ok) {
        throw new Error(`discovery at ${issuer} answered ${res.status}`);
      }
      const doc = (await res.json()) as Discovery;
      jwks = createRemoteJWKSet(new URL(doc.jwks_uri), { timeoutDuration: 5000 });
    }
    return jwks;
  };

  const refuse = (why: string) => new UnauthenticatedError(`Ugyldig tilgangstoken: ${why}.`, 'invalid_token');

  return async function verify(authorization: string | undefined): Promise<MachineCaller> {
    const token = /^Bearer ([A-Za-z0-9_.~+/-]+=*)$/.exec(authorization ?? '')?.[1];
    if (!token) {
      throw new UnauthenticatedError('Mangler tilgangstoken (Authorization: Bearer …).', 'missing_token');
    }
    let jwks: Awaited<ReturnType<typeof keys>>;
    try {
      jwks = await keys();
    } catch {
      // The issuer is down or unreachable: the token may be fine, so this is not the client's fault (401).
      throw new UpstreamUnavailableError(
        'Kan ikke hente nøklene til tokenutstederen nå. Prøv igjen snart.',
        'issuer_unavailable',
      );
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer,
        audience: EPJ_AUDIENCE,
        algorithms: ['RS256', 'PS256', 'ES256'],
        requiredClaims: ['exp', 'iat'],
        clockTolerance: 5,
        currentDate: now(),
      }));
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'ERR_JWKS_TIMEOUT' || (err instanceof TypeError && /fetch/i.test(err.message))) {
        throw new UpstreamUnavailableError(
          'Kan ikke hente nøklene til tokenutstederen nå. Prøv igjen snart.',
          'issuer_unavailable',
        );
      }
      throw refuse(
        code === 'ERR_JWT_EXPIRED'
          ? 'utløpt'
          : code === 'ERR_JWT_CLAIM_VALIDATION_FAILED'
            ? 'feil utsteder eller mottaker'
            : 'kan ikke verifiseres',
      );
    }
    // HelseID sends scope as a space-separated string; some issuers send an array.
    const scope = payload['scope'];
    const scopes = Array.isArray(scope) ? scope.map(String) : typeof scope === 'string' ? scope.split(' ') : [];
    if (!scopes.includes(EPJ_SCOPE)) {
      // RFC 6750 §3.1: a valid token without the scope is insufficient_scope, 403.
      throw new ForbiddenError(`Tilgangstokenet mangler scope ${EPJ_SCOPE}.`, 'insufficient_scope');
    }
    const clientId = payload['client_id'] ?? payload.sub;
    if (typeof clientId !== 'string' || clientId.length === 0) {
      throw refuse('mangler client_id');
    }
    const org = payload[ORGNR_PARENT_CLAIM];
    return { clientId, orgNumber: typeof org === 'string' && /^[0-9]{9}$/.test(org) ? org : null };
  };
}

export type BearerVerifier = ReturnType<typeof createBearerVerifier>;
