import { z } from 'zod';
import { APPOINTMENT_KINDS, APPOINTMENT_ROUTES } from './constants.ts';

export { APPOINTMENT_KINDS, APPOINTMENT_ROUTES };
import { isoCalendarDate as isoDate, isoInstant as instant } from './dates.ts';
import { notificationLevel, notificationChannel } from './dialog.ts';

/**
 * Appointments (A5), completed home visits (A6) and the appointment part of the EPJ API (E1). Shared by the server
 * (route schemas) and the web (types, and the codes it translates).
 *
 * Times: every instant is an ISO 8601 UTC string (`startsAt`, `endsAt`, …); every appointment and slot also carries
 * its Europe/Oslo wall-clock date and time (`localDate` YYYY-MM-DD, `localTime` HH:mm), which is what the web
 * shows. The server computes them, so the web never converts time zones itself.
 *
 * Rights (representation): reading needs `appointments.read` (home visits `home_visits.read`), booking, cancelling
 * and asking for a new time need `appointments.manage`. Parents of a child under 12 hold both; parents of a child of
 * 12–15 only read. Writes need the x-csrf-token header. Paths are in APPOINTMENT_ROUTES below.
 */

const localTime = z.string().regex(/^\d{2}:\d{2}$/, 'expected HH:mm');
const uuid = z.uuid();

export const appointmentKind = z.enum(APPOINTMENT_KINDS);
export type AppointmentKind = z.infer<typeof appointmentKind>;

export const APPOINTMENT_STATUSES = ['booked', 'cancelled', 'fulfilled', 'no_show'] as const;
export const appointmentStatus = z.enum(APPOINTMENT_STATUSES);
export type AppointmentStatus = z.infer<typeof appointmentStatus>;

/** Who cancelled: the citizen themselves, a representative for them, or the unit (staff or EPJ). */
export const cancelledBy = z.enum(['citizen', 'representative', 'unit']);
export type CancelledBy = z.infer<typeof cancelledBy>;

/** Structured cancellation reasons (citizen-services.md §10 #11). */
export const CANCELLATION_REASONS = ['citizen_request', 'illness', 'unit_unavailable', 'duplicate', 'other'] as const;
export const cancellationReason = z.enum(CANCELLATION_REASONS);
export type CancellationReason = z.infer<typeof cancellationReason>;

/** An appointment type of a service unit, with its booking and cancellation rules. */
export const appointmentType = z.object({
  id: z.string(),
  serviceUnitId: z.string(),
  name: z.string(),
  kind: appointmentKind,
  durationMinutes: z.number().int(),
  /** Citizens may book free slots of this type themselves. */
  selfBookable: z.boolean(),
  /** Citizens may cancel it themselves (within the deadline). */
  citizenCancellable: z.boolean(),
  /**
   * Cancel no later than this many working days before the appointment's date (Norwegian public holidays and
   * weekends are not working days); 0 = until the appointment starts. 1 means a Monday visit must be cancelled by
   * the end of the Friday before.
   */
  cancelDeadlineWorkingDays: z.number().int().min(0),
  /** A citizen's cancellation is a request the unit accepts or declines. */
  cancellationNeedsAcceptance: z.boolean(),
  /** Reminder lead time in hours before the start; null = no reminder. */
  reminderLeadHours: z.number().int().nullable(),
  active: z.boolean(),
});
export type AppointmentType = z.infer<typeof appointmentType>;

export const appointmentTypesResponse = z.object({ types: z.array(appointmentType) });
export type AppointmentTypesResponse = z.infer<typeof appointmentTypesResponse>;

const unitRef = z.object({ id: z.string(), name: z.string() });
/** The unit with the phone number the citizen can call (A4 contact details). */
const unitWithPhone = unitRef.extend({ phone: z.string().nullable(), openingHours: z.string().nullable() });
const typeRef = z.object({ id: z.string(), name: z.string(), kind: appointmentKind });
const personRef = z.object({ personId: z.string(), displayName: z.string() });

/** A free slot. */
export const slot = z.object({
  id: z.string(),
  serviceUnitId: z.string(),
  appointmentTypeId: z.string(),
  startsAt: instant,
  endsAt: instant,
  localDate: isoDate,
  localTime: localTime,
});
export type Slot = z.infer<typeof slot>;

