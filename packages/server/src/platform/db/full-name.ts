import { sql } from 'drizzle-orm';

/**
 * A person's or health worker's display name in SQL, given name then family name, as every view shows it.
 * @param t - a table (or alias) with given and family name columns; null when a left join found no row
 */
export const fullName = (t: { givenName: unknown; familyName: unknown }) =>
  sql<string>`${t.givenName} || ' ' || ${t.familyName}`;
