import type { FastifyPluginAsync } from 'fastify';
import type { App } from '../../platform/http/app-type.ts';
import { authRoutes } from './auth.routes.ts';
import { createAuthService } from './auth.service.ts';
import { createOidcClient } from './oidc.client.ts';
import { registerSessionHooks, type ActingForResolver } from './session.hooks.ts';
import { sessionRoutes } from './session.routes.ts';
import { createSessionService } from './session.service.ts';

export { createSessionService, contextFromSession, sessionIdOf } from './session.service.ts';
export type { ActiveSession, CreatedSession, SessionService, SessionSubject, SessionProof } from './session.service.ts';
export { SESSION_COOKIE, clearSessionCookie, sessionCookieOptions } from './session.hooks.ts';
export type { ActingForResolver, ActingForOutcome } from './session.hooks.ts';
export { findCitizenById, findCitizenByNin } from './accounts.repository.ts';
export { addOperator, checkNewOperator, type NewOperator } from './operator-accounts.ts';
export { safeReturnTo } from './auth.service.ts';
export { registerMachineClient, type MachineClient } from './dev-idp/machine-clients.ts';
export { HELSEID } from './dev-idp/idp-accounts.ts';

export type IdentityOptions = {
  /** Decides a citizen's representation on every request (modules/representation). */
  resolveActingFor?: ActingForResolver;
};

/**
 * Login, sessions and (in development) the built-in identity provider. Not encapsulated: its hooks fill
 * `req.ctx` from the session cookie for every route, so register it before the other modules.
 */
const plugin: FastifyPluginAsync<IdentityOptions> = async (fastify, opts) => {
  const app = fastify as unknown as App;
  const { platform } = app;
  const sessions = createSessionService(platform);
  registerSessionHooks(app, sessions, opts.resolveActingFor ?? null);
  const auth = createAuthService({
    config: platform.config,
    db: platform.db,
    sessions,
    oidc: createOidcClient(platform.config),
    clock: platform.clock,
  });
  await app.register(sessionRoutes, { sessions });
  await app.register(authRoutes, { auth });
  if (platform.config.oidc.devIdp) {
    const { createDevProvider } = await import('./dev-idp/provider.ts');
    const { devIdpRoutes } = await import('./dev-idp/idp.routes.ts');
    await app.register(devIdpRoutes, { provider: await createDevProvider(platform), platform });
  }
};

// What fastify-plugin does: the hooks above apply to the parent (root) scope instead of a child scope.
(plugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;

export const identityModule = plugin;
