import {
  APPOINTMENT_ROUTES as R,
  appointmentRequest,
  appointmentTypesResponse,
  bookableTypesResponse,
  bookAppointmentBody,
  calendarQuery,
  cancelAppointmentBody,
  cancelAppointmentResponse,
  citizenAppointment,
  citizenAppointmentsResponse,
  completedVisit,
  completedVisitsQuery,
  completedVisitsResponse,
  decideRequestBody,
  freeSlotsQuery,
  freeSlotsResponse,
  moveAppointmentBody,
  newTimeRequestBody,
  recordCompletedVisitBody,
  setAppointmentOutcomeBody,
  staffAppointment,
  staffAppointmentUnitsResponse,
  staffCalendarResponse,
  staffCancelAppointmentBody,
  staffCreateAppointmentBody,
  staffNamesSetting,
  staffNamesSettingBody,
  staffRequestsQuery,
  staffRequestsResponse,
  visitNoticePreference,
  visitNoticePreferenceBody,
} from '@helsebro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/auth.ts';
import type { createCitizenAppointmentsService } from './citizen.service.ts';
import type { StaffAppointmentsService } from './staff.service.ts';

const idParams = z.object({ id: z.uuid() });
const unitParams = z.object({ unitId: z.uuid() });
const unitPersonParams = z.object({ unitId: z.uuid(), personId: z.uuid() });

