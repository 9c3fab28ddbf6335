import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Platform } from '../../platform/platform.ts';
import { devStandIns } from './dev-stand-ins.ts';
import { DISPATCH_JOB, SEND_JOB, UNIT_ALERT_JOB } from './jobs.ts';
import { notificationsRoutes } from './notifications.routes.ts';
import { createNotificationsService } from './notifications.service.ts';

export { createNotificationsService, type NotificationsService } from './notifications.service.ts';
export { queueLetterNotice, queueNotice, queueUnitAlert, type CitizenNotice } from './jobs.ts';
export { lookupKrrPersons, validNoticeChannels, type KrrPerson } from './krr.client.ts';
export { preferencesOf } from './notifications.repository.ts';
export type { TemplateName } from './templates.ts';
/** SMTP (or, outside production without SMTP_URL, the capture store): PLO alerts e-mail organisations with it. */
export { sendNotice, type Notice } from './senders.ts';

/**
 * Notifications (A7): preferences, the dispatch and send jobs on the outbox, and — with the development IdP —
 * the KRR and SMS gateway stand-ins. Other modules queue notices with `queueNotice` and `queueUnitAlert` in their
 * own transaction; the job names and payloads stay inside this module. Register after the identity module.
 */
export const notificationsModule: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  const service = createNotificationsService(platform);
  platform.jobs.register(DISPATCH_JOB, (job, ctx) => service.dispatch(job, ctx));
  platform.jobs.register(SEND_JOB, (job, ctx) => service.send(job, ctx));
  platform.jobs.register(UNIT_ALERT_JOB, (job) => service.unitAlert(job));
  await app.register(notificationsRoutes, { service });
  if (platform.config.oidc.devIdp) {
    await app.register(devStandIns, { platform });
  }
};
