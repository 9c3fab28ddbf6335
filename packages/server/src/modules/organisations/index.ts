/**
 * The municipality's organisation: municipalities onboarded by the operator, their service units, staff and roles,
 * EPJ products and the municipalities' EPJ machine clients (issue 12), and the one unit access check every
 * unit-side use case starts with.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Platform } from '../../platform/platform.ts';
import { adminRoutes } from './admin.routes.ts';
import { createAdminService } from './admin.service.ts';
import { onboardingRoutes } from './onboarding.routes.ts';
import { createOnboardingService } from './onboarding.service.ts';

export {
  hasRoleInUnit,
  requireUnitStaff,
  unitsOfStaff,
  type PersonnelRole,
  type UnitAccess,
  type UnitAccessOptions,
  type UnitActor,
  type UnitRow,
} from './unit-access.ts';
export { createOnboardingService, type OnboardingService } from './onboarding.service.ts';
export { createAdminService, requireMunicipalAdmin, type AdminService } from './admin.service.ts';

/** The operator's onboarding API and the municipality administrator's API. Register after the identity module. */
export const organisationsModule: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  await app.register(onboardingRoutes, { service: createOnboardingService(platform) });
  await app.register(adminRoutes, { service: createAdminService(platform) });
};
export { seedOrganisationsDemo, type OrganisationsDemo, type OrganisationsDemoIds } from './organisations.demo.ts';
