import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Platform } from '../../platform/platform.ts';
import { lettersRoutes } from './letters.routes.ts';
import { createLettersService } from './letters.service.ts';

export { createLettersService, type LettersService } from './letters.service.ts';
export { decideChannel } from './channel.ts';
export { epjLetterRoutes } from './epj.routes.ts';

/**
 * Letters (issue 13, B1): a unit's letter to a citizen, its channel decided against KRR and recorded, the
 * citizen's "Brev", the unit's delivery report and print list. Its EPJ routes (`epjLetterRoutes`) go to
 * modules/epj, which registers them in the /epj/v1 scope.
 */
export const lettersModule: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  await app.register(lettersRoutes, { service: createLettersService(platform) });
};
