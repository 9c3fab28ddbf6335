import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  capturedNoticesResponse,
  jobItem,
  jobsQuery,
  jobsResponse,
  retryDeadBody,
  retryDeadResponse,
} from '@helsebro/contracts';
import { requireActor } from '../../platform/http/auth.ts';
import type { NotificationsService } from '../notifications/index.ts';
import type { OperatorService } from './operator.service.ts';

const jobParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/**
 * The operator console's outbox screen: `/api/operator/jobs` (the outbox's jobs, the retry of a dead one, and of
 * every dead job of one kind and cause) and
 * `/api/operator/outbox/captured` (the notices the development capture store holds, owned by notifications).
 */
export const outboxRoutes: FastifyPluginAsyncZod<{
  service: OperatorService;
  notifications: Pick<NotificationsService, 'captured'>;
}> = (app, { service, notifications }) => {
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
  app.post(
    '/api/operator/jobs/retry-dead',
    { preHandler, schema: { body: retryDeadBody, response: { 200: retryDeadResponse } } },
    async (req) => service.retryDeadByCause(req.ctx, req.body),
  );
  app.get(
    '/api/operator/outbox/captured',
    { preHandler, schema: { response: { 200: capturedNoticesResponse } } },
    async () => notifications.captured(),
  );
  return Promise.resolve();
};
