import { EVERYONE, type RouteAccessTable } from '../../platform/http/route-access.ts';

/** Who may reach the identity module's routes (see platform/http/route-access.ts). */
export const identityAccess: RouteAccessTable = {
  // Anyone may ask who they are; only a session acting for A is answered about A.
  'GET /api/session': {
    allow: ['citizen', 'proxyInScope', 'proxyOutOfScope'],
    own: EVERYONE.filter((k) => !['citizen', 'proxyInScope', 'proxyOutOfScope'].includes(k)),
  },
  // The register data of the person acted for needs the area innsyn.
  'GET /api/me/profile': { allow: ['citizen', 'proxyOutOfScope'], own: ['otherCitizen'] },
  'GET /auth/login': { allow: EVERYONE, noWitness: 'answers 303 to the identity provider' },
  'GET /auth/callback': { allow: EVERYONE, noWitness: 'no login was started, so there is no state to complete' },
  'POST /auth/logout': {
    allow: EVERYONE,
    body: () => ({ form: {} }),
    endsSession: true,
    noWitness: "answers 303 to the identity provider's logout",
  },
  // Skipped: oidc-provider's own protocol endpoints (authorization, token, JWKS, discovery, end session) under
  // /idp. The library authenticates them by client credentials and its own interaction cookies, never by a
  // Helsebro session; the EPJ callers' tokens come from its token endpoint, which is how the matrix uses it.
  'GET /idp/*': { skip: "oidc-provider's protocol endpoints, authenticated by the library itself" },
  'POST /idp/*': { skip: "oidc-provider's protocol endpoints, authenticated by the library itself" },
  'OPTIONS /idp/*': { skip: "oidc-provider's protocol endpoints (CORS preflight)" },
  // The development IdP's own login pages: public, but only within a login the IdP started.
  'GET /idp/interaction/:uid': {
    allow: EVERYONE,
    params: { uid: 'idpInteraction' },
    noWitness: 'no login started this interaction',
  },
  'POST /idp/interaction/:uid/login': {
    allow: EVERYONE,
    params: { uid: 'idpInteraction' },
    body: (f) => ({ form: { nin: f.ninA, kind: 'citizen' } }),
    noWitness: 'no login started this interaction',
  },
  'GET /idp-assets/logout.js': { allow: EVERYONE },
};
