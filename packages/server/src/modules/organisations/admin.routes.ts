import {
  adminClientParams,
  adminMunicipalityResponse,
  adminStaffParams,
  adminUnit,
  adminUnitParams,
  adminUnitsResponse,
  changeReasonBody,
  clientCreateBody,
  clientCredentialBody,
  epjSystemBody,
  machineClient,
  machineClientsResponse,
  pageQuery,
  staffCreateBody,
  staffMember,
  staffPage,
  staffUpdateBody,
  unitBody,
} from '@helsebro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/auth.ts';
import type { AdminService } from './admin.service.ts';

/** The municipality administration workspace's API (`/api/admin/*`): units, staff, EPJ system and clients. */
export const adminRoutes: FastifyPluginAsyncZod<{ service: AdminService }> = (app, { service }) => {
  const preHandler = requireActor('personnel');
  app.get(
    '/api/admin/municipality',
    { preHandler, schema: { response: { 200: adminMunicipalityResponse } } },
    async (req) => service.readMunicipality(req.ctx),
  );
  app.put(
    '/api/admin/epj-system',
    { preHandler, schema: { body: epjSystemBody, response: { 200: adminMunicipalityResponse } } },
    async (req) => service.setEpjSystem(req.ctx, req.body),
  );
  app.get('/api/admin/units', { preHandler, schema: { response: { 200: adminUnitsResponse } } }, async (req) =>
    service.listUnits(req.ctx),
  );
  app.post(
    '/api/admin/units',
    { preHandler, schema: { body: unitBody, response: { 201: adminUnit } } },
    async (req, reply) => reply.code(201).send(await service.createUnit(req.ctx, req.body)),
  );
  app.put(
    '/api/admin/units/:unitId',
    { preHandler, schema: { params: adminUnitParams, body: unitBody, response: { 200: adminUnit } } },
    async (req) => service.updateUnit(req.ctx, req.params.unitId, req.body),
  );
  app.post(
    '/api/admin/units/:unitId/close',
    {
      preHandler,
      schema: { params: adminUnitParams, body: changeReasonBody.nullish(), response: { 200: adminUnit } },
    },
    async (req) => service.closeUnit(req.ctx, req.params.unitId, req.body?.reason),
  );
  app.get(
    '/api/admin/staff',
    { preHandler, schema: { querystring: pageQuery, response: { 200: staffPage } } },
    async (req) => service.listStaff(req.ctx, req.query),
  );
  app.post(
    '/api/admin/staff',
    { preHandler, schema: { body: staffCreateBody, response: { 201: staffMember } } },
    async (req, reply) => reply.code(201).send(await service.createStaff(req.ctx, req.body)),
  );
  app.put(
    '/api/admin/staff/:personnelId',
    { preHandler, schema: { params: adminStaffParams, body: staffUpdateBody, response: { 200: staffMember } } },
    async (req) => service.updateStaff(req.ctx, req.params.personnelId, req.body),
  );
  app.delete(
    '/api/admin/staff/:personnelId',
    { preHandler, schema: { params: adminStaffParams, body: changeReasonBody.nullish() } },
    async (req, reply) =>
      reply.code(204).send(await service.endStaff(req.ctx, req.params.personnelId, req.body?.reason)),
  );
  app.get(
    '/api/admin/epj-clients',
    { preHandler, schema: { response: { 200: machineClientsResponse } } },
    async (req) => service.listClients(req.ctx),
  );
  app.post(
    '/api/admin/epj-clients',
    { preHandler, schema: { body: clientCreateBody, response: { 201: machineClient } } },
    async (req, reply) => reply.code(201).send(await service.createClient(req.ctx, req.body)),
  );
  app.post(
    '/api/admin/epj-clients/:clientId/rotate',
    { preHandler, schema: { params: adminClientParams, body: clientCredentialBody, response: { 200: machineClient } } },
    async (req) => service.rotateClient(req.ctx, req.params.clientId, req.body),
  );
  app.post(
    '/api/admin/epj-clients/:clientId/revoke',
    {
      preHandler,
      schema: { params: adminClientParams, body: changeReasonBody.nullish(), response: { 200: machineClient } },
    },
    async (req) => service.revokeClient(req.ctx, req.params.clientId, req.body?.reason),
  );
  return Promise.resolve();
};
