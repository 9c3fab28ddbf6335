import { and, desc, eq, inArray, isNotNull, isNull, sql, type Column, type SQL } from 'drizzle-orm';
import type { HospitalState } from '@helsebro/contracts';
import type { Queryable } from '../../platform/db/client.ts';
import { qualified } from '../../platform/db/qualified.ts';
import { hospitalAdmissions, persons } from '../../platform/db/schema.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';

/**
 * A citizen's hospital stay as their home care unit needs to see it (issue 15). The admissions are written by
 * appointments' hospital-admissions.ts from received PLO messages; this is the one reading of them that care's
 * citizen list and appointments' "Mine besøk i dag" share.
 */

/**
 * The citizen's hospital state for the unit: `admitted` while an admission is open; `review` after the latest
 * admission ended, until a health worker marks the plan reviewed ("Gjennomgått") or a visit is done after the
 * discharge; else null.
 */
export const hospitalStateOf = (row: { municipalityId: Column | SQL; personId: Column }) =>
  sql<HospitalState | null>`(SELECT CASE WHEN h.discharged_at IS NULL THEN 'admitted'
      WHEN h.reviewed_at IS NULL AND NOT EXISTS (SELECT 1 FROM completed_visits v WHERE v.municipality_id = h.municipality_id
        AND v.person_id = h.person_id AND v.performed_at >= h.discharged_at) THEN 'review' END
    FROM hospital_admissions h
    WHERE h.municipality_id = ${qualified(row.municipalityId)} AND h.person_id = ${qualified(row.personId)}
    ORDER BY h.admitted_at DESC LIMIT 1)`;

/**
 * The hospital state of each of some citizens in the caller's municipality, for those that have one.
 * @param ctx - a personnel context (its municipality scopes the admissions)
 */
export async function hospitalStatesOf(
  q: Queryable,
  ctx: RequestContext,
  personIds: string[],
): Promise<Map<string, HospitalState>> {
  if (personIds.length === 0 || !ctx.municipalityId) {
    return new Map();
  }
  const rows = await q
    .select({
      id: persons.id,
      state: hospitalStateOf({ municipalityId: sql`${ctx.municipalityId}::uuid`, personId: persons.id }),
    })
    .from(persons)
    .where(inArray(persons.id, personIds));
  return new Map(rows.flatMap((r) => (r.state ? [[r.id, r.state] as const] : [])));
}

/**
 * When the citizen's open admission in a municipality began, as the reason a visit is paused ("innlagt siden …").
 */
export const admittedSinceOf = (row: { municipalityId: Column | SQL; personId: Column }) =>
  sql<string | null>`(SELECT to_char(h.admitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    FROM hospital_admissions h
    WHERE h.municipality_id = ${qualified(row.municipalityId)} AND h.person_id = ${qualified(row.personId)}
      AND h.discharged_at IS NULL LIMIT 1)`;

/**
 * The admission whose discharge the unit is still to review: the citizen's latest admission in the caller's
 * municipality, when it is in state `review`. Locked, so two health workers pressing "Gjennomgått" at once record
 * one review.
 */
export async function admissionToReview(
  q: Queryable,
  ctx: RequestContext,
  personId: string,
): Promise<{ id: string } | null> {
  if (!ctx.municipalityId) {
    return null;
  }
  const [latest] = await q
    .select({ id: hospitalAdmissions.id, state: hospitalStateOf(hospitalAdmissions) })
    .from(hospitalAdmissions)
    .where(and(eq(hospitalAdmissions.municipalityId, ctx.municipalityId), eq(hospitalAdmissions.personId, personId)))
    .orderBy(desc(hospitalAdmissions.admittedAt))
    .limit(1)
    .for('update');
  return latest?.state === 'review' ? { id: latest.id } : null;
}

/** Records the unit's review of the plan after the discharge: who and when. */
export async function markAdmissionReviewed(
  q: Queryable,
  id: string,
  personnelId: string,
  at: Date,
): Promise<{ reviewedAt: Date } | null> {
  const [row] = await q
    .update(hospitalAdmissions)
    .set({ reviewedAt: at, reviewedByPersonnelId: personnelId })
    .where(
      and(
        eq(hospitalAdmissions.id, id),
        isNotNull(hospitalAdmissions.dischargedAt),
        isNull(hospitalAdmissions.reviewedAt),
      ),
    )
    .returning({ reviewedAt: hospitalAdmissions.reviewedAt });
  return row?.reviewedAt ? { reviewedAt: row.reviewedAt } : null;
}
