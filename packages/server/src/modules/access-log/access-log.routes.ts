import { accessLogQuery, accessLogResponse } from '@helsebro/contracts';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/auth.ts';
import type { AccessLogService } from './access-log.service.ts';

/** GET /api/access-log: the acting-for person's access log. */
export const accessLogRoutes: FastifyPluginCallbackZod<{ service: AccessLogService }> = (app, { service }, done) => {
  app.get(
    '/api/access-log',
    {
      schema: { querystring: accessLogQuery, response: { 200: accessLogResponse } },
      preHandler: requireActor('citizen'),
    },
    async (req) => {
      return service.read(req.ctx, req.query);
    },
  );
  done();
};
