/**
 * The service catalogue (versioned data), the data processing agreement, ordering and activation per municipality,
 * and the feature gate every citizen, staff and EPJ use case of a service starts with (issue 12; seed 000 §2, §3.2,
 * §5.1).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Platform } from '../../platform/platform.ts';
import { servicesRoutes } from './services.routes.ts';
import { createServicesService } from './services.service.ts';

export {
  activateServices,
  activeServicesByMunicipality,
  activeServicesOf,
  hasDataProcessingAgreement,
  requireServiceActive,
  setServiceStatus,
  unitsWithActiveService,
} from './services.gate.ts';
export { createServicesService, type ServicesService } from './services.service.ts';
export { seedDpaDemo } from './services.demo.ts';

/** The operator's catalogue and activation, the administrator's orders and agreement, `/api/me/services`. */
export const servicesModule: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  await app.register(servicesRoutes, { service: createServicesService(platform) });
};
