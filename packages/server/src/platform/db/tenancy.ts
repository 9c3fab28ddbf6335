import { eq, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { ForbiddenError } from '../errors.ts';
import type { RequestContext } from '../http/request-context.ts';

/**
 * Tables that hold a municipality's own data. Each carries a NOT NULL `municipality_id` and every repository
 * query on it goes through `inMunicipality`. `tenancy.test.ts` fails when a table is in neither list, so a new
 * table has to be classified when it is added.
 */
export const MUNICIPAL_TABLES = [
  'service_units',
  'personnel_roles',
  'care_relations',
  'emergency_access_grants',
  // Dialog (issue 5): a conversation, its messages and attachments belong to the unit's municipality.
  'service_unit_absences',
  'dialog_conversations',
  'dialog_messages',
  'dialog_attachments',
  // EPJ integration (issue 5): the event feed an EPJ polls is its municipality's.
  'epj_events',
  // Appointments (issue 6): types, availability rules, slots, appointments, requests, completed visits and the
  // per-citizen hiding of staff names all belong to the unit's municipality.
  'appointment_types',
  'appointment_availability_rules',
  'appointment_slots',
  'appointments',
  'appointment_requests',
  'completed_visits',
  'hospital_admissions',
  'appointment_staff_name_hidings',
  // Agreements (issue 12): a municipality's acceptance of terms and its DigiFin record.
  'terms_acceptances',
  'municipality_digifin',
  // Services (issue 12): a municipality's data processing agreements, its services' status and their history.
  'data_processing_agreements',
  'municipality_services',
  'municipality_service_history',
  // Support and evaluation (issue 12): the municipality's ICT operations vendor, its staff's support requests, and
  // its EPJ's reads of the event feed per hour.
  'ict_operations_vendors',
  'support_requests',
  'epj_feed_hours',
  // Termination (issue 12): a municipality's notices, its own and one per operator wind-down.
  'service_terminations',
  // Letters (issue 13): a letter belongs to the sending unit's municipality.
  'letters',
] as const;

/**
 * Tables that are national or platform-wide on purpose: the municipalities themselves, the population and
 * personnel registers (one person may receive services in several municipalities), the platform operator's
 * staff, sessions, the audit log (one chain for the installation; entries carry the municipality as a column)
 * and the outbox (jobs carry the municipality where one applies). Parental responsibility is Folkeregisteret's and
 * a fullmakt is between two citizens (as on Helsenorge), so neither belongs to one municipality.
 */
export const PLATFORM_TABLES = [
  'schema_migrations',
  'municipalities',
  'persons',
  'personnel',
  'operators',
  'sessions',
  'audit_log',
  'audit_chain_head',
  'jobs',
  'parental_responsibilities',
  'fullmakter',
  // The population register's change feed (issue 12): national, as the persons it changes.
  'population_register_events',
  // PLO message hub (issue 4): one address register and one message store for the installation. A hospital's
  // services and a message to an unknown receiver belong to no municipality, so these carry municipality_id
  // as a column where one applies; reads for personnel go through the receiving party's municipality.
  'plo_parties',
  'plo_partner_credentials',
  'plo_messages',
  'plo_inbox',
  'plo_apprecs',
  // Big messages (issue 10): a large message's raw bytes after the first part, stored with it.
  'plo_message_parts',
  // Sending (issue 4): an outgoing message's status history, and the tokens we present to partner organisations.
  'plo_message_events',
  'plo_outgoing_credentials',
  // Monitoring (issue 14): alerts about a hosted service's messages, scoped by the service like its messages.
  'plo_alerts',
  'plo_rejected_triage',
  // Notifications (issue 5): a person's choice holds whichever municipality writes; notices and the development
  // capture store are the outbox's bookkeeping.
  'notification_preferences',
  'notification_notices',
  'notification_captures',
  // EPJ integration (issue 5): the development IdP's machine clients, as HelseID's client registry would be.
  'epj_clients',
  // Organisations (issue 12): the operator's list of EPJ products, which every municipality chooses from.
  'epj_products',
  // Appointments (issue 6): the opt-in to completed-visit notices is the person's own choice, like their
  // notification preferences, and holds whichever municipality visits them.
  'home_visit_notice_optins',
  // Agreements (issue 12): the terms versions, one set for every municipality.
  'terms_versions',
  // Services (issue 12): the service catalogue's versions, one for every municipality.
  'service_catalogue_versions',
  'service_catalogue_areas',
  'service_catalogue_services',
  // Termination (issue 12): the operator's wind-down of a service, for every municipality.
  'operator_wind_downs',
] as const;

/**
 * The tenant condition for a query on a municipal table: rows of the caller's municipality only. A caller with
 * no municipality (a citizen's or operator's context) is refused rather than given every municipality's rows.
 * @param column - the table's municipality_id column
 * @param ctx - the caller's context
 */
export function inMunicipality(column: PgColumn, ctx: RequestContext): SQL {
  if (!ctx.municipalityId) {
    throw new ForbiddenError('Forespørselen mangler kommune.', 'no_municipality');
  }
  return eq(column, ctx.municipalityId);
}
