import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ploSendReceipt, ploSendRequest, ploSendStatus } from '@helsebro/contracts';
import { NotFoundError } from '../../../platform/errors.ts';
import { requireActor } from '../../../platform/http/auth.ts';
import { problem } from '../../../platform/http/problem.ts';
import { PLO_XML_LIMITS } from '../schema-set.ts';
import type { SendService } from './send.service.ts';

const params = z.object({ id: z.uuid() });

/**
 * The send API for message handlers (`message_handler` in the municipality that owns the sending service):
 * `POST /api/plo/messages` takes a message as typed data and answers 202 with its id, MsgId and status (200 with
 * `duplicate: true` when that MsgId was sent before: nothing new goes out); `GET /api/plo/messages/:id/status`
 * gives the status and its history. A body the contract refuses and a message the XSDs or the address register
 * refuse are both 422 problem+json naming each problem, so a client has one kind of answer to show.
 */
export const sendRoutes: FastifyPluginAsyncZod<{ send: SendService }> = async (app, { send }) => {
  const preHandler = requireActor('personnel');
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err) && err.validationContext === 'body') {
      const errors = err.validation.map((v) => ({
        path: ['body', ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'invalid',
      }));
      void reply
        .status(422)
        .type('application/problem+json')
        .send({
          ...problem(422, 'message_invalid', 'Meldingen har ugyldige felt og blir ikke sendt.', errors),
          instance: req.url.split('?')[0],
        });
      return;
    }
    throw err; // the root handler maps the rest to problem+json
  });

  app.post(
    '/api/plo/messages',
    {
      preHandler,
      bodyLimit: PLO_XML_LIMITS.maxBytes,
      schema: { body: ploSendRequest, response: { 200: ploSendReceipt, 202: ploSendReceipt } },
    },
    async (req, reply) => {
      const sent = await send.send(req.body, req.ctx);
      return reply.code(sent.duplicate ? 200 : 202).send(ploSendReceipt.parse(sent));
    },
  );

  app.get(
    '/api/plo/messages/:id/status',
    { preHandler, schema: { params, response: { 200: ploSendStatus } } },
    async (req) => {
      const m = await send.status(req.ctx, req.params.id);
      if (!m) {
        throw new NotFoundError('Fant ingen utgående melding med denne id-en.', 'message_not_found');
      }
      return {
        id: m.id,
        msgId: m.msgId ?? '',
        msgType: m.msgType ?? '',
        status: ploSendStatus.shape.status.parse(m.status),
        senderHerId: m.senderPartyHerId ?? m.senderHerId ?? '',
        receiverHerId: m.receiverPartyHerId ?? m.receiverHerId ?? '',
        history: m.history.map((h) => ({ status: h.status, at: h.at.toISOString(), detail: h.detail })),
      };
    },
  );
};
