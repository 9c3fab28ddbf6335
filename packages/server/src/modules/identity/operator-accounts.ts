import { isValidNin } from '@helsebro/contracts';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { operators } from '../../platform/db/schema.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { UnprocessableError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';

export type NewOperator = { nin: string; givenName: string; familyName: string };

/**
 * Registers an operator (platform operations staff, who log in to /drift) unless one with the identity number
 * exists: a new installation's first operator comes from here (`npm run operator:add`), as there is no operator
 * yet to add one in the console. Audited as `operator.add` when a row is written; running it again changes nothing.
 * @param q - an open transaction (the row and its audit entry commit together)
 * @param ctx - who adds (the CLI's system context)
 * @param input - identity number (11 digits, valid check digits) and names
 * @returns the operator's id and whether this call created it
 */
export async function addOperator(
  q: Queryable,
  ctx: RequestContext,
  input: NewOperator,
): Promise<{ id: string; created: boolean }> {
  const { nin, givenName, familyName } = checkNewOperator(input);
  const [row] = await q
    .insert(operators)
    .values({ nin, givenName, familyName })
    .onConflictDoNothing({ target: operators.nin })
    .returning({ id: operators.id });
  if (!row) {
    const [existing] = await q.select({ id: operators.id }).from(operators).where(eq(operators.nin, nin));
    return { id: existing!.id, created: false };
  }
  // The identity number stays out of the details: the row has it, the log does not repeat it.
  await recordAudit(q, ctx, { action: 'operator.add', resourceType: 'operator', resourceId: row.id });
  return { id: row.id, created: true };
}

/**
 * The operator's identity number and names, trimmed, or a 422 naming the field at fault.
 * @param input - as typed
 */
export function checkNewOperator(input: NewOperator): NewOperator {
  const nin = input.nin.replace(/\s/g, '');
  const givenName = input.givenName.trim();
  const familyName = input.familyName.trim();
  if (!isValidNin(nin)) {
    throw new UnprocessableError('The identity number is not valid (11 digits with valid check digits).', [
      { path: 'nin', message: 'not a valid identity number' },
    ]);
  }
  if (!givenName || !familyName) {
    const path = givenName ? 'familyName' : 'givenName';
    throw new UnprocessableError('The given and family names are required.', [{ path, message: 'required' }]);
  }
  return { nin, givenName, familyName };
}
