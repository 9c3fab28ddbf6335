import {
  HOME_CARE_ROUTES as R,
  type AssignVisitBody,
  type CompletedVisit,
  type HospitalReviewResponse,
  type MarkVisitDoneBody,
  type MyVisitsResponse,
  type StaffAppointment,
  type UnplannedVisitBody,
} from '@helsebro/contracts';

/** "Mine besøk i dag" (issue 15); the routes are listed in contracts' home-care.ts. */
export type HomeCareApi = {
  today(date?: string): Promise<MyVisitsResponse>;
  done(id: string, body: MarkVisitDoneBody): Promise<CompletedVisit>;
  unplanned(unitId: string, body: UnplannedVisitBody): Promise<CompletedVisit>;
  assign(id: string, body: AssignVisitBody): Promise<StaffAppointment>;
  review(personId: string): Promise<HospitalReviewResponse>;
};

type Request = <T>(method: string, path: string, body?: unknown) => Promise<T>;

const fill = (route: string, key: string, value: string) => route.replace(`:${key}`, encodeURIComponent(value));

export function createHomeCareApi(request: Request): HomeCareApi {
  return {
    today: (date) => request('GET', date ? `${R.today}?date=${encodeURIComponent(date)}` : R.today),
    done: (id, body) => request('POST', fill(R.done, 'id', id), body),
    unplanned: (unitId, body) => request('POST', fill(R.unplanned, 'unitId', unitId), body),
    assign: (id, body) => request('POST', fill(R.assign, 'id', id), body),
    review: (personId) => request('POST', fill(R.review, 'personId', personId), {}),
  };
}
