import { populationImportBody, populationImportSummary } from '@helsebro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/auth.ts';
import type { PopulationRegisterService } from './population-register.service.ts';

/** A register extract of 100 000 persons is about 30 MB of JSON. */
export const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;

/** The operator's import: a JSON array of person documents, or NDJSON change events (application/x-ndjson). */
export const populationRegisterRoutes: FastifyPluginAsyncZod<{ service: PopulationRegisterService }> = (
  app,
  { service },
) => {
  app.addContentTypeParser('application/x-ndjson', { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_r, b, done) =>
    done(null, b),
  );
  app.post(
    '/api/operator/population-register/import',
    {
      preHandler: requireActor('operator'),
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: { body: z.union([populationImportBody, z.string()]), response: { 200: populationImportSummary } },
    },
    async (req) => service.importRequest(req.ctx, req.body),
  );
  return Promise.resolve();
};
