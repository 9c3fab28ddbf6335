import { and, asc, eq, gt } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { epjEvents, municipalities, serviceUnits } from '../../platform/db/schema.ts';
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
};
