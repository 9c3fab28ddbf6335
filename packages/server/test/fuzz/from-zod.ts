import fc from 'fast-check';
import {
  EDGE_NUMBERS,
  IMPOSSIBLE_DATES,
  IMPOSSIBLE_INSTANTS,
  NASTY_TEXT,
  anyString,
  hostileString,
  hostileValue,
  once,
} from './values.ts';

/** Marks a field the generated object leaves out (a missing required field, or an absent optional one). */
export const MISSING: unique symbol = Symbol('missing');

/** What the generator knows about the installation, so values can name things that exist. */
export type FuzzKnowledge = {
  /**
   * Ids of real rows by table, the caller's own first (Fjordvik, its home nursing unit, Per): a request with
   * one of those passes the access checks and reaches the service with the rest of its input.
   */
  tables: Readonly<Record<string, readonly string[]>>;
  /** HER-ids in the address register, Fjordvik's receiving services first. */
  herIds: readonly string[];
  /** Numeric ids of real rows (outbox jobs). */
  numericIds: readonly number[];
};

/**
 * The table a field or path parameter names rows of: by its name (`unitId`, `personId` …) or, for a bare `:id`,
 * by the path segment before it (`appointments/:id`). Unknown names draw from every table.
 */
const TABLE_OF: Record<string, string> = {
  unitId: 'service_units',
  serviceUnitId: 'service_units',
  personId: 'persons',
  typeId: 'appointment_types',
  slotId: 'appointment_slots',
  staffPersonnelId: 'personnel',
  personnelId: 'personnel',
  assigneeId: 'personnel',
  assignedToPersonnelId: 'personnel',
  organisation: 'municipalities',
  'appointments/:id': 'appointments',
  'fullmakter/:id': 'fullmakter',
  'conversations/:id': 'dialog_conversations',
  'attachments/:id': 'dialog_attachments',
  'letters/:id': 'letters',
  'messages/:id': 'plo_messages',
  'alerts/:id': 'plo_alerts',
  'requests/:id': 'appointment_requests',
  'schedules/:id': 'appointment_availability_rules',
};

