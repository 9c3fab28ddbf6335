import { EVERYONE, type RouteAccessTable } from '../../platform/http/route-access.ts';

/**
 * Who may reach the EPJ API's own routes (see platform/http/route-access.ts); the feature modules declare their
 * EPJ routes beside them (dialog/epj.access.ts, appointments/appointments.access.ts).
 */
export const epjAccess: RouteAccessTable = {
  // The API's description is public, as any OpenAPI document of an integration API.
  'GET /epj/v1/openapi.json': { allow: EVERYONE },
  // Each EPJ reads its own municipality's feed; the other's must not name A.
  'GET /epj/v1/events': { allow: ['epjClient'], own: ['epjClientOtherMunicipality'] },
};
