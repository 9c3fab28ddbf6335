import type { RouteAccessTable } from '../../platform/http/route-access.ts';

/** Who may reach the operator console's outbox API (see platform/http/route-access.ts). */
export const operatorAccess: RouteAccessTable = {
  'GET /api/operator/jobs': { allow: ['operator'] },
  'POST /api/operator/jobs/:id/retry': { allow: ['operator'], params: { id: 'job' } },
};
