import { MUNICIPAL_SERVICE_STATUSES } from '@helsebro/contracts';
import {
  bigint,
  bigserial,
  boolean,
  char,
  customType,
  date,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  time,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The drizzle view of the tables that the numbered SQL migrations create. The migrations are the source of
 * truth; `schema.test.ts` fails when a column here is missing from the migrated database.
 */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const municipalities = pgTable('municipalities', {
  id: uuid('id').primaryKey().defaultRandom(),
  number: char('number', { length: 4 }).notNull(),
  name: text('name').notNull(),
  orgNumber: char('org_number', { length: 9 }).notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  /** Onboarding contact and the EPJ system (0013). */
  contactName: text('contact_name'),
  contactEmail: text('contact_email'),
  contactPhone: text('contact_phone'),
  epjProductId: uuid('epj_product_id'),
  epjVersion: text('epj_version'),
});

/** The EPJ products the operator registered, with versions and supported service codes (0013). */
export const epjProducts = pgTable('epj_products', {
  id: uuid('id').primaryKey().defaultRandom(),
  vendor: text('vendor').notNull(),
  name: text('name').notNull(),
  versions: text('versions').array().notNull().default([]),
  services: text('services').array().notNull().default([]),
  createdAt: ts('created_at').notNull().defaultNow(),
  /** The vendor's support contact, for requests about the EPJ's functions (0016). */
  supportName: text('support_name'),
  supportEmail: text('support_email'),
  supportPhone: text('support_phone'),
});

export const serviceUnits = pgTable('service_units', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  name: text('name').notNull(),
  kind: text('kind', {
    enum: [
      'home_care',
      'health_station',
      'emergency_ward',
      'infection_control',
      'vaccination',
      'allocation_office',
      'other',
    ],
  }).notNull(),
  phone: text('phone'),
  email: text('email'),
  createdAt: ts('created_at').notNull().defaultNow(),
  /** Dialog settings (0004). */
  openingHours: text('opening_hours'),
  openForDialog: boolean('open_for_dialog').notNull().default(false),
  responseWorkingDays: integer('response_working_days').notNull().default(1),
  autoReply: text('auto_reply'),
  functionalEmail: text('functional_email'),
  alertByEmail: boolean('alert_by_email').notNull().default(false),
  /** Opening hours as data (0027): ISO weekday with opening and closing time, Oslo. */
  weeklyHours: jsonb('weekly_hours').$type<{ weekday: number; opens: string; closes: string }[]>(),
  /** Administration (0013). */
  herId: text('her_id'),
  closedAt: ts('closed_at'),
  /** Works every day, weekends and holidays included (0021: home care). */
  visitsEveryDay: boolean('visits_every_day').notNull().default(false),
});

export const persons = pgTable('persons', {
  id: uuid('id').primaryKey().defaultRandom(),
  nin: text('nin').notNull(),
  givenName: text('given_name').notNull(),
  familyName: text('family_name').notNull(),
  birthDate: date('birth_date', { mode: 'string' }).notNull(),
  municipalityId: uuid('municipality_id'),
  streetAddress: text('street_address'),
  postalCode: text('postal_code'),
  postalPlace: text('postal_place'),
  addressProtection: text('address_protection', { enum: ['none', 'confidential', 'strictly_confidential'] })
    .notNull()
    .default('none'),
  deceasedOn: date('deceased_on', { mode: 'string' }),
  createdAt: ts('created_at').notNull().defaultNow(),
  /** The registered dwelling in a comparable form; equal keys mean the same registered address (0002). */
  dwellingKey: text('dwelling_key'),
  /** The municipality of residence as the population register gives it (0012). */
  municipalityNumber: char('municipality_number', { length: 4 }),
});

/** The population register's change events applied, by sequence number (0012). */
export const populationRegisterEvents = pgTable('population_register_events', {
  sequence: bigint('sequence', { mode: 'number' }).primaryKey(),
  type: text('type', {
    enum: ['person.created', 'person.changed', 'address.changed', 'parental_responsibility.changed', 'person.died'],
  }).notNull(),
  contentHash: text('content_hash').notNull(),
  appliedAt: ts('applied_at').notNull().defaultNow(),
});

