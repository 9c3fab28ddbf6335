import { aliasedTable, and, desc, eq, gte, isNull, ne, or, sql } from 'drizzle-orm';
import type { FullmaktEndReason, ServiceArea } from '@helsebro/contracts';
import type { Queryable } from '../../platform/db/client.ts';
import { auditLog, fullmakter, persons } from '../../platform/db/schema.ts';

export type FullmaktRow = typeof fullmakter.$inferSelect;
export type NamedFullmaktRow = FullmaktRow & {
  giverName: string;
  holderName: string;
  endedByName: string | null;
  /** Folkeregisteret's date of death of either party: a fullmakt lapses with a death. */
  giverDeceasedOn: string | null;
  holderDeceasedOn: string | null;
};

const giver = aliasedTable(persons, 'giver');
const holder = aliasedTable(persons, 'holder');
const endedBy = aliasedTable(persons, 'ended_by');

function namedQuery(q: Queryable) {
  return q
    .select({
      f: fullmakter,
      giverName: sql<string>`${giver.givenName} || ' ' || ${giver.familyName}`,
      holderName: sql<string>`${holder.givenName} || ' ' || ${holder.familyName}`,
      endedByName: sql<string | null>`${endedBy.givenName} || ' ' || ${endedBy.familyName}`,
      giverDeceasedOn: giver.deceasedOn,
      holderDeceasedOn: holder.deceasedOn,
    })
    .from(fullmakter)
    .innerJoin(giver, eq(giver.id, fullmakter.giverId))
    .innerJoin(holder, eq(holder.id, fullmakter.holderId))
    .leftJoin(endedBy, eq(endedBy.id, fullmakter.endedByPersonId));
}

const flatten = (r: { f: FullmaktRow } & Omit<NamedFullmaktRow, keyof FullmaktRow>): NamedFullmaktRow => ({
  ...r.f,
  giverName: r.giverName,
  holderName: r.holderName,
  endedByName: r.endedByName,
  giverDeceasedOn: r.giverDeceasedOn,
  holderDeceasedOn: r.holderDeceasedOn,
});

/**
 * How many name lookups (fullmakt.holder_lookup) the citizen has made since an instant, refused ones included
 * (index audit_log_holder_lookup_idx, migration 0020).
 * @param q - database or open transaction
 */
export async function countHolderLookups(q: Queryable, personId: string, since: Date): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, 'fullmakt.holder_lookup'),
        eq(auditLog.actorKind, 'citizen'),
        eq(auditLog.actorId, personId),
        gte(auditLog.occurredAt, since),
      ),
    );
  return Number(row?.n ?? 0);
}

/**
 * Every fullmakt a person has given or received, ended ones included, newest first, with the names.
 * @param q - database or open transaction
 */
export async function listFullmakter(q: Queryable, personId: string): Promise<NamedFullmaktRow[]> {
  const rows = await namedQuery(q)
    .where(or(eq(fullmakter.giverId, personId), eq(fullmakter.holderId, personId)))
    .orderBy(desc(fullmakter.createdAt), desc(fullmakter.id));
  return rows.map(flatten);
}

/**
 * One fullmakt with the names, locked for update when inside a transaction that will end it.
 * @param q - database or open transaction
 */
export async function findFullmakt(q: Queryable, id: string, forUpdate = false): Promise<NamedFullmaktRow | null> {
  if (forUpdate) {
    await q.execute(sql`SELECT id FROM fullmakter WHERE id = ${id} FOR UPDATE`);
  }
  const [row] = await namedQuery(q).where(eq(fullmakter.id, id)).limit(1);
  return row ? flatten(row) : null;
}

/**
 * Live fullmakter from the giver to the holder whose period overlaps [from, to] and that share a service area.
 * @param q - the open transaction (the giver's row is locked)
 * @param exceptId - a fullmakt to leave out (the one being replaced)
 */
export async function findOverlapping(
  q: Queryable,
  p: { giverId: string; holderId: string; from: string; to: string | null; areas: readonly ServiceArea[] },
  exceptId: string | null = null,
): Promise<FullmaktRow[]> {
  const areas = sql.join(
    p.areas.map((a) => sql`${a}`),
    sql`, `,
  );
  return q
    .select()
    .from(fullmakter)
    .where(
      and(
        eq(fullmakter.giverId, p.giverId),
        eq(fullmakter.holderId, p.holderId),
        isNull(fullmakter.endedAt),
        exceptId ? ne(fullmakter.id, exceptId) : undefined,
        sql`${fullmakter.serviceAreas} && ARRAY[${areas}]::text[]`,
        sql`${fullmakter.validFrom} <= COALESCE(${p.to}::date, 'infinity'::date)`,
        sql`COALESCE(${fullmakter.validTo}, 'infinity'::date) >= ${p.from}::date`,
      ),
    );
}

/**
 * Inserts a fullmakt.
 * @param q - the open transaction
 */
export async function insertFullmakt(q: Queryable, row: typeof fullmakter.$inferInsert): Promise<FullmaktRow> {
  const [inserted] = await q.insert(fullmakter).values(row).returning();
  return inserted!;
}

/**
 * Ends a fullmakt that has not ended yet; null when it already had.
 * @param q - the open transaction
 */
export async function endFullmakt(
  q: Queryable,
  id: string,
  end: { at: Date; byPersonId: string; reason: Exclude<FullmaktEndReason, 'giver_deceased' | 'holder_deceased'> },
): Promise<FullmaktRow | null> {
  const [row] = await q
    .update(fullmakter)
    .set({ endedAt: end.at, endedByPersonId: end.byPersonId, endReason: end.reason })
    .where(and(eq(fullmakter.id, id), isNull(fullmakter.endedAt)))
    .returning();
  return row ?? null;
}
