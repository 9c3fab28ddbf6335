import type { Platform } from '../../platform/platform.ts';
import { createUnitCalendarService } from './unit-calendar.service.ts';
import { createUnitRequestsService } from './unit-requests.service.ts';
import { createUnitSettingsService } from './unit-settings.service.ts';
import { createUnitVisitsService } from './unit-visits.service.ts';

/**
 * The unit side of appointments as one service, for the staff routes and the EPJ API: the calendar and its
 * appointments, requests, completed visits and hiding staff names, each a use-case service of its own. Every
 * read and write is audited with the citizen as subject.
 */
export function createStaffAppointmentsService(platform: Pick<Platform, 'db' | 'clock'>) {
  return {
    ...createUnitCalendarService(platform),
    ...createUnitRequestsService(platform),
    ...createUnitVisitsService(platform),
    ...createUnitSettingsService(platform),
  };
}

export type StaffAppointmentsService = ReturnType<typeof createStaffAppointmentsService>;
