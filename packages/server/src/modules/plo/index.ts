import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Platform } from '../../platform/platform.ts';
import { consoleRoutes } from './console/console.routes.ts';
import { createConsoleService } from './console/console.service.ts';
import { createAddressRegister } from './address-register/address-register.service.ts';
import { appRecSendHandler } from './receive/apprec-send.job.ts';
import { receiveRoutes } from './receive/receive.routes.ts';
import { APPREC_SEND_JOB, createReceiveService, type AfterAccepted } from './receive/receive.service.ts';
import { alertEmailHandler } from './monitor/alert-email.ts';
import { alertsRoutes } from './monitor/alerts.routes.ts';
import { createAlertsService } from './monitor/alerts.service.ts';
import { ALERT_EMAIL_JOB, MONITOR_JOB, monitorHandler, scheduleMonitor } from './monitor/monitor.job.ts';
import { createPloXmlPool, ploSchemaSet } from './schema-set.ts';
import { messageSendHandler, retryFailedDelivery } from './send/deliver.job.ts';
import { sendRoutes } from './send/send.routes.ts';
import { createOutgoingCredentials } from './send/outgoing-credentials.ts';
import { createSendService, MESSAGE_SEND_JOB, type SendService } from './send/send.service.ts';
import { demoHospitalStandIn } from './dev/demo-hospital.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The PLO send service, built once by ploModule; routes inside the module (console, send API) use it. */
    ploSend: SendService;
  }
}

export { seedPloDemo } from './address-register/address-register.seed.ts';
export { demoHospitalLink, type DemoHospitalLink } from './dev/demo-hospital.ts';
export { DEMO_HOSPITAL_HER_ID, DEMO_HOSPITAL_TOKEN, DEMO_PARTIES } from './address-register/demo-register.ts';
export { createAddressRegister, type AddressRegister } from './address-register/address-register.service.ts';
export { buildMessage, BUILDABLE_TYPES, type OutgoingMessageInput } from './msghead/message.build.ts';
export { ploSchemaSet } from './schema-set.ts';
export { APPREC_SEND_JOB, type AcceptedPloMessage, type AfterAccepted } from './receive/receive.service.ts';
export { createInboxService, type InboxItem } from './receive/inbox.service.ts';
export { ALERT_EMAIL_JOB, MONITOR_JOB, sweep as sweepPloMonitor } from './monitor/monitor.job.ts';
export { createCredentialsService, type CredentialsService } from './send/credentials.service.ts';
export { createOutgoingCredentials, type OutgoingCredentials } from './send/outgoing-credentials.ts';
export {
  createSendService,
  MESSAGE_SEND_JOB,
  SendRefusedError,
  type SendResult,
  type SendService,
} from './send/send.service.ts';

/**
 * The PLO message hub (issue 4): the EDI receiving endpoint, the send API, the message console, and the outbox
 * handlers that deliver messages and AppRecs; the address register and the credentials, whose operator screen is
 * the operator module's. Compiles the official schema set while the app is built (once per process) and logs how
 * long it took. Register after the identity module. `afterAccepted` is what other modules do with an accepted
 * message of a known patient (app.ts passes appointments' hospital admissions), so this module imports none of them.
 */
export const ploModule: FastifyPluginAsyncZod<{ platform: Platform; afterAccepted?: AfterAccepted }> = async (
  app,
  { platform, afterAccepted },
) => {
  const xml = ploSchemaSet();
  platform.logger.info({ compileMs: Math.round(xml.compileMs * 10) / 10 }, 'PLO schema set compiled');
  const register = createAddressRegister(platform);
  // Large received documents are validated in XML threads (started on first use, stopped with the app).
  const pool = createPloXmlPool(platform.config.xml);
  app.addHook('onClose', () => pool.close());
  const service = createReceiveService({
    db: platform.db,
    register,
    clock: platform.clock,
    xml: pool,
    afterAccepted,
    logger: platform.logger,
  });
  const credentials = createOutgoingCredentials({
    db: platform.db,
    register,
    secret: platform.config.ploCredentialKey,
  });
  const send = createSendService({ db: platform.db, register });
  // Decorated before the child plugins register, so every route inside the module (console included) sees it.
  app.decorate('ploSend', send);
  platform.jobs.register(APPREC_SEND_JOB, appRecSendHandler(register, credentials));
  platform.jobs.register(MESSAGE_SEND_JOB, messageSendHandler({ register, credentials }), {
    onRetry: retryFailedDelivery,
  });
  // Monitoring (issue 14): the sweep queues itself again after each run; the first is queued when this process
  // runs workers and the app is ready.
  platform.jobs.register(MONITOR_JOB, monitorHandler({ register, config: platform.config.ploMonitor }));
  platform.jobs.register(
    ALERT_EMAIL_JOB,
    alertEmailHandler({ db: platform.db, register, clock: platform.clock, config: platform.config }),
  );
  if (platform.config.workers) {
    app.addHook('onReady', () => scheduleMonitor(platform.db));
  }
  await app.register(receiveRoutes, { service, register, perMinute: platform.config.rateLimit.ediPerMinute });
  await app.register(sendRoutes, { send });
  await app.register(consoleRoutes, { service: createConsoleService({ db: platform.db, register, xml, send }) });
  await app.register(alertsRoutes, {
    service: createAlertsService({ db: platform.db, register, clock: platform.clock }),
  });
  if (platform.config.oidc.devIdp) {
    await app.register(demoHospitalStandIn, { platform });
  }
};