export const personnel = pgTable('personnel', {
  id: uuid('id').primaryKey().defaultRandom(),
  nin: text('nin').notNull(),
  hprNumber: text('hpr_number'),
  givenName: text('given_name').notNull(),
  familyName: text('family_name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const personnelRoles = pgTable('personnel_roles', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  personnelId: uuid('personnel_id').notNull(),
  serviceUnitId: uuid('service_unit_id'),
  role: text('role', {
    enum: ['nurse', 'health_worker', 'physician', 'unit_leader', 'message_handler', 'municipal_admin'],
  }).notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const operators = pgTable('operators', {
  id: uuid('id').primaryKey().defaultRandom(),
  nin: text('nin').notNull(),
  givenName: text('given_name').notNull(),
  familyName: text('family_name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: ['citizen', 'personnel', 'operator'] }).notNull(),
  personId: uuid('person_id'),
  personnelId: uuid('personnel_id'),
  operatorId: uuid('operator_id'),
  municipalityId: uuid('municipality_id'),
  actingForPersonId: uuid('acting_for_person_id'),
  csrfToken: text('csrf_token').notNull(),
  idToken: text('id_token'),
  acr: text('acr'),
  authTime: ts('auth_time').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
});

export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  occurredAt: ts('occurred_at').notNull(),
  requestId: text('request_id'),
  actorKind: text('actor_kind', {
    enum: ['citizen', 'personnel', 'operator', 'system', 'partner', 'anonymous'],
  }).notNull(),
  actorId: text('actor_id'),
  actingForPersonId: uuid('acting_for_person_id'),
  subjectPersonId: uuid('subject_person_id'),
  municipalityId: uuid('municipality_id'),
  action: text('action').notNull(),
  resourceType: text('resource_type').notNull(),
  resourceId: text('resource_id'),
  purpose: text('purpose'),
  emergency: boolean('emergency').notNull().default(false),
  outcome: text('outcome', { enum: ['success', 'denied', 'error'] }).notNull(),
  details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  seq: bigint('seq', { mode: 'number' }),
  prevHash: text('prev_hash'),
  hash: text('hash'),
});

export const auditChainHead = pgTable('audit_chain_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const jobs = pgTable('jobs', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  kind: text('kind').notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
  municipalityId: uuid('municipality_id'),
  state: text('state', { enum: ['ready', 'running', 'done', 'dead'] })
    .notNull()
    .default('ready'),
  attempts: integer('attempts').notNull().default(0),
  maxAttempts: integer('max_attempts').notNull().default(8),
  runAt: ts('run_at').notNull().defaultNow(),
  lockedUntil: ts('locked_until'),
  lastError: text('last_error'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  finishedAt: ts('finished_at'),
});

const serviceAreaValues = ['innsyn', 'brev_og_skjema', 'digitale_helsetjenester'] as const;

export const parentalResponsibilities = pgTable('parental_responsibilities', {
  id: uuid('id').primaryKey().defaultRandom(),
  childId: uuid('child_id').notNull(),
  parentId: uuid('parent_id').notNull(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const fullmakter = pgTable('fullmakter', {
  id: uuid('id').primaryKey().defaultRandom(),
  giverId: uuid('giver_id').notNull(),
  holderId: uuid('holder_id').notNull(),
  serviceAreas: text('service_areas', { enum: serviceAreaValues }).array().notNull(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }),
  createdAt: ts('created_at').notNull().defaultNow(),
  endedAt: ts('ended_at'),
  endedByPersonId: uuid('ended_by_person_id'),
  endReason: text('end_reason', { enum: ['ended_by_giver', 'ended_by_holder', 'replaced'] }),
  replacesId: uuid('replaces_id'),
});

export const careRelations = pgTable('care_relations', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  personId: uuid('person_id').notNull(),
  serviceUnitId: uuid('service_unit_id').notNull(),
  primaryContactId: uuid('primary_contact_id'),
  coordinatorId: uuid('coordinator_id'),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }),
  createdAt: ts('created_at').notNull().defaultNow(),
  /** Who registered and who ended it (null: the EPJ or the seed), when and why it ended, last change (0012). */
  createdByPersonnelId: uuid('created_by_personnel_id'),
  endedAt: ts('ended_at'),
  endedByPersonnelId: uuid('ended_by_personnel_id'),
  endReason: text('end_reason', {
    enum: ['services_completed', 'moved', 'deceased', 'transferred', 'registered_in_error', 'other'],
  }),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const emergencyAccessGrants = pgTable('emergency_access_grants', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  personnelId: uuid('personnel_id').notNull(),
  personId: uuid('person_id').notNull(),
  reason: text('reason').notNull(),
  grantedAt: ts('granted_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
});

/** bytea as a Buffer on both drivers (node-postgres gives a Buffer, PGlite a Uint8Array). */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** PLO address register (migration 0003). */
export const ploParties = pgTable('plo_parties', {
  id: uuid('id').primaryKey().defaultRandom(),
  herId: text('her_id').notNull(),
  name: text('name').notNull(),
  orgNumber: char('org_number', { length: 9 }),
  parentId: uuid('parent_id'),
  kind: text('kind', { enum: ['organisation', 'service', 'person'] }).notNull(),
  serviceType: text('service_type'),
  municipalityId: uuid('municipality_id'),
  hosted: boolean('hosted').notNull().default(false),
  capabilities: jsonb('capabilities').$type<Array<{ messageType: string; versions: string[] }>>().notNull().default([]),
  responsibleName: text('responsible_name'),
  responsibleEmail: text('responsible_email'),
  responsiblePhone: text('responsible_phone'),
  transportEndpoint: text('transport_endpoint'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const ploPartnerCredentials = pgTable('plo_partner_credentials', {
  id: uuid('id').primaryKey().defaultRandom(),
  partyId: uuid('party_id').notNull(),
  label: text('label').notNull(),
  tokenSha256: text('token_sha256').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  revokedAt: ts('revoked_at'),
});

export const ploMessages = pgTable('plo_messages', {
  id: uuid('id').primaryKey().defaultRandom(),
  direction: text('direction', { enum: ['in', 'out'] }).notNull(),
  status: text('status', {
    enum: [
      'accepted',
      'rejected',
      'unreadable',
      'refused',
      'queued',
      'sent',
      'delivered',
      'apprec_ok',
      'apprec_rejected',
      'failed',
    ],
  }).notNull(),
  msgId: text('msg_id'),
  msgType: text('msg_type'),
  contentStandard: text('content_standard'),
  contentVersion: text('content_version'),
  forsendelsesstatus: char('forsendelsesstatus', { length: 1 }),
  genDate: text('gen_date'),
  conversationParent: text('conversation_parent'),
  conversationRoot: text('conversation_root'),
  senderHerId: text('sender_her_id'),
  senderPartyHerId: text('sender_party_her_id'),
  receiverHerId: text('receiver_her_id'),
  receiverPartyHerId: text('receiver_party_her_id'),
  senderPartyId: uuid('sender_party_id'),
  receiverPartyId: uuid('receiver_party_id'),
  municipalityId: uuid('municipality_id'),
  patientNin: text('patient_nin'),
  patientIdType: text('patient_id_type'),
  patientPersonId: uuid('patient_person_id'),
  raw: bytea('raw').notNull(),
  rawSha256: text('raw_sha256').notNull(),
  parsed: jsonb('parsed').$type<Record<string, unknown>>(),
  problems: jsonb('problems').$type<Array<Record<string, unknown>>>().notNull().default([]),
  receivedAt: ts('received_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** The raw bytes of a large received message after the first part in plo_messages.raw (migration 0011). */
export const ploMessageParts = pgTable('plo_message_parts', {
  messageId: uuid('message_id').notNull(),
  seq: integer('seq').notNull(),
  bytes: bytea('bytes').notNull(),
});

export const ploInbox = pgTable('plo_inbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  messageId: uuid('message_id').notNull(),
  partyId: uuid('party_id').notNull(),
  municipalityId: uuid('municipality_id'),
  role: text('role', { enum: ['PRIM', 'COP'] }).notNull(),
  state: text('state', { enum: ['new', 'read', 'handled'] })
    .notNull()
    .default('new'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const ploAppRecs = pgTable('plo_apprecs', {
  id: uuid('id').primaryKey().defaultRandom(),
  direction: text('direction', { enum: ['in', 'out'] }).notNull(),
  appRecId: text('apprec_id').notNull(),
  messageId: uuid('message_id'),
  answeringHerId: text('answering_her_id').notNull(),
  partyId: uuid('party_id'),
  role: text('role'),
  status: text('status', { enum: ['1', '2', '3'] }).notNull(),
  errors: jsonb('errors').$type<Array<{ code: string; text: string; detail?: string }>>().notNull().default([]),
  originalMsgId: text('original_msg_id').notNull(),
  xml: bytea('xml').notNull(),
  delivery: text('delivery', { enum: ['queued', 'delivered', 'failed', 'received'] }).notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  deliveredAt: ts('delivered_at'),
});

/** PLO sending (migration 0005): the status history of outgoing messages and the tokens we present to partners. */
export const ploMessageEvents = pgTable('plo_message_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  messageId: uuid('message_id').notNull(),
  status: text('status', {
    enum: ['queued', 'sent', 'delivered', 'apprec_ok', 'apprec_rejected', 'failed'],
  }).notNull(),
  at: ts('at').notNull().defaultNow(),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
});

export const ploOutgoingCredentials = pgTable('plo_outgoing_credentials', {
  id: uuid('id').primaryKey().defaultRandom(),
  partyId: uuid('party_id').notNull(),
  label: text('label').notNull(),
  tokenEncrypted: bytea('token_encrypted').notNull(),
  keyId: text('key_id').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** PLO monitoring (migration 0023): alerts about our services' messages, raised once each by the monitoring job. */
export const ploAlerts = pgTable('plo_alerts', {
  id: uuid('id').primaryKey().defaultRandom(),
  dedupKey: text('dedup_key').notNull(),
  kind: text('kind', {
    enum: ['apprec_missing', 'apprec_timeout', 'apprec_negative', 'delivery_failed', 'partner_silent'],
  }).notNull(),
  severity: text('severity', { enum: ['warning', 'critical'] }).notNull(),
  partyId: uuid('party_id').notNull(),
  partnerPartyId: uuid('partner_party_id'),
  municipalityId: uuid('municipality_id'),
  messageId: uuid('message_id'),
  appRecId: uuid('apprec_id'),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  raisedAt: ts('raised_at').notNull(),
  state: text('state', { enum: ['open', 'acknowledged', 'closed'] })
    .notNull()
    .default('open'),
  acknowledgedAt: ts('acknowledged_at'),
  acknowledgedBy: uuid('acknowledged_by'),
  closedAt: ts('closed_at'),
  closedBy: uuid('closed_by'),
  closeNote: text('close_note'),
  emailOurs: text('email_ours', { enum: ['queued', 'sent', 'no_address'] }),
  emailOursAt: ts('email_ours_at'),
  emailPartner: text('email_partner', { enum: ['queued', 'sent', 'no_address'] }),
  emailPartnerAt: ts('email_partner_at'),
});

/** Dialog and notifications (migration 0004). */
export const serviceUnitAbsences = pgTable('service_unit_absences', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  serviceUnitId: uuid('service_unit_id').notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  note: text('note'),
});

export const dialogConversations = pgTable('dialog_conversations', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  serviceUnitId: uuid('service_unit_id').notNull(),
  personId: uuid('person_id').notNull(),
  subject: text('subject').notNull(),
  status: text('status', { enum: ['open', 'closed'] })
    .notNull()
    .default('open'),
  /** The citizen or representative who started it; null when the unit started it (0026). */
  startedByPersonId: uuid('started_by_person_id'),
  /** The health worker who started it for the unit (0026); exactly one of the two is set. */
  startedByPersonnelId: uuid('started_by_personnel_id'),
  assignedPersonnelId: uuid('assigned_personnel_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
  lastMessageAt: ts('last_message_at').notNull().defaultNow(),
  closedAt: ts('closed_at'),
  closedByPersonnelId: uuid('closed_by_personnel_id'),
});

export const dialogMessages = pgTable('dialog_messages', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  conversationId: uuid('conversation_id').notNull(),
  fromSide: text('from_side', { enum: ['citizen', 'unit'] }).notNull(),
  authorPersonId: uuid('author_person_id'),
  authorPersonnelId: uuid('author_personnel_id'),
  body: text('body').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  readAt: ts('read_at'),
  readByPersonId: uuid('read_by_person_id'),
  readByPersonnelId: uuid('read_by_personnel_id'),
  /** The unit's automatic reply (0026): from the unit side, with no health worker as author. */
  automatic: boolean('automatic').notNull().default(false),
});

export const dialogAttachments = pgTable('dialog_attachments', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  messageId: uuid('message_id').notNull(),
  filename: text('filename').notNull(),
  contentType: text('content_type', { enum: ['application/pdf', 'image/jpeg', 'image/png'] }).notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
});

export const notificationPreferences = pgTable('notification_preferences', {
  personId: uuid('person_id').primaryKey(),
  channel: text('channel', { enum: ['sms', 'email'] }).notNull(),
  level: text('level', { enum: ['limited', 'normal', 'full'] }).notNull(),
  language: text('language', { enum: ['nb', 'nn', 'en'] })
    .notNull()
    .default('nb'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const notificationNotices = pgTable('notification_notices', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  eventKey: text('event_key').notNull(),
  personId: uuid('person_id'),
  serviceUnitId: uuid('service_unit_id'),
  channel: text('channel', { enum: ['sms', 'email'] }).notNull(),
  template: text('template').notNull(),
  state: text('state', { enum: ['queued', 'sent', 'skipped'] })
    .notNull()
    .default('queued'),
  createdAt: ts('created_at').notNull().defaultNow(),
  sentAt: ts('sent_at'),
});

export const notificationCaptures = pgTable('notification_captures', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  channel: text('channel', { enum: ['sms', 'email'] }).notNull(),
  recipient: text('recipient').notNull(),
  subject: text('subject'),
  body: text('body').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** EPJ integration (migration 0006). */
export const epjClients = pgTable('epj_clients', {
  clientId: text('client_id').primaryKey(),
  clientName: text('client_name').notNull(),
  clientSecret: text('client_secret'),
  orgNumber: char('org_number', { length: 9 }).notNull(),
  scope: text('scope').notNull().default('helsebro:epj'),
  createdAt: ts('created_at').notNull().defaultNow(),
  /** Registered by a municipality's administrator (0013): its public keys, or the secret above; revocation. */
  municipalityId: uuid('municipality_id'),
  jwks: jsonb('jwks').$type<{ keys: Array<Record<string, unknown>> }>(),
  revokedAt: ts('revoked_at'),
});

export const epjEvents = pgTable('epj_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  municipalityId: uuid('municipality_id').notNull(),
  serviceUnitId: uuid('service_unit_id'),
  personId: uuid('person_id'),
  kind: text('kind').notNull(),
  refs: jsonb('refs').$type<Record<string, string>>().notNull().default({}),
  occurredAt: ts('occurred_at').notNull().defaultNow(),
});

/** Appointments and completed home visits (migration 0007). */
const cancellationReasons = ['citizen_request', 'illness', 'unit_unavailable', 'duplicate', 'other'] as const;

export const appointmentTypes = pgTable('appointment_types', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  serviceUnitId: uuid('service_unit_id').notNull(),
  name: text('name').notNull(),
  kind: text('kind', {
    enum: ['consultation', 'vaccination', 'home_visit', 'emergency_ward', 'health_station', 'other'],
  }).notNull(),
  durationMinutes: integer('duration_minutes').notNull(),
  selfBookable: boolean('self_bookable').notNull().default(false),
  citizenCancellable: boolean('citizen_cancellable').notNull().default(true),
  cancelDeadlineWorkingDays: integer('cancel_deadline_working_days').notNull().default(1),
  cancellationNeedsAcceptance: boolean('cancellation_needs_acceptance').notNull().default(false),
  reminderLeadHours: integer('reminder_lead_hours'),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const appointmentAvailabilityRules = pgTable('appointment_availability_rules', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  serviceUnitId: uuid('service_unit_id').notNull(),
  appointmentTypeId: uuid('appointment_type_id').notNull(),
  weekdays: smallint('weekdays').array().notNull(),
  startTime: time('start_time').notNull(),
  endTime: time('end_time').notNull(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }),
  skipHolidays: boolean('skip_holidays').notNull().default(true),
  active: boolean('active').notNull().default(true),
  externalId: text('external_id'),
  slotsGeneratedUntil: date('slots_generated_until', { mode: 'string' }),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const appointmentSlots = pgTable('appointment_slots', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  serviceUnitId: uuid('service_unit_id').notNull(),
  appointmentTypeId: uuid('appointment_type_id').notNull(),
  ruleId: uuid('rule_id'),
  startsAt: ts('starts_at').notNull(),
  endsAt: ts('ends_at').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const appointments = pgTable('appointments', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  serviceUnitId: uuid('service_unit_id').notNull(),
  appointmentTypeId: uuid('appointment_type_id').notNull(),
  personId: uuid('person_id').notNull(),
  slotId: uuid('slot_id'),
  startsAt: ts('starts_at').notNull(),
  endsAt: ts('ends_at').notNull(),
  status: text('status', { enum: ['booked', 'cancelled', 'fulfilled', 'no_show'] })
    .notNull()
    .default('booked'),
  location: text('location'),
  staffPersonnelId: uuid('staff_personnel_id'),
  selfBooked: boolean('self_booked').notNull().default(false),
  bookedByPersonId: uuid('booked_by_person_id'),
  bookedByPersonnelId: uuid('booked_by_personnel_id'),
  cancelledAt: ts('cancelled_at'),
  cancelledBy: text('cancelled_by', { enum: ['citizen', 'representative', 'unit'] }),
  cancelledByPersonId: uuid('cancelled_by_person_id'),
  cancelledByPersonnelId: uuid('cancelled_by_personnel_id'),
  cancellationReason: text('cancellation_reason', { enum: cancellationReasons }),
  cancellationComment: text('cancellation_comment'),
  externalId: text('external_id'),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const appointmentRequests = pgTable('appointment_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  serviceUnitId: uuid('service_unit_id').notNull(),
  appointmentId: uuid('appointment_id').notNull(),
  personId: uuid('person_id').notNull(),
  kind: text('kind', { enum: ['cancellation', 'new_time'] }).notNull(),
  status: text('status', { enum: ['pending', 'accepted', 'declined', 'withdrawn'] })
    .notNull()
    .default('pending'),
  comment: text('comment'),
  reason: text('reason', { enum: cancellationReasons }),
  requestedByPersonId: uuid('requested_by_person_id').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  decidedAt: ts('decided_at'),
  decidedByPersonnelId: uuid('decided_by_personnel_id'),
  response: text('response'),
});

export const completedVisits = pgTable('completed_visits', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  serviceUnitId: uuid('service_unit_id').notNull(),
  appointmentId: uuid('appointment_id'),
  personId: uuid('person_id').notNull(),
  performedAt: ts('performed_at').notNull(),
  endedAt: ts('ended_at'),
  whatWasDone: text('what_was_done').notNull(),
  staffPersonnelId: uuid('staff_personnel_id'),
  recordedByPersonnelId: uuid('recorded_by_personnel_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const appointmentStaffNameHidings = pgTable('appointment_staff_name_hidings', {
  municipalityId: uuid('municipality_id').notNull(),
  serviceUnitId: uuid('service_unit_id').notNull(),
  personId: uuid('person_id').notNull(),
  hiddenByPersonnelId: uuid('hidden_by_personnel_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const homeVisitNoticeOptins = pgTable('home_visit_notice_optins', {
  personId: uuid('person_id').primaryKey(),
  optedInAt: ts('opted_in_at').notNull().defaultNow(),
});

/** A citizen's hospital stay as the PLO messages tell it (0022, issue 15): pauses their planned home visits. */
export const hospitalAdmissions = pgTable('hospital_admissions', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  personId: uuid('person_id').notNull(),
  admittedAt: ts('admitted_at').notNull(),
  admissionMessageId: uuid('admission_message_id').notNull(),
  dischargedAt: ts('discharged_at'),
  dischargeMessageId: uuid('discharge_message_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
  /** The unit's review of the plan after the discharge ("Gjennomgått", 0025): who and when. */
  reviewedAt: ts('reviewed_at'),
  reviewedByPersonnelId: uuid('reviewed_by_personnel_id'),
});

/** Service catalogue (versioned data), data processing agreements, service status per municipality (0015). */

export const serviceCatalogueVersions = pgTable('service_catalogue_versions', {
  version: integer('version').primaryKey(),
  note: text('note').notNull(),
  publishedAt: ts('published_at').notNull().defaultNow(),
  publishedBy: uuid('published_by'),
});

export const serviceCatalogueAreas = pgTable('service_catalogue_areas', {
  version: integer('version').notNull(),
  code: text('code').notNull(),
  position: integer('position').notNull(),
  nameNb: text('name_nb').notNull(),
  nameNn: text('name_nn').notNull(),
  nameEn: text('name_en').notNull(),
});

export const serviceCatalogueServices = pgTable('service_catalogue_services', {
  version: integer('version').notNull(),
  code: text('code').notNull(),
  areaCode: text('area_code').notNull(),
  position: integer('position').notNull(),
  nameNb: text('name_nb').notNull(),
  nameNn: text('name_nn').notNull(),
  nameEn: text('name_en').notNull(),
  descriptionNb: text('description_nb').notNull(),
  descriptionNn: text('description_nn').notNull(),
  descriptionEn: text('description_en').notNull(),
  requiresDpa: boolean('requires_dpa').notNull().default(false),
  requiresEpjSupport: boolean('requires_epj_support').notNull().default(true),
});

export const dataProcessingAgreements = pgTable('data_processing_agreements', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  version: text('version').notNull(),
  signatoryName: text('signatory_name').notNull(),
  signatoryTitle: text('signatory_title').notNull(),
  signedOn: date('signed_on', { mode: 'string' }).notNull(),
  recordedByPersonnelId: uuid('recorded_by_personnel_id'),
  recordedAt: ts('recorded_at').notNull().defaultNow(),
});

export const municipalityServices = pgTable('municipality_services', {
  municipalityId: uuid('municipality_id').notNull(),
  serviceCode: text('service_code').notNull(),
  status: text('status', { enum: MUNICIPAL_SERVICE_STATUSES }).notNull(),
  catalogueVersion: integer('catalogue_version').notNull(),
  changedAt: ts('changed_at').notNull().defaultNow(),
});

export const municipalityServiceHistory = pgTable('municipality_service_history', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  serviceCode: text('service_code').notNull(),
  fromStatus: text('from_status', { enum: MUNICIPAL_SERVICE_STATUSES }),
  toStatus: text('to_status', { enum: MUNICIPAL_SERVICE_STATUSES }).notNull(),
  reason: text('reason'),
  actorKind: text('actor_kind').notNull(),
  actorId: text('actor_id'),
  changedAt: ts('changed_at').notNull().defaultNow(),
});

/** Terms versions (0014, platform): the general and the special terms, drafts and published versions. */
export const termsVersions = pgTable('terms_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  document: text('document', { enum: ['general', 'special'] }).notNull(),
  version: text('version').notNull(),
  versionDate: date('version_date', { mode: 'string' }).notNull(),
  changes: text('changes').array().notNull().default([]),
  significant: boolean('significant').notNull().default(false),
  status: text('status', { enum: ['draft', 'published'] })
    .notNull()
    .default('draft'),
  acceptBy: date('accept_by', { mode: 'string' }),
  publishedAt: ts('published_at'),
  ksSentOn: date('ks_sent_on', { mode: 'string' }),
  ksAnswer: text('ks_answer'),
  ksAnsweredOn: date('ks_answered_on', { mode: 'string' }),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** A municipality's acceptance of one terms version (0014, municipal). */
export const termsAcceptances = pgTable('terms_acceptances', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  termsVersionId: uuid('terms_version_id').notNull(),
  acceptedByPersonnelId: uuid('accepted_by_personnel_id').notNull(),
  acceptedAt: ts('accepted_at').notNull().defaultNow(),
});

/** DigiFin membership and connection fee per municipality (0014, municipal). */
export const municipalityDigifin = pgTable('municipality_digifin', {
  municipalityId: uuid('municipality_id').primaryKey(),
  member: boolean('member').notNull(),
  memberSince: date('member_since', { mode: 'string' }),
  feeAmountNok: integer('fee_amount_nok'),
  feeInvoiceReference: text('fee_invoice_reference'),
  feePaidOn: date('fee_paid_on', { mode: 'string' }),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Support routing and evaluation (0016). */

export const ictOperationsVendors = pgTable('ict_operations_vendors', {
  municipalityId: uuid('municipality_id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull(),
  phone: text('phone').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedByPersonnelId: uuid('updated_by_personnel_id').notNull(),
});

export const supportRequests = pgTable('support_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  serviceUnitId: uuid('service_unit_id'),
  category: text('category', { enum: ['epj_operation', 'epj_function', 'platform'] }).notNull(),
  title: text('title').notNull(),
  description: text('description').notNull(),
  routedTo: text('routed_to', { enum: ['ict_operations_vendor', 'epj_vendor', 'operator'] }).notNull(),
  recipientName: text('recipient_name').notNull(),
  recipientEmail: text('recipient_email'),
  recipientPhone: text('recipient_phone'),
  status: text('status', { enum: ['open', 'answered', 'closed'] })
    .notNull()
    .default('open'),
  reply: text('reply'),
  repliedAt: ts('replied_at'),
  repliedByOperatorId: uuid('replied_by_operator_id'),
  closedAt: ts('closed_at'),
  filedByPersonnelId: uuid('filed_by_personnel_id').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const epjFeedHours = pgTable('epj_feed_hours', {
  municipalityId: uuid('municipality_id').notNull(),
  hour: ts('hour').notNull(),
  polls: integer('polls').notNull().default(0),
  failures: integer('failures').notNull().default(0),
});

/** Termination (migration 0017, seed 000 §6): the operator's wind-downs and each municipality's notices. */
export const operatorWindDowns = pgTable('operator_wind_downs', {
  id: uuid('id').primaryKey().defaultRandom(),
  serviceCode: text('service_code').notNull(),
  instructionReference: text('instruction_reference').notNull(),
  noticeDate: date('notice_date', { mode: 'string' }).notNull(),
  effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
  reason: text('reason').notNull(),
  createdByOperatorId: uuid('created_by_operator_id').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  endedAt: ts('ended_at'),
});

export const serviceTerminations = pgTable('service_terminations', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  kind: text('kind', { enum: ['municipality_notice', 'operator_wind_down'] }).notNull(),
  windDownId: uuid('wind_down_id'),
  serviceCodes: text('service_codes').array().notNull(),
  noticeDate: date('notice_date', { mode: 'string' }).notNull(),
  effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
  reason: text('reason').notNull(),
  givenByPersonnelId: uuid('given_by_personnel_id'),
  givenByOperatorId: uuid('given_by_operator_id'),
  givenAt: ts('given_at').notNull().defaultNow(),
  endedAt: ts('ended_at'),
});

/** Letters (migration 0024, issue 13 B1): a unit's letter to a citizen, its channel and the reason. */
export const letters = pgTable('letters', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id').notNull(),
  serviceUnitId: uuid('service_unit_id').notNull(),
  personId: uuid('person_id').notNull(),
  title: text('title').notNull(),
  importance: text('importance', { enum: ['important', 'ordinary'] }).notNull(),
  filename: text('filename').notNull(),
  content: bytea('content').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  sentByPersonnelId: uuid('sent_by_personnel_id'),
  sentByClientId: text('sent_by_client_id'),
  channel: text('channel', { enum: ['portal', 'print'] }).notNull(),
  channelReason: text('channel_reason').notNull(),
  channelDetails: jsonb('channel_details').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: ts('created_at').notNull().defaultNow(),
  readAt: ts('read_at'),
  readByPersonId: uuid('read_by_person_id'),
  printedAt: ts('printed_at'),
  printedByPersonnelId: uuid('printed_by_personnel_id'),
});