/** The parts of zod 4's internal definition the generator reads (`schema._zod.def`). */
type Def = {
  type: string;
  format?: string;
  checks?: Array<{ _zod: { def: CheckDef } }>;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  in?: unknown;
  options?: unknown[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  element?: unknown;
  items?: unknown[];
  keyType?: unknown;
  valueType?: unknown;
  left?: unknown;
  right?: unknown;
  getter?: () => unknown;
};
type CheckDef = {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number | bigint;
  inclusive?: boolean;
};

const defOf = (schema: unknown): Def | null => (schema as { _zod?: { def?: Def } } | null)?._zod?.def ?? null;

const DATE_PATTERN = /\\d\{4\}-\\d\{2\}-\\d\{2\}/;
const CURSOR_KEYS = new Set(['cursor', 'after', 'before']);

/** Opaque cursors a client could forge: our own encodings around impossible or hostile contents. */
const FORGED_CURSORS = [
  ...['2026-02-30 10:00:00+00', '0000-00-00 00:00:00', '9999-12-31 23:59:59.999999+00', '2026-13-01T00:00:00Z'].map(
    (at) => JSON.stringify([at, '00000000-0000-4000-8000-000000000000']),
  ),
  JSON.stringify(['2026-01-01 10:00:00+00', 'not-a-uuid']),
  JSON.stringify([1, 2]),
  JSON.stringify({ at: '2026-01-01', id: 'x' }),
  'v1.999999999999999',
  'v1.-1',
  'v2.1',
  '\u0000',
].map((s) => Buffer.from(s, 'utf8').toString('base64url'));

/**
 * Values shaped by a zod schema, most of them close enough to valid to reach the service, with hostile leaves
 * mixed in at every level: impossible dates that still match a date pattern, real and random uuids, strings at
 * and past their limits, numbers past their bounds, missing and extra fields, nulls and wrong types.
 * @param schema - a zod 4 schema as a route declares it (`route.schema.body`, `.querystring`, `.params`)
 * @param known - ids and HER-ids of the installation under test
 * @param key - the property name this value goes into (cursors and ids get values for their kind)
 */
export function fromZod(schema: unknown, known: FuzzKnowledge, key = '', depth = 0): fc.Arbitrary<unknown> {
  // One arbitrary per schema node and key: contracts share sub-schemas, and building them again is what costs.
  const bySchema = built.get(known) ?? new WeakMap<object, Map<string, fc.Arbitrary<unknown>>>();
  built.set(known, bySchema);
  const node = typeof schema === 'object' && schema !== null ? schema : null;
  const byKey = node ? (bySchema.get(node) ?? new Map<string, fc.Arbitrary<unknown>>()) : null;
  if (node && byKey) {
    bySchema.set(node, byKey);
  }
  const cached = byKey?.get(`${depth}/${key}`);
  if (cached) {
    return cached;
  }
  const shaped = shapedBy(schema, known, key, depth);
  const arbitrary = fc.oneof({ weight: 7, arbitrary: shaped }, { weight: 1, arbitrary: hostileValue() });
  byKey?.set(`${depth}/${key}`, arbitrary);
  return arbitrary;
}

const built = new WeakMap<FuzzKnowledge, WeakMap<object, Map<string, fc.Arbitrary<unknown>>>>();
const matching = new Map<string, fc.Arbitrary<string>>();
/** fast-check's generator for a pattern (flags dropped: it refuses them), built once per pattern. */
function stringMatching(pattern: RegExp): fc.Arbitrary<string> {
  let arbitrary = matching.get(pattern.source);
  if (!arbitrary) {
    arbitrary = fc.stringMatching(new RegExp(pattern.source), { size: 'small' });
    matching.set(pattern.source, arbitrary);
  }
  return arbitrary;
}

function shapedBy(schema: unknown, known: FuzzKnowledge, key: string, depth: number): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (!def || depth > 8) {
    return hostileValue();
  }
  const inner = (s: unknown, k = key) => fromZod(s, known, k, depth + 1);
  switch (def.type) {
    case 'string':
      return stringFor(def, known, key);
    case 'number':
    case 'int':
      return /(^|:)id$/.test(key) && known.numericIds.length > 0
        ? fc.oneof(numberFor(def), fc.constantFrom(...known.numericIds))
        : numberFor(def);
    case 'bigint':
      return fc.oneof(fc.bigInt().map(String), fc.constantFrom(...EDGE_NUMBERS));
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constantFrom('true', 'false', 0, 1, 'yes'));
    case 'enum': {
      const values = Object.values(def.entries ?? {});
      return fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...values) },
        { weight: 1, arbitrary: fc.constantFrom(...values.map((v) => String(v).toUpperCase() + ' ')) },
      );
    }
    case 'literal':
      return fc.constantFrom(...(def.values ?? [null]));
    case 'null':
      return fc.constant(null);
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.oneof({ weight: 1, arbitrary: fc.constant(MISSING) }, { weight: 3, arbitrary: inner(def.innerType) });
    case 'nullable':
      return fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: inner(def.innerType) });
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner(def.innerType);
    case 'pipe':
      return inner(def.in);
    case 'lazy':
      return def.getter ? inner(def.getter()) : hostileValue();
    case 'union':
      return fc.oneof(...(def.options ?? []).map((o) => inner(o)));
    case 'array':
      return fc.oneof(
        { weight: 4, arbitrary: fc.array(inner(def.element), { maxLength: 5 }) },
        { weight: 1, arbitrary: fc.constantFrom('x', 0, null).map((v) => Array.from({ length: 2000 }, () => v)) },
      );
    case 'tuple':
      return fc.tuple(...(def.items ?? []).map((i) => inner(i)));
    case 'record':
      return fc.dictionary(anyString(), inner(def.valueType), {
        maxKeys: 4,
      });
    case 'object':
      return objectFor(def, known, depth);
    case 'intersection':
      return fc
        .tuple(inner(def.left), inner(def.right))
        .map(([a, b]) => (isPlainObject(a) && isPlainObject(b) ? { ...a, ...b } : a));
    default:
      // any, unknown, custom, transform, date …: whatever a client could send.
      return hostileValue();
  }
}

function objectFor(def: Def, known: FuzzKnowledge, depth: number): fc.Arbitrary<unknown> {
  const shape = def.shape ?? {};
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, s] of Object.entries(shape)) {
    // A required field is left out now and then; optional ones decide for themselves (MISSING above).
    fields[k] = fc.oneof(
      { weight: 12, arbitrary: fromZod(s, known, k, depth + 1) },
      { weight: 1, arbitrary: fc.constant(MISSING) },
    );
  }
  const extra = fc.dictionary(
    fc.constantFrom('__proto__', 'constructor', 'id', 'municipalityId', 'personId', 'role', 'admin', 'x'),
    hostileValue(),
    { maxKeys: 3 },
  );
  return fc
    .tuple(fc.record(fields), fc.oneof({ weight: 5, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: extra }))
    .map(([obj, more]) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries({ ...more, ...obj })) {
        if (v !== MISSING) {
          // defineProperty, so a generated `__proto__` key is an own property that JSON.stringify sends.
          Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
        }
      }
      return out;
    });
}

