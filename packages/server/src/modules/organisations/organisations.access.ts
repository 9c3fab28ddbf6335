import type { RouteAccessTable } from '../../platform/http/route-access.ts';

// The operator onboards and reads municipalities; no other caller of the matrix may.
const operatorOnly = { allow: ['operator'] } as const;
// The administration workspace is for personnel with `municipal_admin` in their municipality, nobody else.
const adminOnly = { allow: ['municipalAdmin'] } as const;

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
  'PUT /api/operator/epj-products/:productId/support-contact': {
    allow: ['operator'],
    params: { productId: 'epjProduct' },
    body: () => ({
      json: { supportContact: { name: 'Matrise brukerstøtte', email: 'hjelp@matrise.no', phone: '+47 22 00 00 02' } },
    }),
  },
  'GET /api/admin/municipality': adminOnly,
  'PUT /api/admin/epj-system': {
    allow: ['municipalAdmin'],
    body: (f) => ({ json: { productId: f.epjProduct, version: '1.0' } }),
  },
  'GET /api/admin/units': adminOnly,
  'POST /api/admin/units': {
    allow: ['municipalAdmin'],
    body: () => ({
      json: { name: 'Matriseenheten', kind: 'home_care', phone: '+47 22 00 00 01', functionalEmail: 'e@matrise.no' },
    }),
    once: 'a second unit of the same name is a duplicate (409)',
  },
  'PUT /api/admin/units/:unitId': {
    allow: ['municipalAdmin'],
    params: { unitId: 'adminUnit' },
    foreign: { unitId: 'unitOtherMunicipality' },
    body: () => ({
      json: { name: 'Omdøpt', kind: 'home_care', phone: '+47 22 00 00 01', functionalEmail: 'e@matrise.no' },
    }),
  },
  'POST /api/admin/units/:unitId/close': {
    allow: ['municipalAdmin'],
    params: { unitId: 'adminUnit' },
    foreign: { unitId: 'unitOtherMunicipality' },
    body: () => ({ json: { reason: 'Enheten er slått sammen med Hjemmesykepleien.' } }),
  },
  'GET /api/admin/staff': adminOnly,
  'POST /api/admin/staff': {
    allow: ['municipalAdmin'],
    body: (f) => ({
      json: { nin: f.holderNin, givenName: 'Ny', familyName: 'Ansatt', roles: [{ role: 'nurse', unitId: f.unit }] },
    }),
    once: 'the second registration of the same person is a duplicate (409)',
  },
  'PUT /api/admin/staff/:personnelId': {
    allow: ['municipalAdmin'],
    params: { personnelId: 'adminStaff' },
    foreign: { personnelId: 'staffOtherMunicipality' },
    body: (f) => ({ json: { givenName: 'Ny', familyName: 'Navn', roles: [{ role: 'nurse', unitId: f.unit }] } }),
  },
  'DELETE /api/admin/staff/:personnelId': {
    allow: ['municipalAdmin'],
    params: { personnelId: 'adminStaff' },
    foreign: { personnelId: 'staffOtherMunicipality' },
    body: () => ({ json: { reason: 'Vikariatet er over.' } }),
    once: 'a staff member whose work has ended is not found again (404)',
  },
  'GET /api/admin/epj-clients': adminOnly,
  'POST /api/admin/epj-clients': {
    allow: ['municipalAdmin'],
    body: () => ({ json: { clientId: 'matrise-epj', clientName: 'Matrise', secret: 'matrise-secret-0123456789' } }),
    once: 'a second client with the same id is a duplicate (409)',
  },
  'POST /api/admin/epj-clients/:clientId/rotate': {
    allow: ['municipalAdmin'],
    params: { clientId: 'adminClient' },
    foreign: { clientId: 'clientOtherMunicipality' },
    body: () => ({ json: { secret: 'matrise-klient-nytt-secret-0123456789' } }),
  },
  'POST /api/admin/epj-clients/:clientId/revoke': {
    allow: ['municipalAdmin'],
    params: { clientId: 'adminClient' },
    foreign: { clientId: 'clientOtherMunicipality' },
    body: () => ({ json: { reason: 'Hemmeligheten kan ha kommet på avveie.' } }),
  },
};
