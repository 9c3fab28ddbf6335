import type { RouteAccessTable } from '../../platform/http/route-access.ts';

/**
 * Who may reach "Mine besøk i dag" (see platform/http/route-access.ts): staff of A's unit; the list is each health
 * worker's own, so staff elsewhere get their own (empty) day.
 */
export const homeCareAccess: RouteAccessTable = {
  'GET /api/staff/home-visits/today': {
    allow: ['staffSameUnit'],
    own: ['staffOtherUnit', 'staffOtherMunicipality', 'messageHandlerOtherOrg', 'municipalAdmin'],
  },
  'POST /api/staff/home-visits/:id/done': {
    allow: ['staffSameUnit'],
    params: { id: 'appointment' },
    body: () => ({ json: { note: 'Medisiner gitt.' } }),
    noWitness: "the fixture's visits are planned two weeks ahead, and a visit is marked done on its day only",
  },
  'POST /api/staff/home-visits/units/:unitId/unplanned': {
    allow: ['staffSameUnit'],
    params: { unitId: 'unit' },
    body: (f) => ({ json: { personId: f.personA, whatWasDone: 'Tilsyn etter telefon fra pårørende.' } }),
  },
  'POST /api/staff/home-visits/:id/assign': {
    allow: ['staffSameUnit'],
    params: { id: 'appointment' },
    body: (f) => ({ json: { staffPersonnelId: f.unitStaffId } }),
  },
};
