import { createReadStream } from 'node:fs';
import {
  noticeBody,
  noticeConfirmBody,
  noticePreview,
  pageQuery,
  serviceNoticesResponse,
  termination,
  terminationPage,
  terminationsResponse,
  windDown,
  windDownBody,
  windDownsResponse,
} from '@helsebro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/auth.ts';
import { sendDownload } from '../../platform/http/content-disposition.ts';
import type { ExportService } from './export.service.ts';
import type { TerminationService } from './termination.service.ts';

/** The administrator's export and notices, the operator's wind-downs, the citizen's notices (seed 000 §6). */
export const terminationRoutes: FastifyPluginAsyncZod<{ service: TerminationService; exports: ExportService }> = (
  app,
  { service, exports },
) => {
  const personnel = requireActor('personnel');
  const operator = requireActor('operator');
  const citizen = requireActor('citizen');

  app.get('/api/admin/export', { preHandler: personnel }, async (req, reply) => {
    const built = await exports.build(req.ctx);
    const content = createReadStream(built.path);
    content.once('close', () => void built.cleanup());
    return sendDownload(reply, { filename: built.filename, contentType: 'application/zip', content });
  });
  app.get(
    '/api/admin/terminations',
    { preHandler: personnel, schema: { response: { 200: terminationsResponse } } },
    async (req) => service.list(req.ctx),
  );
  app.post(
    '/api/admin/terminations/preview',
    { preHandler: personnel, schema: { body: noticeBody, response: { 200: noticePreview } } },
    async (req) => service.preview(req.ctx, req.body),
  );
  app.post(
    '/api/admin/terminations',
    { preHandler: personnel, schema: { body: noticeConfirmBody, response: { 201: termination } } },
    async (req, reply) => reply.code(201).send(await service.give(req.ctx, req.body)),
  );
  app.get(
    '/api/operator/wind-downs',
    { preHandler: operator, schema: { response: { 200: windDownsResponse } } },
    async (req) => service.windDowns(req.ctx),
  );
  app.post(
    '/api/operator/wind-downs',
    { preHandler: operator, schema: { body: windDownBody, response: { 201: windDown } } },
    async (req, reply) => reply.code(201).send(await service.windDown(req.ctx, req.body)),
  );
  app.get(
    '/api/operator/terminations',
    { preHandler: operator, schema: { querystring: pageQuery, response: { 200: terminationPage } } },
    async (req) => service.terminationPage(req.ctx, req.query),
  );
  app.get(
    '/api/me/service-notices',
    { preHandler: citizen, schema: { response: { 200: serviceNoticesResponse } } },
    async (req) => service.serviceNotices(req.ctx),
  );
  return Promise.resolve();
};
