import {
  ADMIN_APPOINTMENT_TYPE_ROUTES as R,
  adminUnitParams,
  appointmentType,
  appointmentTypeBody,
  appointmentTypeParams,
  appointmentTypesResponse,
  changeReasonBody,
} from '@helsebro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/auth.ts';
import type { UnitTypesService } from './unit-types.service.ts';

/** A unit's appointment types, for its leader and the municipality's administrator (issue 12): thin routes. */
export const unitTypesRoutes: FastifyPluginAsyncZod<{ service: UnitTypesService }> = async (app, { service }) => {
  const staff = requireActor('personnel');

  app.get(
    R.list,
    { schema: { params: adminUnitParams, response: { 200: appointmentTypesResponse } }, preHandler: staff },
    (req) => service.list(req.ctx, req.params.unitId),
  );
  app.post(
    R.list,
    {
      schema: { params: adminUnitParams, body: appointmentTypeBody, response: { 201: appointmentType } },
      preHandler: staff,
    },
    async (req, reply) => reply.code(201).send(await service.create(req.ctx, req.params.unitId, req.body)),
  );
  app.put(
    R.one,
    {
      schema: { params: appointmentTypeParams, body: appointmentTypeBody, response: { 200: appointmentType } },
      preHandler: staff,
    },
    (req) => service.update(req.ctx, req.params.unitId, req.params.typeId, req.body),
  );
  app.post(
    R.end,
    {
      schema: { params: appointmentTypeParams, body: changeReasonBody.nullish(), response: { 200: appointmentType } },
      preHandler: staff,
    },
    (req) => service.end(req.ctx, req.params.unitId, req.params.typeId, req.body?.reason),
  );
};
