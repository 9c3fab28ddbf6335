import type { RouteAccessTable } from '../../platform/http/route-access.ts';

/** Who may reach the representation routes (see platform/http/route-access.ts). */
export const representationAccess: RouteAccessTable = {
  // Whom one may act for: the proxies see A among their choices; another citizen must not.
  'GET /api/representation/choices': {
    allow: ['citizen', 'proxyInScope', 'proxyOutOfScope'],
    own: ['otherCitizen'],
  },
  'POST /api/representation/acting-for': {
    allow: ['citizen', 'proxyInScope', 'proxyOutOfScope'],
    body: (f) => ({ json: { personId: f.personA } }),
  },
  // Fullmakter are the person's own business: listed, given, replaced and ended only when acting for oneself.
  'GET /api/fullmakter': { allow: ['citizen'], own: ['otherCitizen'] },
  'POST /api/fullmakter': {
    allow: ['citizen'],
    own: ['otherCitizen'],
    body: (f) => ({ json: { holderNin: f.holderNin, serviceAreas: ['innsyn'] } }),
  },
  'POST /api/fullmakter/holder-lookup': {
    allow: ['citizen'],
    own: ['otherCitizen'],
    body: (f) => ({ json: { holderNin: f.holderNin } }),
  },
  'POST /api/fullmakter/:id/replace': {
    allow: ['citizen'],
    params: { id: 'fullmaktToReplace' },
    body: () => ({ json: { serviceAreas: ['innsyn', 'digitale_helsetjenester'] } }),
  },
  'POST /api/fullmakter/:id/end': { allow: ['citizen'], params: { id: 'fullmaktToEnd' } },
};
