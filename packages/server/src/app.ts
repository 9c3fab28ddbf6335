import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import type { App } from './platform/http/app-type.ts';
import { staticSecurityHeaders } from './platform/http/security-headers.ts';
import { registerNoStoreDefault } from './platform/http/cache-control.ts';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './platform/db/client.ts';
import { createLogger } from './platform/logger.ts';
import { frameworkProblem, registerProblemHandlers } from './platform/http/problem.ts';
import { registerInputGuard } from './platform/http/input-guard.ts';
import { anonymousContext, type RequestContext } from './platform/http/request-context.ts';
import { offsetClock, systemClock, type Clock, type Platform } from './platform/platform.ts';
import { createJobRegistry } from './platform/jobs/registry.ts';
import { healthRoutes } from './platform/http/health.routes.ts';
import { webPlugin } from './platform/http/web.ts';
import { recordRoutes } from './platform/http/route-table.ts';
import { identityModule } from './modules/identity/index.ts';
import { operatorModule } from './modules/operator/index.ts';
import { organisationsModule } from './modules/organisations/index.ts';
import { createActingForResolver, representationModule } from './modules/representation/index.ts';
import { careModule, epjCareRelationRoutes } from './modules/care/index.ts';
import { populationRegisterModule } from './modules/population-register/index.ts';
import { accessLogModule } from './modules/access-log/index.ts';
import { ploModule } from './modules/plo/index.ts';
import { dialogModule, epjDialogRoutes } from './modules/dialog/index.ts';
import { epjModule } from './modules/epj/index.ts';
import { notificationsModule } from './modules/notifications/index.ts';
import { applyAdmissionMessage, appointmentsModule, epjAppointmentRoutes } from './modules/appointments/index.ts';
import { supportModule } from './modules/support/index.ts';
import { agreementsModule } from './modules/agreements/index.ts';
import { servicesModule } from './modules/services/index.ts';
import { terminationModule } from './modules/termination/index.ts';
import { epjLetterRoutes, lettersModule } from './modules/letters/index.ts';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
}

export type AppDeps = {
  database: Database;
  logger?: FastifyBaseLogger;
  clock?: Clock;
};

/**
 * The platform clock: the system clock, or with DEV_CLOCK_START one that read that instant when the process started
 * (performance.timeOrigin) and runs on in real time, so a journey can compute the server's "now" from when it
 * started the process.
 */
function configuredClock(config: Config): Clock {
  return config.devClockStart ? offsetClock(config.devClockStart, performance.timeOrigin) : systemClock;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Builds the Helsebro HTTP application from configuration and its dependencies. Nothing listens yet;
 * `main.ts` listens, tests use `app.inject`.
 * @param config - parsed configuration
 * @param deps - the opened store and, for tests, a logger and clock
 */
export async function buildApp(config: Config, deps: AppDeps): Promise<App> {
  const app = Fastify({
    loggerInstance: deps.logger ?? createLogger(config.logLevel),
    bodyLimit: 1024 * 1024,
    trustProxy: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: frameworkProblem,
  }).withTypeProvider<ZodTypeProvider>();

  const platform: Platform = {
    config,
    database: deps.database,
    db: deps.database.db,
    logger: app.log,
    clock: deps.clock ?? configuredClock(config),
    jobs: createJobRegistry<Platform>(),
  };
  if (config.devClockStart) {
    // Loud on purpose: every date and deadline this instance computes is off from the real one.
    app.log.warn(
      { devClockStart: config.devClockStart.toISOString(), now: platform.clock.now().toISOString() },
      'DEV_CLOCK_START is set: the server runs on a set clock, not the real time (development and tests only)',
    );
  }
  app.decorate('platform', platform);
  // Before any route: the table must see every scope's routes (the authorization matrix tests each one).
  recordRoutes(app);

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app);
  registerInputGuard(app);

  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.addHook('onRequest', async (req, reply) => {
    req.ctx = anonymousContext(req.id);
    void reply.header('x-request-id', req.id);
  });

  const securityHeaders = Object.entries(
    staticSecurityHeaders({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          formAction: ["'self'", config.oidc.issuer, config.publicUrl],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
      // Same-origin isolation would break the OIDC redirects to an external issuer.
      crossOriginEmbedderPolicy: false,
      hsts: config.publicUrl.startsWith('https://') ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    }),
  );
  // On the raw response, as @fastify/helmet does, so hijacked replies (the development IdP) carry them too.
  app.addHook('onRequest', async (_req, reply) => {
    for (const [name, value] of securityHeaders) {
      reply.raw.setHeader(name, value);
    }
  });
  registerNoStoreDefault(app);
  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(rateLimit, { global: false });
  await app.register(identityModule, { resolveActingFor: createActingForResolver(platform) });
  await app.register(operatorModule, { platform });
  await app.register(organisationsModule, { platform });
  await app.register(representationModule, { platform });
  await app.register(careModule, { platform });
  await app.register(populationRegisterModule, { platform });
  await app.register(accessLogModule, { platform });
  await app.register(ploModule, {
    platform,
    afterAccepted: (ctx, m) => applyAdmissionMessage(platform.db, ctx, m),
  });
  await app.register(dialogModule, { platform });
  await app.register(notificationsModule, { platform });
  await app.register(appointmentsModule, { platform });
  await app.register(supportModule, { platform });
  await app.register(agreementsModule, { platform });
  await app.register(servicesModule, { platform });
  await app.register(terminationModule, { platform });
  await app.register(lettersModule, { platform });
  // The EPJ module owns /epj/v1 (auth, rate limit, OpenAPI); the feature modules' EPJ routes go into its scope.
  await app.register(epjModule, {
    platform,
    routes: [epjDialogRoutes, epjAppointmentRoutes, epjCareRelationRoutes, epjLetterRoutes],
  });

  await app.register(healthRoutes, { platform });

  // Keep last: the web app answers only what no module route claimed.
  await app.register(webPlugin);

  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    platform: Platform;
  }
}
