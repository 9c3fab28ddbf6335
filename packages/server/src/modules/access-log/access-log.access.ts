import type { RouteAccessTable } from '../../platform/http/route-access.ts';

/** Who may read the access log (see platform/http/route-access.ts): the person, or a proxy with innsyn. */
export const accessLogAccess: RouteAccessTable = {
  'GET /api/access-log': { allow: ['citizen', 'proxyOutOfScope'], own: ['otherCitizen'] },
};
