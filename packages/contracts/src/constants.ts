/**
 * The contracts' plain values — limits, code lists, paths — with no import at all, so the web can import them
 * (`@helsebro/contracts/constants`) without bundling zod. The schema files build their zod enums from these and
 * re-export them, so the server sees one package.
 */

// Representation (representation.ts)
export const SERVICE_AREAS = ['innsyn', 'brev_og_skjema', 'digitale_helsetjenester'] as const;
export type ServiceArea = (typeof SERVICE_AREAS)[number];

export const SERVICE_AREA_NAMES: Record<ServiceArea, string> = {
  innsyn: 'Innsyn i opplysninger registrert om deg',
  brev_og_skjema: 'Brev, skjemaer og verktøy',
  digitale_helsetjenester: 'Digitale helsetjenester',
};

/** Everything a representative may be allowed to do, each in exactly one service area (ACTION_AREA). */
export const REPRESENTED_ACTIONS = [
  'profile.read',
  'access_log.read',
  'letters.read',
  'forms.read',
  'forms.submit',
  'tools.use',
  'health_contacts.read',
  'appointments.read',
  'appointments.manage',
  'home_visits.read',
  'messages.read',
  'messages.send',
] as const;
export type RepresentedAction = (typeof REPRESENTED_ACTIONS)[number];

export const ACTION_AREA: Record<RepresentedAction, ServiceArea> = {
  'profile.read': 'innsyn',
  'access_log.read': 'innsyn',
  'letters.read': 'brev_og_skjema',
  'forms.read': 'brev_og_skjema',
  'forms.submit': 'brev_og_skjema',
  'tools.use': 'brev_og_skjema',
  'health_contacts.read': 'digitale_helsetjenester',
  'appointments.read': 'digitale_helsetjenester',
  'appointments.manage': 'digitale_helsetjenester',
  'home_visits.read': 'digitale_helsetjenester',
  'messages.read': 'digitale_helsetjenester',
  'messages.send': 'digitale_helsetjenester',
};

export const EMERGENCY_REASON_MIN_LENGTH = 10;

export const REAUTH_LOGIN_PATH = '/auth/login?prompt=login';

// Dialog (dialog.ts)
/** Limits of a message, enforced by the server and shown by the web. */
export const DIALOG_LIMITS = {
  maxTextLength: 10_000,
  maxSubjectLength: 120,
  maxAttachmentBytes: 10 * 1024 * 1024,
  maxAttachments: 5,
  /** Checked from the bytes (magic numbers), never from the name or the declared type. */
  attachmentTypes: ['application/pdf', 'image/jpeg', 'image/png'],
} as const;

// PLO (plo.ts, plo-console.ts)
/** MsgInfo/Type values (code list 8279) Helsebro knows; a capability names one of them. */
export const ploMessageTypes = [
  'LOG_INNLAGT',
  'LOG_UTSKRIVNINGSKLAR',
  'LOG_AVMELDING',
  'LOG_UTSKREVET',
  'LOG_DOD',
  'INNLEGGELSESRAPPORT',
  'UTSKRIVNINGSRAPPORT',
  'HELSEOPPL_SOKNAD',
  'HELSEOPPLYSNINGER_LEGE',
  'MEDISINSKE_OPPLYSNINGER',
  'ORIENTERING_TJENESTETILBUD',
  'DIALOG_FORESPORSEL',
  'DIALOG_SVAR',
  'DIALOG_AVVIK',
  'DIALOG_NOTAT',
  'DIALOG_HELSEFAGLIG',
] as const;

export const PLO_CONSOLE_LIMITS = {
  pageSize: 25,
  maxPageSize: 100,
  maxAnswerLength: 4_000,
  maxSubjectLength: 120,
} as const;

/** Inbox states (plo_inbox.state). */
export const ploInboxStates = ['new', 'read', 'handled'] as const;

/** Statuses of an outgoing message: queued → sent → delivered → apprec_ok | apprec_rejected, or failed. */
export const ploOutgoingStatuses = ['queued', 'sent', 'delivered', 'apprec_ok', 'apprec_rejected', 'failed'] as const;

