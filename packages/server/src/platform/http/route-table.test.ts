import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { recordRoutes } from './route-table.ts';

void describe('route table', () => {
  void it('records every method of every route in every scope, with HEAD twins and hidden routes marked', async () => {
    const app = Fastify();
    const table = recordRoutes(app);
    app.get('/a', async () => 'a');
    await app.register(
      async (scope) => {
        scope.route({ method: ['GET', 'POST'], url: '/b/:id', handler: async () => 'b' });
        scope.get('/doc', { schema: { hide: true } }, async () => 'doc');
        scope.head('/only-head', async () => '');
      },
      { prefix: '/p' },
    );
    await app.ready();
    const rows = table
      .routes()
      .map((r) => `${r.method} ${r.url}${r.headTwin ? ' twin' : ''}${r.hidden ? ' hidden' : ''}`);
    assert.deepEqual(rows.sort(), [
      'GET /a',
      'GET /p/b/:id',
      'GET /p/doc hidden',
      'HEAD /a twin',
      'HEAD /p/b/:id twin',
      'HEAD /p/doc twin hidden',
      'HEAD /p/only-head',
      'POST /p/b/:id',
    ]);
    assert.equal(table.routes().find((r) => r.url === '/p/doc')?.schema?.hide, true, 'with its schemas');
    assert.equal(app.routeTable, table, 'the app exposes the table');
    await app.close();
  });
});
