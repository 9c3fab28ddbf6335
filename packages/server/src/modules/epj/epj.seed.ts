import { inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { municipalities } from '../../platform/db/schema.ts';
import { registerMachineClient } from '../identity/index.ts';

/**
 * The demo EPJ client of a municipality: `epj-demo-<municipality number>`, secret
 * `epj-demo-secret-<municipality number>` (README "EPJ integration"). Synthetic, for the development IdP only.
 * @param number - the municipality number
 */
export const demoEpjClient = (number: string) => ({
  clientId: `epj-demo-${number}`,
  clientSecret: `epj-demo-secret-${number}`,
});

/**
 * Registers one demo EPJ client per given municipality at the development IdP, tied to its organisation number.
 * Running it again changes nothing.
 * @param q - the seed's transaction
 * @param municipalityIds - the demo municipalities
 */
export async function seedEpjDemo(q: Queryable, municipalityIds: readonly string[]): Promise<void> {
  if (municipalityIds.length === 0) {
    return;
  }
  const rows = await q
    .select()
    .from(municipalities)
    .where(inArray(municipalities.id, [...municipalityIds]));
  for (const m of rows) {
    await registerMachineClient(q, {
      ...demoEpjClient(m.number),
      clientName: `EPJ for ${m.name} (demo)`,
      orgNumber: m.orgNumber,
    });
  }
}
