import type { IncomingMessage } from 'node:http';
import formbody from '@fastify/formbody';
import type { FastifyError, FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Provider } from 'oidc-provider';
import { z } from 'zod';
import { AppError } from '../../../platform/errors.ts';
import type { Platform } from '../../../platform/platform.ts';
import { createIdpInteractions } from './idp.service.ts';
import { renderIdpError } from './idp.pages.ts';
import { IDP_PREFIX } from './provider.ts';
import { perMinute } from '../rate-limits.ts';

export type DevIdpOptions = { provider: Provider; platform: Platform };

const uidParams = z.object({ uid: z.string().min(1).max(100) });
const loginBody = z.object({
  account: z.string().max(200).optional(),
  nin: z.string().max(20).optional(),
  kind: z.enum(['citizen', 'personnel', 'operator']).optional(),
});

const LOGOUT_SCRIPT = `'use strict';
// Submits the IdP's logout form at once (the page keeps a button for browsers without JavaScript).
(function () {
  var form = document.getElementById('op.logoutForm');
  if (!form) { return; }
  var input = document.createElement('input');
  input.type = 'hidden'; input.name = 'logout'; input.value = 'yes';
  form.appendChild(input);
  form.submit();
})();
`;

/**
 * Mounts the development IdP: everything under /idp goes to oidc-provider untouched (Fastify must not read the
 * body), except our own login pages (/idp/interaction/…) and the logout script (/idp-assets/logout.js).
 */
export const devIdpRoutes: FastifyPluginAsyncZod<DevIdpOptions> = async (app, { provider, platform }) => {
  const { config } = platform;
  const callback = provider.callback();
  const interactions = createIdpInteractions(provider, platform.db);

  await app.register((passthrough, _opts, done) => {
    passthrough.removeAllContentTypeParsers();
    passthrough.addContentTypeParser('*', (_req, _payload, done) => done(null));
    passthrough.route({
      method: ['GET', 'POST', 'OPTIONS'],
      url: `${IDP_PREFIX}/*`,
      // Request URLs here carry authorization codes (and an id_token_hint from any RP that sends one; Helsebro
      // does not): keep them out of the access log.
      logLevel: 'warn',
      config: perMinute(config.rateLimit.publicPerMinute),
      handler: (req, reply) => {
        void reply.hijack();
        const raw = req.raw as IncomingMessage & { originalUrl?: string };
        raw.originalUrl = raw.url;
        raw.url = (raw.url ?? '/').slice(IDP_PREFIX.length) || '/';
        void callback(raw, reply.raw);
      },
    });
    done();
  });

  await app.register(async (scope) => {
    const pages = scope.withTypeProvider<ZodTypeProvider>();
    await pages.register(formbody, { bodyLimit: 4096 });
    pages.setErrorHandler((err: FastifyError, req, reply) => {
      const refusal = asRefusal(err);
      if (!refusal) {
        throw err;
      }
      req.log.info({ code: refusal.code }, 'development IdP interaction refused');
      return sendHtml(reply, refusal.status, renderIdpError(refusal.code, refusal.message, config.publicUrl));
    });

    pages.get(
      `${IDP_PREFIX}/interaction/:uid`,
      { schema: { params: uidParams }, config: perMinute(config.rateLimit.publicPerMinute) },
      async (req, reply) => sendHtml(reply, 200, await interactions.show(req.raw, reply.raw, req.params.uid)),
    );

    pages.post(
      `${IDP_PREFIX}/interaction/:uid/login`,
      { schema: { params: uidParams, body: loginBody }, config: perMinute(config.rateLimit.loginPerMinute) },
      async (req, reply) => {
        const answer = await interactions.submit(req.raw, reply.raw, req.params.uid, req.body);
        return 'redirect' in answer
          ? reply.redirect(answer.redirect, 303)
          : sendHtml(reply, answer.status, answer.html);
      },
    );

    pages.get('/idp-assets/logout.js', { config: perMinute(config.rateLimit.publicPerMinute) }, async (_req, reply) =>
      reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').send(LOGOUT_SCRIPT),
    );
  });
};

function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}

/**
 * What the IdP page says about an error: our own AppErrors and oidc-provider's OAuth errors (SessionNotFound when
 * the interaction cookie is gone, …) become an HTML page; rate limits and anything unexpected go to the
 * platform's problem+json handler.
 */
function asRefusal(err: unknown): { status: number; code: string; message: string | undefined } | null {
  if (err instanceof AppError) {
    return err.status === 429 ? null : { status: err.status, code: err.code, message: err.message };
  }
  if (typeof err === 'object' && err !== null && 'error' in err && 'status' in err) {
    const { error, status } = err;
    const ok = typeof status === 'number' && status >= 400 && status < 500;
    return { status: ok ? status : 400, code: String(error), message: undefined };
  }
  return null;
}
