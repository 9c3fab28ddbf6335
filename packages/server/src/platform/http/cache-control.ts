import type { FastifyInstance } from 'fastify';

/**
 * Answers of the APIs, the login flow and the EPJ API carry personal data or session state, so no browser, proxy or
 * shared cache may keep them (RFC 9111 §5.2.2.5): `no-store` by default on every answer under these prefixes,
 * errors included, before any route runs. A route that may be cached (none today) sets its own header after this.
 */
export const NO_STORE_PREFIXES = ['/api/', '/epj/', '/auth/'] as const;

/**
 * Registers the default on the app's root, so it holds for every module's routes.
 * @param app - the application
 */
export function registerNoStoreDefault(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    if (NO_STORE_PREFIXES.some((p) => req.url.startsWith(p))) {
      void reply.header('cache-control', 'no-store');
    }
  });
}
