import type { ProfileResponse } from '@helsebro/contracts';
import { auditedRead } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { mayAct, type RequestContext } from '../../platform/http/request-context.ts';
import { findProfile } from './profile.repository.ts';

/**
 * The register data of the person the citizen acts for: themselves, or someone they represent when the
 * representation includes `profile.read` (area Innsyn); otherwise 403 `service_area_not_granted`, audited as
 * denied. Audited as `profile.read` with that person as subject; the entry is written before the answer leaves
 * (one select, one audit insert, no transaction round trips: see auditedRead).
 * @param ctx - a citizen's context
 * @param db - the store
 */
export async function readOwnProfile(ctx: RequestContext, db: Db): Promise<ProfileResponse> {
  if (ctx.actor.kind !== 'citizen') {
    throw new ForbiddenError('Bare innbyggere har en egen profil her.', 'wrong_role');
  }
  const personId = ctx.actingForPersonId ?? ctx.actor.personId;
  // A context without a representation (none decided) may read only the citizen's own profile.
  const allowed = ctx.representation ? mayAct(ctx, 'profile.read') : personId === ctx.actor.personId;
  return auditedRead(
    db,
    ctx,
    { action: 'profile.read', resourceType: 'person', resourceId: personId, subjectPersonId: personId },
    async (q) => {
      if (!allowed) {
        throw new ForbiddenError(
          'Du har ikke tilgang til personopplysningene på vegne av denne personen. Det krever tjenesteområdet «Innsyn i opplysninger registrert om deg».',
          'service_area_not_granted',
        );
      }
      const profile = await findProfile(q, personId);
      if (!profile) {
        throw new NotFoundError('Fant ikke personen i folkeregisteret.', 'person_not_found');
      }
      return profile;
    },
  );
}
