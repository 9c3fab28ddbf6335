import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';

type Operation = Record<string, unknown>;
type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown> };
};
type Responses = Record<string, { content: Record<string, { schema: { properties?: object } }> }>;

/**
 * The EPJ API's OpenAPI document against the routes the app really registered under /epj/v1. The document is
 * built at run time from those routes' zod schemas (no generated file), so this test is the check that it is up
 * to date: a route added to the EPJ scope without a document entry, or the other way round, fails here.
 */
void describe('EPJ API: the OpenAPI document', () => {
  let t: TestApp;
  let doc: OpenApiDocument;

  before(async () => {
    t = await buildTestApp();
    const res = await t.app.inject({ method: 'GET', url: '/epj/v1/openapi.json' });
    assert.equal(res.statusCode, 200);
    doc = res.json<OpenApiDocument>();
  });
  after(async () => {
    await t.close();
  });

  const op = (path: string, method: string) => doc.paths[path]![method]!;
  const ok = (o: Operation, status: string) =>
    (o['responses'] as Responses)[status]!.content['application/json']!.schema;

  void it('documents every registered EPJ route, and nothing else', () => {
    const registered = t.app.routeTable
      .routes()
      .filter((r) => r.url.startsWith('/epj/v1/') && !r.hidden && !r.headTwin)
      .map((r) => `${r.method} ${r.url.replace(/:([A-Za-z]+)/g, '{$1}')}`)
      .sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    assert.deepEqual(documented, registered);
    // The feed, the dialog and the appointments all registered in the one scope.
    for (const route of [
      'GET /epj/v1/events',
      'GET /epj/v1/conversations/{id}',
      'GET /epj/v1/attachments/{id}',
      'POST /epj/v1/schedules',
      'PUT /epj/v1/schedules/{id}',
      'GET /epj/v1/slots',
      'POST /epj/v1/appointments',
      'PATCH /epj/v1/appointments/{id}',
      'POST /epj/v1/appointments/{id}/completed-visit',
    ]) {
      assert.ok(registered.includes(route), route);
    }
  });

  void it('gives every operation its tag, the bearer requirement, a result and the problem responses', () => {
    assert.match(doc.openapi, /^3\./);
    assert.ok(doc.components.securitySchemes['helseid']);
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, o] of Object.entries(ops)) {
        const where = `${method} ${path}`;
        assert.deepEqual(o['security'], [{ helseid: [] }], where);
        assert.equal((o['tags'] as string[] | undefined)?.length, 1, where);
        assert.ok(o['summary'], where);
        const responses = o['responses'] as Responses;
        assert.ok(
          Object.keys(responses).some((s) => s.startsWith('2')),
          where,
        );
        for (const status of ['400', '401', '403', '404', '429', '503']) {
          assert.ok(ok(o, status).properties, `${where} ${status}`);
        }
        const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => `path:${m[1]}`);
        const params = ((o['parameters'] ?? []) as Array<{ name: string; in: string }>)
          .filter((p) => p.in === 'path')
          .map((p) => `${p.in}:${p.name}`);
        assert.deepEqual(params, pathParams, where);
        if (method === 'post' || method === 'put' || method === 'patch') {
          assert.ok(o['requestBody'], `${where} has a body`);
        }
      }
    }
  });

  void it('describes the feed and the dialog with their schemas', () => {
    const events = op('/epj/v1/events', 'get');
    const params = events['parameters'] as Array<{ name: string; in: string }>;
    assert.deepEqual(params.map((p) => `${p.in}:${p.name}`).sort(), ['query:after', 'query:limit']);
    assert.ok(Object.keys(ok(events, '200').properties!).includes('cursor'));
    assert.ok(ok(events, '401').properties);
    for (const [path, method, status] of [
      ['/epj/v1/conversations/{id}', 'get', '200'],
      ['/epj/v1/conversations/{id}/messages', 'post', '201'],
      ['/epj/v1/conversations/{id}/read', 'post', '200'],
      ['/epj/v1/conversations/{id}/close', 'post', '200'],
    ] as const) {
      const o = op(path, method);
      assert.ok(Object.keys(ok(o, status).properties!).includes('messages'), `${method} ${path}`);
      assert.deepEqual(
        (o['parameters'] as Array<{ name: string; in: string }>).map((p) => `${p.in}:${p.name}`),
        ['path:id'],
      );
      assert.deepEqual(o['security'], [{ helseid: [] }]);
    }
    const reply = op('/epj/v1/conversations/{id}/messages', 'post')['requestBody'] as {
      content: Record<string, { schema: { required: string[] } }>;
    };
    assert.deepEqual(reply.content['application/json']!.schema.required.sort(), ['author', 'text']);
    assert.ok(op('/epj/v1/attachments/{id}', 'get')['parameters']);
  });

  void it('describes the appointments with their schemas and their own refusals', () => {
    const slots = op('/epj/v1/slots', 'get');
    const query = (slots['parameters'] as Array<{ name: string; in: string }>).map((p) => `${p.in}:${p.name}`);
    assert.ok(query.includes('query:serviceUnitId'), query.join());
    assert.ok(Object.keys(ok(slots, '200').properties!).includes('slots'));
    const book = op('/epj/v1/appointments', 'post');
    assert.ok(Object.keys(ok(book, '201').properties!).includes('externalId'));
    assert.ok(ok(book, '409').properties, 'a taken slot');
    const body = book['requestBody'] as { content: Record<string, { schema: { required: string[] } }> };
    assert.ok(body.content['application/json']!.schema.required.includes('nin'));
    assert.ok(ok(op('/epj/v1/appointments/{id}', 'patch'), '422').properties);
    assert.ok(Object.keys(ok(op('/epj/v1/schedules', 'post'), '201').properties!).includes('weekdays'));
  });
});
