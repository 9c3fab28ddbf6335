import { eq } from 'drizzle-orm';
import type { ProfileResponse } from '@helsebro/contracts';
import type { Queryable } from '../../platform/db/client.ts';
import { municipalities, persons } from '../../platform/db/schema.ts';

/**
 * A person's register data with their municipality, in one query.
 * @param q - the open (audited) transaction
 * @param personId - the person
 */
export async function findProfile(q: Queryable, personId: string): Promise<ProfileResponse | null> {
  const [row] = await q
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
