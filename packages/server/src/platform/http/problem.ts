import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
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
  414: 'URI Too Long',
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
 * Fastify's own refusals before any route or hook runs (its `frameworkErrors` option): a path that does not
 * percent-decode (400) and a path parameter longer than `maxParamLength` (414), as problem+json like every other
 * answer, without echoing the path back as Fastify's default body does.
 * @param err - FST_ERR_BAD_URL, FST_ERR_MAX_PARAM_LENGTH or FST_ERR_ASYNC_CONSTRAINT
 */
export function frameworkProblem(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const body =
    err.code === 'FST_ERR_BAD_URL'
      ? problem(400, 'bad_url', 'Adressen har ugyldig prosentkoding.')
      : err.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? problem(414, 'uri_too_long', 'En del av adressen er for lang.')
        : problem(500, 'internal_error', 'Noe gikk galt hos oss.');
  if (body.status >= 500) {
    req.log.error({ err }, 'framework error');
  }
  // No `instance`: the path is what could not be read, or too long to send back.
  void reply.status(body.status).type('application/problem+json').send(body);
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
