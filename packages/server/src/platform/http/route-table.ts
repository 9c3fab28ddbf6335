import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';

/** One method of one registered route, as Fastify matches it. */
export type RegisteredRoute = {
  method: string;
  /** The full path with every plugin prefix, in Fastify's syntax (`/api/dialog/conversations/:id`, `/idp/*`). */
  url: string;
  /** Fastify's automatic HEAD twin of a GET route (`exposeHeadRoutes`): same handler, no body in the answer. */
  headTwin: boolean;
  /** The route asked to be left out of API documents (`schema.hide`). */
  hidden: boolean;
  /** The schemas it declares (zod: `params`, `querystring`, `body` …), so tests can generate its input (fuzzing). */
  schema: FastifySchema | undefined;
};

export type RouteTable = {
  /** Every route registered so far, one entry per method, in registration order. */
  routes(): readonly RegisteredRoute[];
};

declare module 'fastify' {
  interface FastifyInstance {
    /** The application's routes, so tests can check each one (the authorization matrix, API documents). */
    routeTable: RouteTable;
  }
}

/**
 * Records every route the application registers, in every plugin scope, through an `onRoute` hook on the root.
 * Call it before any plugin registers routes: a hook added later does not reach scopes created before it.
 * @param app - the root instance
 */
export function recordRoutes(app: FastifyInstance): RouteTable {
  const seen: Array<Omit<RegisteredRoute, 'headTwin'>> = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const hidden = (route.schema as { hide?: unknown } | undefined)?.hide === true;
    for (const method of methods) {
      seen.push({ method: String(method).toUpperCase(), url: route.url, hidden, schema: route.schema });
    }
  });
  const table: RouteTable = {
    routes: () => {
      const gets = new Set(seen.filter((r) => r.method === 'GET').map((r) => r.url));
      return seen.map((r) => ({ ...r, headTwin: r.method === 'HEAD' && gets.has(r.url) }));
    },
  };
  app.decorate('routeTable', table);
  return table;
}
