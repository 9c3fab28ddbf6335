import type { RouteAccessTable } from '../../platform/http/route-access.ts';

const operatorOnly = { allow: ['operator'] } as const;
// Administrator routes: personnel with `municipal_admin` in the municipality (the matrix's `municipalAdmin`).
const adminOnly = { allow: ['municipalAdmin'] } as const;

/** Who may reach the services routes (see platform/http/route-access.ts). */
export const servicesAccess: RouteAccessTable = {
  'GET /api/operator/service-catalogue': operatorOnly,
  'POST /api/operator/service-catalogue': {
    allow: ['operator'],
    body: () => ({
      json: {
        note: 'Matrisen',
        areas: [
          {
            code: 'contact',
            name: { nb: 'Kontakt', nn: 'Kontakt', en: 'Contact' },
            services: [
              {
                code: 'dialog',
                name: { nb: 'Dialog', nn: 'Dialog', en: 'Dialogue' },
                description: { nb: 'Meldinger.', nn: 'Meldingar.', en: 'Messages.' },
                requiresDpa: false,
                requiresEpjSupport: true,
              },
            ],
          },
        ],
      },
    }),
  },
  'GET /api/operator/municipalities/:municipalityId/services': {
    skip: 'no municipality id in the fixture; see services tests',
  },
  'GET /api/operator/municipalities/:municipalityId/services/history': {
    skip: 'no municipality id in the fixture; see services tests',
  },
  'POST /api/operator/municipalities/:municipalityId/services/:serviceCode/activate': {
    skip: 'no municipality id in the fixture; see services tests',
  },
  'POST /api/operator/municipalities/:municipalityId/services/:serviceCode/suspend': {
    skip: 'no municipality id in the fixture; see services tests',
  },
  'GET /api/admin/services': adminOnly,
  'GET /api/admin/services/history': adminOnly,
  'POST /api/admin/services/orders': { allow: ['municipalAdmin'], body: () => ({ json: { area: 'contact' } }) },
  'POST /api/admin/data-processing-agreement': {
    allow: ['municipalAdmin'],
    body: () => ({
      json: {
        version: '1.0',
        signatoryName: 'Kari Signatar',
        signatoryTitle: 'Kommunedirektør',
        signedOn: '2026-01-05',
      },
    }),
  },
  'GET /api/me/services': {
    allow: [
      'citizen',
      'otherCitizen',
      'proxyInScope',
      'proxyOutOfScope',
      'staffSameUnit',
      'staffOtherUnit',
      'staffOtherMunicipality',
      'messageHandlerOtherOrg',
      'municipalAdmin',
    ],
  },
};
