import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Platform } from '../../platform/platform.ts';
import { populationRegisterRoutes } from './population-register.routes.ts';
import { createPopulationRegisterService } from './population-register.service.ts';

export {
  createPopulationRegisterService,
  describeImport,
  IMPORT_BATCH,
  type PopulationRegisterService,
} from './population-register.service.ts';
export { dwellingKey } from './population-register.mapping.ts';

/**
 * The population register (Folkeregisteret's persons, addresses, parental responsibility and deaths): the
 * operator's import and the one the command line and the seed use. Register after the identity module.
 */
export const populationRegisterModule: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  await app.register(populationRegisterRoutes, { service: createPopulationRegisterService(platform) });
};
