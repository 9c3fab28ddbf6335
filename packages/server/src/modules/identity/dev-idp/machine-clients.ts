import { EPJ_AUDIENCE, EPJ_SCOPE } from '@helsebro/contracts';
import { eq } from 'drizzle-orm';
import type { Db, Queryable } from '../../../platform/db/client.ts';
import { epjClients } from '../../../platform/db/schema.ts';
import { HELSEID } from './idp-accounts.ts';

/** HelseID's client name claim; for logging only (NHN: never for access control). */
const CLIENT_NAME_CLAIM = 'helseid://claims/client/client_name';

/** Lifetime of a machine client's access token, as HelseID's default for client credentials (10 minutes). */
export const MACHINE_TOKEN_TTL_SECONDS = 600;

export type MachineClient = { clientId: string; clientName: string; clientSecret: string; orgNumber: string };

/**
 * Registers (or updates) a machine client at the development IdP, as a vendor registers its EPJ at HelseID:
 * the client credentials grant only, scope `helsebro:epj`, tied to one organisation number.
 * @param q - the store
 * @param client - id, name, secret and the organisation number the client acts for
 */
export async function registerMachineClient(q: Queryable, client: MachineClient): Promise<void> {
  await q
    .insert(epjClients)
    .values({ ...client, scope: EPJ_SCOPE })
    .onConflictDoUpdate({
      target: epjClients.clientId,
      set: {
        clientName: client.clientName,
        clientSecret: client.clientSecret,
        orgNumber: client.orgNumber,
        scope: EPJ_SCOPE,
      },
    });
}

type Adapter = { find(id: string): Promise<unknown> } & Record<string, unknown>;

/**
 * oidc-provider's storage with clients found in `epj_clients`: the web client stays in the static
 * configuration, every other client id is looked up here when it asks for a token.
 * @param db - the store
 * @param memory - the in-memory adapter factory for everything else (sessions, grants, codes)
 */
export function withMachineClients(db: Db, memory: (model: string) => unknown) {
  return (model: string): unknown => {
    if (model !== 'Client') {
      return memory(model);
    }
    const fallback = memory(model) as Adapter;
    return {
      ...Object.fromEntries(
        ['upsert', 'destroy', 'consume', 'findByUid', 'findByUserCode', 'revokeByGrantId'].map((m) => [
          m,
          (...args: unknown[]) => (fallback[m] as (...a: unknown[]) => unknown)(...args),
        ]),
      ),
      async find(id: string) {
        const [row] = await db.select().from(epjClients).where(eq(epjClients.clientId, id));
        // A revoked client is unknown to the IdP: it gets no new token (issue 12).
        if (!row || row.revokedAt) {
          return undefined;
        }
        const common = {
          client_id: row.clientId,
          client_name: row.clientName,
          grant_types: ['client_credentials'],
          response_types: [],
          redirect_uris: [],
          scope: row.scope,
        };
        // A client registered with public keys authenticates with a signed assertion (RFC 7523 §2.2,
        // OpenID Connect Core §9 private_key_jwt), as HelseID requires; one with a secret as before.
        return row.jwks
          ? { ...common, jwks: row.jwks, token_endpoint_auth_method: 'private_key_jwt' }
          : { ...common, client_secret: row.clientSecret, token_endpoint_auth_method: 'client_secret_basic' };
      },
    };
  };
}

/**
 * The provider settings for machine clients: the client credentials grant, and JWT access tokens (RFC 9068)
 * for the EPJ API as the only resource server, signed with the IdP's keys so the API verifies them against
 * the JWKS. The organisation number goes in HelseID's claim `helseid://claims/client/claims/orgnr_parent`.
 * @param db - the store
 */
export function machineClientSettings(db: Db) {
  const isMachineClient = async (clientId: string) =>
    (await db.select({ id: epjClients.clientId }).from(epjClients).where(eq(epjClients.clientId, clientId))).length > 0;
  return {
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      // A machine client that names no resource gets a token for the EPJ API, as HelseID's API-bound clients do.
      defaultResource: async (_ctx: unknown, client: { clientId: string }, oneOf?: string) =>
        oneOf ?? ((await isMachineClient(client.clientId)) ? EPJ_AUDIENCE : undefined),
      getResourceServerInfo: async (_ctx: unknown, resource: string) => {
        if (resource !== EPJ_AUDIENCE) {
          const { errors } = await import('oidc-provider');
          throw new errors.InvalidTarget();
        }
        return {
          scope: EPJ_SCOPE,
          audience: EPJ_AUDIENCE,
          accessTokenTTL: MACHINE_TOKEN_TTL_SECONDS,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        };
      },
    },
  };
}

/**
 * HelseID's client claims in a machine client's access token.
 * @param db - the store
 */
export function machineClientClaims(db: Db) {
  return async (_ctx: unknown, token: { kind: string; clientId?: string }) => {
    if (token.kind !== 'ClientCredentials' || !token.clientId) {
      return undefined;
    }
    const [row] = await db.select().from(epjClients).where(eq(epjClients.clientId, token.clientId));
    return row ? { [HELSEID.orgnrParent]: row.orgNumber, [CLIENT_NAME_CLAIM]: row.clientName } : undefined;
  };
}
