import type { App } from '../../src/platform/http/app-type.ts';

/** A registered route as the fuzzer sees it: one method, the URL pattern and the zod schemas it declares. */
export type FuzzRoute = {
  method: string;
  url: string;
  family: string;
  schema: { params?: unknown; querystring?: unknown; body?: unknown };
};

/**
 * Every route the app registered (its route table), but HEAD twins, which Fastify derives from the GET routes with
 * the same handler, and OPTIONS (only the development IdP's passthrough answers it, as oidc-provider decides).
 * @param app - the app under test
 */
export function fuzzRoutes(app: App): FuzzRoute[] {
  return app.routeTable
    .routes()
    .filter((r) => !r.headTwin && r.method !== 'OPTIONS')
    .map((r) => {
      const schema = (r.schema ?? {}) as FuzzRoute['schema'];
      return {
        method: r.method,
        url: r.url,
        family: familyOf(r.url),
        schema: { params: schema.params, querystring: schema.querystring, body: schema.body },
      };
    });
}

/** Sub-areas that are families of their own under /api (the staff workspace, the PLO hub, the operator). */
const NESTED = new Set(['staff', 'plo', 'operator']);

/**
 * The family of a route: the static start of its path, e.g. `/api/staff/appointments`, `/api/fullmakter`,
 * `/epj/v1/appointments`, `/edi`, `/idp`. Routes of one family share their callers and are fuzzed together.
 * @param url - the route's pattern
 */
export function familyOf(url: string): string {
  const segments = url.split('/').filter(Boolean);
  const fixed: string[] = [];
  for (const s of segments) {
    if (s.startsWith(':') || s.includes('*')) {
      break;
    }
    fixed.push(s);
  }
  const depth = segments[0] === 'epj' ? 3 : segments[0] === 'api' ? (NESTED.has(segments[1] ?? '') ? 3 : 2) : 1;
  return `/${fixed.slice(0, depth).join('/')}`;
}
