import { and, count, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import {
  epjProducts,
  ictOperationsVendors,
  municipalities,
  personnel,
  serviceUnits,
  supportRequests,
} from '../../platform/db/schema.ts';
import { inMunicipality } from '../../platform/db/tenancy.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';

export type SupportRequestRow = typeof supportRequests.$inferSelect;
export type Contact = { name: string; email: string | null; phone: string | null };
export type Paging = { offset: number; limit: number };

// --- Recipients ---

export async function ictVendorOf(q: Queryable, ctx: RequestContext): Promise<Contact | null> {
  const [row] = await q
    .select({ name: ictOperationsVendors.name, email: ictOperationsVendors.email, phone: ictOperationsVendors.phone })
    .from(ictOperationsVendors)
    .where(inMunicipality(ictOperationsVendors.municipalityId, ctx));
  return row ?? null;
}

export async function setIctVendor(
  q: Queryable,
  ctx: RequestContext,
  personnelId: string,
  vendor: { name: string; email: string; phone: string },
): Promise<void> {
  await q
    .insert(ictOperationsVendors)
    .values({ municipalityId: ctx.municipalityId as string, ...vendor, updatedByPersonnelId: personnelId })
    .onConflictDoUpdate({
      target: ictOperationsVendors.municipalityId,
      set: { ...vendor, updatedByPersonnelId: personnelId, updatedAt: sql`now()` },
    });
}

/** The support contact of the EPJ product the municipality registered (null: no product, or no contact on it). */
export async function epjVendorOf(q: Queryable, ctx: RequestContext) {
  const [row] = await q
    .select({
      product: epjProducts.name,
      vendor: epjProducts.vendor,
      name: epjProducts.supportName,
      email: epjProducts.supportEmail,
      phone: epjProducts.supportPhone,
    })
    .from(municipalities)
    .innerJoin(epjProducts, eq(epjProducts.id, municipalities.epjProductId))
    .where(inMunicipality(municipalities.id, ctx));
  return row ?? null;
}

export async function openUnit(q: Queryable, ctx: RequestContext, unitId: string) {
  const [row] = await q
    .select({ id: serviceUnits.id })
    .from(serviceUnits)
    .where(
      and(inMunicipality(serviceUnits.municipalityId, ctx), eq(serviceUnits.id, unitId), isNull(serviceUnits.closedAt)),
    );
  return row ?? null;
}

// --- Requests ---

export async function insertRequest(q: Queryable, values: typeof supportRequests.$inferInsert) {
  const [row] = await q.insert(supportRequests).values(values).returning({ id: supportRequests.id });
  return (row as { id: string }).id;
}

const listed = {
  request: supportRequests,
  municipalityName: municipalities.name,
  unitName: serviceUnits.name,
  filedBy: sql<string>`${personnel.givenName} || ' ' || ${personnel.familyName}`,
};

async function page(q: Queryable, where: SQL | undefined, p: Paging) {
  const [rows, [total]] = await Promise.all([
    q
      .select(listed)
      .from(supportRequests)
      .innerJoin(municipalities, eq(municipalities.id, supportRequests.municipalityId))
      .innerJoin(personnel, eq(personnel.id, supportRequests.filedByPersonnelId))
      .leftJoin(serviceUnits, eq(serviceUnits.id, supportRequests.serviceUnitId))
      .where(where)
      .orderBy(desc(supportRequests.createdAt), desc(supportRequests.id))
      .offset(p.offset)
      .limit(p.limit),
    q.select({ n: count() }).from(supportRequests).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type ListedRequest = Awaited<ReturnType<typeof page>>['rows'][number];

/** The caller's municipality's requests, newest first (`only`: one of them). */
export const municipalityRequests = (q: Queryable, ctx: RequestContext, p: Paging & { only?: string }) =>
  page(
    q,
    and(inMunicipality(supportRequests.municipalityId, ctx), p.only ? eq(supportRequests.id, p.only) : undefined),
    p,
  );

/**
 * The operator's queue across municipalities: only what was routed to the operator (a request to a vendor is
 * between the municipality and its vendor, seed 000 §5.1). `only` picks one of them.
 */
export const operatorRequests = (
  q: Queryable,
  p: Paging & { status?: SupportRequestRow['status'] | undefined; only?: string },
) =>
  page(
    q,
    and(
      eq(supportRequests.routedTo, 'operator'),
      p.status ? eq(supportRequests.status, p.status) : undefined,
      p.only ? eq(supportRequests.id, p.only) : undefined,
    ),
    p,
  );

/** Changes one of the operator's requests; null when there is none by that id routed to the operator. */
export async function updateOperatorRequest(
  q: Queryable,
  id: string,
  values: Partial<Pick<SupportRequestRow, 'status' | 'reply' | 'repliedAt' | 'repliedByOperatorId' | 'closedAt'>>,
) {
  const [row] = await q
    .update(supportRequests)
    .set(values)
    .where(and(eq(supportRequests.id, id), eq(supportRequests.routedTo, 'operator')))
    .returning({ id: supportRequests.id, municipalityId: supportRequests.municipalityId });
  return row ?? null;
}

export async function findOperatorRequest(q: Queryable, id: string) {
  const [row] = await q
    .select({ status: supportRequests.status, municipalityId: supportRequests.municipalityId })
    .from(supportRequests)
    .where(and(eq(supportRequests.id, id), eq(supportRequests.routedTo, 'operator')));
  return row ?? null;
}
