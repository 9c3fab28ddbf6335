import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { herId, ploIssuedCredential, ploOutgoingCredentialBody, ploPartnerCredentialBody } from '@helsebro/contracts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/client.ts';
import { requireActor } from '../../../platform/http/auth.ts';
import type { AddressRegister } from '../address-register/address-register.service.ts';
import type { OutgoingCredentials } from './outgoing-credentials.ts';

const params = z.object({ herId });

/**
 * The operator's credential API, beside the address register: issue a token a partner organisation uses to post to
 * us (`POST …/:herId/partner-credentials`, answered once with the token; only its hash is kept), and store the token
 * the partner issued to us (`PUT …/:herId/outgoing-credential`, kept encrypted, never answered back). Both are
 * audited without the token.
 */
export const credentialsRoutes: FastifyPluginAsyncZod<{
  db: Db;
  register: AddressRegister;
  credentials: OutgoingCredentials;
}> = async (app, { db, register, credentials }) => {
  const preHandler = requireActor('operator');
  app.post(
    '/api/operator/address-register/:herId/partner-credentials',
    { preHandler, schema: { params, body: ploPartnerCredentialBody, response: { 201: ploIssuedCredential } } },
    async (req, reply) => {
      const token = await register.issueCredential(req.params.herId, req.body.label);
      await recordAudit(db, req.ctx, {
        action: 'plo_credential.issue',
        resourceType: 'plo_party',
        resourceId: req.params.herId,
        details: { label: req.body.label },
      });
      return reply.code(201).send({ token });
    },
  );
  app.put(
    '/api/operator/address-register/:herId/outgoing-credential',
    { preHandler, schema: { params, body: ploOutgoingCredentialBody } },
    async (req, reply) => {
      await credentials.set(req.params.herId, req.body.token, req.body.label);
      await recordAudit(db, req.ctx, {
        action: 'plo_credential.set_outgoing',
        resourceType: 'plo_party',
        resourceId: req.params.herId,
        details: { label: req.body.label },
      });
      return reply.code(204).send();
    },
  );
};
