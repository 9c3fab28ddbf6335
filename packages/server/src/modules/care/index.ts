import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Platform } from '../../platform/platform.ts';
import { careRelationRoutes } from './care-relations.routes.ts';
import { createCareRelationsService } from './care-relations.service.ts';
import { careRoutes } from './care.routes.ts';
import { createCareService } from './care.service.ts';

export { createCareService, EMERGENCY_ACCESS_HOURS, type CareService } from './care.service.ts';
export { activeCareRelationOn } from './care.repository.ts';
export { admittedSinceOf, hospitalStateOf } from './hospital-state.repository.ts';
export { createCareRelationsService, type CareRelationsService } from './care-relations.service.ts';
export { epjCareRelationRoutes } from './care-relations.epj.routes.ts';

/**
 * Care relations (which citizen receives which service from which unit) and the access they give: the citizen's
 * health contacts, staff access on tjenstlig behov or emergency access, and the unit's own management of its care
 * relations (staff routes here; the EPJ's in `epjCareRelationRoutes`, registered in modules/epj's /epj/v1 scope). Register after the identity module.
 */
export const careModule: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  await app.register(careRoutes, { service: createCareService(platform) });
  await app.register(careRelationRoutes, { service: createCareRelationsService(platform) });
};
