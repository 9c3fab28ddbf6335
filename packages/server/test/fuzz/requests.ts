import fc from 'fast-check';
import { LONE_SURROGATE } from '../../src/platform/http/input-guard.ts';
import { fromZod, MISSING, type FuzzKnowledge } from './from-zod.ts';
import { callersOf, type CallerName } from './fuzz-app.ts';
import type { FuzzRoute } from './routes.ts';
import { hostileString, hostileValue, IMPOSSIBLE_DATES, IMPOSSIBLE_INSTANTS, NASTY_TEXT } from './values.ts';

/** A generated request before it is encoded: what to print when it fails. */
export type RequestSpec = {
  caller: CallerName;
  method: string;
  route: string;
  path: string;
  query: string;
  body: BodySpec | null;
};

export type FileSpec = {
  name: string;
  type: string;
  head: 'pdf' | 'png' | 'jpeg' | 'html' | 'none' | 'empty';
  size: number;
};
export type BodySpec =
  | { kind: 'json'; value: unknown; contentType: string }
  | { kind: 'form'; value: unknown }
  | { kind: 'raw'; text: string; contentType: string }
  | { kind: 'multipart'; fields: Array<[string, string]>; files: FileSpec[] }
  | {
      kind: 'xml';
      sample: number;
      msgId: string;
      /** Elements whose first occurrence gets this text (escaped), e.g. a GenDate that does not exist. */
      set: Array<[string, string]>;
      edits: XmlEdit[];
      cut: number | null;
      contentType: string;
    };
type XmlEdit = { nth: number; value: string; escape: boolean; attribute: boolean };

/** What the request generators need besides the route: ids, and the PLO messages to mutate. */
export type RequestKnowledge = FuzzKnowledge & { xmlSamples: readonly string[] };

/**
 * Routes that read multipart/form-data themselves (no body schema): the dialog's message routes (the citizen's and
 * the unit's new conversation, replies), a unit's letter.
 */
const MULTIPART =
  /^\/api\/((staff\/)?dialog\/conversations(\/:id\/messages)?|staff\/dialog\/units\/:unitId\/conversations|staff\/letters\/units\/:unitId\/letters)$/;

/** Path segments that break naive decoding: bad percent-escapes, traversal, an encoded lone surrogate, NUL. */
const RAW_SEGMENTS = ['%', '%zz', '%C0%AE%C0%AE', '..', '%2e%2e', '%00', '%ED%A0%80', '%FF%FE', '%252F', ';', '~'];

/** Broken JSON and JSON of the wrong shape, sent as application/json. */
const BAD_JSON = ['{', '{"a":', '[', 'nul', '"\\ud800"', '1e999', '\uFEFF{}', '{"a":1,"a":2}', '[1,2,3]', 'null', '""'];

/**
 * Requests for one route: caller, path parameters, query and body generated from the route's zod schemas (or,
 * where it has none, as the route reads its input: multipart, PLO XML), with hostile values throughout.
 * @param route - the route to call
 * @param known - ids, HER-ids and sample messages of the installation
 */
export function requestFor(route: FuzzRoute, known: RequestKnowledge): fc.Arbitrary<RequestSpec> {
  return fc
    .record({
      caller: fc.constantFrom(...callersOf(route.family)),
      path: pathFor(route, known),
      query: queryFor(route, known),
      body: bodyFor(route, known),
    })
    .map(({ caller, path, query, body }) => ({
      caller,
      method: route.method,
      route: route.url,
      path,
      query,
      body,
    }));
}

