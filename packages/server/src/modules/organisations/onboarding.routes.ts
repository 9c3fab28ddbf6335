import {
  administratorBody,
  epjProduct,
  epjProductBody,
  epjProductParams,
  epjProductsResponse,
  epjSupportContactBody,
  municipalitiesResponse,
  municipalityCreateBody,
  municipalityDetail,
  municipalityParams,
  pageQuery,
} from '@helsebro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/auth.ts';
import type { OnboardingService } from './onboarding.service.ts';

/** The operator console's municipalities and EPJ products (`/api/operator/municipalities`, `/api/operator/epj-products`). */
export const onboardingRoutes: FastifyPluginAsyncZod<{ service: OnboardingService }> = (app, { service }) => {
  const preHandler = requireActor('operator');
  app.get(
    '/api/operator/municipalities',
    { preHandler, schema: { querystring: pageQuery, response: { 200: municipalitiesResponse } } },
    async (req) => service.listMunicipalities(req.ctx, req.query),
  );
  app.post(
    '/api/operator/municipalities',
    { preHandler, schema: { body: municipalityCreateBody, response: { 201: municipalityDetail } } },
    async (req, reply) => reply.code(201).send(await service.createMunicipality(req.ctx, req.body)),
  );
  app.get(
    '/api/operator/municipalities/:municipalityId',
    { preHandler, schema: { params: municipalityParams, response: { 200: municipalityDetail } } },
    async (req) => {
      return service.readMunicipality(req.ctx, req.params.municipalityId);
    },
  );
  app.post(
    '/api/operator/municipalities/:municipalityId/administrators',
    {
      preHandler,
      schema: { params: municipalityParams, body: administratorBody, response: { 201: municipalityDetail } },
    },
    async (req, reply) =>
      reply.code(201).send(await service.addAdministrator(req.ctx, req.params.municipalityId, req.body)),
  );
  app.get(
    '/api/operator/epj-products',
    { preHandler, schema: { response: { 200: epjProductsResponse } } },
    async (req) => service.listProducts(req.ctx),
  );
  app.post(
    '/api/operator/epj-products',
    { preHandler, schema: { body: epjProductBody, response: { 201: epjProduct } } },
    async (req, reply) => reply.code(201).send(await service.createProduct(req.ctx, req.body)),
  );
  app.put(
    '/api/operator/epj-products/:productId/support-contact',
    {
      preHandler,
      schema: { params: epjProductParams, body: epjSupportContactBody, response: { 200: epjProduct } },
    },
    async (req) => service.setProductSupport(req.ctx, req.params.productId, req.body),
  );
  return Promise.resolve();
};
