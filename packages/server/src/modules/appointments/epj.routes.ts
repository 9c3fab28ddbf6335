import {
  APPOINTMENT_ROUTES as R,
  completedVisit,
  epjAppointment,
  epjAppointmentBody,
  epjAppointmentPatchBody,
  epjCompletedVisitBody,
  epjSchedule,
  epjScheduleBody,
  epjSlot,
  epjSlotBody,
  epjSlotsQuery,
  epjSlotsResponse,
} from '@helsebro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { MachineCaller } from '../epj/index.ts';
import type { EpjAppointmentsService } from './epj.service.ts';

const idParams = z.object({ id: z.uuid() });

/**
 * Appointments in the EPJ API (/epj/v1): the same HelseID-shaped bearer tokens as modules/epj (verified by its
 * verifier), the municipality from the token's organisation number.
 */
export const epjAppointmentRoutes: FastifyPluginAsyncZod<{
  service: EpjAppointmentsService;
  verify: (authorization: string | undefined) => Promise<MachineCaller>;
}> = async (app, { service, verify }) => {
  app.addHook('onRequest', async (req, reply) => {
    void reply.header('cache-control', 'no-store');
    try {
      req.ctx = await service.authorise(req.ctx, await verify(req.headers.authorization));
    } catch (err) {
      if (err instanceof AppError && err.status === 401) {
        void reply.header('www-authenticate', `Bearer realm="helsebro-epj", error="invalid_token"`);
      }
      throw err;
    }
  });

  app.post(R.epj.schedules, { schema: { body: epjScheduleBody, response: { 201: epjSchedule } } }, async (req, reply) =>
    reply.code(201).send(await service.createSchedule(req.ctx, req.body)),
  );
  app.put(
    R.epj.schedule,
    { schema: { params: idParams, body: epjScheduleBody, response: { 200: epjSchedule } } },
    (req) => service.updateSchedule(req.ctx, req.params.id, req.body),
  );
  app.get(R.epj.slots, { schema: { querystring: epjSlotsQuery, response: { 200: epjSlotsResponse } } }, (req) =>
    service.slots(req.ctx, req.query),
  );
  app.post(R.epj.slots, { schema: { body: epjSlotBody, response: { 201: epjSlot } } }, async (req, reply) =>
    reply.code(201).send(await service.createSlot(req.ctx, req.body)),
  );
  app.post(
    R.epj.appointments,
    { schema: { body: epjAppointmentBody, response: { 201: epjAppointment } } },
    async (req, reply) => reply.code(201).send(await service.createAppointment(req.ctx, req.body)),
  );
  app.get(R.epj.appointment, { schema: { params: idParams, response: { 200: epjAppointment } } }, (req) =>
    service.appointment(req.ctx, req.params.id),
  );
  app.patch(
    R.epj.appointment,
    { schema: { params: idParams, body: epjAppointmentPatchBody, response: { 200: epjAppointment } } },
    (req) => service.patchAppointment(req.ctx, req.params.id, req.body),
  );
  app.post(
    R.epj.completedVisits,
    { schema: { params: idParams, body: epjCompletedVisitBody, response: { 201: completedVisit } } },
    async (req, reply) => reply.code(201).send(await service.recordVisit(req.ctx, req.params.id, req.body)),
  );
};