function pathFor(route: FuzzRoute, known: FuzzKnowledge): fc.Arbitrary<string> {
  const parts = route.url.split('/');
  const shape = shapeOf(route.schema.params);
  const segment = (p: string, i: number): fc.Arbitrary<string> => {
    if (p.startsWith(':')) {
      const name = p.slice(1);
      // A bare `:id` names a row of what the segment before it lists (`appointments/:id`).
      const key = name === 'id' ? `${parts[i - 1]}/:id` : name;
      const shaped = shape?.[name] ? fromZod(shape[name], known, key) : hostileString();
      return fc.oneof(
        { weight: 8, arbitrary: shaped.map((v) => encodeSegment(textOf(v))) },
        { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
      );
    }
    if (p === '*') {
      return fc
        .array(fc.oneof(hostileString().map(encodeSegment), fc.constantFrom(...RAW_SEGMENTS, 'index.html')), {
          maxLength: 3,
        })
        .map((s) => s.join('/'));
    }
    return fc.constant(p);
  };
  return fc.tuple(...parts.map((p, i) => segment(p, i))).map((s) => s.join('/'));
}

function queryFor(route: FuzzRoute, known: FuzzKnowledge): fc.Arbitrary<string> {
  const stray = fc.dictionary(fc.constantFrom('x', '__proto__', 'cursor', 'date', 'limit'), hostileValue(), {
    maxKeys: 2,
  });
  if (!route.schema.querystring) {
    return fc.oneof({ weight: 4, arbitrary: fc.constant('') }, { weight: 1, arbitrary: stray.map(encodeQuery) });
  }
  return fc.oneof(
    { weight: 9, arbitrary: fromZod(route.schema.querystring, known).map(encodeQuery) },
    { weight: 1, arbitrary: stray.map(encodeQuery) },
  );
}

function bodyFor(route: FuzzRoute, known: RequestKnowledge): fc.Arbitrary<BodySpec | null> {
  if (route.method === 'GET') {
    return fc.constant(null);
  }
  const json = (schema: unknown) =>
    fc.oneof(
      { weight: 12, arbitrary: fromZod(schema, known).map((value) => jsonBody(value, 'application/json')) },
      {
        weight: 1,
        arbitrary: fromZod(schema, known).map((value) => jsonBody(value, 'application/json; charset=iso-8859-1')),
      },
      { weight: 1, arbitrary: fromZod(schema, known).map((value): BodySpec => ({ kind: 'form', value })) },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom(...BAD_JSON)
          .map((text): BodySpec => ({ kind: 'raw', text, contentType: 'application/json' })),
      },
      {
        weight: 1,
        arbitrary: hostileString().map((text): BodySpec => ({
          kind: 'raw',
          text,
          contentType: 'text/plain;charset=utf-8',
        })),
      },
      { weight: 1, arbitrary: fc.constant(null) },
    );
  if (route.url.startsWith('/edi/')) {
    return fc.oneof({ weight: 9, arbitrary: xmlBody(known) }, { weight: 1, arbitrary: json(undefined) });
  }
  if (MULTIPART.test(route.url)) {
    return fc.oneof({ weight: 6, arbitrary: multipartBody(known) }, { weight: 1, arbitrary: json(undefined) });
  }
  return json(route.schema.body);
}

const jsonBody = (value: unknown, contentType: string): BodySpec | null =>
  value === MISSING ? null : { kind: 'json', value, contentType };

function multipartBody(known: FuzzKnowledge): fc.Arbitrary<BodySpec> {
  const field = fc.oneof(
    fc.tuple(
      fc.constant('serviceUnitId'),
      fc.oneof(fc.constantFrom(...(known.tables.service_units ?? [])), hostileString()),
    ),
    // The unit's new conversation names the citizen (issue 15)
    fc.tuple(fc.constant('personId'), fc.oneof(fc.constantFrom(...(known.tables.persons ?? [])), hostileString())),
    fc.tuple(fc.constant('subject'), fc.oneof(fc.constant('Spørsmål'), hostileString())),
    fc.tuple(fc.constant('text'), fc.oneof(fc.constant('Hei!'), hostileString())),
    // A unit's letter (issue 13)
    fc.tuple(fc.constant('nin'), fc.oneof(fc.constantFrom('14838510036', '12345678901'), hostileString())),
    fc.tuple(fc.constant('title'), fc.oneof(fc.constant('Vedtak'), hostileString())),
    fc.tuple(fc.constant('importance'), fc.oneof(fc.constantFrom('important', 'ordinary'), hostileString())),
    fc.tuple(fc.constantFrom(...NASTY_TEXT, '_csrf'), hostileString()),
  );
  const file = fc.record({
    name: fc.oneof(fc.constantFrom('prøver.pdf', 'x.html', 'setup.exe'), hostileString()),
    type: fc.constantFrom('application/pdf', 'image/png', 'text/html', '', 'x/\u0000', 'application/pdf; x="'),
    head: fc.constantFrom('pdf', 'png', 'jpeg', 'html', 'none', 'empty'),
    size: fc.constantFrom(1, 100, 70_000),
  });
  return fc
    .record({ fields: fc.array(field, { maxLength: 5 }), files: fc.array(file, { maxLength: 3 }) })
    .map((b): BodySpec => ({ kind: 'multipart', ...b }));
}

function xmlBody(known: RequestKnowledge): fc.Arbitrary<BodySpec> {
  const edit = fc.record({
    nth: fc.nat(400),
    value: hostileString(),
    escape: fc.boolean(),
    attribute: fc.boolean(),
  });
  return fc.record({
    kind: fc.constant('xml' as const),
    sample: fc.nat(Math.max(0, known.xmlSamples.length - 1)),
    msgId: fc.oneof({ weight: 5, arbitrary: fc.uuid() }, { weight: 1, arbitrary: hostileString() }),
    set: fc.array(
      fc.tuple(
        fc.constantFrom('GenDate', 'IssueDate', 'DateTime', 'TidspunktForHendelse', 'DateOfBirth', 'Id', 'TypeId'),
        fc.oneof(fc.constantFrom(...IMPOSSIBLE_INSTANTS, ...IMPOSSIBLE_DATES), hostileString()),
      ),
      { maxLength: 2 },
    ),
    edits: fc.array(edit, { minLength: 0, maxLength: 3 }),
    cut: fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat(20_000) }),
    contentType: fc.constantFrom(
      'application/xml',
      'application/xml',
      'application/xml',
      'text/xml; charset=utf-8',
      'application/json',
      'application/xml; charset=utf-16',
    ),
  });
}

