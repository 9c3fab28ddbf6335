import {
  contactBody,
  supportPageQuery,
  supportRecipients,
  supportReplyBody,
  supportRequest,
  supportRequestBody,
  supportRequestParams,
  supportRequestsPage,
} from '@helsebro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/auth.ts';
import type { SupportService } from './support.service.ts';

/**
 * Support routing: staff file and list (`/api/support/*`), the administrator registers the ICT operations vendor
 * (`/api/admin/ict-operations-vendor`), the operator answers its own queue (`/api/operator/support/*`).
 */
export const supportRoutes: FastifyPluginAsyncZod<{ service: SupportService }> = (app, { service }) => {
  const staff = requireActor('personnel');
  const operator = requireActor('operator');
  app.get(
    '/api/support/recipients',
    { preHandler: staff, schema: { response: { 200: supportRecipients } } },
    async (req) => service.recipients(req.ctx),
  );
  app.get(
    '/api/support/requests',
    { preHandler: staff, schema: { querystring: supportPageQuery, response: { 200: supportRequestsPage } } },
    async (req) => service.listForStaff(req.ctx, req.query),
  );
  app.post(
    '/api/support/requests',
    { preHandler: staff, schema: { body: supportRequestBody, response: { 201: supportRequest } } },
    async (req, reply) => reply.code(201).send(await service.file(req.ctx, req.body)),
  );
  app.put(
    '/api/admin/ict-operations-vendor',
    { preHandler: staff, schema: { body: contactBody, response: { 200: supportRecipients } } },
    async (req) => service.setIctVendor(req.ctx, req.body),
  );
  app.get(
    '/api/operator/support/requests',
    { preHandler: operator, schema: { querystring: supportPageQuery, response: { 200: supportRequestsPage } } },
    async (req) => service.listForOperator(req.ctx, req.query),
  );
  app.post(
    '/api/operator/support/requests/:requestId/reply',
    {
      preHandler: operator,
      schema: { params: supportRequestParams, body: supportReplyBody, response: { 200: supportRequest } },
    },
    async (req) => service.reply(req.ctx, req.params.requestId, req.body),
  );
  app.post(
    '/api/operator/support/requests/:requestId/close',
    { preHandler: operator, schema: { params: supportRequestParams, response: { 200: supportRequest } } },
    async (req) => service.close(req.ctx, req.params.requestId),
  );
  return Promise.resolve();
};
