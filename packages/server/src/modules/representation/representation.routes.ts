import {
  fullmakterResponse,
  fullmaktHolderLookupBody,
  fullmaktHolderLookupResponse,
  fullmaktParams,
  fullmaktResponse,
  giveFullmaktBody,
  replaceFullmaktBody,
  representationChoicesResponse,
  switchActingForBody,
  switchActingForResponse,
} from '@helsebro/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { UnauthenticatedError } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/auth.ts';
import type { Platform } from '../../platform/platform.ts';
import type { ActiveSession } from '../identity/index.ts';
import { createFullmaktService } from './fullmakt.service.ts';
import { createRepresentationService } from './representation.service.ts';

function sessionOf(req: FastifyRequest): ActiveSession {
  if (!req.authSession) {
    throw new UnauthenticatedError();
  }
  return req.authSession;
}

/** Choices and switching (who the session acts for) and fullmakter; thin routes over the two services. */
export const representationRoutes: FastifyPluginCallbackZod<{ platform: Platform }> = (app, { platform }, done) => {
  const representation = createRepresentationService(platform);
  const fullmakt = createFullmaktService(platform);
  const preHandler = requireActor('citizen');

  app.get(
    '/api/representation/choices',
    { schema: { response: { 200: representationChoicesResponse } }, preHandler },
    async (req) => {
      return representation.listChoices(req.ctx);
    },
  );
  app.post(
    '/api/representation/acting-for',
    { schema: { body: switchActingForBody, response: { 200: switchActingForResponse } }, preHandler },
    async (req) => ({ actingFor: await representation.switchActingFor(req.ctx, sessionOf(req), req.body.personId) }),
  );
  app.get('/api/fullmakter', { schema: { response: { 200: fullmakterResponse } }, preHandler }, async (req) => {
    return fullmakt.list(req.ctx);
  });
  app.post(
    '/api/fullmakter',
    { schema: { body: giveFullmaktBody, response: { 201: fullmaktResponse } }, preHandler },
    async (req, reply) => reply.code(201).send({ fullmakt: await fullmakt.give(req.ctx, sessionOf(req), req.body) }),
  );
  app.post(
    '/api/fullmakter/holder-lookup',
    { schema: { body: fullmaktHolderLookupBody, response: { 200: fullmaktHolderLookupResponse } }, preHandler },
    async (req) => fullmakt.lookupHolder(req.ctx, req.body),
  );
  app.post(
    '/api/fullmakter/:id/replace',
    { schema: { params: fullmaktParams, body: replaceFullmaktBody, response: { 201: fullmaktResponse } }, preHandler },
    async (req, reply) =>
      reply.code(201).send({ fullmakt: await fullmakt.replace(req.ctx, sessionOf(req), req.params.id, req.body) }),
  );
  app.post(
    '/api/fullmakter/:id/end',
    { schema: { params: fullmaktParams, response: { 200: fullmaktResponse } }, preHandler },
    async (req) => ({ fullmakt: await fullmakt.end(req.ctx, req.params.id) }),
  );
  done();
};