/**
 * The request as `app.inject` takes it: caller's headers, the content type and the encoded body.
 * @param spec - a generated request
 * @param headers - the caller's authentication headers
 * @param known - the sample messages an XML body mutates
 */
export async function encodeRequest(
  spec: RequestSpec,
  headers: Record<string, string>,
  known: RequestKnowledge,
): Promise<{ method: string; url: string; headers: Record<string, string>; payload?: string | Buffer }> {
  const url = spec.query ? `${spec.path}?${spec.query}` : spec.path;
  const base = { method: spec.method, url, headers: { ...headers } };
  const body = spec.body;
  if (!body) {
    return base;
  }
  switch (body.kind) {
    case 'json':
      return {
        ...base,
        headers: { ...base.headers, 'content-type': body.contentType },
        payload: JSON.stringify(body.value) ?? '',
      };
    case 'form':
      return {
        ...base,
        headers: { ...base.headers, 'content-type': 'application/x-www-form-urlencoded' },
        payload: encodeQuery(body.value),
      };
    case 'raw':
      return { ...base, headers: { ...base.headers, 'content-type': body.contentType }, payload: body.text };
    case 'multipart': {
      const form = new FormData();
      for (const [k, v] of body.fields) {
        form.append(k, v);
      }
      for (const f of body.files) {
        form.append('files', new Blob([fileBytes(f)], { type: f.type }), f.name);
      }
      const res = new Response(form);
      return {
        ...base,
        headers: { ...base.headers, 'content-type': res.headers.get('content-type')! },
        payload: Buffer.from(await res.arrayBuffer()),
      };
    }
    case 'xml':
      return {
        ...base,
        headers: { ...base.headers, 'content-type': body.contentType },
        payload: mutateXml(body, known),
      };
  }
}

const MAGIC: Record<FileSpec['head'], Buffer> = {
  pdf: Buffer.from('%PDF-1.4\n'),
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  html: Buffer.from('%PDF-<html><script>alert(1)</script>'),
  none: Buffer.from('MZ\x90\x00'),
  empty: Buffer.alloc(0),
};

function fileBytes(f: FileSpec): Buffer {
  const head = MAGIC[f.head];
  return f.head === 'empty' ? head : Buffer.concat([head, Buffer.alloc(f.size, 0x20)]);
}

function mutateXml(body: Extract<BodySpec, { kind: 'xml' }>, known: RequestKnowledge): string {
  let xml = known.xmlSamples[body.sample] ?? '';
  const set: Array<[string, string]> = [['MsgId', body.msgId], ...body.set];
  for (const [name, value] of set) {
    const element = new RegExp(`<(${name})(\\s[^>]*)?>[^<]*</${name}>`);
    xml = xml.replace(element, (_, n: string, attrs = '') => `<${n}${attrs}>${xmlEscape(value)}</${n}>`);
  }
  for (const e of body.edits) {
    const pattern = e.attribute ? /(\s[A-Za-z]+=")([^"]*)(")/g : /(>)([^<>]+)(<)/g;
    const matches = [...xml.matchAll(pattern)];
    const m = matches[e.nth % Math.max(1, matches.length)];
    if (m?.index !== undefined) {
      const value = e.escape ? xmlEscape(e.value) : e.value;
      xml = `${xml.slice(0, m.index)}${m[1]}${value}${m[3]}${xml.slice(m.index + m[0].length)}`;
    }
  }
  return body.cut === null ? xml : xml.slice(0, body.cut % Math.max(1, xml.length));
}

const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Percent-encodes a value for a URL as a browser does: UTF-8, a lone surrogate as U+FFFD (which
 * encodeURIComponent would throw on), and RFC 3986 `unreserved` left as it is.
 */
function encodeText(s: string): string {
  return encodeURIComponent(s.replace(LONE_SURROGATES, '\uFFFD')).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

const encodeSegment = encodeText;

/** A query string from a generated value: repeated keys for arrays, JSON for nested objects, bare keys for null. */
function encodeQuery(value: unknown): string {
  if (value === MISSING || value === undefined) {
    return '';
  }
  if (!isRecord(value)) {
    return encodeText(textOf(value));
  }
  const pairs: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    for (const item of Array.isArray(v) ? v : [v]) {
      if (item === null) {
        pairs.push(encodeText(k));
      } else {
        pairs.push(`${encodeText(k)}=${encodeText(textOf(item))}`);
      }
    }
  }
  return pairs.join('&');
}

/** A generated value as the text a client would put in a URL. */
function textOf(v: unknown): string {
  if (v === MISSING || v === undefined) {
    return '';
  }
  if (typeof v === 'string') {
    return v;
  }
  // Numbers, booleans, null, arrays and objects as their JSON (what a client pasting a value would send).
  return JSON.stringify(v) ?? '';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function shapeOf(schema: unknown): Record<string, unknown> | null {
  const def = (schema as { _zod?: { def?: { type?: string; shape?: Record<string, unknown> } } } | undefined)?._zod
    ?.def;
  return def?.type === 'object' ? (def.shape ?? null) : null;
}