export const bookableTypesResponse = z.object({
  types: z.array(
    appointmentType.extend({
      unit: unitWithPhone,
      municipality: z.object({ id: z.string(), name: z.string() }),
    }),
  ),
});
export type BookableTypesResponse = z.infer<typeof bookableTypesResponse>;

export const freeSlotsQuery = z.object({
  typeId: uuid,
  /** Local dates, inclusive; default today and 28 days on; at most 62 days. */
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type FreeSlotsQuery = z.infer<typeof freeSlotsQuery>;

export const freeSlotsResponse = z.object({
  type: typeRef,
  unit: unitWithPhone,
  from: isoDate,
  to: isoDate,
  slots: z.array(slot),
});
export type FreeSlotsResponse = z.infer<typeof freeSlotsResponse>;

export const REQUEST_KINDS = ['cancellation', 'new_time'] as const;
export const requestKind = z.enum(REQUEST_KINDS);
export type RequestKind = z.infer<typeof requestKind>;
export const requestStatus = z.enum(['pending', 'accepted', 'declined', 'withdrawn']);
export type RequestStatus = z.infer<typeof requestStatus>;

/** A citizen's request about an appointment: a cancellation that needs the unit's acceptance, or a new time. */
export const appointmentRequest = z.object({
  id: z.string(),
  appointmentId: z.string(),
  kind: requestKind,
  status: requestStatus,
  /** The citizen's comment (plain text). */
  comment: z.string().nullable(),
  /** For a cancellation request. */
  reason: cancellationReason.nullable(),
  /** Who asked: the citizen or "Kari Nordmann på vegne av Per Hansen". */
  requestedBy: z.string(),
  createdAt: instant,
  decidedAt: instant.nullable(),
  /** The unit's answer to the citizen (plain text). */
  response: z.string().nullable(),
});
export type AppointmentRequest = z.infer<typeof appointmentRequest>;

/** Why the citizen cannot cancel digitally right now; the web shows the reason with the unit's phone. */
export const NOT_CANCELLABLE_REASONS = [
  'type_not_cancellable',
  'deadline_passed',
  'not_booked',
  'request_pending',
  'not_permitted',
] as const;
export const notCancellableReason = z.enum(NOT_CANCELLABLE_REASONS);
export type NotCancellableReason = z.infer<typeof notCancellableReason>;

/** The citizen's view of one appointment. */
export const citizenAppointment = z.object({
  id: z.string(),
  /** The citizen the appointment is for (the principal). */
  citizen: personRef,
  type: typeRef,
  unit: unitWithPhone,
  startsAt: instant,
  endsAt: instant,
  localDate: isoDate,
  localTime: localTime,
  localEndTime: localTime,
  status: appointmentStatus,
  /** Plain-text place, e.g. "Hjemme" or "Rådhuset, 2. etasje". */
  location: z.string().nullable(),
  /**
   * A planned home visit paused while the citizen is in hospital (a received LOG_INNLAGT, HIS 1149; issue 15): not
   * cancelled, it comes back with the discharge.
   */
  paused: z.boolean(),
  /** The assigned staff member; null when none is assigned or the unit hides staff names for this citizen. */
  staffName: z.string().nullable(),
  /** Booked by the citizen digitally (true) or planned by the unit. */
  selfBooked: z.boolean(),
  /** The citizen (or their representative) may cancel digitally now. */
  cancellable: z.boolean(),
  /** The last moment a digital cancellation is possible (instant, exclusive); null when the type cannot be cancelled. */
  cancelDeadline: instant.nullable(),
  /** The last local date a digital cancellation is possible; null as above. */
  cancelByDate: isoDate.nullable(),
  /** Set when `cancellable` is false and the appointment is booked. */
  notCancellableReason: notCancellableReason.nullable(),
  /** A cancellation is a request the unit accepts or declines. */
  cancellationNeedsAcceptance: z.boolean(),
  /** The citizen (or their representative) may ask for a new time now. */
  mayRequestNewTime: z.boolean(),
  /** The open request (cancellation or new time), if any. */
  pendingRequest: appointmentRequest.nullable(),
  /**
   * The unit's latest answer to a request about this appointment (accepted or declined, with its message), so the
   * citizen reads the answer where they asked. Absent or null when no request has been answered.
   */
  latestAnswer: appointmentRequest.nullable().optional(),
  cancellation: z
    .object({ reason: cancellationReason, by: cancelledBy, at: instant, comment: z.string().nullable() })
    .nullable(),
});
export type CitizenAppointment = z.infer<typeof citizenAppointment>;

export const citizenAppointmentsResponse = z.object({
  appointments: z.array(citizenAppointment),
  /**
   * The last half year's appointments that have ended (carried out, missed, cancelled or booked and past), newest
   * first; the web shows them with the cancelled ones under "Historikk" (issue 15).
   */
  history: z.array(citizenAppointment).optional(),
  /** The principal's rights here: the web hides booking/cancel buttons the server would refuse. */
  mayManage: z.boolean(),
  mayReadHomeVisits: z.boolean(),
});
export type CitizenAppointmentsResponse = z.infer<typeof citizenAppointmentsResponse>;

export const bookAppointmentBody = z.object({ slotId: uuid });
export type BookAppointmentBody = z.infer<typeof bookAppointmentBody>;

export const cancelAppointmentBody = z.object({
  reason: cancellationReason.default('citizen_request'),
  comment: z.string().trim().max(500).nullable().optional(),
});
export type CancelAppointmentBody = z.input<typeof cancelAppointmentBody>;

/** Either cancelled at once, or a request waiting for the unit's answer. */
export const cancelAppointmentResponse = z.object({
  outcome: z.enum(['cancelled', 'requested']),
  appointment: citizenAppointment,
});
export type CancelAppointmentResponse = z.infer<typeof cancelAppointmentResponse>;

/**
 * A refused cancellation (problem+json, RFC 9457 §3.2 extension members): why, until when it was possible and
 * whom to call.
 */
export const cancelRefusedProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string(),
  instance: z.string().optional(),
  reason: notCancellableReason,
  cancelDeadline: instant.nullable(),
  cancelByDate: isoDate.nullable(),
  unit: unitWithPhone,
});
export type CancelRefusedProblem = z.infer<typeof cancelRefusedProblem>;

