import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { persons, personnel, personnelRoles } from '../../platform/db/schema.ts';
import { inMunicipality } from '../../platform/db/tenancy.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';

/** What the dialog's EPJ side reads besides the conversation: the health worker named, and the citizen's number. */
export const dialogEpjRepository = {
  /** A health worker by HPR number who works in the caller's municipality. */
  async workerInMunicipality(q: Queryable, ctx: RequestContext, hprNumber: string) {
    const [row] = await q
      .select({ id: personnel.id, givenName: personnel.givenName, familyName: personnel.familyName })
      .from(personnel)
      .innerJoin(personnelRoles, eq(personnelRoles.personnelId, personnel.id))
      .where(and(eq(personnel.hprNumber, hprNumber), inMunicipality(personnelRoles.municipalityId, ctx)))
      .limit(1);
    return row ?? null;
  },

  /** The person with this national identity number (persons is the national register: no municipality). */
  async personIdByNin(q: Queryable, nin: string) {
    const [row] = await q.select({ id: persons.id }).from(persons).where(eq(persons.nin, nin)).limit(1);
    return row?.id ?? null;
  },

  async ninOf(q: Queryable, personId: string) {
    const [row] = await q.select({ nin: persons.nin }).from(persons).where(eq(persons.id, personId));
    return row?.nin ?? null;
  },
};
