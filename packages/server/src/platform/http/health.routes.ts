import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { migrationsAtHead } from '../db/migrate.ts';
import type { Platform } from '../platform.ts';

const health = z.object({ status: z.literal('ok') });
const ready = z.object({ status: z.enum(['ready', 'not_ready']), database: z.string(), migrations: z.string() });

/** `/health`: the process answers. `/ready`: the store answers and its migrations are at head. */
export const healthRoutes: FastifyPluginAsyncZod<{ platform: Platform }> = async (app, { platform }) => {
  app.get('/health', { schema: { response: { 200: health } } }, async () => ({ status: 'ok' as const }));
  app.get('/ready', { schema: { response: { 200: ready, 503: ready } } }, async (_req, reply) => {
    let database = 'ok';
    let migrations = 'unknown';
    try {
      migrations = (await migrationsAtHead(platform.database)) ? 'at_head' : 'behind';
    } catch {
      database = 'unreachable';
    }
    const ok = database === 'ok' && migrations === 'at_head';
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'not_ready', database, migrations });
  });
};
