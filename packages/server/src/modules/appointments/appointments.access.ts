import type { AccessFixture, RouteAccessTable, RouteBody } from '../../platform/http/route-access.ts';
import { DEMO_APPOINTMENT_TYPES } from './appointments.demo.ts';

/** An availability schedule of A's unit for one weekday, on the fixture's future date only. */
const schedule = (f: AccessFixture, weekday: number): RouteBody => ({
  json: {
    serviceUnitId: f.unit,
    appointmentTypeId: f.appointmentType,
    weekdays: [weekday],
    startTime: '13:00',
    endTime: '14:00',
    validFrom: f.futureDate,
    validTo: f.futureDate,
  },
});
/**
 * The demo's home-visit type, whose rules the fixture's `appointmentType` has: a change through the matrix leaves
 * it as the other appointment routes need it.
 */
function homeVisitType() {
  const found = DEMO_APPOINTMENT_TYPES.find((d) => d.kind === 'home_visit');
  if (!found) {
    throw new Error('the demo has no home-visit type');
  }
  const { unit: _unit, rule: _rule, ...body } = found;
  return body;
}
const TYPE_ADMINS = ['staffSameUnit', 'municipalAdmin'] as const;
const STAFF_ELSEWHERE = ['staffOtherUnit', 'staffOtherMunicipality', 'messageHandlerOtherOrg'] as const;
const CITIZEN_SIDE = ['citizen', 'proxyInScope'] as const;

/**
 * Who may reach the appointment routes (see platform/http/route-access.ts): A and A's proxy with the area for the
 * digital health services; the staff of A's unit; the EPJ of A's municipality.
 */
