import type {
  CSRF_HEADER,
  JobState,
  JobsResponse,
  ProblemResponse,
  ProfileResponse,
  SessionResponse,
} from '@helsebro/contracts';
import { ApiError } from './api-error.ts';

/** What the pages need from the server; a fake implements the same shape in component tests. */
export type ApiClient = {
  getSession(): Promise<SessionResponse>;
  getProfile(): Promise<ProfileResponse>;
  getJobs(query: { state?: JobState; limit?: number }): Promise<JobsResponse>;
  retryJob(id: number): Promise<void>;
};

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
    if (body !== undefined) {
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
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
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
    getJobs: ({ state, limit }) => {
      const params = new URLSearchParams();
      if (state) {
        params.set('state', state);
      }
      if (limit) {
        params.set('limit', String(limit));
      }
      const qs = params.toString();
      return request<JobsResponse>('GET', `/api/operator/jobs${qs ? `?${qs}` : ''}`);
    },
    retryJob: async (id) => {
      await request<unknown>('POST', `/api/operator/jobs/${encodeURIComponent(String(id))}/retry`);
    },
  };
}

async function readProblem(res: Response): Promise<Partial<ProblemResponse>> {
  try {
    const json: unknown = await res.json();
    return typeof json === 'object' && json !== null ? json : {};
  } catch {
    return {};
  }
}