export const newTimeRequestBody = z.object({
  /** What suits better, in the citizen's words. */
  comment: z.string().trim().min(1).max(1000),
});
export type NewTimeRequestBody = z.infer<typeof newTimeRequestBody>;

/** A home visit carried out (A6). */
export const completedVisit = z.object({
  id: z.string(),
  appointmentId: z.string().nullable(),
  citizen: personRef,
  unit: unitRef,
  localDate: isoDate,
  localTime: localTime,
  performedAt: instant,
  endedAt: instant.nullable(),
  /** What was done, plain text written for the citizen. */
  whatWasDone: z.string(),
  /** Null when the unit hides staff names for this citizen (or none was recorded). */
  staffName: z.string().nullable(),
});
export type CompletedVisit = z.infer<typeof completedVisit>;

export const completedVisitsQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });
export const completedVisitsResponse = z.object({ visits: z.array(completedVisit) });
export type CompletedVisitsResponse = z.infer<typeof completedVisitsResponse>;

/** Opt-in for a notice per completed visit; only with notification level full (citizen-services.md §2.5). */
export const visitNoticePreference = z.object({
  optIn: z.boolean(),
  level: notificationLevel,
  channel: notificationChannel,
  /** The level is full, so opting in is possible. */
  available: z.boolean(),
});
export type VisitNoticePreference = z.infer<typeof visitNoticePreference>;
export const visitNoticePreferenceBody = z.object({ optIn: z.boolean() });
export type VisitNoticePreferenceBody = z.infer<typeof visitNoticePreferenceBody>;

// ---------------------------------------------------------------- staff

export const staffAppointment = z.object({
  id: z.string(),
  citizen: personRef,
  type: typeRef,
  serviceUnitId: z.string(),
  startsAt: instant,
  endsAt: instant,
  localDate: isoDate,
  localTime: localTime,
  localEndTime: localTime,
  status: appointmentStatus,
  location: z.string().nullable(),
  paused: citizenAppointment.shape.paused,
  staff: z.object({ personnelId: z.string(), displayName: z.string() }).nullable(),
  selfBooked: z.boolean(),
  pendingRequest: appointmentRequest.nullable(),
  cancellation: citizenAppointment.shape.cancellation,
  completedVisit: completedVisit.nullable(),
});
export type StaffAppointment = z.infer<typeof staffAppointment>;

