import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Platform } from '../../platform/platform.ts';
import { dialogRoutes } from './dialog.routes.ts';
import { createDialogService } from './dialog.service.ts';

export { createDialogService, type DialogService, type UnitActing } from './dialog.service.ts';
export { sniffType } from './attachments.ts';
export { epjDialogRoutes } from './epj.routes.ts';

/**
 * Citizen dialog (A3) and service unit settings (A4). Register after the identity module; its EPJ routes
 * (`epjDialogRoutes`) go to modules/epj, which registers them in the /epj/v1 scope.
 */
export const dialogModule: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  await app.register(dialogRoutes, { service: createDialogService(platform) });
};
