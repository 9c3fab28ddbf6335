import { evaluationQuery, evaluationResponse } from '@helsebro/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/auth.ts';
import { sendDownload } from '../../platform/http/content-disposition.ts';
import { evaluationCsv, type EvaluationFigures } from './evaluation.service.ts';

/** The operator's evaluation figures (`/api/operator/evaluation`), as JSON for the charts and as CSV. */
export const evaluationRoutes: FastifyPluginAsyncZod<{ service: EvaluationFigures }> = (app, { service }) => {
  const preHandler = requireActor('operator');
  app.get(
    '/api/operator/evaluation',
    { preHandler, schema: { querystring: evaluationQuery, response: { 200: evaluationResponse } } },
    async (req) => service.figures(req.ctx, req.query),
  );
  app.get(
    '/api/operator/evaluation.csv',
    { preHandler, schema: { querystring: evaluationQuery } },
    async (req, reply) => {
      const figures = await service.figures(req.ctx, req.query);
      return sendDownload(reply, {
        filename: `helsebro-evaluering-${figures.from}-${figures.to}.csv`,
        contentType: 'text/csv',
        content: evaluationCsv(figures),
      });
    },
  );
  return Promise.resolve();
};
