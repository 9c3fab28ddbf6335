import { createHmac } from 'node:crypto';

/**
 * What the chain hashes: one audit entry as the database holds it, every value read as text in SQL so the bytes
 * are the same on PGlite and PostgreSQL (the drivers differ in how they return int8 and timestamps, and a JS Date
 * would drop the microseconds).
 */
export type ChainEntry = {
  id: string;
  occurredAt: string;
  requestId: string | null;
  actorKind: string;
  actorId: string | null;
  actingForPersonId: string | null;
  subjectPersonId: string | null;
  municipalityId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  purpose: string | null;
  emergency: boolean;
  outcome: string;
  /** The jsonb column as text; parsed and re-serialised with sorted keys before hashing. */
  details: string;
};

/** A sealed (or unsealed) row: the entry plus its seal. */
export type ChainRow = ChainEntry & { seq: number | null; prevHash: string | null; hash: string | null };

/** The hash a chain starts from; migration 0001 seeds `audit_chain_head` with it. */
export const GENESIS_HASH = 'genesis';

/**
 * A timestamptz expression as ISO 8601 text in UTC with microseconds, the same on every engine.
 * @param expression - SQL, e.g. a column name
 */
export const utcText = (expression: string): string =>
  `to_char(${expression} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The select list that reads an audit_log row as a ChainRow. `occurred_at` goes through `utcText`, uuids and int8
 * as text, the details as jsonb text.
 */
export const CHAIN_ROW_COLUMNS = `id::text AS id, seq::text AS seq, prev_hash, hash,
  ${utcText('occurred_at')} AS occurred_at,
  request_id, actor_kind, actor_id, acting_for_person_id::text AS acting_for_person_id,
  subject_person_id::text AS subject_person_id, municipality_id::text AS municipality_id, action, resource_type,
  resource_id, purpose, emergency, outcome, details::text AS details`;

type RawChainRow = {
  id: string;
  seq: string | null;
  prev_hash: string | null;
  hash: string | null;
  occurred_at: string;
  request_id: string | null;
  actor_kind: string;
  actor_id: string | null;
  acting_for_person_id: string | null;
  subject_person_id: string | null;
  municipality_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  purpose: string | null;
  emergency: boolean;
  outcome: string;
  details: string;
};

/**
 * Maps a row selected with CHAIN_ROW_COLUMNS.
 * @param r - the raw row, snake_case as the database names the columns
 */
export function toChainRow(r: Record<string, unknown>): ChainRow {
  const row = r as RawChainRow;
  return {
    id: String(row.id),
    seq: row.seq === null ? null : Number(row.seq),
    prevHash: row.prev_hash,
    hash: row.hash,
    occurredAt: row.occurred_at,
    requestId: row.request_id,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    actingForPersonId: row.acting_for_person_id,
    subjectPersonId: row.subject_person_id,
    municipalityId: row.municipality_id,
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    purpose: row.purpose,
    emergency: row.emergency === true || String(row.emergency) === 't' || String(row.emergency) === 'true',
    outcome: row.outcome,
    details: row.details,
  };
}

/**
 * JSON with object keys sorted at every depth and no whitespace, so equal values always give equal bytes.
 * @param value - a JSON value (as JSON.parse returns it)
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  const entries = Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/**
 * The canonical serialisation of an entry's content: every content column including the id, nulls explicit,
 * keys sorted. The seal columns (seq, prev_hash, hash) are not content: the order is bound by prev_hash.
 * @param e - the entry
 */
export function canonicalEntry(e: ChainEntry): string {
  return canonicalJson({
    id: e.id,
    occurred_at: e.occurredAt,
    request_id: e.requestId,
    actor_kind: e.actorKind,
    actor_id: e.actorId,
    acting_for_person_id: e.actingForPersonId,
    subject_person_id: e.subjectPersonId,
    municipality_id: e.municipalityId,
    action: e.action,
    resource_type: e.resourceType,
    resource_id: e.resourceId,
    purpose: e.purpose,
    emergency: e.emergency,
    outcome: e.outcome,
    details: JSON.parse(e.details) as unknown,
  });
}

/**
 * An entry's link in the chain: HMAC-SHA256 keyed with the installation's audit key over the previous entry's
 * hash and this entry's canonical content. Without the key nobody can forge a link, even with write access to
 * the table.
 * @param key - `config.auditKey`
 * @param prevHash - the previous entry's hash, or GENESIS_HASH for the first
 * @param entry - the entry to seal
 */
export function chainHash(key: string, prevHash: string, entry: ChainEntry): string {
  return createHmac('sha256', key).update(prevHash).update('\n').update(canonicalEntry(entry)).digest('hex');
}
