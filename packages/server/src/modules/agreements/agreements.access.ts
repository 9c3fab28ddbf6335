import type { RouteAccessTable } from '../../platform/http/route-access.ts';

const operatorOnly = { allow: ['operator'] } as const;
const noVersion = { skip: 'no terms version in the fixture; see agreements/terms.routes.test.ts' } as const;
const noMunicipality = { skip: 'no municipality id in the fixture; see agreements/terms.routes.test.ts' } as const;

/** Who may reach the agreements routes (see platform/http/route-access.ts). */
export const agreementsAccess: RouteAccessTable = {
  'GET /api/operator/terms': operatorOnly,
  'POST /api/operator/terms': {
    allow: ['operator'],
    body: () => ({
      json: { document: 'special', version: '9.9', date: '2026-01-15', changes: ['Matrisen'], significant: false },
    }),
    once: 'the second draft of the same version is a duplicate (409)',
  },
  'PUT /api/operator/terms/:versionId/ks-consultation': noVersion,
  'POST /api/operator/terms/:versionId/publish': noVersion,
  'GET /api/operator/terms/:versionId/acceptances': noVersion,
  'GET /api/operator/municipalities/:municipalityId/terms': noMunicipality,
  'PUT /api/operator/municipalities/:municipalityId/digifin': noMunicipality,
  // For personnel with `municipal_admin` in their municipality only.
  'GET /api/admin/terms': { allow: ['municipalAdmin'] },
  'POST /api/admin/terms/:versionId/accept': noVersion,
};
