import type {
  AccessLogQuery,
  RetryDeadBody,
  RetryDeadResponse,
  AccessLogResponse,
  ContactDetailsResponse,
  ConversationResponse,
  ConversationsResponse,
  CSRF_HEADER,
  DialogUnitsResponse,
  EmergencyAccessBody,
  EmergencyAccessResponse,
  FullmakterResponse,
  FullmaktResponse,
  GiveFullmaktBody,
  FullmaktHolderLookupBody,
  FullmaktHolderLookupResponse,
  HealthContactsResponse,
  JobState,
  JobsResponse,
  NotificationPreferences,
  ProblemResponse,
  ProfileResponse,
  RepresentationChoicesResponse,
  SessionResponse,
  StaffCitizenResponse,
  StaffCitizensResponse,
  StaffDialogUnitsResponse,
  StaffInboxResponse,
  StaffLookupBody,
  SwitchActingForResponse,
  UnitStaffResponse,
} from '@helsebro/contracts';
import { ApiError } from './api-error.ts';
import { createAppointmentsApi, type AppointmentsApi } from './appointments-api.ts';
import { createPloConsoleApi, type PloConsoleApi } from './plo-console-api.ts';
import { createCareRelationsApi, type CareRelationsApi } from './care-relations-api.ts';
import { createOperatorApi, type OperatorApi } from './operator-api.ts';
import { createAdminApi, type AdminApi } from './admin-api.ts';
import { createAgreementsApi, type AgreementsApi } from './agreements-api.ts';
import { createSupportApi, type SupportApi } from './support-api.ts';
import { createTerminationApi, type TerminationApi } from './termination-api.ts';
import { createServicesApi, type ServicesApi } from './services-api.ts';
import { createHomeCareApi, type HomeCareApi } from './home-care-api.ts';
import { createLettersApi, type LettersApi } from './letters-api.ts';

/** What the pages need from the server; a fake implements the same shape in component tests. */
export type ApiClient = {
  /** Appointments and home visits (A5, A6), citizen and staff. */
  appointments: AppointmentsApi;
  /** The PLO message console (issue 4), for message handlers. */
  ploConsole: PloConsoleApi;
  /** The unit's care relations (issue 12), for its staff. */
  careRelations: CareRelationsApi;
  homeCare: HomeCareApi;
  /** The operator console's municipalities and EPJ products (issue 12). */
  operator: OperatorApi;
  /** The municipality administrator's workspace (issue 12). */
  admin: AdminApi;
  /** Terms, KS consultation, DigiFin and acceptance (issue 12). */
  agreements: AgreementsApi;
  /** Support routing and the evaluation figures (issue 12). */
  support: SupportApi;
  /** Termination, wind-down and the citizens' notices (issue 12). */
  termination: TerminationApi;
  /** Ordering, activation, the data processing agreement and the active services (issue 12). */
  services: ServicesApi;
  /** Letters (issue 13): the citizen's, and a unit's sending, report and print list. */
  letters: LettersApi;
  getSession(): Promise<SessionResponse>;
  getProfile(): Promise<ProfileResponse>;
  getJobs(query: { state?: JobState; limit?: number }): Promise<JobsResponse>;
  retryJob(id: number): Promise<void>;
  retryDeadJobs(body: RetryDeadBody): Promise<RetryDeadResponse>;
  getChoices(): Promise<RepresentationChoicesResponse>;
  switchActingFor(personId: string): Promise<SwitchActingForResponse>;
  getHealthContacts(): Promise<HealthContactsResponse>;
  getFullmakter(): Promise<FullmakterResponse>;
  giveFullmakt(body: GiveFullmaktBody): Promise<FullmaktResponse>;
  lookupFullmaktHolder(body: FullmaktHolderLookupBody): Promise<FullmaktHolderLookupResponse>;
  endFullmakt(id: string): Promise<FullmaktResponse>;
  getAccessLog(query: AccessLogFilter): Promise<AccessLogResponse>;
  getStaffCitizens(): Promise<StaffCitizensResponse>;
  lookupCitizen(body: StaffLookupBody): Promise<StaffCitizenResponse>;
  getStaffCitizen(personId: string): Promise<StaffCitizenResponse>;
  grantEmergencyAccess(body: EmergencyAccessBody): Promise<EmergencyAccessResponse>;
  // Dialog (A3): messages travel as multipart/form-data (fields and files).
  getDialogUnits(): Promise<DialogUnitsResponse>;
  getConversations(): Promise<ConversationsResponse>;
  getConversation(id: string): Promise<ConversationResponse>;
  startConversation(form: FormData): Promise<ConversationResponse>;
  replyToConversation(id: string, form: FormData): Promise<ConversationResponse>;
  getNotificationPreferences(): Promise<NotificationPreferences>;
  getContactDetails(): Promise<ContactDetailsResponse>;
  setNotificationPreferences(body: NotificationPreferences): Promise<NotificationPreferences>;
  getStaffDialogUnits(): Promise<StaffDialogUnitsResponse>;
  getStaffInbox(unitId: string): Promise<StaffInboxResponse>;
  getUnitStaff(unitId: string): Promise<UnitStaffResponse>;
  getStaffConversation(id: string): Promise<ConversationResponse>;
  staffReply(id: string, form: FormData): Promise<ConversationResponse>;
  /** The unit starts a conversation with a citizen it serves (multipart: personId, subject, text, files). */
  staffStartConversation(unitId: string, form: FormData): Promise<ConversationResponse>;
  closeConversation(id: string): Promise<ConversationResponse>;
  assignConversation(id: string, personnelId: string | null): Promise<ConversationResponse>;
};

