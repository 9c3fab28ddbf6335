import type {
  PloAlert,
  PloAlertListQuery,
  PloAlertListResponse,
  PloConsoleAnswerBody,
  PloConsoleAnswerResponse,
  PloConsoleBox,
  PloConsoleListQuery,
  PloConsoleListResponse,
  PloConsoleMessage,
  PloConsoleServicesResponse,
  PloRejectedForwardBody,
  PloRejectedItem,
  PloRejectedListQuery,
  PloRejectedListResponse,
} from '@helsebro/contracts';

/** The message console's calls (PLO, issue 4); the routes are listed in the contracts' plo-console.ts. */
export type PloConsoleApi = {
  services(): Promise<PloConsoleServicesResponse>;
  list(herId: string, box: PloConsoleBox, query: PloConsoleListQuery): Promise<PloConsoleListResponse>;
  message(id: string): Promise<PloConsoleMessage>;
  markHandled(id: string): Promise<PloConsoleMessage>;
  answer(id: string, body: PloConsoleAnswerBody): Promise<PloConsoleAnswerResponse>;
  /** Alerts (issue 14): the caller's organisation's, paged, the most serious and newest first. */
  alerts(q: PloAlertListQuery): Promise<PloAlertListResponse>;
  alert(id: string): Promise<PloAlert>;
  acknowledgeAlert(id: string): Promise<PloAlert>;
  closeAlert(id: string, note: string): Promise<PloAlert>;
  /** Rejected messages addressed to the caller's organisation (issue 14, D6). */
  rejected(q: PloRejectedListQuery): Promise<PloRejectedListResponse>;
  closeRejected(id: string, note: string): Promise<PloRejectedItem>;
  forwardRejected(id: string, body: PloRejectedForwardBody): Promise<PloRejectedItem>;
};

type Request = <T>(method: string, path: string, body?: unknown) => Promise<T>;

const BASE = '/api/plo/console';

/** Where the raw XML of a message is downloaded (a plain link: the browser saves the attachment). */
export function ploMessageXmlUrl(id: string): string {
  return `${BASE}/messages/${encodeURIComponent(id)}/xml`;
}

function query(q: PloConsoleListQuery | PloAlertListQuery | PloRejectedListQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(q) as Array<[string, string | number | undefined]>) {
    if (value !== undefined && value !== '') {
      params.set(key, String(value));
    }
  }
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

/**
 * @param request - the API client's request function (cookies, CSRF token, problem+json)
 */
export function createPloConsoleApi(request: Request): PloConsoleApi {
  const message = (id: string) => `${BASE}/messages/${encodeURIComponent(id)}`;
  return {
    services: () => request('GET', `${BASE}/services`),
    list: (herId, box, q) => request('GET', `${BASE}/services/${encodeURIComponent(herId)}/${box}${query(q)}`),
    message: (id) => request('GET', message(id)),
    markHandled: (id) => request('POST', `${message(id)}/handled`),
    answer: (id, body) => request('POST', `${message(id)}/answer`, body),
    alerts: (q) => request('GET', `${BASE}/alerts${query(q)}`),
    alert: (id) => request('GET', `${BASE}/alerts/${encodeURIComponent(id)}`),
    acknowledgeAlert: (id) => request('POST', `${BASE}/alerts/${encodeURIComponent(id)}/acknowledge`),
    closeAlert: (id, note) => request('POST', `${BASE}/alerts/${encodeURIComponent(id)}/close`, { note }),
    rejected: (q) => request('GET', `${BASE}/rejected${query(q)}`),
    closeRejected: (id, note) => request('POST', `${BASE}/rejected/${encodeURIComponent(id)}/close`, { note }),
    forwardRejected: (id, body) => request('POST', `${BASE}/rejected/${encodeURIComponent(id)}/forward`, body),
  };
}