/** Citizen routes (A5, A6): thin, each one service call. */
export const citizenAppointmentRoutes: FastifyPluginAsyncZod<{
  service: ReturnType<typeof createCitizenAppointmentsService>;
}> = async (app, { service }) => {
  const citizen = requireActor('citizen');

  app.get(R.citizen.list, { schema: { response: { 200: citizenAppointmentsResponse } }, preHandler: citizen }, (req) =>
    service.list(req.ctx),
  );
  app.get(
    R.citizen.bookableTypes,
    { schema: { response: { 200: bookableTypesResponse } }, preHandler: citizen },
    (req) => service.bookableTypes(req.ctx),
  );
  app.get(
    R.citizen.freeSlots,
    { schema: { querystring: freeSlotsQuery, response: { 200: freeSlotsResponse } }, preHandler: citizen },
    (req) => service.freeSlots(req.ctx, req.query),
  );
  app.get(
    R.citizen.one,
    { schema: { params: idParams, response: { 200: citizenAppointment } }, preHandler: citizen },
    (req) => service.one(req.ctx, req.params.id),
  );
  app.get(R.citizen.calendarFile, { schema: { params: idParams }, preHandler: citizen }, async (req, reply) => {
    const file = await service.calendarFile(req.ctx, req.params.id);
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="helsebro-time-${file.localDate}.ics"`)
      .header('cache-control', 'no-store')
      .send(file.body);
  });
  app.post(
    R.citizen.book,
    { schema: { body: bookAppointmentBody, response: { 201: citizenAppointment } }, preHandler: citizen },
    async (req, reply) => reply.code(201).send(await service.book(req.ctx, req.body.slotId)),
  );
  app.post(
    R.citizen.cancel,
    {
      schema: { params: idParams, body: cancelAppointmentBody, response: { 200: cancelAppointmentResponse } },
      preHandler: citizen,
    },
    (req) => service.cancel(req.ctx, req.params.id, req.body),
  );
  app.post(
    R.citizen.newTimeRequest,
    {
      schema: { params: idParams, body: newTimeRequestBody, response: { 201: appointmentRequest } },
      preHandler: citizen,
    },
    async (req, reply) => reply.code(201).send(await service.requestNewTime(req.ctx, req.params.id, req.body)),
  );
  app.get(
    R.citizen.completedVisits,
    { schema: { querystring: completedVisitsQuery, response: { 200: completedVisitsResponse } }, preHandler: citizen },
    (req) => service.completedVisits(req.ctx, req.query),
  );
  app.get(
    R.citizen.visitNotices,
    { schema: { response: { 200: visitNoticePreference } }, preHandler: citizen },
    (req) => service.visitNotices(req.ctx),
  );
  app.put(
    R.citizen.visitNotices,
    { schema: { body: visitNoticePreferenceBody, response: { 200: visitNoticePreference } }, preHandler: citizen },
    (req) => service.setVisitNotices(req.ctx, req.body.optIn),
  );
};

/** Staff workspace routes: the unit's calendar, appointments, completed visits, requests, staff names. */
export const staffAppointmentRoutes: FastifyPluginAsyncZod<{ service: StaffAppointmentsService }> = async (
  app,
  { service },
) => {
  const staff = requireActor('personnel');

  app.get(R.staff.units, { schema: { response: { 200: staffAppointmentUnitsResponse } }, preHandler: staff }, (req) =>
    service.units(req.ctx),
  );
  app.get(
    R.staff.calendar,
    {
      schema: { params: unitParams, querystring: calendarQuery, response: { 200: staffCalendarResponse } },
      preHandler: staff,
    },
    (req) => service.calendar(req.ctx, req.params.unitId, req.query),
  );
  app.get(
    R.staff.types,
    { schema: { params: unitParams, response: { 200: appointmentTypesResponse } }, preHandler: staff },
    (req) => service.types(req.ctx, req.params.unitId),
  );
  app.post(
    R.staff.create,
    {
      schema: { params: unitParams, body: staffCreateAppointmentBody, response: { 201: staffAppointment } },
      preHandler: staff,
    },
    async (req, reply) => reply.code(201).send(await service.create(req.ctx, req.params.unitId, req.body)),
  );
  app.get(
    R.staff.one,
    { schema: { params: idParams, response: { 200: staffAppointment } }, preHandler: staff },
    (req) => service.one(req.ctx, req.params.id),
  );
  app.post(
    R.staff.move,
    { schema: { params: idParams, body: moveAppointmentBody, response: { 200: staffAppointment } }, preHandler: staff },
    (req) => service.move(req.ctx, req.params.id, req.body),
  );
  app.post(
    R.staff.cancel,
    {
      schema: { params: idParams, body: staffCancelAppointmentBody, response: { 200: staffAppointment } },
      preHandler: staff,
    },
    (req) => service.cancel(req.ctx, req.params.id, req.body),
  );
  app.post(
    R.staff.outcome,
    {
      schema: { params: idParams, body: setAppointmentOutcomeBody, response: { 200: staffAppointment } },
      preHandler: staff,
    },
    (req) => service.outcome(req.ctx, req.params.id, req.body),
  );
  app.post(
    R.staff.completeVisit,
    {
      schema: { params: idParams, body: recordCompletedVisitBody, response: { 201: completedVisit } },
      preHandler: staff,
    },
    async (req, reply) => reply.code(201).send(await service.recordVisit(req.ctx, req.params.id, req.body)),
  );
  app.get(
    R.staff.requests,
    {
      schema: { params: unitParams, querystring: staffRequestsQuery, response: { 200: staffRequestsResponse } },
      preHandler: staff,
    },
    (req) => service.requests(req.ctx, req.params.unitId, req.query.status),
  );
  app.post(
    R.staff.decideRequest,
    { schema: { params: idParams, body: decideRequestBody, response: { 200: appointmentRequest } }, preHandler: staff },
    (req) => service.decide(req.ctx, req.params.id, req.body),
  );
  app.get(
    R.staff.staffNames,
    { schema: { params: unitPersonParams, response: { 200: staffNamesSetting } }, preHandler: staff },
    (req) => service.staffNames(req.ctx, req.params.unitId, req.params.personId),
  );
  app.put(
    R.staff.staffNames,
    {
      schema: { params: unitPersonParams, body: staffNamesSettingBody, response: { 200: staffNamesSetting } },
      preHandler: staff,
    },
    (req) => service.setStaffNames(req.ctx, req.params.unitId, req.params.personId, req.body.hidden),
  );
};
