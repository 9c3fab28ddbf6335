import { and, desc, eq, gte, inArray, lt, notInArray, or, sql, type SQL } from 'drizzle-orm';
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

export type LogFilter = {
  from?: Date | undefined;
  /** Exclusive. */
  to?: Date | undefined;
  /** A municipality id (its personnel), or `private` (citizens: the person and their representatives). */
  organisation?: string | undefined;
  /** Only entries with a smaller id (the previous page's last). */
  before?: number | undefined;
  limit: number;
};

export type LogRow = {
  id: number;
  occurredAt: Date;
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
  return and(
    eq(auditLog.subjectPersonId, subjectId),
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
 * @param q - database or open transaction
 * @param subjectId - the person whose data was read or changed
 */
export async function listEntries(q: Queryable, subjectId: string, f: LogFilter): Promise<LogRow[]> {
  return q
    .select({
      id: auditLog.id,
      occurredAt: auditLog.occurredAt,
      actorKind: auditLog.actorKind,
      actorId: auditLog.actorId,
      actingForPersonId: auditLog.actingForPersonId,
      municipalityId: auditLog.municipalityId,
      municipalityName: municipalities.name,
      action: auditLog.action,
      purpose: auditLog.purpose,
      emergency: auditLog.emergency,
      outcome: auditLog.outcome,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(municipalities, eq(municipalities.id, auditLog.municipalityId))
    .where(conditions(subjectId, f))
    .orderBy(desc(auditLog.id))
    .limit(f.limit + 1);
}

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
