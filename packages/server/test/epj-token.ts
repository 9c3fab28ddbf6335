import type { TestApp } from './test-app.ts';

export type EpjTokenAnswer = { status: number; body: { access_token?: string; error?: string } };

/**
 * Asks the development IdP's token endpoint for an EPJ access token, as an EPJ does: the client credentials grant
 * with HTTP Basic client authentication and the scope helsebro:epj. The app must listen (the EPJ API fetches the
 * issuer's keys over HTTP, so tokens are only useful against a listening app anyway).
 * @param t - the application, listening
 * @param clientId - the machine client
 * @param clientSecret - its secret
 */
export async function requestEpjToken(t: TestApp, clientId: string, clientSecret: string): Promise<EpjTokenAnswer> {
  const res = await fetch(`${t.config.oidc.issuer}/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials&scope=helsebro%3Aepj',
  });
  return { status: res.status, body: (await res.json()) as EpjTokenAnswer['body'] };
}
