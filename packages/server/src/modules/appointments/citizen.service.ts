import type { Platform } from '../../platform/platform.ts';
import { createCitizenBookingService } from './citizen-booking.service.ts';
import { createCitizenRequestsService } from './citizen-requests.service.ts';
import { createCitizenVisitsService } from './citizen-visits.service.ts';

/**
 * The citizen side of appointments (A5) and completed home visits (A6) as one service for the citizen routes:
 * appointments and booking, requests, and completed visits with their notices, each a use-case service of its own.
 */
export function createCitizenAppointmentsService(platform: Pick<Platform, 'db' | 'clock'>) {
  return {
    ...createCitizenBookingService(platform),
    ...createCitizenRequestsService(platform),
    ...createCitizenVisitsService(platform),
  };
}

export type CitizenAppointmentsService = ReturnType<typeof createCitizenAppointmentsService>;
