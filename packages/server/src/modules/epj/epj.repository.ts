import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { epjEvents, epjFeedHours, municipalities, serviceUnits } from '../../platform/db/schema.ts';
import { inMunicipality } from '../../platform/db/tenancy.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';

/** The EPJ API's own SQL: the client's municipality and the feed; feature modules query their own tables. */
export const epjRepository = {
  async municipalityByOrgNumber(q: Queryable, orgNumber: string) {
    const [row] = await q
      .select({ id: municipalities.id, name: municipalities.name })
      .from(municipalities)
      .where(eq(municipalities.orgNumber, orgNumber));
    return row ?? null;
  },

  /** The caller's municipality's events after `afterId`, oldest first; one more than `limit` to tell if more wait. */
  async eventsAfter(q: Queryable, ctx: RequestContext, afterId: number, limit: number) {
    return q
      .select({
        id: epjEvents.id,
        kind: epjEvents.kind,
        occurredAt: epjEvents.occurredAt,
        personId: epjEvents.personId,
        refs: epjEvents.refs,
        unitId: serviceUnits.id,
        unitName: serviceUnits.name,
      })
      .from(epjEvents)
      .leftJoin(serviceUnits, eq(serviceUnits.id, epjEvents.serviceUnitId))
      .where(and(inMunicipality(epjEvents.municipalityId, ctx), gt(epjEvents.id, afterId)))
      .orderBy(asc(epjEvents.id))
      .limit(limit + 1);
  },

  /**
   * Counts one read of the feed in the municipality's current hour (the evaluation's availability of the feed):
   * one upsert on a row per hour, so an EPJ polling every few seconds adds no table growth.
   */
  async countFeedRead(q: Queryable, ctx: RequestContext, failed: boolean) {
    await q
      .insert(epjFeedHours)
      .values({
        municipalityId: ctx.municipalityId as string,
        hour: sql`date_trunc('hour', now())`,
        polls: failed ? 0 : 1,
        failures: failed ? 1 : 0,
      })
      .onConflictDoUpdate({
        target: [epjFeedHours.municipalityId, epjFeedHours.hour],
        set: {
          polls: sql`${epjFeedHours.polls} + ${failed ? 0 : 1}`,
          failures: sql`${epjFeedHours.failures} + ${failed ? 1 : 0}`,
        },
      });
  },
};
