import type { Response as InjectResponse } from 'light-my-request';
import type { RegisteredRoute } from '../../src/platform/http/route-table.ts';
import {
  CALLER_KINDS,
  type AccessFixture,
  type CallerKind,
  type RouteAccess,
  type RouteAccessTable,
  type RouteBody,
} from '../../src/platform/http/route-access.ts';
import type { TestApp } from '../test-app.ts';
import type { AuthzFixture } from './fixture.ts';

type Declared = Exclude<RouteAccess, { skip: string }>;
type Variant = { label: string; body: RouteBody | null };

export type CoverageReport = {
  /** Registered routes (HEAD twins left out) no table declares. */
  undeclared: string[];
  /** Declarations for which no route is registered. */
  orphaned: string[];
  /** Keys declared in more than one table. */
  duplicated: string[];
  /** Declared path parameters that the path does not have, or path parameters with no fixture object. */
  badParams: string[];
};

export type MatrixReport = {
  checked: number;
  /** A 2xx for a caller the declaration does not allow, or an answer about oneself that names A. */
  unexpected: string[];
  serverErrors: string[];
  /** Allowed callers that got no 2xx with the valid body: the declaration allows more than the code does. */
  unreached: string[];
};

const CONCURRENCY = 4;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const keyOf = (r: Pick<RegisteredRoute, 'method' | 'url'>) => `${r.method} ${r.url}`;

/**
 * Merges the modules' tables into one, by key.
 * @param tables - each module's declarations
 */
export function mergeTables(tables: readonly RouteAccessTable[]): {
  declared: Map<string, RouteAccess>;
  duplicated: string[];
} {
  const declared = new Map<string, RouteAccess>();
  const duplicated: string[] = [];
  for (const table of tables) {
    for (const [key, access] of Object.entries(table)) {
      if (declared.has(key)) {
        duplicated.push(key);
      }
      if (access) {
        declared.set(key, access);
      }
    }
  }
  return { declared, duplicated };
}

/**
 * Compares the application's routes with the declarations.
 * @param routes - the app's route table
 * @param tables - each module's declarations
 */
