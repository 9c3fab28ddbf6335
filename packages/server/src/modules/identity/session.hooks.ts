import type { CookieSerializeOptions } from '@fastify/cookie';
import { CSRF_FORM_FIELD, CSRF_HEADER } from '@helsebro/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/app-type.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import { contextFromSession, sameSecret, type ActiveSession, type SessionService } from './session.service.ts';

export const SESSION_COOKIE = 'helsebro_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's session when the request carried a valid session cookie; null otherwise. */
    authSession: ActiveSession | null;
  }
}

/**
 * Options for the session cookie: signed (tampering is detected before any lookup), httpOnly, SameSite=Lax,
 * Secure behind https, for the whole site. No max-age: it ends with the browser, the server enforces the limits.
 * @param config - the configuration (public URL)
 */
export function sessionCookieOptions(config: Config): CookieSerializeOptions {
  return { httpOnly: true, sameSite: 'lax', secure: config.publicUrl.startsWith('https://'), path: '/', signed: true };
}

/**
 * Clears the session cookie with the attributes it was set with.
 * @param reply - the reply
 * @param config - the configuration
 */
export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  const { signed: _signed, ...opts } = sessionCookieOptions(config);
  void reply.clearCookie(SESSION_COOKIE, opts);
}

/**
 * Decides, on every request of a citizen, what the session may do for the person it acts for (the representation
 * module provides it). `lost` means the right is gone: the session goes back to acting for the citizen themselves.
 */
export type ActingForResolver = (ctx: RequestContext, session: ActiveSession) => Promise<ActingForOutcome>;
export type ActingForOutcome = { ctx: RequestContext; lost?: { message: string } };

/** The development IdP runs its own sessions; Helsebro's cookie means nothing there. */
function isIdpPath(url: string): boolean {
  return url.startsWith('/idp/') || url === '/idp' || url.startsWith('/idp-assets/');
}

/** Paths that never need to know the caller: the IdP's, and the web app's public, hashed static files. */
function needsNoSession(url: string): boolean {
  return isIdpPath(url) || url.startsWith('/assets/');
}

/**
 * Adds the global hooks: onRequest fills `req.ctx` from the session cookie (an unknown, tampered or expired
 * cookie leaves the request anonymous and is cleared); preValidation requires the CSRF token on cookie-authenticated
 * writes, from the `x-csrf-token` header or a `_csrf` form field. Bearer-token requests without the cookie are
 * not cookie-authenticated.
 * A citizen's representation is decided again on every request by `resolveActingFor`; when it is gone, the session
 * falls back to self and API requests (other than GET /api/session) are refused with 403 `not_represented`.
 * @param app - the root application (the hooks must apply to every route)
 * @param sessions - the session service
 * @param resolveActingFor - the representation check, when the representation module is installed
 */
export function registerSessionHooks(
  app: App,
  sessions: SessionService,
  resolveActingFor: ActingForResolver | null = null,
): void {
  const { config } = app.platform;
  app.decorateRequest('authSession', null);
  app.addHook('onRequest', async (req, reply) => {
    const raw = req.cookies[SESSION_COOKIE];
    if (!raw || needsNoSession(req.url)) {
      return;
    }
    const unsigned = req.unsignCookie(raw);
    const session = unsigned.valid && unsigned.value ? await sessions.resolve(req.ctx, unsigned.value) : null;
    if (!session) {
      clearSessionCookie(reply, config);
      return;
    }
    req.authSession = session;
    req.ctx = contextFromSession(req.id, session);
    if (resolveActingFor && session.kind === 'citizen' && session.personId) {
      const outcome = await resolveActingFor(req.ctx, session);
      req.ctx = outcome.ctx;
      if (outcome.lost) {
        await sessions.setActingFor(req.ctx, session.id, session.personId);
        session.actingForPersonId = session.personId;
        if (req.url.startsWith('/api/') && !(req.method === 'GET' && req.url.split('?')[0] === '/api/session')) {
          throw new ForbiddenError(outcome.lost.message, 'not_represented');
        }
      }
    }
  });
  app.addHook('preValidation', (req, _reply, done) => {
    if (req.authSession && !SAFE_METHODS.has(req.method) && !isIdpPath(req.url)) {
      assertCsrf(req, req.authSession.csrfToken);
    }
    done();
  });
}

function assertCsrf(req: FastifyRequest, expected: string): void {
  const header = req.headers[CSRF_HEADER];
  const field = (req.body as Record<string, unknown> | null | undefined)?.[CSRF_FORM_FIELD];
  const given = typeof header === 'string' ? header : typeof field === 'string' ? field : '';
  if (!given || !sameSecret(given, expected)) {
    throw new ForbiddenError(
      'Forespørselen mangler gyldig CSRF-token. Last siden på nytt og prøv igjen.',
      'csrf_failed',
    );
  }
}
