import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Platform } from '../../platform/platform.ts';
import { accessLogRoutes } from './access-log.routes.ts';
import { createAccessLogService } from './access-log.service.ts';

export { createAccessLogService, type AccessLogService } from './access-log.service.ts';

/** The citizen's access log (A8), read from the audit log. Register after the identity module. */
export const accessLogModule: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  await app.register(accessLogRoutes, { service: createAccessLogService(platform) });
};
