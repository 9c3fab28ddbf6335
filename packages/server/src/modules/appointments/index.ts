import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Platform } from '../../platform/platform.ts';
import { citizenAppointmentRoutes, staffAppointmentRoutes } from './appointments.routes.ts';
import { homeCareRoutes } from './home-care.routes.ts';
import { createHomeCareService } from './home-care.service.ts';
import { createCitizenAppointmentsService } from './citizen.service.ts';
import { remind } from './reminders.ts';
import { REMIND_JOB } from './shared.ts';
import { createStaffAppointmentsService } from './staff.service.ts';
import { unitTypesRoutes } from './unit-types.routes.ts';
import { createUnitTypesService } from './unit-types.service.ts';

export { createCitizenAppointmentsService } from './citizen.service.ts';
export { createStaffAppointmentsService, type StaffAppointmentsService } from './staff.service.ts';
export { createHomeCareService } from './home-care.service.ts';
export { expandRule } from './slots.ts';
export { ensureSlots } from './slots.repository.ts';
export { REMIND_JOB } from './shared.ts';
export { seedAppointmentsDemo } from './appointments.demo.ts';
export { epjAppointmentRoutes } from './epj.routes.ts';
export { applyAdmissionMessage } from './hospital-admissions.ts';

/**
 * Appointments (A5), completed home visits (A6), the reminder job, and the administration of a unit's appointment
 * types (issue 12: `/api/admin/units/:unitId/appointment-types`, here because the types are this module's table). Register after the identity and notifications
 * modules; the EPJ routes (`epjAppointmentRoutes`, E1) go to modules/epj, which registers them in the /epj/v1 scope.
 */
export const appointmentsModule: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  platform.jobs.register(REMIND_JOB, (job) => remind(platform.db, job));
  await app.register(citizenAppointmentRoutes, { service: createCitizenAppointmentsService(platform) });
  const staff = createStaffAppointmentsService(platform);
  await app.register(staffAppointmentRoutes, { service: staff });
  await app.register(unitTypesRoutes, { service: createUnitTypesService(platform) });
  await app.register(homeCareRoutes, { service: createHomeCareService(platform) });
};
