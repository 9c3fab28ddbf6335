import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ediReceipt } from '@helsebro/contracts';
import { AppError, UnauthenticatedError } from '../../../platform/errors.ts';
import { problem } from '../../../platform/http/problem.ts';
import type { AddressRegister } from '../address-register/address-register.service.ts';
import { PLO_XML_LIMITS } from '../schema-set.ts';
import { XmlCheckUnavailableError, type Partner, type ReceiveService } from './receive.service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The partner organisation whose bearer credential the EDI request carried. */
    ediPartner: Partner | null;
  }
}

const appRecReceipt = z.object({
  outcome: z.enum(['apprec_received', 'apprec_duplicate']),
  appRecId: z.string(),
  messageId: z.uuid().nullable(),
});
const ediResponse = z.union([ediReceipt, appRecReceipt]);
const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{16,512})$/i;

/**
 * `POST /edi/v1/messages`: partners post MsgHead XML (or an AppRec) with `Authorization: Bearer <token>`.
 * Authentication runs on the request line, before the body is read, so an unknown caller's 50 MB is never read;
 * the body limit is the XML size limit. The answer is the transport receipt: 202 taken in (positive or negative
 * AppRec queued, the body says which), 200 a duplicate (nothing new), 4xx when no AppRec can be given.
 */
export const receiveRoutes: FastifyPluginAsyncZod<{
  service: ReceiveService;
  register: AddressRegister;
  /** Requests a minute per partner credential (RATE_LIMIT_EDI_PER_MINUTE). */
  perMinute: number;
}> = async (app, { service, register, perMinute }) => {
  app.decorateRequest('ediPartner', null);
  // Only XML is accepted here; JSON and the rest get 415 (no parser for them in this scope).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    ['application/xml', 'text/xml'],
    { parseAs: 'buffer', bodyLimit: PLO_XML_LIMITS.maxBytes },
    (_req, body, done) => done(null, body),
  );
  app.addHook('onRequest', async (req, reply) => {
    const token = BEARER.exec(req.headers.authorization ?? '')?.[1];
    const partner = token ? await register.authenticatePartner(token) : null;
    if (!partner) {
      void reply.header('www-authenticate', 'Bearer realm="helsebro-edi"');
      throw new UnauthenticatedError(
        'Mangler gyldig partnernøkkel (Authorization: Bearer …).',
        'partner_unauthenticated',
      );
    }
    req.ediPartner = partner;
    req.ctx = { ...req.ctx, actor: { kind: 'partner', partnerId: partner.party.herId }, purpose: 'plo_messaging' };
  });
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const detail = `Meldingen er større enn ${PLO_XML_LIMITS.maxBytes} byte.`;
      void reply
        .status(413)
        .type('application/problem+json')
        .send({ ...problem(413, 'message_too_large', detail), instance: req.url });
      return;
    }
    if (err instanceof XmlCheckUnavailableError) {
      // The partner's transport resends; the operator should know the XML check failed (never the body).
      req.log.warn({ code: err.code, partner: req.ediPartner?.party.herId }, 'XML check of a received message failed');
      void reply.header('retry-after', '60');
    }
    throw err; // the root handler maps the rest to problem+json
  });

  app.post(
    '/edi/v1/messages',
    {
      bodyLimit: PLO_XML_LIMITS.maxBytes,
      schema: { response: { 200: ediResponse, 202: ediResponse } },
      // Per partner credential, not per address: partners may share a gateway's address, and one partner's loop
      // must not starve the others. Counted after authentication (the auth hook runs first), so an unknown caller
      // is answered 401 and never fills a bucket. Generous by default; a real partner sends far fewer.
      config: {
        rateLimit: {
          max: perMinute,
          timeWindow: '1 minute',
          keyGenerator: (req) => `edi:${req.ediPartner?.credentialId ?? req.ip}`,
          errorResponseBuilder: () =>
            new AppError(
              429,
              'rate_limited',
              'For mange meldinger fra denne partneren på kort tid. Prøv igjen om litt.',
            ),
        },
      },
    },
    async (req, reply) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const result = await service.receive(req.ctx, req.ediPartner!, body);
      return reply.code(result.status).send(result.body);
    },
  );
};
