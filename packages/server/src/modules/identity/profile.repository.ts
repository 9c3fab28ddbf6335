import { eq, sql, type Placeholder } from 'drizzle-orm';
import { prepared } from '../../platform/db/prepared.ts';
import type { ProfileResponse } from '@helsebro/contracts';
import type { Queryable } from '../../platform/db/client.ts';
import { municipalities, persons } from '../../platform/db/schema.ts';

/**
 * A person's register data with their municipality, in one query.
 * @param q - the open (audited) transaction
 * @param personId - the person
 */
export async function findProfile(q: Queryable, personId: string): Promise<ProfileResponse | null> {
  const statement = prepared(q, 'profile_by_person', (db) =>
    profileQuery(db, sql.placeholder('personId')).prepare('profile_by_person'),
  );
  const [row] = statement ? await statement.execute({ personId }) : await profileQuery(q, personId);
  if (!row) {
    return null;
  }
  const { municipalityId, municipalityName, municipalityNumber, ...person } = row;
  return {
    ...person,
    municipality:
      municipalityId && municipalityName && municipalityNumber
        ? { id: municipalityId, name: municipalityName, number: municipalityNumber }
        : null,
  };
}

function profileQuery(q: Queryable, personId: string | Placeholder) {
  return q
    .select({
      personId: persons.id,
      givenName: persons.givenName,
      familyName: persons.familyName,
      birthDate: persons.birthDate,
      streetAddress: persons.streetAddress,
      postalCode: persons.postalCode,
      postalPlace: persons.postalPlace,
      municipalityId: municipalities.id,
      municipalityName: municipalities.name,
      municipalityNumber: municipalities.number,
    })
    .from(persons)
    .leftJoin(municipalities, eq(municipalities.id, persons.municipalityId))
    .where(eq(persons.id, personId))
    .limit(1);
}