/** The access log's filter and page, as the URL and the page hold them (the limit has a server default). */
export type AccessLogFilter = Omit<AccessLogQuery, 'limit' | 'who'> & { limit?: number; who?: AccessLogQuery['who'] };

const SIGNED_OUT: SessionResponse = { authenticated: false, user: null, csrfToken: null, expiresAt: null };
// The contracts' constant, checked by its literal type (a value import would bundle zod).
const CSRF: typeof CSRF_HEADER = 'x-csrf-token';
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The API client the app uses: same-origin cookies, JSON in and out, problem+json turned into ApiError, and
 * the session's CSRF token sent as `x-csrf-token` on every write.
 * @param baseUrl - prefix for every path; empty in the browser (same origin)
 */
export function createApiClient(baseUrl = ''): ApiClient {
  let csrfToken: string | null = null;

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    // FormData sets its own multipart content type, with the boundary; a Blob is sent as it is, typed by its `type`.
    const multipart = body instanceof FormData || body instanceof Blob;
    if (body !== undefined && !multipart) {
      headers['content-type'] = 'application/json';
    }
    if (WRITE_METHODS.has(method) && csrfToken) {
      headers[CSRF] = csrfToken;
    }
    let res: Response;
    try {
      res = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body !== undefined ? { body: multipart ? body : JSON.stringify(body) } : {}),
      });
    } catch {
      throw new ApiError(0, { code: 'network_error' });
    }
    if (!res.ok) {
      throw new ApiError(res.status, await readProblem(res));
    }
    if (res.status === 204 || res.headers.get('content-length') === '0') {
      return undefined as T;
    }
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return {
    appointments: createAppointmentsApi(request),
    ploConsole: createPloConsoleApi(request),
    careRelations: createCareRelationsApi(request),
    homeCare: createHomeCareApi(request),
    operator: createOperatorApi(request),
    admin: createAdminApi(request),
    agreements: createAgreementsApi(request),
    support: createSupportApi(request),
    termination: createTerminationApi(request),
    services: createServicesApi(request),
    letters: createLettersApi(request),
    async getSession() {
      try {
        const session = await request<SessionResponse>('GET', '/api/session');
        csrfToken = session.csrfToken;
        return session;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) {
          csrfToken = null;
          return SIGNED_OUT;
        }
        throw err;
      }
    },
    getProfile: () => request<ProfileResponse>('GET', '/api/me/profile'),
    getJobs: (query) => request<JobsResponse>('GET', `/api/operator/jobs${queryString(query)}`),
    retryJob: async (id) => {
      await request<unknown>('POST', `/api/operator/jobs/${encodeURIComponent(String(id))}/retry`);
    },
    retryDeadJobs: (body) => request('POST', '/api/operator/jobs/retry-dead', body),
    getChoices: () => request('GET', '/api/representation/choices'),
    switchActingFor: (personId) => request('POST', '/api/representation/acting-for', { personId }),
    getHealthContacts: () => request('GET', '/api/me/health-contacts'),
    getFullmakter: () => request('GET', '/api/fullmakter'),
    giveFullmakt: (body) => request('POST', '/api/fullmakter', body),
    lookupFullmaktHolder: (body) => request('POST', '/api/fullmakter/holder-lookup', body),
    endFullmakt: (id) => request('POST', `/api/fullmakter/${encodeURIComponent(id)}/end`),
    getAccessLog: (query) => request('GET', `/api/access-log${queryString(query)}`),
    getStaffCitizens: () => request('GET', '/api/staff/citizens'),
    lookupCitizen: (body) => request('POST', '/api/staff/citizens/lookup', body),
    getStaffCitizen: (personId) => request('GET', `/api/staff/citizens/${encodeURIComponent(personId)}`),
    grantEmergencyAccess: (body) => request('POST', '/api/staff/emergency-access', body),
    getDialogUnits: () => request('GET', '/api/dialog/units'),
    getConversations: () => request('GET', '/api/dialog/conversations'),
    getConversation: (id) => request('GET', `/api/dialog/conversations/${encodeURIComponent(id)}`),
    startConversation: (form) => request('POST', '/api/dialog/conversations', form),
    replyToConversation: (id, form) =>
      request('POST', `/api/dialog/conversations/${encodeURIComponent(id)}/messages`, form),
    getNotificationPreferences: () => request('GET', '/api/me/notification-preferences'),
    getContactDetails: () => request('GET', '/api/me/contact-details'),
    setNotificationPreferences: (body) => request('PUT', '/api/me/notification-preferences', body),
    getStaffDialogUnits: () => request('GET', '/api/staff/dialog/units'),
    getStaffInbox: (unitId) => request('GET', `/api/staff/dialog/units/${encodeURIComponent(unitId)}/inbox`),
    getUnitStaff: (unitId) => request('GET', `/api/staff/dialog/units/${encodeURIComponent(unitId)}/staff`),
    getStaffConversation: (id) => request('GET', `/api/staff/dialog/conversations/${encodeURIComponent(id)}`),
    staffReply: (id, form) =>
      request('POST', `/api/staff/dialog/conversations/${encodeURIComponent(id)}/messages`, form),
    staffStartConversation: (unitId, form) =>
      request('POST', `/api/staff/dialog/units/${encodeURIComponent(unitId)}/conversations`, form),
    closeConversation: (id) => request('POST', `/api/staff/dialog/conversations/${encodeURIComponent(id)}/close`),
    assignConversation: (id, personnelId) =>
      request('POST', `/api/staff/dialog/conversations/${encodeURIComponent(id)}/assign`, { personnelId }),
  };
}

/** `?a=1&b=2` from the parameters that have a value; empty when none has. */
function queryString(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') {
      params.set(key, String(value));
    }
  }
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

async function readProblem(res: Response): Promise<Partial<ProblemResponse>> {
  try {
    const json: unknown = await res.json();
    return typeof json === 'object' && json !== null ? json : {};
  } catch {
    return {};
  }
}
