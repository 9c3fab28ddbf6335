import {
  digifinBody,
  ksConsultationBody,
  municipalityParams,
  publishTermsBody,
  termsAcceptancesPage,
  termsAcceptancesQuery,
  termsDraftBody,
  termsStatus,
  termsVersion,
  termsVersionParams,
  termsVersionsResponse,
} from '@helsebro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/auth.ts';
import type { AcceptanceService } from './acceptance.service.ts';
import type { TermsService } from './terms.service.ts';

/** The operator's terms and DigiFin API (`/api/operator/terms*`, `/api/operator/municipalities/:id/{terms,digifin}`). */
export const operatorTermsRoutes: FastifyPluginAsyncZod<{ service: TermsService }> = (app, { service }) => {
  const preHandler = requireActor('operator');
  app.get('/api/operator/terms', { preHandler, schema: { response: { 200: termsVersionsResponse } } }, async (req) =>
    service.listVersions(req.ctx),
  );
  app.post(
    '/api/operator/terms',
    { preHandler, schema: { body: termsDraftBody, response: { 201: termsVersion } } },
    async (req, reply) => reply.code(201).send(await service.createDraft(req.ctx, req.body)),
  );
  app.put(
    '/api/operator/terms/:versionId/ks-consultation',
    {
      preHandler,
      schema: { params: termsVersionParams, body: ksConsultationBody, response: { 200: termsVersion } },
    },
    async (req) => service.recordKsConsultation(req.ctx, req.params.versionId, req.body),
  );
  app.post(
    '/api/operator/terms/:versionId/publish',
    { preHandler, schema: { params: termsVersionParams, body: publishTermsBody, response: { 200: termsVersion } } },
    async (req) => service.publish(req.ctx, req.params.versionId, req.body),
  );
  app.get(
    '/api/operator/terms/:versionId/acceptances',
    {
      preHandler,
      schema: {
        params: termsVersionParams,
        querystring: termsAcceptancesQuery,
        response: { 200: termsAcceptancesPage },
      },
    },
    async (req) => service.listAcceptances(req.ctx, req.params.versionId, req.query),
  );
  app.get(
    '/api/operator/municipalities/:municipalityId/terms',
    { preHandler, schema: { params: municipalityParams, response: { 200: termsStatus } } },
    async (req) => service.readMunicipalityStatus(req.ctx, req.params.municipalityId),
  );
  app.put(
    '/api/operator/municipalities/:municipalityId/digifin',
    { preHandler, schema: { params: municipalityParams, body: digifinBody, response: { 200: termsStatus } } },
    async (req) => service.recordDigifin(req.ctx, req.params.municipalityId, req.body),
  );
  return Promise.resolve();
};

/** The administrator's terms (`/api/admin/terms*`): read the current versions and accept them. */
export const adminTermsRoutes: FastifyPluginAsyncZod<{ service: AcceptanceService }> = (app, { service }) => {
  const preHandler = requireActor('personnel');
  app.get('/api/admin/terms', { preHandler, schema: { response: { 200: termsStatus } } }, async (req) =>
    service.readStatus(req.ctx),
  );
  app.post(
    '/api/admin/terms/:versionId/accept',
    { preHandler, schema: { params: termsVersionParams, response: { 201: termsStatus } } },
    async (req, reply) => reply.code(201).send(await service.accept(req.ctx, req.params.versionId)),
  );
  return Promise.resolve();
};
