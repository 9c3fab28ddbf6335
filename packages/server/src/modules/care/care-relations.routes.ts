import {
  endCareRelationBody,
  registerCareRelationBody,
  unitCareRelation,
  unitCareRelationIdParams,
  unitCareRelationParams,
  unitCareRelationsQuery,
  unitCareRelationsResponse,
} from '@helsebro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/auth.ts';
import type { CareRelationsService } from './care-relations.service.ts';

const BASE = '/api/staff/units/:unitId/care-relations';

/** The staff workspace's "Brukere av tjenesten": the unit's care relations, registered and ended by its staff. */
export const careRelationRoutes: FastifyPluginAsyncZod<{ service: CareRelationsService }> = (app, { service }) => {
  const preHandler = requireActor('personnel');
  app.get(
    BASE,
    {
      preHandler,
      schema: {
        params: unitCareRelationParams,
        querystring: unitCareRelationsQuery,
        response: { 200: unitCareRelationsResponse },
      },
    },
    async (req, reply) => reply.send(await service.list(req.ctx, req.params.unitId, req.query)),
  );
  app.post(
    BASE,
    {
      preHandler,
      schema: { params: unitCareRelationParams, body: registerCareRelationBody, response: { 201: unitCareRelation } },
    },
    async (req, reply) => reply.code(201).send(await service.register(req.ctx, req.params.unitId, req.body)),
  );
  app.post(
    `${BASE}/:id/end`,
    {
      preHandler,
      schema: { params: unitCareRelationIdParams, body: endCareRelationBody, response: { 200: unitCareRelation } },
    },
    async (req) => service.end(req.ctx, req.params.unitId, req.params.id, req.body),
  );
  return Promise.resolve();
};
