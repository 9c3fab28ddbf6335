import type { ProfileResponse } from '@helsebro/contracts';
import { auditedRead } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import { findProfile } from './profile.repository.ts';

/**
 * The logged-in citizen's own register data. Audited as `profile.read` with the person as subject; the entry is
 * written before the answer leaves (one select, one audit insert, no transaction round trips: see auditedRead).
 * @param ctx - a citizen's context
 * @param db - the store
 */
export async function readOwnProfile(ctx: RequestContext, db: Db): Promise<ProfileResponse> {
  if (ctx.actor.kind !== 'citizen') {
    throw new ForbiddenError('Bare innbyggere har en egen profil her.', 'wrong_role');
  }
  const personId = ctx.actor.personId;
  return auditedRead(
    db,
    ctx,
    { action: 'profile.read', resourceType: 'person', resourceId: personId, subjectPersonId: personId },
    async (q) => {
      const profile = await findProfile(q, personId);
      if (!profile) {
        throw new NotFoundError('Fant ikke personen i folkeregisteret.', 'person_not_found');
      }
      return profile;
    },
  );
}
