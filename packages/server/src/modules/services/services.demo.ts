import { recordAudit } from '../../platform/audit/audit.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { systemContext } from '../../platform/http/request-context.ts';
import * as repo from './services.repository.ts';

/**
 * The demo municipalities' data processing agreement (seed 000 §3.2), so their formidling services (letters,
 * issue 13) can be used from the first start; recorded once per municipality and audited like a signing. A
 * re-run adds nothing.
 * @param tx - the seed's transaction
 * @param municipalityIds - the demo municipalities
 * @param signedOn - the day (Oslo) it is recorded as signed
 */
export async function seedDpaDemo(tx: Queryable, municipalityIds: readonly string[], signedOn: string): Promise<void> {
  for (const municipalityId of municipalityIds) {
    if (await repo.latestDpa(tx, municipalityId)) {
      continue;
    }
    const dpa = await repo.insertDpa(tx, {
      municipalityId,
      version: '1.0',
      signatoryName: 'Demodata',
      signatoryTitle: 'Kommunedirektør',
      signedOn,
    });
    await recordAudit(
      tx,
      { ...systemContext('seed'), municipalityId },
      {
        action: 'data_processing_agreement.sign',
        resourceType: 'data_processing_agreement',
        resourceId: dpa.id,
        details: { version: '1.0', signedOn, reason: 'Demodata' },
      },
    );
  }
}
