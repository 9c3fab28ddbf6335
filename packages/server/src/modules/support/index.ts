/**
 * Support routing (seed 000 §5.1 "Tjenestenivå": the ICT operations vendor, the EPJ vendor or the operator) and the
 * operator's evaluation figures (§7), issue 12.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Platform } from '../../platform/platform.ts';
import { evaluationRoutes } from './evaluation.routes.ts';
import { createEvaluationService } from './evaluation.service.ts';
import { supportRoutes } from './support.routes.ts';
import { createSupportService } from './support.service.ts';

export { createSupportService, type SupportService } from './support.service.ts';
export { createEvaluationService, evaluationCsv } from './evaluation.service.ts';

/** Register after the identity module. */
export const supportModule: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  await app.register(supportRoutes, { service: createSupportService(platform) });
  await app.register(evaluationRoutes, { service: createEvaluationService(platform) });
};
