import fc from 'fast-check';
import type { FuzzEnv } from './fuzz-app.ts';
import { encodeRequest, requestFor, type RequestKnowledge, type RequestSpec } from './requests.ts';
import type { FuzzRoute } from './routes.ts';

/** The fixed seed: the same requests on every run unless FUZZ_SEED says otherwise. */
export const DEFAULT_SEED = 20_260_210;
/** Requests per family in `npm test`; FUZZ_RUNS raises it for a longer hunt. */
export const DEFAULT_RUNS = 150;

export type FamilyResult = {
  family: string;
  requests: number;
  serverErrors: number;
  /** One line per distinct failure (route, status, first response line), with the request and the response. */
  failures: string[];
  /** Requests per route, so a route the generator never reached shows up. */
  perRoute: Map<string, number>;
};

type Response = { statusCode: number; headers: Record<string, string | string[] | number | undefined>; body: string };

/**
 * What is wrong with a response, or null: any 5xx, and on /api and /epj a 4xx that is not RFC 9457
 * problem+json with the response's status.
 * @param path - the request path (without query)
 * @param res - the response
 */
export function faultOf(path: string, res: Response): string | null {
  if (res.statusCode >= 500) {
    return `${res.statusCode} server error`;
  }
  if (res.statusCode >= 400 && /^\/(api|epj)\//.test(path)) {
    const type = headerText(res.headers['content-type']);
    if (!type.startsWith('application/problem+json')) {
      return `${res.statusCode} without problem+json (content-type ${type || 'none'})`;
    }
    let body: unknown;
    try {
      body = JSON.parse(res.body);
    } catch {
      return `${res.statusCode} problem+json that is not JSON`;
    }
    const p = body as { status?: unknown; code?: unknown; title?: unknown };
    if (p.status !== res.statusCode || typeof p.code !== 'string' || typeof p.title !== 'string') {
      return `${res.statusCode} problem+json without matching status, code and title`;
    }
  }
  return null;
}

/**
 * Sends `runs` generated requests to the routes of one family (fast-check, seeded) and collects every fault.
 * A property that never fails is used instead of shrinking: every faulty request is printed in full, and the
 * seed replays the run.
 * @param env - the app and callers
 * @param family - the family's name
 * @param routes - its routes
 * @param opts - runs and seed
 */
export async function fuzzFamily(
  env: FuzzEnv & { known: RequestKnowledge },
  family: string,
  routes: FuzzRoute[],
  opts: { runs: number; seed: number },
): Promise<FamilyResult> {
  const result: FamilyResult = { family, requests: 0, serverErrors: 0, failures: [], perRoute: new Map() };
  const seen = new Set<string>();
  const arbitrary = fc.oneof(...routes.map((r) => requestFor(r, env.known)));
  const details = await fc.check(
    fc.asyncProperty(arbitrary, async (spec) => {
      const req = await encodeRequest(spec, env.headers[spec.caller], env.known);
      const res = await env.t.app.inject(req);
      result.requests += 1;
      result.perRoute.set(
        `${spec.method} ${spec.route}`,
        (result.perRoute.get(`${spec.method} ${spec.route}`) ?? 0) + 1,
      );
      if (res.statusCode >= 500) {
        result.serverErrors += 1;
      }
      const fault = faultOf(spec.path, res);
      if (fault) {
        const key = `${spec.method} ${spec.route} ${fault} ${res.body.split('\n')[0]?.slice(0, 120)}`;
        if (!seen.has(key)) {
          seen.add(key);
          result.failures.push(report(spec, req, res, fault));
        }
      }
      return true;
    }),
    { numRuns: opts.runs, seed: opts.seed },
  );
  if (details.failed) {
    // The property itself threw (a bug in the generator or a request inject could not build).
    result.failures.push(`the fuzzer itself failed: ${String(details.errorInstance)}`);
  }
  return result;
}

const headerText = (v: string | string[] | number | undefined) => (Array.isArray(v) ? v.join(', ') : String(v ?? ''));

const MAX_SHOWN = 600;

/** Shows a value, escaping control and invisible characters, cut to a readable length. */
function show(value: string | Buffer | undefined): string {
  if (value === undefined) {
    return '(none)';
  }
  const text = Buffer.isBuffer(value) ? value.toString('latin1') : value;
  const escaped = JSON.stringify(text.length > MAX_SHOWN ? text.slice(0, MAX_SHOWN) : text);
  return text.length > MAX_SHOWN ? `${escaped}… (${text.length} characters)` : escaped;
}

function report(
  spec: RequestSpec,
  req: { method: string; url: string; headers: Record<string, string>; payload?: string | Buffer },
  res: Response,
  fault: string,
): string {
  return [
    `${fault}: ${req.method} ${spec.route} as ${spec.caller}`,
    `  url:      ${show(req.url)}`,
    `  type:     ${req.headers['content-type'] ?? '(none)'}`,
    `  body:     ${show(req.payload)}`,
    `  response: ${res.statusCode} ${headerText(res.headers['content-type'])} ${show(res.body)}`,
  ].join('\n');
}
