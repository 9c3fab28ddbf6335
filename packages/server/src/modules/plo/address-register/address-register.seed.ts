import { ADDRESS_REGISTER_FORMAT, addressRegisterDocument } from '@helsebro/contracts';
import type { Queryable } from '../../../platform/db/client.ts';
import * as repo from './address-register.repository.ts';
import { sha256Hex, writeParties } from './address-register.service.ts';
import { DEMO_HOSPITAL_HER_ID, DEMO_HOSPITAL_TOKEN, DEMO_PARTIES } from './demo-register.ts';

/**
 * Writes the demo address register and the synthetic hospital's bearer credential. Idempotent: parties are keyed
 * by HER-id and the credential by its hash. Runs in the demo seed's transaction, after the municipalities.
 * @param q - the seed's open transaction
 */
export async function seedPloDemo(q: Queryable): Promise<{ parties: number }> {
  const doc = addressRegisterDocument.parse({ format: ADDRESS_REGISTER_FORMAT, parties: DEMO_PARTIES });
  await writeParties(q, doc.parties, 'merge');
  const hospital = (await repo.listParties(q)).find((p) => p.herId === DEMO_HOSPITAL_HER_ID);
  if (!hospital) {
    throw new Error('the demo hospital was not written');
  }
  await repo.insertCredential(q, {
    partyId: hospital.id,
    label: 'Demo: Fjordvik sykehus HF',
    tokenSha256: sha256Hex(DEMO_HOSPITAL_TOKEN),
  });
  return { parties: doc.parties.length };
}
