import type { RouteAccessTable } from './route-access.ts';

/**
 * The web app's files. Skipped by the matrix: they are the same public files for everyone (the built bundle and
 * index.html), hold no data, and every path under /api, /auth, /idp, /edi, /health and /ready falls through to
 * the problem+json 404 instead (web.test.ts).
 */
export const webAccess: RouteAccessTable = {
  'GET /assets/*': { skip: "the web app's hashed static files, the same for everyone" },
  'GET /*': { skip: "the web app's index.html and top-level files, the same for everyone" },
};
