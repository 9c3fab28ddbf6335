import type { RouteAccessTable } from '../../platform/http/route-access.ts';

// The operator onboards and reads municipalities; no other caller of the matrix may.
const operatorOnly = { allow: ['operator'] } as const;
// The administration workspace is for personnel with `municipal_admin`; none of the matrix's callers has that role
// (its staff are a unit leader and message handlers), so every caller must be refused.
const adminOnly = { allow: [] } as const;

/** Who may reach the organisations routes (see platform/http/route-access.ts). */
export const organisationsAccess: RouteAccessTable = {
  'GET /api/operator/municipalities': operatorOnly,
  'POST /api/operator/municipalities': {
    allow: ['operator'],
    body: () => ({
      json: {
        name: 'Matrisekommune',
        orgNumber: '974760673',
        number: '9950',
        contactName: 'Kari Kontakt',
        contactEmail: 'kontakt@matrise.kommune.no',
        contactPhone: '+47 22 00 00 00',
      },
    }),
    once: 'the second onboarding of the same numbers is a duplicate (409)',
  },
  'GET /api/operator/municipalities/:municipalityId': {
    skip: 'no municipality id in the fixture; see organisations tests',
  },
  'POST /api/operator/municipalities/:municipalityId/administrators': {
    skip: 'no municipality id in the fixture; see organisations tests',
  },
  'GET /api/operator/epj-products': operatorOnly,
  'POST /api/operator/epj-products': {
    allow: ['operator'],
    body: () => ({ json: { vendor: 'Matrise AS', name: 'Matrise EPJ', versions: ['1.0'], services: ['dialog'] } }),
    once: 'the second registration of the same product is a duplicate (409)',
  },
  'GET /api/admin/municipality': adminOnly,
  'PUT /api/admin/epj-system': adminOnly,
  'GET /api/admin/units': adminOnly,
  'POST /api/admin/units': {
    allow: [],
    body: () => ({
      json: { name: 'Matriseenheten', kind: 'home_care', phone: '+47 22 00 00 01', functionalEmail: 'e@matrise.no' },
    }),
  },
  'PUT /api/admin/units/:unitId': {
    allow: [],
    params: { unitId: 'unit' },
    body: () => ({
      json: { name: 'Omdøpt', kind: 'home_care', phone: '+47 22 00 00 01', functionalEmail: 'e@matrise.no' },
    }),
  },
  'POST /api/admin/units/:unitId/close': { allow: [], params: { unitId: 'unit' } },
  'GET /api/admin/staff': adminOnly,
  'POST /api/admin/staff': {
    allow: [],
    body: (f) => ({
      json: { nin: f.holderNin, givenName: 'Ny', familyName: 'Ansatt', roles: [{ role: 'nurse', unitId: f.unit }] },
    }),
  },
  'PUT /api/admin/staff/:personnelId': {
    allow: [],
    params: { personnelId: 'unitStaffId' },
    body: (f) => ({ json: { givenName: 'Ny', familyName: 'Navn', roles: [{ role: 'nurse', unitId: f.unit }] } }),
  },
  'DELETE /api/admin/staff/:personnelId': { allow: [], params: { personnelId: 'unitStaffId' } },
  'GET /api/admin/epj-clients': adminOnly,
  'POST /api/admin/epj-clients': {
    allow: [],
    body: () => ({ json: { clientId: 'matrise-epj', clientName: 'Matrise', secret: 'matrise-secret-0123456789' } }),
  },
  'POST /api/admin/epj-clients/:clientId/rotate': {
    skip: "the fixture's EPJ clients are the seed's; the administrator tests rotate their own",
  },
  'POST /api/admin/epj-clients/:clientId/revoke': {
    skip: "the fixture's EPJ clients are the seed's; the administrator tests revoke their own",
  },
};
