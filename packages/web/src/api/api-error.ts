import type { ProblemResponse } from '@helsebro/contracts';

export type FieldError = { path: string; message: string };

/**
 * Every failed API call, carrying the server's problem+json (RFC 9457): a stable `code` to branch on, a
 * human `detail` to show, and field `errors` for forms.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[];

  constructor(status: number, problem: Partial<ProblemResponse>) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.status = status;
    this.code = problem.code ?? (status === 0 ? 'network_error' : `http_${status}`);
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
  }
}

/**
 * The message for one form field from a failed call, as forms show it next to the input.
 * @param err - whatever a mutation or query failed with
 * @param field - the field path the server names, e.g. `body.phone`
 */
export function fieldError(err: unknown, field: string): string | undefined {
  if (!(err instanceof ApiError)) {
    return undefined;
  }
  return err.errors.find((e) => e.path === field || e.path.endsWith(`.${field}`))?.message;
}

export function isApiError(err: unknown, status?: number): err is ApiError {
  return err instanceof ApiError && (status === undefined || err.status === status);
}
