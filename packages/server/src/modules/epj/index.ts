import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Platform } from '../../platform/platform.ts';
import { createBearerVerifier } from './bearer.ts';
import { epjRoutes, type EpjRoutes } from './epj.routes.ts';
import { createEpjService } from './epj.service.ts';

export { recordEpjEvent, type EpjEventInput, type EpjEventKind, type EpjEventKinds } from './events.ts';
export { demoEpjClient, seedEpjDemo } from './epj.seed.ts';
export { createBearerVerifier, type MachineCaller } from './bearer.ts';
export { authoriseMachineClient } from './epj.service.ts';
export type { EpjRoutes } from './epj.routes.ts';

/**
 * The EPJ API (/epj/v1) for machine clients with HelseID-shaped tokens: it owns the URL space (authentication,
 * rate limit, no-store, the OpenAPI document and the feed). The feature modules' EPJ routes come from app.ts, so
 * this module imports none of them (they import its event writer).
 */
export const epjModule: FastifyPluginAsyncZod<{ platform: Platform; routes: readonly EpjRoutes[] }> = async (
  app,
  { platform, routes },
) => {
  await app.register(epjRoutes, {
    service: createEpjService(platform),
    verify: createBearerVerifier(platform.config.oidc.issuer, () => platform.clock.now()),
    platform,
    routes,
  });
};