export const staffAppointmentUnitsResponse = z.object({
  units: z.array(unitRef.extend({ types: z.array(appointmentType), pendingRequests: z.number().int() })),
});
export type StaffAppointmentUnitsResponse = z.infer<typeof staffAppointmentUnitsResponse>;

export const calendarQuery = z.object({
  /** A local date; the week view starts on that date's Monday. Default today. */
  date: isoDate.optional(),
  view: z.enum(['day', 'week']).default('day'),
});
export type CalendarQuery = z.input<typeof calendarQuery>;

export const calendarDay = z.object({
  date: isoDate,
  /** A working day (Monday–Friday, not a public holiday): the rule of cancellation deadlines. */
  workingDay: z.boolean(),
  /** The unit works this day: every working day, and every day for a unit that works every day (home care). */
  open: z.boolean(),
  /** Norwegian name of the public holiday, e.g. "Kristi himmelfartsdag". */
  holiday: z.string().nullable(),
  appointments: z.array(staffAppointment),
  freeSlots: z.array(slot),
});
export type CalendarDay = z.infer<typeof calendarDay>;

export const staffCalendarResponse = z.object({
  unit: unitRef,
  view: z.enum(['day', 'week']),
  from: isoDate,
  to: isoDate,
  days: z.array(calendarDay),
});
export type StaffCalendarResponse = z.infer<typeof staffCalendarResponse>;

export const staffCreateAppointmentBody = z
  .object({
    personId: uuid,
    typeId: uuid,
    /** Either a free slot of the unit … */
    slotId: uuid.optional(),
    /** … or a start time (local Oslo date and time); the type's duration gives the end. */
    localDate: isoDate.optional(),
    localTime: localTime.optional(),
    staffPersonnelId: uuid.nullable().optional(),
    location: z.string().trim().max(200).nullable().optional(),
  })
  .refine((b) => b.slotId !== undefined || (b.localDate !== undefined && b.localTime !== undefined), {
    message: 'give slotId, or localDate and localTime',
    path: ['slotId'],
  });
export type StaffCreateAppointmentBody = z.infer<typeof staffCreateAppointmentBody>;

export const moveAppointmentBody = z
  .object({
    slotId: uuid.optional(),
    localDate: isoDate.optional(),
    localTime: localTime.optional(),
    staffPersonnelId: uuid.nullable().optional(),
  })
  .refine((b) => b.slotId !== undefined || (b.localDate !== undefined && b.localTime !== undefined), {
    message: 'give slotId, or localDate and localTime',
    path: ['slotId'],
  });
export type MoveAppointmentBody = z.infer<typeof moveAppointmentBody>;

export const staffCancelAppointmentBody = z.object({
  reason: cancellationReason,
  comment: z.string().trim().max(500).nullable().optional(),
});
export type StaffCancelAppointmentBody = z.infer<typeof staffCancelAppointmentBody>;

export const setAppointmentOutcomeBody = z.object({ status: z.enum(['fulfilled', 'no_show']) });
export type SetAppointmentOutcomeBody = z.infer<typeof setAppointmentOutcomeBody>;

export const recordCompletedVisitBody = z.object({
  whatWasDone: z.string().trim().min(1).max(2000),
  /** Default: the appointment's start. */
  performedAt: instant.optional(),
  endedAt: instant.nullable().optional(),
  /** Default: the appointment's assigned staff member, else the caller. */
  staffPersonnelId: uuid.nullable().optional(),
});
export type RecordCompletedVisitBody = z.infer<typeof recordCompletedVisitBody>;

export const staffRequestsQuery = z.object({ status: requestStatus.optional() });
export const staffRequestsResponse = z.object({
  requests: z.array(appointmentRequest.extend({ appointment: staffAppointment })),
});
export type StaffRequestsResponse = z.infer<typeof staffRequestsResponse>;

