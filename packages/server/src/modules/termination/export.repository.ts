import { sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { MUNICIPAL_TABLES } from '../../platform/db/tenancy.ts';

/** One file pair of the export: a name and the SELECT that gives exactly that municipality's rows. */
export type ExportTable = { name: string; select: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Columns a municipal table's export leaves out or replaces: the attachments' bytes go in as files of their own
 * (see export.service.ts), not as hex in every row.
 */
const MUNICIPAL_OVERRIDES: Partial<Record<(typeof MUNICIPAL_TABLES)[number], (m: string) => string>> = {
  dialog_attachments: (m) =>
    `SELECT id, municipality_id, message_id, filename, content_type, size_bytes, sha256 FROM dialog_attachments
     WHERE municipality_id = ${m} ORDER BY id`,
};

/**
 * Every table of what the municipality controls, each query scoped to it. Every municipal table (tenancy.ts) is in
 * by construction — a table added later is exported without a change here — plus the platform tables' rows that
 * are the municipality's: itself, its staff and the persons its records name, its EPJ clients (no secret: only
 * how they authenticate and their public keys), its PLO messages (metadata and parsed content, not the raw
 * bytes), the notices sent from its units, and its audit entries. The id is checked to be a UUID before it goes
 * into the text: cursors are declared without bind parameters.
 * @param municipalityId - the municipality exported
 */
export function exportTables(municipalityId: string): ExportTable[] {
  if (!UUID.test(municipalityId)) {
    throw new Error('municipality id is not a UUID');
  }
  const m = `'${municipalityId}'::uuid`;
  const units = `SELECT id FROM service_units WHERE municipality_id = ${m}`;
  const messages = `SELECT id FROM plo_messages WHERE municipality_id = ${m}`;
  const personIds = [
    `SELECT person_id FROM care_relations WHERE municipality_id = ${m}`,
    `SELECT person_id FROM dialog_conversations WHERE municipality_id = ${m}`,
    `SELECT started_by_person_id FROM dialog_conversations WHERE municipality_id = ${m}`,
    `SELECT author_person_id FROM dialog_messages WHERE municipality_id = ${m}`,
    `SELECT person_id FROM appointments WHERE municipality_id = ${m}`,
    `SELECT booked_by_person_id FROM appointments WHERE municipality_id = ${m}`,
    `SELECT requested_by_person_id FROM appointment_requests WHERE municipality_id = ${m}`,
    `SELECT person_id FROM completed_visits WHERE municipality_id = ${m}`,
  ].join(' UNION ');
  const personnelIds = [
    `SELECT personnel_id FROM personnel_roles WHERE municipality_id = ${m}`,
    `SELECT author_personnel_id FROM dialog_messages WHERE municipality_id = ${m}`,
    `SELECT created_by_personnel_id FROM care_relations WHERE municipality_id = ${m}`,
    `SELECT staff_personnel_id FROM appointments WHERE municipality_id = ${m}`,
    `SELECT staff_personnel_id FROM completed_visits WHERE municipality_id = ${m}`,
  ].join(' UNION ');
  const platform: ExportTable[] = [
    { name: 'municipality', select: `SELECT * FROM municipalities WHERE id = ${m}` },
    { name: 'personnel', select: `SELECT * FROM personnel WHERE id IN (${personnelIds}) ORDER BY id` },
    { name: 'persons', select: `SELECT * FROM persons WHERE id IN (${personIds}) ORDER BY id` },
    {
      name: 'epj_clients',
      select: `SELECT client_id, client_name, org_number, scope, municipality_id, created_at, revoked_at,
        CASE WHEN jwks IS NULL THEN 'client_secret_basic' ELSE 'private_key_jwt' END AS auth_method, jwks
        FROM epj_clients WHERE municipality_id = ${m} ORDER BY client_id`,
    },
    {
      name: 'plo_messages',
      select: `SELECT id, direction, status, msg_id, msg_type, content_standard, content_version, forsendelsesstatus,
        gen_date, conversation_parent, conversation_root, sender_her_id, sender_party_her_id, receiver_her_id,
        receiver_party_her_id, sender_party_id, receiver_party_id, municipality_id, patient_nin, patient_id_type,
        patient_person_id, raw_sha256, parsed, problems, received_at, updated_at
        FROM plo_messages WHERE municipality_id = ${m} ORDER BY received_at, id`,
    },
    { name: 'plo_inbox', select: `SELECT * FROM plo_inbox WHERE municipality_id = ${m} ORDER BY created_at, id` },
    {
      name: 'plo_apprecs',
      select: `SELECT id, direction, apprec_id, message_id, answering_her_id, party_id, role, status, errors,
        original_msg_id, delivery, created_at, delivered_at FROM plo_apprecs WHERE message_id IN (${messages})
        ORDER BY created_at, id`,
    },
    {
      name: 'plo_message_events',
      select: `SELECT * FROM plo_message_events WHERE message_id IN (${messages}) ORDER BY id`,
    },
    {
      name: 'notification_notices',
      select: `SELECT id, event_key, person_id, service_unit_id, channel, template, state, created_at, sent_at
        FROM notification_notices WHERE service_unit_id IN (${units}) ORDER BY id`,
    },
    { name: 'audit_log', select: `SELECT * FROM audit_log WHERE municipality_id = ${m} ORDER BY id` },
  ];
  const municipal = MUNICIPAL_TABLES.map((table) => ({
    name: table,
    select: MUNICIPAL_OVERRIDES[table]?.(m) ?? `SELECT * FROM ${table} WHERE municipality_id = ${m} ORDER BY 1`,
  }));
  return [...platform, ...municipal];
}

/** The attachments whose bytes go into the export as files, one at a time. */
export const attachmentFilesSelect = (municipalityId: string) =>
  `SELECT id, filename, sha256, content FROM dialog_attachments WHERE municipality_id = '${municipalityId}'::uuid
   ORDER BY id`;

/** The column names of a select, from a query that returns no row. */
export async function columnsOf(q: Queryable, select: string): Promise<string[]> {
  const res = (await q.execute(sql.raw(`SELECT * FROM (${select}) x LIMIT 0`))) as unknown as {
    fields: Array<{ name: string }>;
  };
  return res.fields.map((f) => f.name);
}

/**
 * The rows of a select, a batch at a time through a cursor in the caller's transaction, so memory holds one batch
 * whatever the table's size.
 * @param q - an open transaction (a cursor lives until its end)
 * @param select - the query
 * @param asJson - rows as `row_to_json` (timestamps as ISO text, arrays and JSON as they are) or as the driver gives
 * @param batch - rows per FETCH
 */
export async function* cursorRows(
  q: Queryable,
  select: string,
  asJson: boolean,
  batch = 500,
): AsyncGenerator<Record<string, unknown>> {
  const text = asJson ? `SELECT row_to_json(x) AS r FROM (${select}) x` : select;
  await q.execute(sql.raw(`DECLARE export_rows NO SCROLL CURSOR FOR ${text}`));
  try {
    for (;;) {
      const { rows } = (await q.execute(sql.raw(`FETCH ${batch} FROM export_rows`))) as unknown as {
        rows: Array<Record<string, unknown>>;
      };
      for (const row of rows) {
        yield asJson ? (row.r as Record<string, unknown>) : row;
      }
      if (rows.length < batch) {
        break;
      }
    }
  } finally {
    await q.execute(sql.raw('CLOSE export_rows'));
  }
}

/** Timestamps in the export's JSON and CSV in UTC, whatever the server's or session's zone. */
export async function exportSession(q: Queryable): Promise<void> {
  await q.execute(sql.raw("SET LOCAL TimeZone = 'UTC'"));
}
