import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildFuzzEnv, type FuzzEnv } from '../test/fuzz/fuzz-app.ts';
import type { FuzzRoute } from '../test/fuzz/routes.ts';
import { REGRESSIONS } from '../test/fuzz/regressions.ts';
import { encodeRequest } from '../test/fuzz/requests.ts';
import { DEFAULT_RUNS, DEFAULT_SEED, faultOf, fuzzFamily } from '../test/fuzz/run.ts';

/**
 * Fuzzing every route family of the real app (issue 10): fast-check generates requests from each route's zod
 * schemas, as a caller allowed to use the route, with wrong types, huge and unicode strings, impossible dates,
 * numbers out of range, missing and extra fields, nulls, arrays for objects and path parameters that are not
 * uuids. No request may get a 5xx, and every 4xx from /api and /epj is problem+json.
 *
 * FUZZ_RUNS=N sets the requests per family (default 150), FUZZ_SEED=N another seed (the default is fixed, so
 * a failure replays), FUZZ_FAMILY=/api/staff,/edi only the families whose names contain one of these.
 */
const runs = Number(process.env.FUZZ_RUNS ?? DEFAULT_RUNS);
const seed = Number(process.env.FUZZ_SEED ?? DEFAULT_SEED);
const only = (process.env.FUZZ_FAMILY ?? '').split(',');
const FEW = 30;

const takesInput = (r: FuzzRoute) =>
  Boolean(r.schema.params ?? r.schema.querystring) || r.method !== 'GET' || /[:*]/.test(r.url);

void describe('fuzzing every route family', () => {
  let env: FuzzEnv;
  const totals = { requests: 0, serverErrors: 0 };

  before(async () => {
    env = await buildFuzzEnv();
  });
  after(async () => {
    console.log(`fuzz: ${totals.requests} requests, ${totals.serverErrors} 5xx`);
    await env?.t.close();
  });

  void it('answers each request that once got a 5xx with its 4xx now', async () => {
    const own = (text: string) => text.replace(/\{(\w+)\}/g, (_, table: string) => env.known.tables[table]![0]!);
    for (const r of REGRESSIONS) {
      const [path, query = ''] = own(r.url).split('?');
      const body =
        r.body?.kind === 'json' ? { ...r.body, value: JSON.parse(own(JSON.stringify(r.body.value))) } : r.body;
      const spec = { caller: r.caller, method: r.method, route: r.url, path: path!, query, body: body ?? null };
      const res = await env.t.app.inject(await encodeRequest(spec, env.headers[r.caller], env.known));
      totals.requests += 1;
      totals.serverErrors += res.statusCode >= 500 ? 1 : 0;
      assert.equal(res.statusCode, r.status, `${r.found}: ${res.statusCode} ${res.body}`);
      assert.equal(faultOf(spec.path, res), null, r.found);
      if (r.code !== undefined) {
        assert.equal(res.json<{ code: string }>().code, r.code, r.found);
      }
    }
  });

  void it(`sends ${runs} hostile requests to each family: no 5xx, and problem+json for every 4xx`, async (t) => {
    const families = new Map<string, FuzzRoute[]>();
    for (const r of env.routes) {
      families.set(r.family, [...(families.get(r.family) ?? []), r]);
    }
    assert.ok(families.size >= 20, `only ${families.size} route families recorded`);
    for (const [family, routes] of families) {
      if (!only.some((o) => family.includes(o))) {
        continue;
      }
      await t.test(family, async () => {
        // A family whose routes take no input (health, the session, the OpenAPI document) needs few requests.
        const n = routes.some(takesInput) ? runs : Math.min(runs, FEW);
        const result = await fuzzFamily(env, family, routes, { runs: n, seed });
        totals.requests += result.requests;
        totals.serverErrors += result.serverErrors;
        assert.deepEqual(
          result.failures,
          [],
          `${result.failures.length} faults in ${family} (FUZZ_SEED=${seed} FUZZ_FAMILY=${family}):\n\n${result.failures.join('\n\n')}`,
        );
        const missed = routes.map((r) => `${r.method} ${r.url}`).filter((r) => !result.perRoute.has(r));
        assert.deepEqual(missed, [], `routes of ${family} the generator never called`);
      });
    }
  });
});
