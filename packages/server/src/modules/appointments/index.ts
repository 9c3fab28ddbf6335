import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Platform } from '../../platform/platform.ts';
import { createBearerVerifier } from '../epj/index.ts';
import { citizenAppointmentRoutes, staffAppointmentRoutes } from './appointments.routes.ts';
import { createCitizenAppointmentsService } from './citizen.service.ts';
import { remind } from './reminders.ts';
import { REMIND_JOB } from './shared.ts';
import { createStaffAppointmentsService } from './staff.service.ts';
import { epjAppointmentRoutes } from './epj.routes.ts';
import { createEpjAppointmentsService } from './epj.service.ts';

export { createCitizenAppointmentsService } from './citizen.service.ts';
export { createStaffAppointmentsService, type StaffAppointmentsService } from './staff.service.ts';
export { expandRule } from './slots.ts';
export { ensureSlots } from './slots.repository.ts';
export { REMIND_JOB } from './shared.ts';
export { seedAppointmentsDemo } from './appointments.demo.ts';

/**
 * Appointments (A5), completed home visits (A6), their EPJ API (E1, /epj/v1) and the reminder job. Register after
 * the identity and notifications modules.
 */
export const appointmentsModule: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  platform.jobs.register(REMIND_JOB, (job) => remind(platform.db, job));
  await app.register(citizenAppointmentRoutes, { service: createCitizenAppointmentsService(platform) });
  const staff = createStaffAppointmentsService(platform);
  await app.register(staffAppointmentRoutes, { service: staff });
  await app.register(epjAppointmentRoutes, {
    service: createEpjAppointmentsService(platform, staff),
    verify: createBearerVerifier(platform.config.oidc.issuer, () => platform.clock.now()),
  });
};
