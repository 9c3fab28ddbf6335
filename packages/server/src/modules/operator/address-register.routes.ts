import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addressRegisterDocument,
  addressRegisterImportResult,
  addressRegisterOrganisation,
  addressRegisterOrganisationsQuery,
  addressRegisterOrganisationsResponse,
  messageResponsibleBody,
  herId,
  ploIssuedCredential,
  ploOutgoingCredentialBody,
  ploPartnerCredentialBody,
} from '@helsebro/contracts';
import { requireActor } from '../../platform/http/auth.ts';
import type { AddressRegister, CredentialsService } from '../plo/index.ts';

const putQuery = z.object({ mode: z.enum(['merge', 'replace']).default('replace') });
const params = z.object({ herId });

/**
 * The operator's address register screen; the register and the credentials belong to the PLO module.
 * `GET /api/operator/address-register` exports the register as JSON, `PUT` imports a document (replace by default,
 * as PUT says; `?mode=merge` only adds and updates). `POST …/:herId/partner-credentials` issues the token a partner
 * organisation posts to us with (answered once; only its hash is kept); `PUT …/:herId/outgoing-credential` stores
 * the token the partner issued to us (kept encrypted, never answered back). The screen (issue 14) lists the
 * organisations with their message-responsible addresses (`GET …/organisations`) and sets one party's
 * (`PUT …/:herId/message-responsible`).
 */
export const addressRegisterRoutes: FastifyPluginAsyncZod<{
  register: AddressRegister;
  credentials: CredentialsService;
}> = async (app, { register, credentials }) => {
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
  app.get(
    '/api/operator/address-register/organisations',
    {
      preHandler,
      schema: {
        querystring: addressRegisterOrganisationsQuery,
        response: { 200: addressRegisterOrganisationsResponse },
      },
    },
    async (req) => register.organisations(req.ctx, req.query),
  );
  app.put(
    '/api/operator/address-register/:herId/message-responsible',
    { preHandler, schema: { params, body: messageResponsibleBody, response: { 200: addressRegisterOrganisation } } },
    async (req) => register.setResponsible(req.ctx, req.params.herId, req.body.messageResponsible),
  );
  app.post(
    '/api/operator/address-register/:herId/partner-credentials',
    { preHandler, schema: { params, body: ploPartnerCredentialBody, response: { 201: ploIssuedCredential } } },
    async (req, reply) =>
      reply.code(201).send(await credentials.issuePartnerCredential(req.ctx, req.params.herId, req.body.label)),
  );
  app.put(
    '/api/operator/address-register/:herId/outgoing-credential',
    { preHandler, schema: { params, body: ploOutgoingCredentialBody } },
    async (req, reply) => {
      await credentials.setOutgoingCredential(req.ctx, req.params.herId, req.body);
      return reply.code(204).send();
    },
  );
};
