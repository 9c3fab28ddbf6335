import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/client.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { requireOperator, type AddressRegister } from '../address-register/address-register.service.ts';
import { createOutgoingCredentials } from './outgoing-credentials.ts';

export type CredentialsService = ReturnType<typeof createCredentialsService>;

/**
 * The operator's use cases for the tokens between us and a partner organisation: the one the partner posts to us
 * with (only its hash is kept) and the one we present to it (kept encrypted). Both are audited without the token.
 * @param deps - the store, the address register and the secret the outgoing tokens are encrypted under
 */
export function createCredentialsService(deps: { db: Db; register: AddressRegister; secret: string }) {
  const { db, register } = deps;
  const outgoing = createOutgoingCredentials(deps);
  return {
    /**
     * Issues the bearer token a partner organisation uses at /edi/v1/messages. The token is answered once.
     * @param ctx - the caller; the operator
     * @param herId - the partner organisation
     * @param label - what the operator calls this token
     */
    async issuePartnerCredential(ctx: RequestContext, herId: string, label: string): Promise<{ token: string }> {
      requireOperator(ctx);
      const token = await register.issueCredential(herId, label);
      await recordAudit(db, ctx, {
        action: 'plo_credential.issue',
        resourceType: 'plo_party',
        resourceId: herId,
        details: { label },
      });
      return { token };
    },

    /**
     * Stores (or replaces) the token the partner issued to us, presented when we post to it; never answered back.
     * @param ctx - the caller; the operator
     * @param herId - the partner organisation (or one of its services)
     * @param input - the token and what the operator calls it
     */
    async setOutgoingCredential(ctx: RequestContext, herId: string, input: { token: string; label: string }) {
      requireOperator(ctx);
      await outgoing.set(herId, input.token, input.label);
      await recordAudit(db, ctx, {
        action: 'plo_credential.set_outgoing',
        resourceType: 'plo_party',
        resourceId: herId,
        details: { label: input.label },
      });
    },
  };
}
