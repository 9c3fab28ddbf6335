/**
 * Terms and agreements (issue 12; seed 000 §3, §5.2, §5.3): the versioned general and special terms, the KS
 * consultation of significant changes, publishing with an accept-by date, each municipality's acceptance by its
 * administrator, and the DigiFin record acceptance requires.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Platform } from '../../platform/platform.ts';
import { createAcceptanceService } from './acceptance.service.ts';
import { adminTermsRoutes, operatorTermsRoutes } from './agreements.routes.ts';
import { createTermsService } from './terms.service.ts';

export { seedTermsDemo, DEMO_TERMS } from './agreements.demo.ts';
export { createTermsService, type TermsService } from './terms.service.ts';
export { createAcceptanceService, type AcceptanceService } from './acceptance.service.ts';

/** The operator's terms and DigiFin API and the administrator's acceptance. Register after the identity module. */
export const agreementsModule: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  await app.register(operatorTermsRoutes, { service: createTermsService(platform) });
  await app.register(adminTermsRoutes, { service: createAcceptanceService(platform) });
};
