import { createHash } from 'node:crypto';
import { EPJ_SCOPE } from '@helsebro/contracts';
import { exportJWK, generateKeyPair } from 'jose';
import type { KoaContext, Provider } from 'oidc-provider';
import type { Platform } from '../../../platform/platform.ts';
import { claimsFor, HELSEID, parseAccountId } from './idp-accounts.ts';
import {
  MACHINE_TOKEN_TTL_SECONDS,
  machineClientClaims,
  machineClientSettings,
  withMachineClients,
} from './machine-clients.ts';
import { LOGGED_OUT_PATH } from '../auth.service.ts';
import { renderIdpError, renderLogoutPage, renderLoggedOutPage } from './idp.pages.ts';

/** Where our own interaction pages live; the provider redirects there for login. */
export const IDP_PREFIX = '/idp';

/**
 * oidc-provider 9 warns on import that Node 20 is not a supported runtime; stack-probe §4 found it works, and we
 * run Node 20 until the platform moves to 22. The warning is filtered for that one import only.
 */
async function importProvider(): Promise<typeof Provider> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes('Unsupported runtime')) {
      warn(...args);
    }
  };
  try {
    return (await import('oidc-provider')).default;
  } finally {
    console.warn = warn;
  }
}

/**
 * Creates the development OpenID Connect provider: ID-porten-shaped tokens for citizens, HelseID-shaped for
 * personnel and operators, accounts from the database, our own login and logout pages. Fresh RS256 signing keys
 * at every start, so tokens from a previous run are worthless. State lives in oidc-provider's built-in memory
 * adapter: acceptable for a development IdP (a restart logs everyone out of the IdP, not of Helsebro).
 * @param platform - configuration (issuer, client, secrets) and the store
 */
export async function createDevProvider(platform: Pick<Platform, 'config' | 'db' | 'logger'>): Promise<Provider> {
  const { config, db } = platform;
  const ProviderClass = await importProvider();
  const { createMemoryAdapter } = await import('oidc-provider/lib/adapters/memory_adapter.js');
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig' };
  const kid = createHash('sha256').update(JSON.stringify(jwk)).digest('base64url').slice(0, 16);
  const cookieKey = createHash('sha256').update(`dev-idp-cookies:${config.sessionSecret}`).digest('base64url');

  const provider = new ProviderClass(`${config.publicUrl}${IDP_PREFIX}`, {
    adapter: withMachineClients(db, createMemoryAdapter()),
    jwks: { keys: [{ ...jwk, kid }] },
    clients: [
      {
        client_id: config.oidc.clientId,
        client_secret: config.oidc.clientSecret,
        client_name: 'Helsebro',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [`${config.publicUrl}/auth/callback`],
        post_logout_redirect_uris: [`${config.publicUrl}/`, `${config.publicUrl}${LOGGED_OUT_PATH}`],
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: 'RS256',
      },
    ],
    pkce: { required: () => true },
    scopes: ['openid', 'profile', EPJ_SCOPE],
    acrValues: ['idporten-loa-substantial', 'idporten-loa-high'],
    claims: {
      acr: null,
      amr: null,
      auth_time: null,
      openid: [
        'sub',
        'acr',
        'amr',
        'auth_time',
        'pid',
        'locale',
        HELSEID.pid,
        HELSEID.securityLevel,
        HELSEID.hprNumber,
        HELSEID.orgnrParent,
      ],
      profile: ['name', 'given_name', 'family_name'],
    },
    // ID-porten and HelseID put their identity claims in the id token; oidc-provider would keep them for userinfo.
    conformIdTokenClaims: false,
    cookies: {
      keys: [cookieKey],
      names: { session: 'idp_session', interaction: 'idp_interaction', resume: 'idp_interaction_resume' },
    },
    features: {
      ...machineClientSettings(db),
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: KoaContext, form: string) => {
          ctx.type = 'html';
          ctx.body = renderLogoutPage(form);
        },
        postLogoutSuccessSource: (ctx: KoaContext) => {
          ctx.type = 'html';
          ctx.body = renderLoggedOutPage(config.publicUrl);
        },
      },
    },
    interactions: {
      url: (_ctx: KoaContext, interaction: { uid: string }) => `${IDP_PREFIX}/interaction/${interaction.uid}`,
    },
    // First-party client: consent is granted without asking, as ID-porten does for municipal services.
    loadExistingGrant: async (ctx: KoaContext) => {
      const { client, session, result, provider: p } = ctx.oidc;
      const grantId = result?.consent?.grantId ?? (client ? session?.grantIdFor(client.clientId) : undefined);
      if (grantId) {
        return p.Grant.find(grantId);
      }
      if (client?.clientId !== config.oidc.clientId || !session?.accountId) {
        return undefined;
      }
      const grant = new p.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid profile');
      await grant.save();
      return grant;
    },
    findAccount: async (_ctx: KoaContext, sub: string) => {
      const ref = parseAccountId(sub);
      const claims = ref ? await claimsFor(db, ref) : null;
      return claims ? { accountId: sub, claims: () => claims } : undefined;
    },
    clientBasedCORS: () => false,
    extraTokenClaims: machineClientClaims(db),
    renderError: (ctx: KoaContext, out: { error?: string; error_description?: string }) => {
      ctx.type = 'html';
      ctx.body = renderIdpError(out.error ?? 'server_error', out.error_description, config.publicUrl);
    },
    ttl: {
      AccessToken: 10 * 60,
      ClientCredentials: MACHINE_TOKEN_TTL_SECONDS,
      AuthorizationCode: 60,
      IdToken: 60 * 60,
      Interaction: 30 * 60,
      Session: 12 * 60 * 60,
      Grant: 12 * 60 * 60,
    },
  });
  provider.on('server_error', (_ctx, err) => {
    platform.logger.error({ err }, 'development IdP error');
  });
  return provider;
}
