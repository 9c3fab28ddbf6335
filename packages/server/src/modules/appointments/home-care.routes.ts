import {
  assignVisitBody,
  completedVisit,
  HOME_CARE_ROUTES as R,
  markVisitDoneBody,
  myVisitsQuery,
  myVisitsResponse,
  staffAppointment,
  unplannedVisitBody,
} from '@helsebro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/auth.ts';
import type { HomeCareService } from './home-care.service.ts';

const idParams = z.object({ id: z.uuid() });
const unitParams = z.object({ unitId: z.uuid() });

/** "Mine besøk i dag" (issue 15): thin, each one service call. */
export const homeCareRoutes: FastifyPluginAsyncZod<{ service: HomeCareService }> = async (app, { service }) => {
  const staff = requireActor('personnel');

  app.get(
    R.today,
    { schema: { querystring: myVisitsQuery, response: { 200: myVisitsResponse } }, preHandler: staff },
    (req) => service.today(req.ctx, req.query),
  );
  app.post(
    R.done,
    { schema: { params: idParams, body: markVisitDoneBody, response: { 201: completedVisit } }, preHandler: staff },
    async (req, reply) => reply.code(201).send(await service.done(req.ctx, req.params.id, req.body.note)),
  );
  app.post(
    R.unplanned,
    {
      schema: { params: unitParams, body: unplannedVisitBody, response: { 201: completedVisit } },
      preHandler: staff,
    },
    async (req, reply) => reply.code(201).send(await service.unplanned(req.ctx, req.params.unitId, req.body)),
  );
  app.post(
    R.assign,
    { schema: { params: idParams, body: assignVisitBody, response: { 200: staffAppointment } }, preHandler: staff },
    (req) => service.assign(req.ctx, req.params.id, req.body),
  );
};
