import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addressRegisterDocument, addressRegisterImportResult } from '@helsebro/contracts';
import { requireActor } from '../../../platform/http/auth.ts';
import type { AddressRegister } from './address-register.service.ts';

const putQuery = z.object({ mode: z.enum(['merge', 'replace']).default('replace') });

/**
 * The operator's address register API: `GET` exports the register as JSON, `PUT` imports a document (replace by
 * default, as PUT says; `?mode=merge` only adds and updates).
 */
export const addressRegisterRoutes: FastifyPluginAsyncZod<{ register: AddressRegister }> = async (
  app,
  { register },
) => {
  const preHandler = requireActor('operator');
  app.get(
    '/api/operator/address-register',
    { preHandler, schema: { response: { 200: addressRegisterDocument } } },
    async (req) => register.exportDocument(req.ctx),
  );
  app.put(
    '/api/operator/address-register',
    {
      preHandler,
      bodyLimit: 10 * 1024 * 1024,
      schema: { querystring: putQuery, body: addressRegisterDocument, response: { 200: addressRegisterImportResult } },
    },
    async (req) => register.importDocument(req.ctx, req.body, req.query.mode),
  );
};
