import {
  EPJ_API_PREFIX,
  epjActionBody,
  epjConversationResponse,
  epjEventsQuery,
  epjEventsResponse,
  epjIdParams,
  epjReplyBody,
  problemResponse,
} from '@helsebro/contracts';
import swagger from '@fastify/swagger';
import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { jsonSchemaTransform, type FastifyPluginAsyncZod, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.ts';
import { sendDownload } from '../../platform/http/content-disposition.ts';
import type { Platform } from '../../platform/platform.ts';
import type { BearerVerifier } from './bearer.ts';
import type { EpjService } from './epj.service.ts';

export type EpjRoutesOptions = { service: EpjService; verify: BearerVerifier; platform: Platform };

const noStore = (reply: FastifyReply) => void reply.header('cache-control', 'no-store');
const errors = {
  400: problemResponse,
  401: problemResponse,
  403: problemResponse,
  404: problemResponse,
  429: problemResponse,
  503: problemResponse,
};
const security = [{ helseid: [] }];

/**
 * The EPJ API under /epj/v1 with its own OpenAPI document: @fastify/swagger is registered in this scope only,
 * so the document lists these routes and nothing of the citizen or staff API.
 */
export const epjRoutes: FastifyPluginAsyncZod<EpjRoutesOptions> = async (app, { service, verify, platform }) => {
  const { config } = platform;
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Helsebro EPJ API',
        version: '1',
        description:
          'For EPJ systems of municipalities: the citizen dialog as an event feed, and replies, read marks and ' +
          'closing as the service unit. Get a JWT access token from the issuer ' +
          `${config.oidc.issuer} (HelseID, or in development the built-in IdP) with the client credentials ` +
          "grant and scope helsebro:epj; the token's " +
          'organisation number (helseid://claims/client/claims/orgnr_parent) decides the municipality. ' +
          'Errors are RFC 9457 problem details (application/problem+json).',
      },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: { helseid: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
    transform: jsonSchemaTransform,
  });

  app.get(
    `${EPJ_API_PREFIX}/openapi.json`,
    {
      schema: { hide: true },
      config: { rateLimit: { max: config.rateLimit.publicPerMinute, timeWindow: '1 minute' } },
    },
    async () => app.swagger(),
  );

  await app.register(async (scope) => {
    const api = scope.withTypeProvider<ZodTypeProvider>();
    // Per client rather than per address: many EPJ installations may share one outgoing address.
    const rateLimit = {
      rateLimit: {
        max: config.rateLimit.publicPerMinute,
        timeWindow: '1 minute',
        keyGenerator: (req: FastifyRequest) =>
          req.ctx.actor.kind === 'partner' ? `epj:${req.ctx.actor.partnerId}` : req.ip,
        errorResponseBuilder: () =>
          new AppError(429, 'rate_limited', 'For mange forespørsler på kort tid. Vent litt og prøv igjen.'),
      },
    };
    api.addHook('onRequest', async (req, reply) => {
      noStore(reply);
      try {
        req.ctx = await service.authorise(req.ctx, await verify(req.headers.authorization));
      } catch (err) {
        // RFC 6750 §3: no error code when no token was sent.
        if (err instanceof AppError && (err.status === 401 || err.code === 'insufficient_scope')) {
          const error = err.code === 'missing_token' ? '' : `, error="${err.code}"`;
          void reply.header('www-authenticate', `Bearer realm="helsebro-epj"${error}`);
        }
        throw err;
      }
    });

    api.get(
      `${EPJ_API_PREFIX}/events`,
      {
        schema: {
          tags: ['feed'],
          summary: 'Events of the municipality after a cursor, oldest first',
          security,
          querystring: epjEventsQuery,
          response: { 200: epjEventsResponse, ...errors },
        },
        config: rateLimit,
      },
      async (req) => service.events(req.ctx, req.query),
    );
    api.get(
      `${EPJ_API_PREFIX}/conversations/:id`,
      {
        schema: {
          tags: ['dialog'],
          summary: 'A conversation with its messages, read status and attachment links (marks nothing read)',
          security,
          params: epjIdParams,
          response: { 200: epjConversationResponse, ...errors },
        },
        config: rateLimit,
      },
      async (req) => service.conversation(req.ctx, req.params.id),
    );
    api.post(
      `${EPJ_API_PREFIX}/conversations/:id/messages`,
      {
        schema: {
          tags: ['dialog'],
          summary: 'Reply as the service unit, written by the named health worker; the citizen is notified',
          security,
          params: epjIdParams,
          body: epjReplyBody,
          response: { 201: epjConversationResponse, ...errors, 409: problemResponse },
        },
        config: rateLimit,
      },
      async (req, reply) => reply.code(201).send(await service.reply(req.ctx, req.params.id, req.body)),
    );
    api.post(
      `${EPJ_API_PREFIX}/conversations/:id/read`,
      {
        schema: {
          tags: ['dialog'],
          summary: "Mark the citizen's messages read by the unit",
          security,
          params: epjIdParams,
          body: epjActionBody,
          response: { 200: epjConversationResponse, ...errors },
        },
        config: rateLimit,
      },
      async (req) => service.markRead(req.ctx, req.params.id, req.body),
    );
    api.post(
      `${EPJ_API_PREFIX}/conversations/:id/close`,
      {
        schema: {
          tags: ['dialog'],
          summary: 'Close the conversation (closing a closed one changes nothing)',
          security,
          params: epjIdParams,
          body: epjActionBody,
          response: { 200: epjConversationResponse, ...errors },
        },
        config: rateLimit,
      },
      async (req) => service.close(req.ctx, req.params.id, req.body),
    );
    api.get(
      `${EPJ_API_PREFIX}/attachments/:id`,
      {
        schema: {
          tags: ['dialog'],
          summary: 'An attachment of a conversation (PDF, JPEG or PNG), as a download',
          security,
          params: epjIdParams,
          // Sent as bytes with the file's own type; Fastify does not serialize a Buffer.
          response: { 200: z.any().describe('The file (application/pdf, image/jpeg or image/png)'), ...errors },
        },
        config: rateLimit,
      },
      async (req, reply) => sendDownload(reply, await service.attachment(req.ctx, req.params.id)),
    );
  });
};
