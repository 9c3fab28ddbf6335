import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Platform } from '../../platform/platform.ts';
import { createNotificationsService } from '../notifications/index.ts';
import { createAddressRegister, createCredentialsService } from '../plo/index.ts';
import { addressRegisterRoutes } from './address-register.routes.ts';
import { outboxRoutes } from './outbox.routes.ts';
import { createOperatorService } from './operator.service.ts';

export { createOperatorService, type OperatorService } from './operator.service.ts';

/**
 * The platform operator's console API: every route under `/api/operator` — the outbox (jobs, captured notices) and
 * the address register with its partner credentials. The use cases of the register, the credentials and the
 * notices stay with the modules that own them (plo, notifications); this module only gives them their screens' API.
 * Register after the identity module.
 */
export const operatorModule: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  // Instances of their own: an address register keeps no state a write here would leave stale in the PLO module's
  // (every instance in the process reloads after an import or a new credential).
  const register = createAddressRegister(platform);
  const credentials = createCredentialsService({
    db: platform.db,
    register,
    secret: platform.config.ploCredentialKey,
  });
  await app.register(outboxRoutes, {
    service: createOperatorService(platform),
    notifications: createNotificationsService(platform),
  });
  await app.register(addressRegisterRoutes, { register, credentials });
};
