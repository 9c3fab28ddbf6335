import { EVERYONE, type RouteAccessTable } from './route-access.ts';

/** Liveness and readiness answer anyone: load balancers ask without credentials. */
export const healthAccess: RouteAccessTable = {
  'GET /health': { allow: EVERYONE },
  'GET /ready': { allow: EVERYONE },
};
