import {
  ploConsoleAnswerBody,
  ploConsoleAnswerResponse,
  ploConsoleListQuery,
  ploConsoleListResponse,
  ploConsoleMessage,
  ploConsoleMessageParams,
  ploConsoleServiceParams,
  ploConsoleServicesResponse,
  ploRejectedCloseBody,
  ploRejectedForwardBody,
  ploRejectedItem,
  ploRejectedListQuery,
  ploRejectedListResponse,
  ploRejectedParams,
} from '@helsebro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../../platform/http/auth.ts';
import { sendDownload } from '../../../platform/http/content-disposition.ts';
import type { ConsoleService } from './console.service.ts';

const BASE = '/api/plo/console';

/** The message console's API (contracts in plo-console.ts); personnel only, the service checks the role. */
export const consoleRoutes: FastifyPluginAsyncZod<{ service: ConsoleService }> = async (app, { service }) => {
  const staff = { preHandler: requireActor('personnel') };

  app.get(`${BASE}/services`, { ...staff, schema: { response: { 200: ploConsoleServicesResponse } } }, async (req) => {
    return service.services(req.ctx);
  });
  for (const box of ['inbox', 'outbox'] as const) {
    app.get(
      `${BASE}/services/:herId/${box}`,
      {
        ...staff,
        schema: {
          params: ploConsoleServiceParams,
          querystring: ploConsoleListQuery,
          response: { 200: ploConsoleListResponse },
        },
      },
      async (req) => {
        return service.list(req.ctx, req.params.herId, box, req.query);
      },
    );
  }
  app.get(
    `${BASE}/messages/:id`,
    { ...staff, schema: { params: ploConsoleMessageParams, response: { 200: ploConsoleMessage } } },
    async (req) => {
      return service.read(req.ctx, req.params.id);
    },
  );
  app.get(
    `${BASE}/messages/:id/xml`,
    { ...staff, schema: { params: ploConsoleMessageParams, response: { 200: z.any() } } },
    async (req, reply) => {
      const { xml, msgId } = await service.rawXml(req.ctx, req.params.id);
      const filename = `${msgId ?? req.params.id}.xml`;
      return sendDownload(reply, { filename, contentType: 'application/xml', content: xml });
    },
  );
  app.post(
    `${BASE}/messages/:id/handled`,
    { ...staff, schema: { params: ploConsoleMessageParams, response: { 200: ploConsoleMessage } } },
    async (req) => service.markHandled(req.ctx, req.params.id),
  );
  app.post(
    `${BASE}/messages/:id/answer`,
    {
      ...staff,
      schema: {
        params: ploConsoleMessageParams,
        body: ploConsoleAnswerBody,
        response: { 201: ploConsoleAnswerResponse },
      },
    },
    async (req, reply) => reply.code(201).send(await service.answer(req.ctx, req.params.id, req.body)),
  );

  // Rejected messages addressed to the caller's organisation (issue 14, D6).
  app.get(
    `${BASE}/rejected`,
    { ...staff, schema: { querystring: ploRejectedListQuery, response: { 200: ploRejectedListResponse } } },
    async (req) => service.rejected(req.ctx, req.query),
  );
  app.post(
    `${BASE}/rejected/:id/close`,
    {
      ...staff,
      schema: { params: ploRejectedParams, body: ploRejectedCloseBody, response: { 200: ploRejectedItem } },
    },
    async (req) => service.closeRejected(req.ctx, req.params.id, req.body),
  );
  app.post(
    `${BASE}/rejected/:id/forward`,
    {
      ...staff,
      schema: { params: ploRejectedParams, body: ploRejectedForwardBody, response: { 200: ploRejectedItem } },
    },
    async (req) => service.forwardRejected(req.ctx, req.params.id, req.body),
  );
};
