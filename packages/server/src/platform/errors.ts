/** One error vocabulary for services; the HTTP layer maps it to RFC 9457 problem+json. */
export type FieldError = { path: string; message: string };

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: FieldError[] = [],
    /** Extension members of the problem details (RFC 9457 §3.2), e.g. a deadline and whom to call. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, fieldErrors: FieldError[] = [], code = 'validation_failed') {
    super(400, code, message, fieldErrors);
  }
}
/** Well-formed input the service cannot act on (422), naming the fields at fault. */
export class UnprocessableError extends AppError {
  constructor(message: string, fieldErrors: FieldError[] = [], code = 'unprocessable') {
    super(422, code, message, fieldErrors);
  }
}
export class UnauthenticatedError extends AppError {
  constructor(message = 'Du må logge inn.', code = 'unauthenticated') {
    super(401, code, message);
  }
}
export class ForbiddenError extends AppError {
  constructor(message: string, code = 'forbidden') {
    super(403, code, message);
  }
}
export class NotFoundError extends AppError {
  constructor(message: string, code = 'not_found') {
    super(404, code, message);
  }
}
export class ConflictError extends AppError {
  constructor(message: string, code = 'conflict') {
    super(409, code, message);
  }
}
export class UpstreamUnavailableError extends AppError {
  constructor(message: string, code = 'upstream_unavailable') {
    super(503, code, message);
  }
}