// Appointments (appointments.ts)
/** Every path of the appointment APIs, so server and web cannot drift apart. `:id`-style parameters. */
export const APPOINTMENT_ROUTES = {
  citizen: {
    /** GET → citizenAppointmentsResponse: future (and today's) appointments incl. planned home visits. */
    list: '/api/appointments',
    /** GET → citizenAppointment. */
    one: '/api/appointments/:id',
    /** GET → bookableTypesResponse: self-bookable types of units the principal may book with. */
    bookableTypes: '/api/appointments/bookable-types',
    /** GET ?typeId&from&to → freeSlotsResponse. */
    freeSlots: '/api/appointments/free-slots',
    /** POST bookAppointmentBody → 201 citizenAppointment. */
    book: '/api/appointments',
    /** POST cancelAppointmentBody → cancelAppointmentResponse (200), or 422/409 cancelRefusedProblem. */
    cancel: '/api/appointments/:id/cancel',
    /** POST newTimeRequestBody → 201 appointmentRequest. */
    newTimeRequest: '/api/appointments/:id/new-time-requests',
    /** GET ?from&to → completedVisitsResponse (home visits carried out). */
    completedVisits: '/api/home-visits/completed',
    /** GET → visitNoticePreference; PUT visitNoticePreferenceBody → visitNoticePreference (self only). */
    visitNotices: '/api/home-visits/notice-preference',
  },
  staff: {
    /** GET → staffAppointmentUnitsResponse: my units with appointment types and pending request counts. */
    units: '/api/staff/appointments/units',
    /** GET ?date&view=day|week → staffCalendarResponse. */
    calendar: '/api/staff/appointments/units/:unitId/calendar',
    /** GET → appointmentTypesResponse. */
    types: '/api/staff/appointments/units/:unitId/types',
    /** POST staffCreateAppointmentBody → 201 staffAppointment. */
    create: '/api/staff/appointments/units/:unitId/appointments',
    /** GET → staffAppointment. */
    one: '/api/staff/appointments/:id',
    /** POST moveAppointmentBody → staffAppointment (the citizen is told). */
    move: '/api/staff/appointments/:id/move',
    /** POST staffCancelAppointmentBody → staffAppointment (the citizen is told). */
    cancel: '/api/staff/appointments/:id/cancel',
    /** POST setAppointmentOutcomeBody → staffAppointment (fulfilled / no_show). */
    outcome: '/api/staff/appointments/:id/outcome',
    /** POST recordCompletedVisitBody → 201 completedVisit (the appointment becomes fulfilled). */
    completeVisit: '/api/staff/appointments/:id/completed-visit',
    /** GET ?status=pending → staffRequestsResponse: cancellation and new-time requests of the unit. */
    requests: '/api/staff/appointments/units/:unitId/requests',
    /** POST decideRequestBody → appointmentRequest (the citizen is told). */
    decideRequest: '/api/staff/appointments/requests/:id/decision',
    /** GET → staffNamesSetting; PUT staffNamesSettingBody → staffNamesSetting. */
    staffNames: '/api/staff/appointments/units/:unitId/citizens/:personId/staff-names',
  },
  epj: {
    /** POST epjScheduleBody → 201 epjSchedule (availability rule; slots are generated from it). */
    schedules: '/epj/v1/schedules',
    /** PUT epjScheduleBody → epjSchedule. */
    schedule: '/epj/v1/schedules/:id',
    /** GET ?unitId&from&to → epjSlotsResponse; POST epjSlotBody → 201 epjSlot. */
    slots: '/epj/v1/slots',
    /** POST epjAppointmentBody → 201 epjAppointment. */
    appointments: '/epj/v1/appointments',
    /** GET, PATCH epjAppointmentPatchBody → epjAppointment. */
    appointment: '/epj/v1/appointments/:id',
    /** POST epjCompletedVisitBody → 201 completedVisit. */
    completedVisits: '/epj/v1/appointments/:id/completed-visit',
  },
} as const;
