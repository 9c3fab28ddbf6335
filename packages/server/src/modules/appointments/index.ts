import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Platform } from '../../platform/platform.ts';
import { citizenAppointmentRoutes, staffAppointmentRoutes } from './appointments.routes.ts';
import { createCitizenAppointmentsService } from './citizen.service.ts';
import { remind } from './reminders.ts';
import { REMIND_JOB } from './shared.ts';
import { createStaffAppointmentsService } from './staff.service.ts';

export { createCitizenAppointmentsService } from './citizen.service.ts';
export { createStaffAppointmentsService, type StaffAppointmentsService } from './staff.service.ts';
export { expandRule } from './slots.ts';
export { ensureSlots } from './slots.repository.ts';
export { REMIND_JOB } from './shared.ts';
export { seedAppointmentsDemo } from './appointments.demo.ts';
export { epjAppointmentRoutes } from './epj.routes.ts';

/**
 * Appointments (A5), completed home visits (A6) and the reminder job. Register after the identity and notifications
 * modules; the EPJ routes (`epjAppointmentRoutes`, E1) go to modules/epj, which registers them in the /epj/v1 scope.
 */
export const appointmentsModule: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  platform.jobs.register(REMIND_JOB, (job) => remind(platform.db, job));
  await app.register(citizenAppointmentRoutes, { service: createCitizenAppointmentsService(platform) });
  const staff = createStaffAppointmentsService(platform);
  await app.register(staffAppointmentRoutes, { service: staff });
};
