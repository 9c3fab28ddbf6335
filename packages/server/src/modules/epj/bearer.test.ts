import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EPJ_AUDIENCE, EPJ_SCOPE } from '@helsebro/contracts';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { AppError } from '../../platform/errors.ts';
import { createBearerVerifier, ORGNR_PARENT_CLAIM } from './bearer.ts';

/**
 * The verifier against a real (local) issuer: discovery document and JWKS over HTTP, as HelseID serves them. Tokens
 * are signed here, so each claim can be wrong on its own.
 */
void describe('EPJ bearer tokens: signature, issuer, audience, expiry and scope are all checked', () => {
  let server: Server;
  let issuer: string;
  let key: CryptoKey;
  let strangerKey: CryptoKey;
  let now = new Date();
  const verify = () => createBearerVerifier(issuer, () => now);

  const sign = async (claims: JWTPayload, opts: { key?: CryptoKey; kid?: string; expiresIn?: number } = {}) =>
    new SignJWT({ scope: EPJ_SCOPE, client_id: 'epj-x', [ORGNR_PARENT_CLAIM]: '921000014', ...claims })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: opts.kid ?? 'k1' })
      .setIssuer(claims.iss ?? issuer)
      .setAudience(claims.aud ?? EPJ_AUDIENCE)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(Math.floor(now.getTime() / 1000) + (opts.expiresIn ?? 600))
      .sign(opts.key ?? key);

  const refused = async (token: string | undefined, code: string) => {
    await assert.rejects(
      verify()(token === undefined ? undefined : `Bearer ${token}`),
      (err: unknown) => err instanceof AppError && err.status === 401 && err.code === code,
    );
  };

  before(async () => {
    ({ privateKey: key } = await generateKeyPair('RS256', { extractable: true }));
    const pair = await generateKeyPair('RS256', { extractable: true });
    strangerKey = pair.privateKey;
    const jwk = { ...(await exportJWK(key)), kid: 'k1', alg: 'RS256', use: 'sig' };
    delete (jwk as Record<string, unknown>)['d'];
    for (const k of ['p', 'q', 'dp', 'dq', 'qi']) {
      delete (jwk as Record<string, unknown>)[k];
    }
    server = createServer((req, res) => {
      const body =
        req.url === '/.well-known/openid-configuration'
          ? { issuer, jwks_uri: `${issuer}/jwks` }
          : req.url === '/jwks'
            ? { keys: [jwk] }
            : null;
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? {}));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  void it('accepts a good token and reads the client and HelseID organisation number', async () => {
    assert.deepEqual(await verify()(`Bearer ${await sign({})}`), { clientId: 'epj-x', orgNumber: '921000014' });
    // An array scope, as some issuers send it.
    assert.equal((await verify()(`Bearer ${await sign({ scope: ['x', EPJ_SCOPE] })}`)).clientId, 'epj-x');
  });

  void it('refuses a missing or malformed header', async () => {
    await refused(undefined, 'missing_token');
    await assert.rejects(verify()('Basic abc'), (e: unknown) => e instanceof AppError && e.code === 'missing_token');
    await refused('not-a-jwt', 'invalid_token');
  });

  void it('refuses another key, another issuer, another audience and an expired token', async () => {
    await refused(await sign({}, { key: strangerKey }), 'invalid_token');
    await refused(await sign({ iss: 'https://elsewhere.example' }), 'invalid_token');
    await refused(await sign({ aud: 'helsebro-web' }), 'invalid_token');
    const old = await sign({}, { expiresIn: 60 });
    now = new Date(now.getTime() + 2 * 60_000);
    try {
      await refused(old, 'invalid_token');
    } finally {
      now = new Date();
    }
  });

  void it('answers 403 insufficient_scope to a valid token without the EPJ scope', async () => {
    await assert.rejects(
      verify()(`Bearer ${await sign({ scope: 'openid profile' })}`),
      (err: unknown) => err instanceof AppError && err.status === 403 && err.code === 'insufficient_scope',
    );
  });

  void it('answers 503, not 401, when the issuer cannot be reached', async () => {
    const token = await sign({});
    const down = createBearerVerifier('http://127.0.0.1:9/idp');
    await assert.rejects(
      down(`Bearer ${token}`),
      (err: unknown) => err instanceof AppError && err.status === 503 && err.code === 'issuer_unavailable',
    );
  });

  void it('passes an organisation number only when it is nine digits', async () => {
    assert.equal((await verify()(`Bearer ${await sign({ [ORGNR_PARENT_CLAIM]: '12' })}`)).orgNumber, null);
  });
});
