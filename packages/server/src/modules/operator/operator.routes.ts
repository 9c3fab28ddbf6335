import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { jobItem, jobsQuery, jobsResponse } from '@helsebro/contracts';
import { requireActor } from '../../platform/http/auth.ts';
import type { OperatorService } from './operator.service.ts';

const jobParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/** The operator console's outbox API: `/api/operator/jobs`. */
export const operatorRoutes: FastifyPluginAsyncZod<{ service: OperatorService }> = (app, { service }) => {
  const preHandler = requireActor('operator');
  app.get(
    '/api/operator/jobs',
    { preHandler, schema: { querystring: jobsQuery, response: { 200: jobsResponse } } },
    async (req) => service.listJobs(req.ctx, req.query),
  );
  app.post(
    '/api/operator/jobs/:id/retry',
    { preHandler, schema: { params: jobParams, response: { 200: jobItem } } },
    async (req) => service.retryJob(req.ctx, req.params.id),
  );
  return Promise.resolve();
};
