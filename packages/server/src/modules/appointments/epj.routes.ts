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
  problemResponse,
} from '@helsebro/contracts';
import { z } from 'zod';
import type { EpjRoutes } from '../epj/index.ts';
import { createEpjAppointmentsService } from './epj.service.ts';
import { createStaffAppointmentsService } from './staff.service.ts';

const idParams = z.object({ id: z.uuid() });
const tags = ['appointments'];

/**
 * Appointments in the EPJ API (/epj/v1): schedules, slots, appointments and their changes, and completed visits, for
 * an EPJ acting for every unit of its municipality. Registered by modules/epj inside its scope, which authenticates
 * the client, sets its municipality, counts its requests, and documents each route with the bearer requirement and
 * the problem responses; the statuses only these routes answer (409, 422) are listed here.
 */
export const epjAppointmentRoutes: EpjRoutes = async (app, { platform }) => {
  const service = createEpjAppointmentsService(platform, createStaffAppointmentsService(platform));
  const schema = <S extends object>(summary: string, rest: S) => ({ schema: { tags, summary, ...rest } });

  app.post(
    R.epj.schedules,
    schema('Create an availability schedule of a unit; its slots are generated', {
      body: epjScheduleBody,
      response: { 201: epjSchedule },
    }),
    async (req, reply) => reply.code(201).send(await service.createSchedule(req.ctx, req.body)),
  );
  app.put(
    R.epj.schedule,
    schema('Change a schedule; free future slots it no longer gives are removed', {
      params: idParams,
      body: epjScheduleBody,
      response: { 200: epjSchedule },
    }),
    (req) => service.updateSchedule(req.ctx, req.params.id, req.body),
  );
  app.get(
    R.epj.slots,
    schema("A unit's slots in a period of at most 92 days, booked or free", {
      querystring: epjSlotsQuery,
      response: { 200: epjSlotsResponse },
    }),
    (req) => service.slots(req.ctx, req.query),
  );
  app.post(
    R.epj.slots,
    schema('Add a single slot outside the schedules', {
      body: epjSlotBody,
      response: { 201: epjSlot, 422: problemResponse },
    }),
    async (req, reply) => reply.code(201).send(await service.createSlot(req.ctx, req.body)),
  );
  app.post(
    R.epj.appointments,
    schema('Book an appointment for a citizen (by national identity number) in a slot or at a time', {
      body: epjAppointmentBody,
      response: { 201: epjAppointment, 409: problemResponse, 422: problemResponse },
    }),
    async (req, reply) => reply.code(201).send(await service.createAppointment(req.ctx, req.body)),
  );
  app.get(
    R.epj.appointment,
    schema('An appointment of the municipality', { params: idParams, response: { 200: epjAppointment } }),
    (req) => service.appointment(req.ctx, req.params.id),
  );
  app.patch(
    R.epj.appointment,
    schema('Change an appointment: move, cancel, set the outcome, the place or the health worker', {
      params: idParams,
      body: epjAppointmentPatchBody,
      response: { 200: epjAppointment, 409: problemResponse, 422: problemResponse },
    }),
    (req) => service.patchAppointment(req.ctx, req.params.id, req.body),
  );
  app.post(
    R.epj.completedVisits,
    schema('Record a home visit as carried out; the citizen is told if they asked to be', {
      params: idParams,
      body: epjCompletedVisitBody,
      response: { 201: completedVisit, 409: problemResponse, 422: problemResponse },
    }),
    async (req, reply) => reply.code(201).send(await service.recordVisit(req.ctx, req.params.id, req.body)),
  );
};
