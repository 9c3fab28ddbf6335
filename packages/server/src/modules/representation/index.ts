import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Platform } from '../../platform/platform.ts';
import { representationRoutes } from './representation.routes.ts';

export { createActingForResolver, REFUSAL_MESSAGES, selfRepresentation } from './representation.service.ts';
export { decide, ownRights } from './representation.engine.ts';
export type { Decision, PersonFacts, Population } from './representation.engine.ts';
export { addDays, ageOn, osloDate, startOfOsloDay } from './dates.ts';
export { loadPairFacts } from './representation.repository.ts';

/**
 * Representation (A2): "Hvem vil du bruke Helsebro for?", switching who the session acts for, and fullmakter.
 * The per-request check is `createActingForResolver`, which app.ts hands to the identity module's session hook.
 * Register after the identity module.
 */
export const representationModule: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  await app.register(representationRoutes, { platform });
};