export function checkCoverage(routes: readonly RegisteredRoute[], tables: readonly RouteAccessTable[]): CoverageReport {
  const { declared, duplicated } = mergeTables(tables);
  const registered = new Set(routes.filter((r) => !r.headTwin).map(keyOf));
  const badParams: string[] = [];
  for (const [key, access] of declared) {
    if ('skip' in access) {
      continue;
    }
    const inPath = [...key.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
    const given = Object.keys(access.params ?? {});
    for (const name of inPath.filter((n) => !given.includes(n))) {
      badParams.push(`${key}: no fixture object for :${name}`);
    }
    for (const name of given.filter((n) => !inPath.includes(n))) {
      badParams.push(`${key}: the path has no :${name}`);
    }
    for (const name of Object.keys(access.foreign ?? {}).filter((n) => !inPath.includes(n))) {
      badParams.push(`${key}: the path has no :${name} (foreign)`);
    }
  }
  return {
    undeclared: [...registered].filter((k) => !declared.has(k)),
    orphaned: [...declared.keys()].filter((k) => !registered.has(k)),
    duplicated,
    badParams,
  };
}

/** `{}` and the valid body with every field null: bodies that skip validation must not skip the checks. */
function variantsOf(method: string, access: Declared, f: AccessFixture): Variant[] {
  if (!WRITES.has(method)) {
    return [{ label: 'no body', body: null }];
  }
  const valid = access.body?.(f) ?? null;
  const fields = (b: RouteBody | null): string[] => {
    if (!b) {
      return [];
    }
    if ('json' in b) {
      return b.json && typeof b.json === 'object' && !Array.isArray(b.json) ? Object.keys(b.json) : [];
    }
    if ('form' in b) {
      return Object.keys(b.form);
    }
    if ('multipart' in b) {
      return Object.keys(b.multipart.fields);
    }
    return [];
  };
  const nulls = Object.fromEntries(fields(valid).map((k) => [k, null]));
  return [
    { label: valid ? 'valid body' : 'no body', body: valid },
    { label: '{}', body: { json: {} } },
    { label: 'every field null', body: { json: fields(valid).length > 0 ? nulls : null } },
  ];
}

async function encode(body: RouteBody | null): Promise<{ payload?: string | Buffer; headers: Record<string, string> }> {
  if (!body) {
    return { headers: {} };
  }
  if ('json' in body) {
    return { payload: JSON.stringify(body.json), headers: { 'content-type': 'application/json' } };
  }
  if ('form' in body) {
    return {
      payload: new URLSearchParams(body.form as Record<string, string>).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    };
  }
  if ('xml' in body) {
    return { payload: body.xml, headers: { 'content-type': 'application/xml' } };
  }
  const form = new FormData();
  for (const [k, v] of Object.entries(body.multipart.fields)) {
    form.append(k, v);
  }
  for (const file of body.multipart.files ?? []) {
    form.append('files', new Blob([file.bytes], { type: file.type }), file.name);
  }
  const res = new Response(form);
  return {
    payload: Buffer.from(await res.arrayBuffer()),
    headers: { 'content-type': res.headers.get('content-type')! },
  };
}

function describeBody(body: RouteBody | null): string {
  if (!body) {
    return 'no body';
  }
  if ('multipart' in body) {
    const files = (body.multipart.files ?? []).map((f) => `${f.name} (${f.type})`);
    return `multipart ${JSON.stringify(body.multipart.fields)}${files.length ? ` + ${files.join(', ')}` : ''}`;
  }
  if ('xml' in body) {
    return `XML, ${body.xml.length} characters`;
  }
  return JSON.stringify('json' in body ? body.json : body.form).slice(0, 300);
}

/**
 * Sends every declared route as every caller: first the callers the declaration does not allow (nothing they send
 * may succeed, so the state stays as the fixture made it), then the allowed ones, reads before writes and a
 * session's end last, to see that the fixture's objects are reachable at all.
 * @param t - the application
 * @param fixture - callers, A's objects and what names A
 * @param tables - each module's declarations
 */
export async function runMatrix(
  t: TestApp,
  fixture: AuthzFixture,
  tables: readonly RouteAccessTable[],
): Promise<MatrixReport> {
  const { declared } = mergeTables(tables);
  const routes = t.app.routeTable
    .routes()
    .filter((r) => !r.headTwin)
    .flatMap((r) => {
      const access = declared.get(keyOf(r));
      return access && !('skip' in access) ? [{ route: r, access }] : [];
    });
  const report: MatrixReport = { checked: 0, unexpected: [], serverErrors: [], unreached: [] };
  /** The allowed callers that got no 2xx with the valid body, and what they got instead. */
  const answers = new Map<string, string[]>();

  const urlOf = (route: RegisteredRoute, access: Declared, foreign = false) => {
    const params = { ...access.params, ...(foreign ? access.foreign : {}) };
    const path = route.url.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) =>
      encodeURIComponent(fixture.ids[params[name]!]),
    );
    const query = access.query
      ? new URLSearchParams(access.query(fixture.ids) as Record<string, string>).toString()
      : '';
    return query ? `${path}?${query}` : path;
  };
  const send = async (
    route: RegisteredRoute,
    access: Declared,
    kind: CallerKind,
    variant: Variant,
    foreign = false,
  ) => {
    const url = urlOf(route, access, foreign);
    const { payload, headers } = await encode(variant.body);
    const res: InjectResponse = await t.app.inject({
      method: route.method as 'GET',
      url,
      headers: { ...fixture.callers[kind].headers, ...headers },
      ...(payload === undefined ? {} : { payload }),
    });
    report.checked += 1;
    const line = `${route.method} ${url} as ${kind} with ${variant.label} [${describeBody(variant.body)}] → ${res.statusCode} ${res.body.slice(0, 300)}`;
    if (res.statusCode >= 500) {
      report.serverErrors.push(line);
    }
    return { res, line };
  };

  // Callers the declaration neither allows nor answers about themselves: any 2xx is a hole. Nothing here may
  // change anything, so a few go at once (the store's connections overlap; PGlite's one still overlaps the JS).
  const refused = routes.flatMap(({ route, access }) =>
    CALLER_KINDS.filter((k) => !access.allow.includes(k) && !access.own?.includes(k)).flatMap((kind) =>
      variantsOf(route.method, access, fixture.ids).map((variant) => ({ route, access, kind, variant })),
    ),
  );
  const worker = async () => {
    for (let next = refused.shift(); next; next = refused.shift()) {
      const { res, line } = await send(next.route, next.access, next.kind, next.variant);
      if (res.statusCode >= 200 && res.statusCode < 300) {
        report.unexpected.push(line);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));

  // The allowed callers with the other municipality's objects in the path and the valid body: only 404 will do
  // (a 2xx is a hole, and a 403 or 422 would tell that the object exists elsewhere).
  for (const { route, access } of routes.filter((r) => r.access.foreign)) {
    for (const kind of access.allow) {
      const [valid] = variantsOf(route.method, access, fixture.ids);
      const { res, line } = await send(route, access, kind, valid!, true);
      if (res.statusCode !== 404) {
        report.unexpected.push(`${line} (another municipality's object: expected 404)`);
      }
    }
  }

  // Allowed callers, then those answered about themselves (after, so that they take nothing the allowed ones
  // need, such as a free slot): reads, then writes, then whatever ends the session.
  const order = (r: { route: RegisteredRoute; access: Declared }) =>
    r.access.endsSession ? 2 : WRITES.has(r.route.method) ? 1 : 0;
  for (const { route, access } of [...routes].sort((a, b) => order(a) - order(b))) {
    for (const kind of [...access.allow, ...(access.own ?? [])]) {
      const allowed = access.allow.includes(kind);
      for (const [i, variant] of variantsOf(route.method, access, fixture.ids).entries()) {
        const { res, line } = await send(route, access, kind, variant);
        if (
          !allowed &&
          res.statusCode >= 200 &&
          res.statusCode < 300 &&
          fixture.secrets.some((s) => res.body.includes(s))
        ) {
          report.unexpected.push(`${line} (names A in an answer about the caller)`);
        }
        if (allowed && i === 0 && (res.statusCode < 200 || res.statusCode >= 300)) {
          const code = /"code":"([^"]+)"/.exec(res.body)?.[1] ?? '';
          answers.set(keyOf(route), [...(answers.get(keyOf(route)) ?? []), `${kind}: ${res.statusCode} ${code}`]);
        }
      }
    }
  }
  // Every allowed caller must get its 2xx (one is enough where the first uses the object up): a declaration that
  // allows more than the code does would hide a hole opened there later.
  report.unreached = routes
    .filter(({ route, access }) => {
      const refused = answers.get(keyOf(route))?.length ?? 0;
      return !access.noWitness && refused > 0 && (!access.once || refused === access.allow.length);
    })
    .map(({ route }) => `${keyOf(route)} (${answers.get(keyOf(route))!.join('; ')})`);
  return report;
}
