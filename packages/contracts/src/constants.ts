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

// PLO monitoring (plo-monitoring.ts, issue 14)
/**
 * Kinds of PLO alert: a sent message without AppRec past a warning threshold, without AppRec for 96 h (counts as
 * rejected), a negative AppRec received, a delivery that failed for good.
 */
export const ploAlertKinds = [
  'apprec_missing',
  'apprec_timeout',
  'apprec_negative',
  'delivery_failed',
  'partner_silent',
] as const;
/** open → acknowledged (by a person) → closed (with a note); closing an open alert acknowledges it too. */
export const ploAlertStates = ['open', 'acknowledged', 'closed'] as const;
export const PLO_ALERT_LIMITS = { pageSize: 20, maxNoteLength: 2_000 } as const;

// Appointments (appointments.ts)
/** Every path of the appointment APIs, so server and web cannot drift apart. `:id`-style parameters. */
export const APPOINTMENT_ROUTES = {
  citizen: {
    /** GET → citizenAppointmentsResponse: future (and today's) appointments incl. planned home visits. */
    list: '/api/appointments',
    /** GET → citizenAppointment. */
    one: '/api/appointments/:id',
    /** GET → text/calendar (RFC 5545): the appointment as a calendar file to download (issue 15). */
    calendarFile: '/api/appointments/:id/calendar.ics',
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

// Organisations (organisations.ts)
/**
 * The services an EPJ product can declare support for: the service catalogue's service codes (seed 000 §2 —
 * Kontaktpunkter og dialog, Timeavtaler, Formidling). Data, so the catalogue can refer to the same codes.
 */
export const EPJ_SERVICE_CODES = [
  'dialog',
  'health_contacts',
  'appointments.book',
  'appointments.view',
  'appointments.cancel',
  'home_visits.completed',
  'letters',
  'service_messages',
  'forms',
  'tools',
] as const;
export type EpjServiceCode = (typeof EPJ_SERVICE_CODES)[number];

// Municipality administration (organisations.ts, appointments.ts; issue 12): the administrator's forms list these.
export const UNIT_KINDS = [
  'home_care',
  'health_station',
  'emergency_ward',
  'infection_control',
  'vaccination',
  'allocation_office',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const STAFF_ROLES = [
  'nurse',
  'health_worker',
  'physician',
  'unit_leader',
  'message_handler',
  'municipal_admin',
] as const;
export type StaffRoleCode = (typeof STAFF_ROLES)[number];

/** What kind of service an appointment type is; drives icons and texts in the web. */
export const APPOINTMENT_KINDS = [
  'consultation',
  'vaccination',
  'home_visit',
  'emergency_ward',
  'health_station',
  'other',
] as const;

// Agreements (agreements.ts, issue 12)
/** The two documents a municipality accepts (seed 000 §1): the general terms and the special terms for the service. */
export const TERMS_DOCUMENTS = ['general', 'special'] as const;
export type TermsDocument = (typeof TERMS_DOCUMENTS)[number];

/**
 * Who controls what (seed 000 §3.1–3.2): the municipality is data controller for its own systems and the personal
 * data of its services; the operator for what the platform itself processes in running it, and it processes
 * formidling's data on the municipality's behalf under a data processing agreement. Static data: the web says
 * each in nb/nn/en by its `scope`.
 */
export const DATA_CONTROLLER_ROLES = [
  { party: 'municipality', role: 'controller', scope: 'municipal_systems', section: '3.1' },
  { party: 'municipality', role: 'controller', scope: 'service_data', section: '3.1' },
  { party: 'operator', role: 'controller', scope: 'platform_operation', section: '3.1' },
  { party: 'operator', role: 'processor', scope: 'formidling', section: '3.2' },
] as const;
export type DataControllerScope = (typeof DATA_CONTROLLER_ROLES)[number]['scope'];

// Support and evaluation (support.ts, issue 12)
/**
 * §5.1: technical operation of the EPJ → the municipality's ICT operations vendor; the EPJ's functions and clinical
 * use → the EPJ vendor; the platform itself → the operator (who also assists both vendors).
 */
export const SUPPORT_CATEGORIES = ['epj_operation', 'epj_function', 'platform'] as const;
export type SupportCategory = (typeof SUPPORT_CATEGORIES)[number];
export const SUPPORT_RECIPIENTS = ['ict_operations_vendor', 'epj_vendor', 'operator'] as const;
export type SupportRecipientKind = (typeof SUPPORT_RECIPIENTS)[number];
export const SUPPORT_ROUTING: Readonly<Record<SupportCategory, SupportRecipientKind>> = {
  epj_operation: 'ict_operations_vendor',
  epj_function: 'epj_vendor',
  platform: 'operator',
};
export const SUPPORT_STATUSES = ['open', 'answered', 'closed'] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];
export const SUPPORT_PAGE_SIZE = 25;

/** The services the evaluation reports on, and for each the measures it counts. */
export const EVALUATION_MEASURES = {
  portal: ['active_citizens'],
  dialog: [
    'active_citizens',
    'messages_in',
    'messages_out',
    'answered_within_promise',
    'answered_late',
    'unanswered',
    'median_response_hours',
  ],
  appointments: ['active_citizens', 'bookings', 'cancellations'],
  notifications: ['notices_sent', 'notices_failed'],
  epj_feed: ['hours_in_period', 'hours_with_reads', 'availability_percent', 'polls', 'failed_polls'],
} as const;
export type EvaluationService = keyof typeof EVALUATION_MEASURES;
export const EVALUATION_SERVICES = Object.keys(EVALUATION_MEASURES) as EvaluationService[];
export type EvaluationMeasure = (typeof EVALUATION_MEASURES)[EvaluationService][number];
/** The longest period one request may cover (a year and a day, for a leap year's evaluation). */
export const EVALUATION_MAX_DAYS = 367;

// Audit of administrative changes (issue 12: "every administrative change is audited with who and why")
/** The longest reason an administrator or the operator gives for a change; kept in the audit entry. */
export const CHANGE_REASON_MAX = 500;

// Letters (letters.ts, issue 13 B1)
/** Limits of a letter, enforced by the server and shown by the web. The PDF is checked from its bytes (%PDF-). */
export const LETTER_LIMITS = {
  maxTitleLength: 150,
  maxPdfBytes: 10 * 1024 * 1024,
  pageSize: 20,
} as const;
