import type { Queryable } from '../../platform/db/client.ts';
import { systemContext } from '../../platform/http/request-context.ts';
import { addOperator } from '../identity/index.ts';
import { DEMO_OPERATORS, demoNin } from './demo-data.ts';

/**
 * The demo operators alone (SEED_DEMO=operators, and the first step of the full demo): a store that starts as a new
 * installation does, where the operator onboards the first municipality. Through `addOperator`, as the CLI adds a
 * real installation's operator; a second run adds nothing.
 * @param q - an open transaction
 */
export async function seedDemoOperators(q: Queryable): Promise<void> {
  for (const [i, o] of DEMO_OPERATORS.entries()) {
    await addOperator(q, systemContext('seed'), {
      nin: demoNin(o.birthDate, 90 + i),
      givenName: o.givenName,
      familyName: o.familyName,
    });
  }
}
