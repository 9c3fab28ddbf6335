import type { AppointmentRequest, RequestStatus } from '@helsebro/contracts';
import { aliasedTable, and, asc, count, eq, inArray, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { fullName } from '../../platform/db/full-name.ts';
import { appointmentRequests, persons } from '../../platform/db/schema.ts';
import { inMunicipality } from '../../platform/db/tenancy.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';

/** The SQL for a citizen's requests about an appointment (a cancellation needing acceptance, a new time). */

export type RequestRow = typeof appointmentRequests.$inferSelect;
type NewRequest = typeof appointmentRequests.$inferInsert;

const requester = aliasedTable(persons, 'requester');
const citizen = aliasedTable(persons, 'citizen');

/** Requests matching `where`, oldest first, with who asked ("X på vegne av Y" for a representative). */
async function loadRequests(q: Queryable, where: SQL | undefined): Promise<AppointmentRequest[]> {
  const rows = await q
    .select({
      r: appointmentRequests,
      requester: fullName(requester),
      principal: fullName(citizen),
    })
    .from(appointmentRequests)
    .innerJoin(requester, eq(requester.id, appointmentRequests.requestedByPersonId))
    .innerJoin(citizen, eq(citizen.id, appointmentRequests.personId))
    .where(where)
    .orderBy(asc(appointmentRequests.createdAt));
  return rows.map(({ r, requester: by, principal }) => ({
    id: r.id,
    appointmentId: r.appointmentId,
    kind: r.kind,
    status: r.status,
    comment: r.comment,
    reason: r.reason,
    requestedBy: r.requestedByPersonId === r.personId ? by : `${by} på vegne av ${principal}`,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    response: r.response,
  }));
}

/**
 * The requests about some appointments in the given states, oldest first.
 * @param q - database or transaction
 * @param appointmentIds - the appointments (already scoped by the caller)
 * @param statuses - which states
 */
export const requestsOfAppointments = (q: Queryable, appointmentIds: string[], statuses: RequestStatus[]) =>
  loadRequests(
    q,
    and(inArray(appointmentRequests.appointmentId, appointmentIds), inArray(appointmentRequests.status, statuses)),
  );

/** One request as the citizen and the staff see it. */
export async function requestById(q: Queryable, id: string): Promise<AppointmentRequest | undefined> {
  return (await loadRequests(q, eq(appointmentRequests.id, id)))[0];
}

/**
 * A unit's requests, optionally in one state, oldest first.
 * @param ctx - the caller (tenant filter)
 */
export const requestsOfUnit = (q: Queryable, ctx: RequestContext, unitId: string, status: RequestStatus | undefined) =>
  loadRequests(
    q,
    and(
      eq(appointmentRequests.serviceUnitId, unitId),
      inMunicipality(appointmentRequests.municipalityId, ctx),
      status ? eq(appointmentRequests.status, status) : undefined,
    ),
  );

/** The request's row, in the caller's municipality only. */
export async function requestRowInMunicipality(
  q: Queryable,
  ctx: RequestContext,
  id: string,
): Promise<RequestRow | undefined> {
  const [row] = await q
    .select()
    .from(appointmentRequests)
    .where(and(eq(appointmentRequests.id, id), inMunicipality(appointmentRequests.municipalityId, ctx)));
  return row;
}

/** Open requests per unit, for the staff's unit list. */
export async function pendingRequestCounts(q: Queryable, ctx: RequestContext, unitIds: string[]) {
  return q
    .select({ unitId: appointmentRequests.serviceUnitId, n: count() })
    .from(appointmentRequests)
    .where(
      and(
        inArray(appointmentRequests.serviceUnitId, unitIds),
        eq(appointmentRequests.status, 'pending'),
        inMunicipality(appointmentRequests.municipalityId, ctx),
      ),
    )
    .groupBy(appointmentRequests.serviceUnitId);
}

/**
 * Inserts a request; undefined when the appointment already has an open one (a unique index allows one).
 * @param q - the open transaction
 */
export async function insertRequest(q: Queryable, values: NewRequest): Promise<RequestRow | undefined> {
  const [row] = await q.insert(appointmentRequests).values(values).onConflictDoNothing().returning();
  return row;
}

/**
 * Answers an open request; undefined when it is no longer open (answered or withdrawn meanwhile).
 * @param q - the open transaction
 */
export async function decideRequest(
  q: Queryable,
  id: string,
  answer: Pick<RequestRow, 'status' | 'decidedAt' | 'decidedByPersonnelId' | 'response'>,
): Promise<RequestRow | undefined> {
  const [row] = await q
    .update(appointmentRequests)
    .set(answer)
    .where(and(eq(appointmentRequests.id, id), eq(appointmentRequests.status, 'pending')))
    .returning();
  return row;
}

/** Withdraws the open request about an appointment, e.g. when the unit cancels it. */
export async function withdrawPendingRequests(q: Queryable, appointmentId: string, now: Date): Promise<void> {
  await q
    .update(appointmentRequests)
    .set({ status: 'withdrawn', decidedAt: now })
    .where(and(eq(appointmentRequests.appointmentId, appointmentId), eq(appointmentRequests.status, 'pending')));
}
