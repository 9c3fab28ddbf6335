import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Platform } from '../../platform/platform.ts';
import { careRoutes } from './care.routes.ts';
import { createCareService } from './care.service.ts';

export { createCareService, EMERGENCY_ACCESS_HOURS, type CareService } from './care.service.ts';
export { activeCareRelationOn } from './care.repository.ts';

/**
 * Care relations (which citizen receives which service from which unit) and the access they give: the citizen's
 * health contacts, and staff access on tjenstlig behov or emergency access. Register after the identity module.
 */
export const careModule: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  await app.register(careRoutes, { service: createCareService(platform) });
};
