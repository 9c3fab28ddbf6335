import * as client from 'openid-client';
import type { Config } from '../../config.ts';
import { UpstreamUnavailableError } from '../../platform/errors.ts';

export type OidcClient = {
  /** The discovered issuer configuration; fetched on first use and cached, retried after a failure. */
  configuration(): Promise<client.Configuration>;
};

const TIMEOUT_MS = 10_000;

/**
 * The relying party's view of the identity provider (ID-porten, HelseID or the development IdP). Discovery is
 * lazy, so the server starts while the issuer is still down; plain http is allowed only for an http issuer.
 * @param config - issuer, client id and secret
 */
export function createOidcClient(config: Config): OidcClient {
  let pending: Promise<client.Configuration> | null = null;
  const discover = async (): Promise<client.Configuration> => {
    const issuer = new URL(config.oidc.issuer);
    const insecure = issuer.protocol === 'http:';
    try {
      return await client.discovery(
        issuer,
        config.oidc.clientId,
        { client_secret: config.oidc.clientSecret, id_token_signed_response_alg: 'RS256' },
        client.ClientSecretBasic(config.oidc.clientSecret),
        {
          ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
          [client.customFetch]: (url, options) => fetch(url, { ...options, signal: AbortSignal.timeout(TIMEOUT_MS) }),
        },
      );
    } catch (err) {
      const unavailable = new UpstreamUnavailableError(
        'Innloggingstjenesten svarer ikke. Prøv igjen om litt.',
        'idp_unavailable',
      );
      unavailable.cause = err;
      throw unavailable;
    }
  };
  return {
    configuration: () => {
      pending ??= discover().catch((err: unknown) => {
        pending = null;
        throw err;
      });
      return pending;
    },
  };
}