export const decideRequestBody = z.object({
  decision: z.enum(['accept', 'decline']),
  /** Shown to the citizen (never sent by SMS/e-mail). */
  response: z.string().trim().max(1000).nullable().optional(),
  /** Accepting a new-time request: the new time (a free slot, or a local date and time). */
  slotId: uuid.optional(),
  localDate: isoDate.optional(),
  localTime: localTime.optional(),
});
export type DecideRequestBody = z.infer<typeof decideRequestBody>;

export const staffNamesSetting = z.object({
  serviceUnitId: z.string(),
  personId: z.string(),
  /** Staff names are hidden from this citizen and their representatives. */
  hidden: z.boolean(),
});
export type StaffNamesSetting = z.infer<typeof staffNamesSetting>;
export const staffNamesSettingBody = z.object({ hidden: z.boolean() });
export type StaffNamesSettingBody = z.infer<typeof staffNamesSettingBody>;

// ---------------------------------------------------------------- EPJ (/epj/v1, machine clients)

/** An availability rule: on these weekdays between these local times, slots of one type, one after another. */
export const epjScheduleBody = z.object({
  serviceUnitId: uuid,
  appointmentTypeId: uuid,
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  startTime: localTime,
  endTime: localTime,
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  /** Skip Norwegian public holidays (default true). */
  skipHolidays: z.boolean().default(true),
  active: z.boolean().default(true),
  /** The EPJ's own id, kept for its reference. */
  externalId: z.string().max(200).nullable().optional(),
});
export type EpjScheduleBody = z.input<typeof epjScheduleBody>;
export const epjSchedule = epjScheduleBody.extend({ id: z.string(), slotsGeneratedUntil: isoDate.nullable() });
export type EpjSchedule = z.infer<typeof epjSchedule>;

export const epjSlotBody = z.object({
  serviceUnitId: uuid,
  appointmentTypeId: uuid,
  startsAt: instant,
});
export type EpjSlotBody = z.infer<typeof epjSlotBody>;
export const epjSlot = slot.extend({ booked: z.boolean() });
export const epjSlotsQuery = z.object({ serviceUnitId: uuid, from: isoDate.optional(), to: isoDate.optional() });
export const epjSlotsResponse = z.object({ slots: z.array(epjSlot) });
export type EpjSlotsResponse = z.infer<typeof epjSlotsResponse>;

export const epjAppointmentBody = z.object({
  serviceUnitId: uuid,
  appointmentTypeId: uuid,
  /** The citizen's fødselsnummer or d-nummer (never logged). */
  nin: z.string().regex(/^\d{11}$/),
  startsAt: instant,
  slotId: uuid.optional(),
  location: z.string().max(200).nullable().optional(),
  staffPersonnelId: uuid.nullable().optional(),
  externalId: z.string().max(200).nullable().optional(),
});
export type EpjAppointmentBody = z.infer<typeof epjAppointmentBody>;
export const epjAppointmentPatchBody = z.object({
  startsAt: instant.optional(),
  status: z.enum(['cancelled', 'fulfilled', 'no_show']).optional(),
  cancellationReason: cancellationReason.optional(),
  location: z.string().max(200).nullable().optional(),
  staffPersonnelId: uuid.nullable().optional(),
});
export type EpjAppointmentPatchBody = z.infer<typeof epjAppointmentPatchBody>;
export const epjAppointment = staffAppointment.omit({ completedVisit: true, pendingRequest: true }).extend({
  externalId: z.string().nullable(),
});
export type EpjAppointment = z.infer<typeof epjAppointment>;
export const epjCompletedVisitBody = recordCompletedVisitBody;

