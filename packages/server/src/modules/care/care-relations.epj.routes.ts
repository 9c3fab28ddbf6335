import {
  careRelationChangesQuery,
  careRelationChangesResponse,
  endCareRelationBody,
  epjRegisterCareRelationBody,
  unitCareRelation,
} from '@helsebro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Platform } from '../../platform/platform.ts';
import { createCareRelationsService } from './care-relations.service.ts';

const tags = ['care-relations'];

/**
 * Care relations in the EPJ API (/epj/v1): the municipality's EPJ registers and ends them for any of its units and
 * lists what changed. For modules/epj's scope (its `EpjRoutes` shape), which authenticates the client and puts its
 * municipality on `req.ctx`; the use cases are the staff workspace's, so the same rules and audit apply.
 */
export const epjCareRelationRoutes: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  const service = createCareRelationsService(platform);
  app.post(
    '/epj/v1/care-relations',
    {
      schema: {
        tags,
        summary: 'Register that a person (by identity number) receives services from a unit',
        body: epjRegisterCareRelationBody,
        response: { 201: unitCareRelation },
      },
    },
    async (req, reply) => reply.code(201).send(await service.register(req.ctx, req.body.serviceUnitId, req.body)),
  );
  app.post(
    '/epj/v1/care-relations/:id/end',
    {
      schema: {
        tags,
        summary: 'End a care relation (last day and reason)',
        params: z.object({ id: z.uuid() }),
        body: endCareRelationBody,
        response: { 200: unitCareRelation },
      },
    },
    async (req) => service.end(req.ctx, null, req.params.id, req.body),
  );
  app.get(
    '/epj/v1/care-relations/changes',
    {
      schema: {
        tags,
        summary: "The municipality's care relations changed after an instant, oldest first",
        querystring: careRelationChangesQuery,
        response: { 200: careRelationChangesResponse },
      },
    },
    async (req) => service.changes(req.ctx, req.query.since, req.query.limit),
  );
};
