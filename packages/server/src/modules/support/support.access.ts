import type { RouteAccessTable } from '../../platform/http/route-access.ts';

// Staff of A's municipality see its requests; staff elsewhere get their own municipality's (none of A's).
const staffOfA = ['staffSameUnit', 'staffOtherUnit', 'municipalAdmin'] as const;
const staffElsewhere = ['staffOtherMunicipality', 'messageHandlerOtherOrg'] as const;

/** Who may reach the support and evaluation routes (see platform/http/route-access.ts). */
export const supportAccess: RouteAccessTable = {
  'GET /api/support/recipients': { allow: staffOfA, own: staffElsewhere },
  'GET /api/support/requests': { allow: staffOfA, own: staffElsewhere },
  // The operator is always registered for `platform`, so the request routes whatever the fixture registered.
  'POST /api/support/requests': {
    allow: staffOfA,
    body: (f) => ({
      json: { category: 'platform', title: 'Matrisetest', description: 'Ingen helseopplysninger.', unitId: f.unit },
    }),
  },
  'PUT /api/admin/ict-operations-vendor': {
    allow: ['municipalAdmin'],
    body: () => ({ json: { name: 'Matrise Drift AS', email: 'drift@matrise.no', phone: '+47 22 00 00 02' } }),
  },
  'GET /api/operator/support/requests': { allow: ['operator'] },
  'POST /api/operator/support/requests/:requestId/reply': {
    skip: 'no support request in the fixture; support.routes.test.ts answers its own',
  },
  'POST /api/operator/support/requests/:requestId/close': {
    skip: 'no support request in the fixture; support.routes.test.ts closes its own',
  },
  'GET /api/operator/evaluation': { allow: ['operator'], query: () => ({ from: '2026-01-01', to: '2026-01-31' }) },
  'GET /api/operator/evaluation.csv': { allow: ['operator'], query: () => ({ from: '2026-01-01', to: '2026-01-31' }) },
};
