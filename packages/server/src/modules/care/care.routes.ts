import {
  emergencyAccessBody,
  emergencyAccessResponse,
  healthContactsResponse,
  HOME_CARE_ROUTES,
  hospitalReviewResponse,
  staffCitizenParams,
  staffCitizenResponse,
  staffCitizensResponse,
  staffLookupBody,
} from '@helsebro/contracts';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/auth.ts';
import type { CareService } from './care.service.ts';

/** The citizen's health contacts and the staff routes (my citizens, look up, emergency access). */
export const careRoutes: FastifyPluginCallbackZod<{ service: CareService }> = (app, { service }, done) => {
  const citizen = requireActor('citizen');
  const staff = requireActor('personnel');

  app.get(
    '/api/me/health-contacts',
    { schema: { response: { 200: healthContactsResponse } }, preHandler: citizen },
    async (req) => {
      return service.healthContacts(req.ctx);
    },
  );
  app.get(
    '/api/staff/citizens',
    { schema: { response: { 200: staffCitizensResponse } }, preHandler: staff },
    async (req) => {
      return service.listMyCitizens(req.ctx);
    },
  );
  app.post(
    '/api/staff/citizens/lookup',
    { schema: { body: staffLookupBody, response: { 200: staffCitizenResponse } }, preHandler: staff },
    async (req) => {
      return service.readCitizen(req.ctx, req.body);
    },
  );
  app.get(
    '/api/staff/citizens/:personId',
    { schema: { params: staffCitizenParams, response: { 200: staffCitizenResponse } }, preHandler: staff },
    async (req) => {
      return service.readCitizen(req.ctx, { personId: req.params.personId });
    },
  );
  app.post(
    HOME_CARE_ROUTES.review,
    { schema: { params: staffCitizenParams, response: { 200: hospitalReviewResponse } }, preHandler: staff },
    async (req) => service.reviewAfterDischarge(req.ctx, req.params.personId),
  );
  app.post(
    '/api/staff/emergency-access',
    { schema: { body: emergencyAccessBody, response: { 201: emergencyAccessResponse } }, preHandler: staff },
    async (req, reply) => reply.code(201).send(await service.grantEmergencyAccess(req.ctx, req.body, req.body.reason)),
  );
  done();
};
