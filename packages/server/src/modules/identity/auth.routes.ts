import type { CookieSerializeOptions } from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { FastifyError, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { renderLoginErrorPage } from './auth.pages.ts';
import { perMinute } from './rate-limits.ts';
import type { AuthService, LoginState } from './auth.service.ts';
import { clearSessionCookie, SESSION_COOKIE, sessionCookieOptions } from './session.hooks.ts';

export type AuthRoutesOptions = { auth: AuthService };

const LOGIN_COOKIE = 'helsebro_login';
const loginState = z.object({
  state: z.string(),
  nonce: z.string(),
  verifier: z.string(),
  returnTo: z.string().nullable(),
  freshSince: z.number().nullable().optional(),
});

/**
 * /auth/login, /auth/callback and /auth/logout. Failures answer 4xx: an HTML page for browsers, problem+json for
 * everything else.
 */
export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, { auth }) => {
  const { config } = app.platform;
  const loginLimit = perMinute(config.rateLimit.loginPerMinute);
  const publicLimit = perMinute(config.rateLimit.publicPerMinute);
  const loginCookie: CookieSerializeOptions = {
    ...sessionCookieOptions(config),
    path: '/auth/callback',
    maxAge: 10 * 60,
  };
  await app.register(formbody, { bodyLimit: 4096 });
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (!(err instanceof AppError) || err.status === 429) {
      throw err;
    }
    req.log.warn({ code: err.code }, 'login refused');
    if (!wantsHtml(req)) {
      throw err;
    }
    // Someone the IdP knows but Helsebro does not gets the web's page saying whom to ask (nb, nn, en), not an error.
    if (err.code === 'not_registered' || err.code === 'municipality_unknown') {
      const who = err.extensions.audience === 'staff' ? 'ansatt' : 'innbygger';
      return reply.redirect(`${config.publicUrl}/ikke-registrert?hvem=${who}`, 303);
    }
    const html = renderLoginErrorPage(err.message, err.code, config.publicUrl);
    return reply.status(err.status).type('text/html; charset=utf-8').send(html);
  });

  app.get(
    '/auth/login',
    {
      schema: {
        querystring: z.object({
          returnTo: z.string().max(1000).optional(),
          /** `login` forces a fresh authentication at the IdP (before switching who you act for, …). */
          prompt: z.literal('login').optional(),
        }),
      },
      config: loginLimit,
    },
    async (req, reply) => {
      const { url, state } = await auth.startLogin(req.ctx, req.query.returnTo, req.query.prompt === 'login');
      void reply.setCookie(LOGIN_COOKIE, JSON.stringify(state), loginCookie);
      return reply.redirect(url, 303);
    },
  );

  // The callback URL carries the authorization code: no access-log line for it.
  app.get('/auth/callback', { config: loginLimit, logLevel: 'warn' }, async (req, reply) => {
    void reply.clearCookie(LOGIN_COOKIE, { path: loginCookie.path });
    const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
    const { session, redirectTo } = await auth.completeLogin(req.ctx, query, readLoginState(req));
    void reply.setCookie(SESSION_COOKIE, session.token, sessionCookieOptions(config));
    return reply.redirect(redirectTo, 303);
  });

  app.post(
    '/auth/logout',
    { schema: { body: z.object({ _csrf: z.string().optional() }).nullish() }, config: publicLimit },
    async (req, reply) => {
      const location = await auth.logout(req.ctx, req.authSession);
      clearSessionCookie(reply, config);
      return reply.redirect(location, 303);
    },
  );
};

function readLoginState(req: FastifyRequest): LoginState | null {
  const raw = req.cookies[LOGIN_COOKIE];
  const unsigned = raw ? req.unsignCookie(raw) : null;
  if (!unsigned?.valid || !unsigned.value) {
    return null;
  }
  try {
    const parsed = loginState.safeParse(JSON.parse(unsigned.value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function wantsHtml(req: FastifyRequest): boolean {
  return /\btext\/html\b/.test(req.headers.accept ?? '');
}
