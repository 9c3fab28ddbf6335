/**
 * Termination (issue 12, seed 000 §6): the municipality's notice, the operator's wind-down, the citizens' notice,
 * the end of the services on the effective date, and the municipality's complete export.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Platform } from '../../platform/platform.ts';
import { createExportService } from './export.service.ts';
import { terminationRoutes } from './termination.routes.ts';
import { createTerminationService, END_JOB } from './termination.service.ts';

export { createTerminationService, type TerminationService } from './termination.service.ts';
export { createExportService, type ExportService } from './export.service.ts';

/** Routes and the end job. Register after organisations and services. */
export const terminationModule: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  const service = createTerminationService(platform);
  // One job kind ends everything due, whichever notice queued it; a run finding nothing is a no-op.
  platform.jobs.register(END_JOB, async () => {
    await service.endDue();
  });
  await app.register(terminationRoutes, { service, exports: createExportService(platform) });
};
