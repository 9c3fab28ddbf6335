import {
  catalogueBody,
  dpaBody,
  historyQuery,
  municipalityParams,
  municipalityServiceParams,
  municipalityServices,
  myServices,
  serviceCatalogue,
  serviceHistoryPage,
  serviceOrderBody,
  statusChangeBody,
} from '@helsebro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/auth.ts';
import type { ServicesService } from './services.service.ts';

/**
 * The service catalogue and each municipality's services: the operator's catalogue and activation
 * (`/api/operator/...`), the administrator's ordering and data processing agreement (`/api/admin/...`), and the
 * active services for the web (`/api/me/services`).
 */
export const servicesRoutes: FastifyPluginAsyncZod<{ service: ServicesService }> = (app, { service }) => {
  const operator = requireActor('operator');
  const personnel = requireActor('personnel');
  app.get(
    '/api/operator/service-catalogue',
    { preHandler: operator, schema: { response: { 200: serviceCatalogue } } },
    async (req) => service.readCatalogue(req.ctx),
  );
  app.post(
    '/api/operator/service-catalogue',
    { preHandler: operator, schema: { body: catalogueBody, response: { 201: serviceCatalogue } } },
    async (req, reply) => reply.code(201).send(await service.publishCatalogue(req.ctx, req.body)),
  );
  app.get(
    '/api/operator/municipalities/:municipalityId/services',
    { preHandler: operator, schema: { params: municipalityParams, response: { 200: municipalityServices } } },
    async (req) => service.readForOperator(req.ctx, req.params.municipalityId),
  );
  app.get(
    '/api/operator/municipalities/:municipalityId/services/history',
    {
      preHandler: operator,
      schema: { params: municipalityParams, querystring: historyQuery, response: { 200: serviceHistoryPage } },
    },
    async (req) => service.historyForOperator(req.ctx, req.params.municipalityId, req.query.page),
  );
  app.post(
    '/api/operator/municipalities/:municipalityId/services/:serviceCode/activate',
    {
      preHandler: operator,
      schema: { params: municipalityServiceParams, body: statusChangeBody, response: { 200: municipalityServices } },
    },
    async (req) => service.activate(req.ctx, req.params.municipalityId, req.params.serviceCode, req.body.reason),
  );
  app.post(
    '/api/operator/municipalities/:municipalityId/services/:serviceCode/suspend',
    {
      preHandler: operator,
      schema: { params: municipalityServiceParams, body: statusChangeBody, response: { 200: municipalityServices } },
    },
    async (req) => service.suspend(req.ctx, req.params.municipalityId, req.params.serviceCode, req.body.reason),
  );
  app.get(
    '/api/admin/services',
    { preHandler: personnel, schema: { response: { 200: municipalityServices } } },
    async (req) => service.readForAdmin(req.ctx),
  );
  app.get(
    '/api/admin/services/history',
    { preHandler: personnel, schema: { querystring: historyQuery, response: { 200: serviceHistoryPage } } },
    async (req) => service.historyForAdmin(req.ctx, req.query.page),
  );
  app.post(
    '/api/admin/services/orders',
    { preHandler: personnel, schema: { body: serviceOrderBody, response: { 200: municipalityServices } } },
    async (req) => service.order(req.ctx, req.body),
  );
  app.post(
    '/api/admin/data-processing-agreement',
    { preHandler: personnel, schema: { body: dpaBody, response: { 201: municipalityServices } } },
    async (req, reply) => reply.code(201).send(await service.signDpa(req.ctx, req.body)),
  );
  app.get(
    '/api/me/services',
    { preHandler: requireActor('citizen', 'personnel'), schema: { response: { 200: myServices } } },
    async (req) => service.mine(req.ctx),
  );
  return Promise.resolve();
};
