import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Platform } from '../../platform/platform.ts';
import type { DialogService } from '../dialog/index.ts';
import { createBearerVerifier } from './bearer.ts';
import { epjRoutes } from './epj.routes.ts';
import { createEpjService } from './epj.service.ts';

export { recordEpjEvent, type EpjEventInput, type EpjEventKind, type EpjEventKinds } from './events.ts';
export { demoEpjClient, seedEpjDemo } from './epj.seed.ts';
export { createBearerVerifier, type MachineCaller } from './bearer.ts';
export { authoriseMachineClient } from './epj.service.ts';

/**
 * The EPJ API (/epj/v1) for machine clients with HelseID-shaped tokens. The dialog service comes from app.ts
 * rather than an import, because the dialog imports this module's event writer.
 */
export const epjModule: FastifyPluginAsyncZod<{ platform: Platform; dialog: DialogService }> = async (
  app,
  { platform, dialog },
) => {
  await app.register(epjRoutes, {
    service: createEpjService(platform, dialog),
    verify: createBearerVerifier(platform.config.oidc.issuer, () => platform.clock.now()),
    platform,
  });
};
