import { contactDetailsResponse, notificationPreferences } from '@helsebro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/auth.ts';
import type { NotificationsService } from './notifications.service.ts';

/** The citizen's notification preferences and contact details (the operator module serves the capture store). */
export const notificationsRoutes: FastifyPluginAsyncZod<{ service: NotificationsService }> = async (
  app,
  { service },
) => {
  const citizen = requireActor('citizen');
  app.get(
    '/api/me/notification-preferences',
    { schema: { response: { 200: notificationPreferences } }, preHandler: citizen },
    async (req) => service.getPreferences(req.ctx),
  );
  app.put(
    '/api/me/notification-preferences',
    { schema: { body: notificationPreferences, response: { 200: notificationPreferences } }, preHandler: citizen },
    async (req) => service.setPreferences(req.ctx, req.body),
  );
  app.get(
    '/api/me/contact-details',
    { schema: { response: { 200: contactDetailsResponse } }, preHandler: citizen },
    async (req) => {
      return service.contactDetails(req.ctx);
    },
  );
};
