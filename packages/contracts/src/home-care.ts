import { z } from 'zod';
import { isoCalendarDate as isoDate, isoInstant as instant } from './dates.ts';
import { hospitalState, personRef } from './representation.ts';

/**
 * Home care as it runs (issue 15, "Mine besøk i dag"): a health worker's visits of the day, in time order, with
 * the citizen's address and what to do; a visit is marked done with one tap (recorded at its real time, which may be
 * before the planned start); a visit that was not in the plan is recorded too; the unit leader assigns visits.
 * Staff (personnel sessions; writes need the x-csrf-token header):
 *   GET  today ?date → myVisitsResponse (the caller's own visits that day, planned and unplanned)
 *   POST unplanned unplannedVisitBody → 201 completedVisit (no appointment; the unit is the caller's)
 *   POST assign assignVisitBody → staffAppointment (unit leader only; the staff member works at the unit)
 *   POST done markVisitDoneBody → 201 completedVisit (now, on the planned day, also before the planned start)
 *   POST review → hospitalReviewResponse (a health worker of a unit serving the citizen; 409 no_review_pending)
 */
export const HOME_CARE_ROUTES = {
  today: '/api/staff/home-visits/today',
  unplanned: '/api/staff/home-visits/units/:unitId/unplanned',
  assign: '/api/staff/home-visits/:id/assign',
  done: '/api/staff/home-visits/:id/done',
  /** "Gjennomgått": the unit has reviewed the citizen's plan after a hospital discharge (care module). */
  review: '/api/staff/citizens/:personId/hospital-review',
} as const;

const localTime = z.string().regex(/^\d{2}:\d{2}$/, 'expected HH:mm');

export const myVisitsQuery = z.object({ date: isoDate.optional() });

export const myVisit = z.object({
  /** Null for a visit that was not in the plan. */
  appointmentId: z.string().nullable(),
  /** The recorded visit, once done. */
  visitId: z.string().nullable(),
  unit: z.object({ id: z.string(), name: z.string() }),
  citizen: personRef,
  /** Street, postal code and place from the population register; null where the address is protected. */
  address: z.string().nullable(),
  /** What to do: the visit type (e.g. "Hjemmebesøk"); null for a visit that was not in the plan. */
  what: z.string().nullable(),
  location: z.string().nullable(),
  /** Planned local start (Europe/Oslo); null when unplanned. */
  plannedTime: localTime.nullable(),
  /** The real local time it was done; null while not done. */
  doneTime: localTime.nullable(),
  /** What was written when it was done. */
  note: z.string().nullable(),
  /** Paused while the citizen is in hospital (a received LOG_INNLAGT, HIS 1149): not to be made. */
  paused: z.boolean(),
  /** The citizen's hospital stay (`hospitalState`); null when none is to be shown. */
  hospital: hospitalState.nullable(),
  /** When the open admission began (the reason shown for a paused visit: "innlagt på sykehus siden …"). */
  admittedAt: instant.nullable(),
});
export type MyVisit = z.infer<typeof myVisit>;
export const myVisitsResponse = z.object({ date: isoDate, visits: z.array(myVisit) });
export type MyVisitsResponse = z.infer<typeof myVisitsResponse>;

export const unplannedVisitBody = z.object({
  personId: z.uuid(),
  whatWasDone: z.string().trim().min(1).max(2000),
  /** Default: now. */
  performedAt: instant.optional(),
});
export type UnplannedVisitBody = z.infer<typeof unplannedVisitBody>;

export const assignVisitBody = z.object({ staffPersonnelId: z.uuid().nullable() });
export type AssignVisitBody = z.infer<typeof assignVisitBody>;

export const markVisitDoneBody = z.object({ note: z.string().trim().max(2000).nullish() });
export type MarkVisitDoneBody = z.infer<typeof markVisitDoneBody>;

/** The review of the plan after a discharge, recorded (who is the caller; both are kept on the admission). */
export const hospitalReviewResponse = z.object({ personId: z.string(), reviewedAt: instant });
export type HospitalReviewResponse = z.infer<typeof hospitalReviewResponse>;
