import type { FastifyError } from 'fastify';
import type { App } from './app-type.ts';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../errors.ts';

/** RFC 9457 problem details, the one error shape the server answers and the web reads. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  instance?: string;
  errors?: FieldError[];
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(status: number, code: string, detail?: string, errors?: FieldError[]): Problem {
  return {
    type: `https://helsebro.no/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    ...(detail ? { detail } : {}),
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

/**
 * Maps every error to problem+json. AppErrors and client errors keep their message; anything else is logged
 * with the request id and answered as a bare 500 so no internals leak.
 */
export function registerProblemHandlers(app: App): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    let body: Problem;
    if (err instanceof AppError) {
      body = { ...err.extensions, ...problem(err.status, err.code, err.message, err.fieldErrors) };
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      const errors = err.validation.map((v) => ({
        path: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'invalid',
      }));
      body = problem(400, 'validation_failed', 'Forespørselen har ugyldige felt.', errors);
    } else if (isResponseSerializationError(err)) {
      req.log.error({ err }, 'response did not match its schema');
      body = problem(500, 'internal_error', 'Noe gikk galt hos oss.');
    } else if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      body = problem(err.statusCode, (err.code ?? 'bad_request').toLowerCase(), err.message);
    } else {
      req.log.error({ err }, 'unhandled error');
      body = problem(500, 'internal_error', 'Noe gikk galt hos oss.');
    }
    body.instance = req.url.split('?')[0];
    void reply.status(body.status).type('application/problem+json').send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    void reply
      .status(404)
      .type('application/problem+json')
      .send({
        ...problem(404, 'route_not_found', `No route ${req.method} ${req.url.split('?')[0]}`),
        instance: req.url.split('?')[0],
      });
  });
}
