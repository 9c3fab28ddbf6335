import type { RouteAccessTable } from '../../platform/http/route-access.ts';

/** Who may reach the care routes: health contacts, staff lookups, emergency access (see platform/http/route-access.ts). */
export const careAccess: RouteAccessTable = {
  'GET /api/me/health-contacts': { allow: ['citizen', 'proxyInScope'], own: ['otherCitizen'] },
  // "My citizens": staff of A's unit see A; everyone else's list is their own and must not name A.
  'GET /api/staff/citizens': {
    allow: ['staffSameUnit'],
    own: ['staffOtherUnit', 'staffOtherMunicipality', 'messageHandlerOtherOrg'],
  },
  // A citizen's record: for personnel of a municipality where A has an active care relation, in any of its units
  // (docs/architecture.md, "Representation and access"); elsewhere only under emergency access.
  'POST /api/staff/citizens/lookup': {
    allow: ['staffSameUnit', 'staffOtherUnit'],
    body: (f) => ({ json: { nin: f.ninA } }),
  },
  'GET /api/staff/citizens/:personId': { allow: ['staffSameUnit', 'staffOtherUnit'], params: { personId: 'personA' } },
  // "Gjennomgått" after a hospital discharge (issue 15): staff of a unit serving A (an active care relation).
  'POST /api/staff/citizens/:personId/hospital-review': {
    allow: ['staffSameUnit'],
    params: { personId: 'personA' },
    noWitness:
      'A has no hospital discharge to review in the fixture (409 no_review_pending); hospital-admissions.test.ts reviews one',
  },
  // Emergency access breaks the glass: any health worker, for any registered person (the emergency ward sees
  // visitors from anywhere), with a reason that is audited and shown to the person.
  'POST /api/staff/emergency-access': {
    allow: ['staffSameUnit', 'staffOtherUnit', 'staffOtherMunicipality', 'messageHandlerOtherOrg'],
    body: (f) => ({ json: { personId: f.personA, reason: 'Pasienten er brakt inn bevisstløs.' } }),
  },
  // The unit's care relations (issue 12): its staff only; another unit's staff is refused (not_unit_staff).
  'GET /api/staff/units/:unitId/care-relations': { allow: ['staffSameUnit'], params: { unitId: 'unit' } },
  'POST /api/staff/units/:unitId/care-relations': {
    allow: ['staffSameUnit'],
    params: { unitId: 'unit' },
    body: (f) => ({ json: { nin: f.holderNin, validFrom: f.futureDate, validTo: f.futureDate } }),
    once: 'the same person and period again is refused (409 care_relation_exists)',
  },
  'POST /api/staff/units/:unitId/care-relations/:id/end': {
    skip: "ending A's care relation would take away the relation every other route of the matrix stands on; care-relations.routes.test.ts tests who may end one",
  },
  // The EPJ API: the municipality's EPJ acts for every unit of it; another municipality's EPJ finds no unit.
  'POST /epj/v1/care-relations': {
    allow: ['epjClient'],
    body: (f) => ({ json: { nin: f.holderNin, serviceUnitId: f.unit, validFrom: '2099-01-01' } }),
    once: 'the same person and period again is refused (409 care_relation_exists)',
  },
  'POST /epj/v1/care-relations/:id/end': {
    skip: "ending A's care relation would take away the relation every other route of the matrix stands on; care-relations.epj.routes.test.ts ends one",
  },
  'GET /epj/v1/care-relations/changes': { allow: ['epjClient'], own: ['epjClientOtherMunicipality'] },
};