export const appointmentsAccess: RouteAccessTable = {
  'GET /api/appointments': { allow: CITIZEN_SIDE, own: ['otherCitizen'] },
  'GET /api/appointments/bookable-types': { allow: CITIZEN_SIDE, own: ['otherCitizen'] },
  'GET /api/appointments/free-slots': {
    allow: CITIZEN_SIDE,
    own: ['otherCitizen'],
    query: (f) => ({ typeId: f.bookableType, from: f.futureDate, to: f.futureDate }),
  },
  'GET /api/appointments/:id': { allow: CITIZEN_SIDE, params: { id: 'appointment' } },
  'GET /api/appointments/:id/calendar.ics': { allow: CITIZEN_SIDE, params: { id: 'appointment' } },
  'POST /api/appointments': {
    allow: CITIZEN_SIDE,
    once: 'a slot is booked once',
    own: ['otherCitizen'],
    body: (f) => ({ json: { slotId: f.bookableSlot } }),
  },
  'POST /api/appointments/:id/cancel': {
    allow: CITIZEN_SIDE,
    params: { id: 'appointmentToCancel' },
    once: 'the home visit needs the unit to accept: the first cancellation is a pending request',
    body: () => ({ json: { reason: 'illness', comment: 'Jeg er syk.' } }),
  },
  'POST /api/appointments/:id/new-time-requests': {
    allow: CITIZEN_SIDE,
    params: { id: 'appointment' },
    once: 'one pending request per appointment',
    body: () => ({ json: { comment: 'Kan dere komme etter lunsj?' } }),
  },
  'GET /api/home-visits/completed': { allow: CITIZEN_SIDE, own: ['otherCitizen'] },
  // The opt-in is the person's own, like notification preferences.
  'GET /api/home-visits/notice-preference': { allow: ['citizen'], own: ['otherCitizen'] },
  'PUT /api/home-visits/notice-preference': {
    allow: ['citizen'],
    own: ['otherCitizen'],
    body: () => ({ json: { optIn: false } }),
  },

  'GET /api/staff/appointments/units': { allow: ['staffSameUnit'], own: [...STAFF_ELSEWHERE, 'municipalAdmin'] },
  'GET /api/staff/appointments/units/:unitId/calendar': {
    allow: ['staffSameUnit'],
    params: { unitId: 'unit' },
    query: (f) => ({ date: f.futureDate, view: 'week' }),
  },
  'GET /api/staff/appointments/units/:unitId/types': { allow: ['staffSameUnit'], params: { unitId: 'unit' } },
  'POST /api/staff/appointments/units/:unitId/appointments': {
    allow: ['staffSameUnit'],
    params: { unitId: 'unit' },
    body: (f) => ({
      json: { personId: f.personA, typeId: f.appointmentType, localDate: f.futureDate, localTime: '16:00' },
    }),
  },
  'GET /api/staff/appointments/:id': { allow: ['staffSameUnit'], params: { id: 'appointment' } },
  'POST /api/staff/appointments/:id/move': {
    allow: ['staffSameUnit'],
    params: { id: 'appointmentToMove' },
    body: (f) => ({ json: { localDate: f.futureDate, localTime: '15:30' } }),
  },
  'POST /api/staff/appointments/:id/cancel': {
    allow: ['staffSameUnit'],
    params: { id: 'appointmentToCancel' },
    body: () => ({ json: { reason: 'unit_unavailable', comment: 'Vi har ikke folk.' } }),
  },
  'POST /api/staff/appointments/:id/outcome': {
    allow: ['staffSameUnit'],
    params: { id: 'appointmentForOutcome' },
    body: () => ({ json: { status: 'no_show' } }),
  },
  'POST /api/staff/appointments/:id/completed-visit': {
    allow: ['staffSameUnit'],
    params: { id: 'appointmentToComplete' },
    body: () => ({ json: { whatWasDone: 'Medisiner gitt etter plan.' } }),
  },
  'GET /api/staff/appointments/units/:unitId/requests': { allow: ['staffSameUnit'], params: { unitId: 'unit' } },
  'POST /api/staff/appointments/requests/:id/decision': {
    allow: ['staffSameUnit'],
    params: { id: 'appointmentRequest' },
    body: () => ({ json: { decision: 'decline', response: 'Vi beholder tiden.' } }),
  },
  'GET /api/staff/appointments/units/:unitId/citizens/:personId/staff-names': {
    allow: ['staffSameUnit'],
    params: { unitId: 'unit', personId: 'personA' },
  },
  'PUT /api/staff/appointments/units/:unitId/citizens/:personId/staff-names': {
    allow: ['staffSameUnit'],
    params: { unitId: 'unit', personId: 'personA' },
    body: () => ({ json: { hidden: false } }),
  },

  // A unit's appointment types (issue 12): its leader (staffSameUnit) and the municipality's administrator.
  'GET /api/admin/units/:unitId/appointment-types': {
    allow: TYPE_ADMINS,
    params: { unitId: 'unit' },
    foreign: { unitId: 'unitOtherMunicipality' },
  },
  'POST /api/admin/units/:unitId/appointment-types': {
    allow: TYPE_ADMINS,
    params: { unitId: 'unit' },
    foreign: { unitId: 'unitOtherMunicipality' },
    body: () => ({ json: { ...homeVisitType(), name: 'Matrisebesøk' } }),
  },
  'PUT /api/admin/units/:unitId/appointment-types/:typeId': {
    allow: TYPE_ADMINS,
    params: { unitId: 'unit', typeId: 'appointmentType' },
    foreign: { unitId: 'unitOtherMunicipality' },
    body: () => ({ json: homeVisitType() }),
  },
  'POST /api/admin/units/:unitId/appointment-types/:typeId/end': {
    skip: "ending the unit's home-visit type would spoil the fixture of the other appointment routes; see unit-types.routes.test.ts",
  },

  'POST /epj/v1/schedules': {
    allow: ['epjClient'],
    body: (f) => schedule(f, 3),
  },
  'PUT /epj/v1/schedules/:id': {
    allow: ['epjClient'],
    params: { id: 'schedule' },
    body: (f) => schedule(f, 4),
  },
  // Filtered by the token's municipality: for another municipality's unit the list is empty.
  'GET /epj/v1/slots': {
    allow: ['epjClient'],
    own: ['epjClientOtherMunicipality'],
    query: (f) => ({ serviceUnitId: f.unit, from: f.futureDate, to: f.futureDate }),
  },
  'POST /epj/v1/slots': {
    allow: ['epjClient'],
    body: (f) => ({
      json: { serviceUnitId: f.unit, appointmentTypeId: f.appointmentType, startsAt: f.laterInstant },
    }),
  },
  'POST /epj/v1/appointments': {
    allow: ['epjClient'],
    body: (f) => ({
      json: {
        serviceUnitId: f.unit,
        appointmentTypeId: f.appointmentType,
        nin: f.ninA,
        startsAt: f.futureInstant,
      },
    }),
  },
  'GET /epj/v1/appointments/:id': { allow: ['epjClient'], params: { id: 'appointmentForEpj' } },
  // Issue 10: another municipality's EPJ sent `{}` here and got A's appointment.
  'PATCH /epj/v1/appointments/:id': {
    allow: ['epjClient'],
    params: { id: 'appointmentForEpj' },
    body: () => ({ json: { location: 'Hjemme hos pasienten' } }),
  },
  'POST /epj/v1/appointments/:id/completed-visit': {
    allow: ['epjClient'],
    params: { id: 'appointmentForEpjVisit' },
    body: () => ({ json: { whatWasDone: 'Sårstell, ny bandasje lagt.' } }),
  },
};