function stringFor(def: Def, known: FuzzKnowledge, key: string): fc.Arbitrary<unknown> {
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  const format = def.format ?? checks.find((c) => c.check === 'string_format')?.format;
  const pattern = checks.find((c) => c.format === 'regex')?.pattern;
  const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
  const max = checks.find((c) => c.check === 'max_length')?.maximum;
  const real = realIds(known, key);
  const options: Array<fc.WeightedArbitrary<unknown>> = [{ weight: 1, arbitrary: hostileString() }];
  if (CURSOR_KEYS.has(key)) {
    options.push({ weight: 3, arbitrary: fc.constantFrom(...FORGED_CURSORS) });
  }
  if (format === 'uuid' || format === 'guid') {
    options.push(
      { weight: 6, arbitrary: real },
      { weight: 2, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: real.map((id) => id.toUpperCase()) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'),
      },
    );
  } else if (format === 'datetime') {
    options.push(
      { weight: 3, arbitrary: plausibleInstant() },
      { weight: 3, arbitrary: fc.constantFrom(...IMPOSSIBLE_INSTANTS) },
    );
  } else if (format === 'date' || (pattern && DATE_PATTERN.test(pattern.source))) {
    options.push(
      { weight: 3, arbitrary: plausibleInstant().map((s) => s.slice(0, 10)) },
      { weight: 3, arbitrary: fc.constantFrom(...IMPOSSIBLE_DATES) },
    );
    if (pattern) {
      options.push({ weight: 2, arbitrary: stringMatching(pattern) });
    }
  } else if (format === 'email') {
    options.push({ weight: 4, arbitrary: email() });
  } else if (/herId$/i.test(key) && known.herIds.length > 0) {
    options.push(
      { weight: 3, arbitrary: fc.constantFrom(...known.herIds.slice(0, 2)) },
      { weight: 2, arbitrary: fc.constantFrom(...known.herIds) },
    );
  } else if (pattern) {
    options.push({ weight: 4, arbitrary: stringMatching(pattern) });
  } else {
    options.push({ weight: 3, arbitrary: anyString() });
  }
  if (max !== undefined && max < 100_000) {
    // At the limit with characters that are several UTF-16 units and bytes each, and just past it.
    options.push(
      { weight: 1, arbitrary: fc.constantFrom('😀', 'ø', 'a', '\u202E').map((c) => c.repeat(max)) },
      { weight: 1, arbitrary: fc.constant('a'.repeat(max + 1)) },
    );
  }
  if (min > 0) {
    options.push({ weight: 1, arbitrary: fc.constant('a'.repeat(min - 1)) });
  }
  // Any text field: NUL, direction overrides, lone surrogates, injections (hostileString mixes them with more).
  options.push({ weight: 1, arbitrary: fc.constantFrom(...NASTY_TEXT) });
  return fc.oneof(...options);
}

/** Real ids for a field: mostly the caller's own rows of its table, sometimes any row of any table. */
function realIds(known: FuzzKnowledge, key: string): fc.Arbitrary<string> {
  const all = Object.values(known.tables).flat();
  const table = TABLE_OF[key];
  const own = table ? (known.tables[table] ?? []) : [];
  if (all.length === 0) {
    return fc.uuid();
  }
  if (own.length === 0) {
    return fc.constantFrom(...all);
  }
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...own.slice(0, 2)) },
    { weight: 2, arbitrary: fc.constantFrom(...own) },
    { weight: 1, arbitrary: fc.constantFrom(...all) },
  );
}

function numberFor(def: Def): fc.Arbitrary<unknown> {
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  const lo = checks.find((c) => c.check === 'greater_than')?.value;
  const hi = checks.find((c) => c.check === 'less_than')?.value;
  const min = typeof lo === 'number' ? lo : -1_000_000;
  const max = typeof hi === 'number' ? hi : 1_000_000;
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: Math.max(min, -2_000_000_000), max: Math.min(max, 2_000_000_000) }) },
    { weight: 2, arbitrary: fc.constantFrom(min, max, min - 1, max + 1, (min + max) / 2 + 0.5) },
    { weight: 2, arbitrary: fc.constantFrom(...EDGE_NUMBERS) },
    { weight: 1, arbitrary: fc.constantFrom('1', ' 2 ', '0x10', '1e3', 'Infinity', '') },
  );
}

/** A real instant from 1990 to 2100, as `toISOString` or with an Oslo-like offset. */
const plausibleInstant = once((): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
      fc.boolean(),
    )
    .map(([d, z]) => (z ? d.toISOString() : d.toISOString().replace(/\.\d{3}Z$/, '+01:00'))),
);
const email = once(() => fc.emailAddress());

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
