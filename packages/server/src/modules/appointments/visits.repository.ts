import type { CompletedVisit } from '@helsebro/contracts';
import { aliasedTable, and, eq, gte, inArray, lt, sql, type Column, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { fullName } from '../../platform/db/full-name.ts';
import {
  appointmentStaffNameHidings,
  completedVisits,
  homeVisitNoticeOptins,
  personnel,
  persons,
  serviceUnits,
} from '../../platform/db/schema.ts';
import { toOslo } from '../../platform/time/oslo-time.ts';

/** The SQL for completed home visits (A6) and the citizen's opt-in to a notice for each. */

type NewVisit = typeof completedVisits.$inferInsert;

const citizen = aliasedTable(persons, 'citizen');
const visitStaff = aliasedTable(personnel, 'visit_staff');

/**
 * The join condition of the unit's staff-name hiding for the citizen of a row (an appointment or a visit): a
 * left join on it finds a row where the unit hides its staff's names from that citizen.
 */
export const staffNamesHiddenFor = (row: { serviceUnitId: Column; personId: Column }) =>
  and(
    eq(appointmentStaffNameHidings.serviceUnitId, row.serviceUnitId),
    eq(appointmentStaffNameHidings.personId, row.personId),
  );

/**
 * Completed visits matching `where`, newest first.
 * @param forCitizen - hide the staff name where the unit hides names for the citizen
 */
async function loadVisits(q: Queryable, where: SQL | undefined, forCitizen: boolean): Promise<CompletedVisit[]> {
  const rows = await q
    .select({
      v: completedVisits,
      unitName: serviceUnits.name,
      citizenName: fullName(citizen),
      staffName: sql<string | null>`${fullName(visitStaff)}`,
      hidden: sql<boolean>`${appointmentStaffNameHidings.personId} IS NOT NULL`,
    })
    .from(completedVisits)
    .innerJoin(serviceUnits, eq(serviceUnits.id, completedVisits.serviceUnitId))
    .innerJoin(citizen, eq(citizen.id, completedVisits.personId))
    .leftJoin(visitStaff, eq(visitStaff.id, completedVisits.staffPersonnelId))
    .leftJoin(appointmentStaffNameHidings, staffNamesHiddenFor(completedVisits))
    .where(where)
    .orderBy(sql`${completedVisits.performedAt} DESC`);
  return rows.map(({ v, unitName, citizenName, staffName, hidden }) => {
    const local = toOslo(v.performedAt);
    return {
      id: v.id,
      appointmentId: v.appointmentId,
      citizen: { personId: v.personId, displayName: citizenName },
      unit: { id: v.serviceUnitId, name: unitName },
      localDate: local.date,
      localTime: local.time,
      performedAt: v.performedAt.toISOString(),
      endedAt: v.endedAt?.toISOString() ?? null,
      whatWasDone: v.whatWasDone,
      staffName: forCitizen && hidden ? null : staffName,
    };
  });
}

/** The visits recorded for some appointments (already scoped by the caller), as staff see them. */
export const visitsOfAppointments = (q: Queryable, appointmentIds: string[]) =>
  loadVisits(q, inArray(completedVisits.appointmentId, appointmentIds), false);

/** One visit as staff see it. */
export async function visitById(q: Queryable, id: string): Promise<CompletedVisit | undefined> {
  return (await loadVisits(q, eq(completedVisits.id, id), false))[0];
}

/**
 * A citizen's completed visits performed in [from, to), newest first, staff names hidden where the unit hides them.
 * @param period - either bound may be left open
 */
export const visitsOfPerson = (q: Queryable, personId: string, period: { from?: Date; to?: Date }) =>
  loadVisits(
    q,
    and(
      eq(completedVisits.personId, personId),
      period.from ? gte(completedVisits.performedAt, period.from) : undefined,
      period.to ? lt(completedVisits.performedAt, period.to) : undefined,
    ),
    true,
  );

/**
 * Records a visit; undefined when the appointment already has one (a unique index allows one).
 * @param q - the open transaction
 */
export async function insertVisit(q: Queryable, values: NewVisit) {
  const [row] = await q.insert(completedVisits).values(values).onConflictDoNothing().returning();
  return row;
}

/** Whether the person has opted in to completed-visit notices (their level is checked by the caller). */
export async function hasVisitNoticeOptIn(q: Queryable, personId: string): Promise<boolean> {
  const [opt] = await q.select().from(homeVisitNoticeOptins).where(eq(homeVisitNoticeOptins.personId, personId));
  return Boolean(opt);
}

/** Opts the person in to completed-visit notices, or out. */
export async function setVisitNoticeOptIn(q: Queryable, personId: string, optIn: boolean): Promise<void> {
  if (optIn) {
    await q.insert(homeVisitNoticeOptins).values({ personId }).onConflictDoNothing();
  } else {
    await q.delete(homeVisitNoticeOptins).where(eq(homeVisitNoticeOptins.personId, personId));
  }
}
