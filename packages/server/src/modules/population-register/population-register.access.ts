import type { RouteAccessTable } from '../../platform/http/route-access.ts';

/** Who may reach the population register import (see platform/http/route-access.ts). */
export const populationRegisterAccess: RouteAccessTable = {
  // The register is national: only the platform operator loads it. An empty extract changes nothing.
  'POST /api/operator/population-register/import': { allow: ['operator'], body: () => ({ json: [] }) },
};
