import { EPJ_API_PREFIX, epjEventsQuery, epjEventsResponse, problemResponse } from '@helsebro/contracts';
import swagger from '@fastify/swagger';
import type { FastifyRequest, RouteOptions } from 'fastify';
import { jsonSchemaTransform, type FastifyPluginAsyncZod, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import type { BearerVerifier } from './bearer.ts';
import type { EpjService } from './epj.service.ts';

/**
 * A feature module's routes under /epj/v1 (full paths, `EPJ_API_PREFIX` first). The EPJ scope registers them after
 * its auth hook, so they are reached only by an authorised machine client whose municipality is on `req.ctx`, and
 * they appear in the one OpenAPI document.
 */
export type EpjRoutes = FastifyPluginAsyncZod<{ platform: Platform }>;

export type EpjRoutesOptions = {
  service: EpjService;
  verify: BearerVerifier;
  platform: Platform;
  /** The feature modules' EPJ routes (dialog, appointments), handed over by app.ts. */
  routes: readonly EpjRoutes[];
};

/** What any EPJ route may answer besides its own result: the scope's refusals and the input and lookup errors. */
const PROBLEMS = {
  400: problemResponse,
  401: problemResponse,
  403: problemResponse,
  404: problemResponse,
  429: problemResponse,
  503: problemResponse,
};
const SECURITY = [{ helseid: [] }];

/**
 * Gives every EPJ route the bearer security requirement and the problem responses in its schema, so each is
 * documented alike; the route's own statuses (a 409, a 422) win over these.
 * @param route - a route being registered in the EPJ scope
 */
function documentEpjRoute(route: RouteOptions): void {
  const schema = route.schema ?? {};
  route.schema = {
    security: SECURITY,
    ...schema,
    response: { ...PROBLEMS, ...(schema.response as Record<number, unknown> | undefined) },
  };
}

/**
 * The EPJ API under /epj/v1, one scope for every module's EPJ routes: one auth hook (bearer token, then the
 * client's municipality), one rate limit per client, no-store, and one OpenAPI document. @fastify/swagger is
 * registered in this scope only, so the document lists the EPJ routes and nothing of the citizen or staff API.
 */
export const epjRoutes: FastifyPluginAsyncZod<EpjRoutesOptions> = async (
  app,
  { service, verify, platform, routes },
) => {
  const { config } = platform;
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Helsebro EPJ API',
        version: '1',
        description:
          'For EPJ systems of municipalities: the citizen dialog as an event feed, and replies, read marks and ' +
          "closing as the service unit; the units' schedules, slots, appointments and completed home visits. Get a " +
          `JWT access token from the issuer ${config.oidc.issuer} (HelseID, or in development the built-in IdP) ` +
          "with the client credentials grant and scope helsebro:epj; the token's " +
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

  // Built at run time from the registered routes' zod schemas, so there is no generated file to keep up to date:
  // epj.openapi.test.ts compares it with the route table instead (issue 11, the OpenAPI check).
  app.get(
    `${EPJ_API_PREFIX}/openapi.json`,
    {
      schema: { hide: true },
      config: { rateLimit: { max: config.rateLimit.publicPerMinute, timeWindow: '1 minute' } },
    },
    async () => app.swagger(),
  );

  await app.register(async (instance) => {
    const scope = instance.withTypeProvider<ZodTypeProvider>();
    scope.addHook('onRoute', documentEpjRoute);
    scope.addHook('onRequest', async (req, reply) => {
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
    // After the auth hook, so the count is per client rather than per address: many EPJ installations may share
    // one outgoing address. One count over every EPJ route of the client.
    scope.addHook(
      'onRequest',
      scope.rateLimit({
        max: config.rateLimit.publicPerMinute,
        timeWindow: '1 minute',
        keyGenerator: (req: FastifyRequest) =>
          req.ctx.actor.kind === 'partner' ? `epj:${req.ctx.actor.partnerId}` : req.ip,
        errorResponseBuilder: () =>
          new AppError(429, 'rate_limited', 'For mange forespørsler på kort tid. Vent litt og prøv igjen.'),
      }),
    );

    scope.get(
      `${EPJ_API_PREFIX}/events`,
      {
        schema: {
          tags: ['feed'],
          summary: 'Events of the municipality after a cursor, oldest first',
          querystring: epjEventsQuery,
          response: { 200: epjEventsResponse },
        },
      },
      async (req) => service.events(req.ctx, req.query),
    );
    for (const feature of routes) {
      await scope.register(feature, { platform });
    }
  });
};
