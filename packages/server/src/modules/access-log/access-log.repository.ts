import { ACCESS_LOG_GROUP_MINUTES, AUDIT_ACTIONS } from '@helsebro/contracts';
import { and, eq, gte, inArray, lt, not, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import {
  auditLog,
  municipalities,
  operators,
  persons,
  personnel,
  personnelRoles,
  serviceUnits,
} from '../../platform/db/schema.ts';

/** Entries that are not about the person's data: logging in and out, and listing whom one may represent. */
const NOT_SHOWN = ['session.create', 'session.end', 'representation.choices'];

/**
 * Reads: repeated ones of the same thing by the same caller are one line with a count. Changes are never grouped,
 * each is its own line.
 */
const GROUPED_ACTIONS = AUDIT_ACTIONS.filter(
  (a) => /\.(read|list|calendar|raw_read|status_read)$/.test(a) || a === 'representation.use',
);

/**
 * Loading a list page rather than opening something. The person's own list loads are not shown in their log (they
 * stay in the audit log): a normal week of using Helsebro would otherwise be thousands of own entries. Anyone
 * else's list load (a representative, staff) is shown.
 */
const OWN_LIST_LOADS = [
  'dialog.conversations.list',
  'dialog.units.read',
  'appointment.list',
  'completed_visit.list',
  'fullmakt.list',
  'health_contacts.read',
  'notification_preferences.read',
  'visit_notice_preference.read',
  'access_log.read',
];

/** Everything that must be equal for two entries to be one line; a change is keyed by its own id. */
const GROUP_KEY = sql.raw(
  `CASE WHEN action IN (${GROUPED_ACTIONS.map((a) => `'${a}'`).join(', ')}) THEN 0 ELSE id END, ` +
    'actor_kind, actor_id, acting_for_person_id, municipality_id, action, resource_type, resource_id, purpose, ' +
    'emergency, outcome, details',
);

export type LogFilter = {
  from?: Date | undefined;
  /** Exclusive. */
  to?: Date | undefined;
  /** A municipality id (its personnel), or `private` (citizens: the person and their representatives). */
  organisation?: string | undefined;
  /** Leave out the entries the person made themselves. */
  othersOnly?: boolean | undefined;
  /** Only entries with a smaller id (the previous page's last). */
  before?: number | undefined;
  limit: number;
};

export type LogRow = {
  /** The newest entry's id. */
  id: number;
  occurredAt: Date;
  firstOccurredAt: Date;
  /** How many audit entries the line stands for. */
  count: number;
  actorKind: 'citizen' | 'personnel' | 'operator' | 'system' | 'partner' | 'anonymous';
  actorId: string | null;
  actingForPersonId: string | null;
  municipalityId: string | null;
  municipalityName: string | null;
  action: string;
  purpose: string | null;
  emergency: boolean;
  outcome: 'success' | 'denied' | 'error';
  details: Record<string, unknown>;
};

/** Entries that belong to a municipality: its staff, and its record system through the EPJ API (modules/epj). */
const municipalActor = or(
  eq(auditLog.actorKind, 'personnel'),
  and(eq(auditLog.actorKind, 'partner'), eq(auditLog.purpose, 'epj_integration')),
);

function conditions(subjectId: string, f: LogFilter): SQL {
  const org =
    f.organisation === undefined
      ? undefined
      : f.organisation === 'private'
        ? eq(auditLog.actorKind, 'citizen')
        : and(municipalActor, eq(auditLog.municipalityId, f.organisation));
  const own = and(eq(auditLog.actorKind, 'citizen'), eq(auditLog.actorId, subjectId));
  return and(
    eq(auditLog.subjectPersonId, subjectId),
    not(and(own, inArray(auditLog.action, OWN_LIST_LOADS))!),
    f.othersOnly ? not(own!) : undefined,
    inArray(auditLog.outcome, ['success', 'denied']),
    notInArray(auditLog.action, NOT_SHOWN),
    f.from ? gte(auditLog.occurredAt, f.from) : undefined,
    f.to ? lt(auditLog.occurredAt, f.to) : undefined,
    f.before !== undefined ? lt(auditLog.id, f.before) : undefined,
    org,
  )!;
}

/**
 * The audit entries about a person, newest first, one page (limit + 1 rows, so the caller knows there is more).
 * Grouped at read time (gaps and islands): an entry starts a new line unless the same caller read the same thing
 * less than ACCESS_LOG_GROUP_MINUTES before. The sealed rows are never changed; every line says how many entries it
 * stands for and their first and last time, so nothing is hidden. The paging cursor is a line's newest entry id,
 * and the lines are formed over the whole filtered log before the cursor applies, so a page boundary never splits
 * a line.
 * @param q - database or open transaction
 * @param subjectId - the person whose data was read or changed
 */
export async function listEntries(q: Queryable, subjectId: string, f: LogFilter): Promise<LogRow[]> {
  const where = conditions(subjectId, { ...f, before: undefined });
  const minutes = sql.raw(`interval '${ACCESS_LOG_GROUP_MINUTES} minutes'`);
  const result = await q.execute<RawGroup>(sql`
    WITH marked AS (
      SELECT audit_log.*,
        CASE WHEN occurred_at - lag(occurred_at) OVER w <= ${minutes} THEN 0 ELSE 1 END AS starts
      FROM audit_log WHERE ${where}
      WINDOW w AS (PARTITION BY ${GROUP_KEY} ORDER BY occurred_at, id)
    ), numbered AS (
      SELECT marked.*, sum(starts) OVER (PARTITION BY ${GROUP_KEY} ORDER BY occurred_at, id) AS line FROM marked
    ), lines AS (
      SELECT max(id) AS id, max(occurred_at) AS last_at, min(occurred_at) AS first_at, count(*)::int AS n,
        actor_kind, actor_id, acting_for_person_id, municipality_id, action, purpose, emergency, outcome, details
      FROM numbered
      GROUP BY ${GROUP_KEY}, line
    )
    SELECT lines.*, municipalities.name AS municipality_name
    FROM lines LEFT JOIN municipalities ON municipalities.id = lines.municipality_id
    ${f.before !== undefined ? sql`WHERE lines.id < ${f.before}` : sql``}
    ORDER BY lines.id DESC
    LIMIT ${f.limit + 1}`);
  return result.rows.map((r) => ({
    id: Number(r.id),
    occurredAt: new Date(r.last_at),
    firstOccurredAt: new Date(r.first_at),
    count: Number(r.n),
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    actingForPersonId: r.acting_for_person_id,
    municipalityId: r.municipality_id,
    municipalityName: r.municipality_name,
    action: r.action,
    purpose: r.purpose,
    emergency: r.emergency,
    outcome: r.outcome,
    details: typeof r.details === 'string' ? (JSON.parse(r.details) as Record<string, unknown>) : r.details,
  }));
}

type RawGroup = {
  id: string | number;
  last_at: string | Date;
  first_at: string | Date;
  n: number | string;
  actor_kind: LogRow['actorKind'];
  actor_id: string | null;
  acting_for_person_id: string | null;
  municipality_id: string | null;
  municipality_name: string | null;
  action: string;
  purpose: string | null;
  emergency: boolean;
  outcome: LogRow['outcome'];
  details: Record<string, unknown> | string;
};

/**
 * The organisations whose personnel appear in the person's log, and whether citizens do, for the filter.
 * @param q - database or open transaction
 */
export async function listOrganisations(
  q: Queryable,
  subjectId: string,
): Promise<{ municipalities: Array<{ id: string; name: string }>; citizens: boolean }> {
  const base = conditions(subjectId, { limit: 0 });
  const munis = await q
    .selectDistinct({ id: municipalities.id, name: municipalities.name })
    .from(auditLog)
    .innerJoin(municipalities, eq(municipalities.id, auditLog.municipalityId))
    .where(and(base, municipalActor))
    .orderBy(municipalities.name);
  const [citizen] = await q
    .select({ one: sql<number>`1` })
    .from(auditLog)
    .where(and(base, eq(auditLog.actorKind, 'citizen')))
    .limit(1);
  return { municipalities: munis, citizens: citizen !== undefined };
}

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(s);

/**
 * Display names of persons, personnel and operators by id (ids that are not uuids are skipped).
 * @param q - database or open transaction
 */
export async function findNames(
  q: Queryable,
  ids: { persons: string[]; personnel: string[]; operators: string[] },
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const [table, list] of [
    [persons, ids.persons],
    [personnel, ids.personnel],
    [operators, ids.operators],
  ] as const) {
    const wanted = [...new Set(list.filter(isUuid))];
    if (wanted.length > 0) {
      const rows = await q
        .select({ id: table.id, given: table.givenName, family: table.familyName })
        .from(table)
        .where(inArray(table.id, wanted));
      for (const r of rows) {
        names.set(r.id, `${r.given} ${r.family}`);
      }
    }
  }
  return names;
}

/**
 * The roles (with unit names) of personnel, for entries that did not record the role when written.
 * @param q - database or open transaction
 */
export async function findRoles(
  q: Queryable,
  personnelIds: string[],
): Promise<Array<{ personnelId: string; municipalityId: string; role: string; unit: string | null }>> {
  const wanted = [...new Set(personnelIds.filter(isUuid))];
  if (wanted.length === 0) {
    return [];
  }
  return q
    .select({
      personnelId: personnelRoles.personnelId,
      municipalityId: personnelRoles.municipalityId,
      role: personnelRoles.role,
      unit: serviceUnits.name,
    })
    .from(personnelRoles)
    .leftJoin(serviceUnits, eq(serviceUnits.id, personnelRoles.serviceUnitId))
    .where(inArray(personnelRoles.personnelId, wanted))
    .orderBy(personnelRoles.role, serviceUnits.name);
}