/** Stable `code` values of problem+json answers from the appointment endpoints. */
export const APPOINTMENT_ERROR_CODES = {
  /** 409: someone else booked the slot first. */
  slot_taken: 409,
  /** 422: the slot has started or is over. */
  slot_in_past: 422,
  /** 422: citizens cannot book this type themselves. */
  type_not_self_bookable: 422,
  /** 422: the slot belongs to a municipality the citizen does not get services from here. */
  slot_other_municipality: 422,
  /** 404: no such slot. */
  slot_not_found: 404,
  /** 404: no such appointment for the caller. */
  appointment_not_found: 404,
  /** 404: no such appointment type. */
  appointment_type_not_found: 404,
  /** 404: no such request. */
  request_not_found: 404,
  /** 403: the representation does not allow this (e.g. parents of a child of 12–15 only read). */
  service_area_not_granted: 403,
  /** 403: staff outside the unit or the municipality. */
  not_unit_staff: 403,
  /** 403: the opt-in is set by the person themselves. */
  proxy_cannot_manage_preferences: 403,
  /** 422 cancelRefusedProblem: the deadline has passed; call the unit. */
  cancel_deadline_passed: 422,
  /** 422 cancelRefusedProblem: this type cannot be cancelled digitally; call the unit. */
  type_not_cancellable: 422,
  /** 409 cancelRefusedProblem: a request about this appointment is already waiting. */
  request_pending: 409,
  /** 409: the appointment is not booked (cancelled, fulfilled, no-show). */
  appointment_not_booked: 409,
  /** 409: the request has been answered already. */
  request_already_decided: 409,
  /** 422: a visit notice needs notification level full. */
  notice_level_not_full: 422,
  /** 422: the new time is in the past. */
  time_in_past: 422,
  /** 409: the appointment already has a completed visit. */
  visit_already_recorded: 409,
  /** 422: only home visits become completed visits. */
  not_a_home_visit: 422,
  /** 422: the time is not a valid local time (e.g. inside the spring-forward gap). */
  invalid_local_time: 422,
  /** 422: the unit does not work that day (a weekend or public holiday, unless it works every day). */
  unit_closed_day: 422,
  /** 404: no such unit in the caller's municipality. */
  unit_not_found: 404,
  /** 404: no such person (staff and EPJ creating an appointment). */
  person_not_found: 404,
  /** 404: no such schedule (EPJ). */
  schedule_not_found: 404,
  /** 422: a slot of this type already starts at that time (EPJ). */
  slot_exists: 422,
} as const;
export type AppointmentErrorCode = keyof typeof APPOINTMENT_ERROR_CODES;

// Appointment types, administered per unit (issue 12)
/**
 * The administrator's (and the unit leader's) paths for a unit's appointment types. A type in use is ended, not
 * deleted: its appointments keep pointing at it, and `GET` lists ended ones too (`active: false`).
 *   GET  list → appointmentTypesResponse · POST list appointmentTypeBody → 201 appointmentType
 *   PUT  one appointmentTypeBody → appointmentType · POST end → appointmentType (active false)
 */
export const ADMIN_APPOINTMENT_TYPE_ROUTES = {
  list: '/api/admin/units/:unitId/appointment-types',
  one: '/api/admin/units/:unitId/appointment-types/:typeId',
  end: '/api/admin/units/:unitId/appointment-types/:typeId/end',
} as const;

export const appointmentTypeBody = z
  .object({
    name: z.string().trim().min(1, 'Skriv navnet på timetypen.').max(200, 'Navnet kan ha høyst 200 tegn.'),
    kind: appointmentKind,
    durationMinutes: z
      .number()
      .int('Varigheten skal være hele minutter.')
      .min(5, 'Varigheten skal være minst 5 minutter.')
      .max(480, 'Varigheten kan være høyst 480 minutter (8 timer).'),
    selfBookable: z.boolean(),
    citizenCancellable: z.boolean(),
    cancelDeadlineWorkingDays: z
      .number()
      .int('Fristen skal være hele virkedager.')
      .min(0, 'Fristen kan ikke være negativ.')
      .max(30, 'Fristen kan være høyst 30 virkedager.'),
    cancellationNeedsAcceptance: z.boolean(),
    reminderLeadHours: z
      .number()
      .int('Påminnelsen skal være hele timer før.')
      .min(1, 'Påminnelsen skal komme minst 1 time før.')
      .max(336, 'Påminnelsen kan komme høyst 336 timer (14 dager) før.')
      .nullable(),
  })
  // A unit accepting a cancellation only means something when the citizen may cancel at all.
  .refine((b) => b.citizenCancellable || !b.cancellationNeedsAcceptance, {
    message: 'Enheten kan bare godta avbestillinger når innbyggeren kan avbestille selv.',
    path: ['cancellationNeedsAcceptance'],
  });
export type AppointmentTypeBody = z.infer<typeof appointmentTypeBody>;

export const appointmentTypeParams = z.object({ unitId: uuid, typeId: uuid });
