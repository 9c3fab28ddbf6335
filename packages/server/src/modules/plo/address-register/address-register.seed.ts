import { ADDRESS_REGISTER_FORMAT, addressRegisterDocument } from '@helsebro/contracts';
import type { Queryable } from '../../../platform/db/client.ts';
import type { DemoHospitalLink } from '../dev/demo-hospital.ts';
import { deriveCredentialKey, storeOutgoingToken } from '../send/outgoing-credentials.ts';
import * as repo from './address-register.repository.ts';
import { sha256Hex, writeParties } from './address-register.service.ts';
import { DEMO_HOSPITAL_HER_ID, DEMO_HOSPITAL_TOKEN, DEMO_PARTIES } from './demo-register.ts';

/**
 * Writes the demo address register and the synthetic hospital's bearer credential. Idempotent: parties are keyed
 * by HER-id and the credential by its hash. Runs in the demo seed's transaction, after the municipalities.
 * @param q - the seed's open transaction
 * @param link - with the development IdP: the demo hospital's stand-in endpoint on this server and the token we
 *   present there, so what is sent to the hospital is delivered and receipted (issue 15: no dead jobs in a demo);
 *   without it the hospital's address is the two-instance demo's port 8081
 */
export async function seedPloDemo(q: Queryable, link?: DemoHospitalLink): Promise<{ parties: number }> {
  const parties = DEMO_PARTIES.map((p) =>
    link && p.herId === DEMO_HOSPITAL_HER_ID ? { ...p, transportEndpoint: link.endpoint } : p,
  );
  const doc = addressRegisterDocument.parse({ format: ADDRESS_REGISTER_FORMAT, parties });
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
  if (link) {
    await storeOutgoingToken(
      q,
      deriveCredentialKey(link.secret),
      hospital.id,
      link.token,
      'Demo: utstedt av Fjordvik sykehus HF',
    );
  }
  return { parties: doc.parties.length };
}
