import { profileResponse, sessionResponse } from '@helsebro/contracts';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/auth.ts';
import { readOwnProfile } from './profile.service.ts';
import type { SessionService } from './session.service.ts';

/** GET /api/session (who is logged in) and GET /api/me/profile (the citizen's audited register data). */
export const sessionRoutes: FastifyPluginCallbackZod<{ sessions: SessionService }> = (app, { sessions }, done) => {
  app.get('/api/session', { schema: { response: { 200: sessionResponse } } }, async (req) => {
    return sessions.describe(req.ctx, req.authSession);
  });
  app.get(
    '/api/me/profile',
    { schema: { response: { 200: profileResponse } }, preHandler: requireActor('citizen') },
    async (req) => {
      return readOwnProfile(req.ctx, app.platform.db);
    },
  );
  done();
};
