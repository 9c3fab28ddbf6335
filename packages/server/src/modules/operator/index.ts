import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Platform } from '../../platform/platform.ts';
import { operatorRoutes } from './operator.routes.ts';
import { createOperatorService } from './operator.service.ts';

export { createOperatorService, type OperatorService } from './operator.service.ts';

/** The platform operator's console API (outbox for now). Register after the identity module. */
export const operatorModule: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  await app.register(operatorRoutes, { service: createOperatorService(platform) });
};
