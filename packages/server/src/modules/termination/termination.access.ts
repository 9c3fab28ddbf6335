import type { RouteAccessTable } from '../../platform/http/route-access.ts';

// The administrator of A's municipality only; the operator and the citizen have their own routes below.
const adminOnly = { allow: ['municipalAdmin'] } as const;
const operatorOnly = { allow: ['operator'] } as const;

/** Who may reach the termination routes (see platform/http/route-access.ts). */
export const terminationAccess: RouteAccessTable = {
  'GET /api/admin/export': adminOnly,
  'GET /api/admin/terminations': adminOnly,
  'POST /api/admin/terminations/preview': {
    allow: ['municipalAdmin'],
    body: () => ({ json: { reason: 'Matrisen prøver.' } }),
  },
  'POST /api/admin/terminations': {
    skip: "giving notice moves the fixture's services to terminating, which the gated routes need; see termination.routes.test.ts",
  },
  'GET /api/operator/wind-downs': operatorOnly,
  'POST /api/operator/wind-downs': {
    skip: "a wind-down moves every municipality's service to terminating, which the fixture's gated routes need; see termination.routes.test.ts",
  },
  'GET /api/operator/terminations': operatorOnly,
  'GET /api/me/service-notices': { allow: ['citizen', 'proxyInScope'], own: ['otherCitizen'] },
};
