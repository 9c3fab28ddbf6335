import type {
  AppointmentRequest,
  BookableTypesResponse,
  CancelAppointmentBody,
  CancelAppointmentResponse,
  CitizenAppointment,
  CitizenAppointmentsResponse,
  CompletedVisit,
  CompletedVisitsResponse,
  DecideRequestBody,
  FreeSlotsResponse,
  MoveAppointmentBody,
  RecordCompletedVisitBody,
  StaffAppointment,
  StaffAppointmentUnitsResponse,
  StaffCalendarResponse,
  StaffCancelAppointmentBody,
  StaffCreateAppointmentBody,
  StaffNamesSetting,
  StaffRequestsResponse,
  VisitNoticePreference,
} from '@helsebro/contracts';
import { APPOINTMENT_ROUTES } from '@helsebro/contracts/constants';

/** The appointment calls (A5, A6) the pages make; paths come from the contracts' APPOINTMENT_ROUTES. */
export type AppointmentsApi = {
  list(): Promise<CitizenAppointmentsResponse>;
  bookableTypes(): Promise<BookableTypesResponse>;
  freeSlots(query: { typeId: string; from?: string; to?: string }): Promise<FreeSlotsResponse>;
  book(slotId: string): Promise<CitizenAppointment>;
  cancel(id: string, body: CancelAppointmentBody): Promise<CancelAppointmentResponse>;
  requestNewTime(id: string, comment: string): Promise<AppointmentRequest>;
  completedVisits(): Promise<CompletedVisitsResponse>;
  visitNotices(): Promise<VisitNoticePreference>;
  setVisitNotices(optIn: boolean): Promise<VisitNoticePreference>;
  staffUnits(): Promise<StaffAppointmentUnitsResponse>;
  calendar(unitId: string, query: { date?: string; view: 'day' | 'week' }): Promise<StaffCalendarResponse>;
  create(unitId: string, body: StaffCreateAppointmentBody): Promise<StaffAppointment>;
  move(id: string, body: MoveAppointmentBody): Promise<StaffAppointment>;
  staffCancel(id: string, body: StaffCancelAppointmentBody): Promise<StaffAppointment>;
  recordVisit(id: string, body: RecordCompletedVisitBody): Promise<CompletedVisit>;
  requests(unitId: string): Promise<StaffRequestsResponse>;
  decide(requestId: string, body: DecideRequestBody): Promise<AppointmentRequest>;
  staffNames(unitId: string, personId: string): Promise<StaffNamesSetting>;
  setStaffNames(unitId: string, personId: string, hidden: boolean): Promise<StaffNamesSetting>;
};

type Request = <T>(method: string, path: string, body?: unknown) => Promise<T>;

const R = APPOINTMENT_ROUTES;

/**
 * Fills a route's `:name` parameters, each URI-encoded.
 * @param route - a path from APPOINTMENT_ROUTES
 * @param params - the values by parameter name
 */
export function fillPath(route: string, params: Record<string, string>): string {
  return route.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) {
      throw new Error(`missing path parameter ${name}`);
    }
    return encodeURIComponent(value);
  });
}

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value) {
      search.set(key, value);
    }
  }
  const qs = search.toString();
  return qs ? `?${qs}` : '';
}

/**
 * The appointment calls over the app's request function (same-origin cookies, CSRF on writes, problem+json).
 * @param request - the API client's request function
 */
export function createAppointmentsApi(request: Request): AppointmentsApi {
  const c = R.citizen;
  const s = R.staff;
  return {
    list: () => request('GET', c.list),
    bookableTypes: () => request('GET', c.bookableTypes),
    freeSlots: (q) => request('GET', `${c.freeSlots}${query(q)}`),
    book: (slotId) => request('POST', c.book, { slotId }),
    cancel: (id, body) => request('POST', fillPath(c.cancel, { id }), body),
    requestNewTime: (id, comment) => request('POST', fillPath(c.newTimeRequest, { id }), { comment }),
    completedVisits: () => request('GET', c.completedVisits),
    visitNotices: () => request('GET', c.visitNotices),
    setVisitNotices: (optIn) => request('PUT', c.visitNotices, { optIn }),
    staffUnits: () => request('GET', s.units),
    calendar: (unitId, q) => request('GET', `${fillPath(s.calendar, { unitId })}${query(q)}`),
    create: (unitId, body) => request('POST', fillPath(s.create, { unitId }), body),
    move: (id, body) => request('POST', fillPath(s.move, { id }), body),
    staffCancel: (id, body) => request('POST', fillPath(s.cancel, { id }), body),
    recordVisit: (id, body) => request('POST', fillPath(s.completeVisit, { id }), body),
    requests: (unitId) => request('GET', `${fillPath(s.requests, { unitId })}?status=pending`),
    decide: (requestId, body) => request('POST', fillPath(s.decideRequest, { id: requestId }), body),
    staffNames: (unitId, personId) => request('GET', fillPath(s.staffNames, { unitId, personId })),
    setStaffNames: (unitId, personId, hidden) =>
      request('PUT', fillPath(s.staffNames, { unitId, personId }), { hidden }),
  };
}
