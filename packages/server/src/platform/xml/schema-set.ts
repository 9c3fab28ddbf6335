import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  ParseOption,
  XmlCData,
  XmlDocument,
  XmlElement as LibXmlElement,
  XmlLibError,
  XmlText,
  type XmlNode,
  XsdValidator,
  xmlRegisterInputProvider,
  type ErrorDetail,
} from 'libxml2-wasm';
import { prescanXml } from './prescan.ts';
import type { XmlElement, XmlChild } from './xml-tree.ts';
import {
  DEFAULT_XML_LIMITS,
  type XmlIssue,
  type XmlLimits,
  type XmlParseOutcome,
  type XmlRefused,
  type XmlValidationOutcome,
} from './xml.types.ts';

/**
 * Parser flags for untrusted documents: no network, no external entities or DTDs (XML_PARSE_NO_XXE), entities not
 * substituted (no XML_PARSE_NOENT), no DTD loading (no XML_PARSE_DTDLOAD), libxml2's own limits kept (no
 * XML_PARSE_HUGE), and line numbers above 65 535 reported.
 */
const SAFE_OPTIONS = ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE | ParseOption.XML_PARSE_BIG_LINES;
const MAX_ISSUES = 20;
/** Schema files are served to libxml2 from memory under this made-up root, never from the file system. */
const VIRTUAL_ROOT = '/helsebro-xsd';

/**
 * Everything libxml2 may load: the schema files of the compiled schema sets, from memory. libxml2's input
 * callbacks are process-wide, so one provider is registered once and answers every request; any other name
 * (a file:// or http:// URL from a hostile document, a schemaLocation hint) is refused and counted.
 */
const served = new Map<string, Uint8Array>();
const openFiles = new Map<number, { data: Uint8Array; pos: number }>();
let nextFd = 1;
let refusedLoads = 0;
let providerRegistered = false;

function registerProvider(): void {
  if (providerRegistered) {
    return;
  }
  providerRegistered = true;
  xmlRegisterInputProvider({
    match: () => true,
    open: (name) => {
      const data = served.get(name);
      if (!data) {
        refusedLoads += 1;
        return undefined;
      }
      const fd = nextFd++;
      openFiles.set(fd, { data, pos: 0 });
      return fd;
    },
    read: (fd, buf) => {
      const f = openFiles.get(fd);
      if (!f) {
        return -1;
      }
      const n = Math.min(buf.byteLength, f.data.byteLength - f.pos);
      buf.set(f.data.subarray(f.pos, f.pos + n));
      f.pos += n;
      return n;
    },
    close: (fd) => openFiles.delete(fd),
  });
}

/** How many loads of anything but our own schema files libxml2 has asked for and been refused (tests read it). */
export function refusedExternalLoads(): number {
  return refusedLoads;
}

export type XmlSchemaSet = {
  /** Milliseconds it took to read and compile the schema set. */
  readonly compileMs: number;
  /** Safe parse without validation (prescan, then libxml2 with the flags above). */
  parse(bytes: Uint8Array, opts?: TreeOptions): XmlParseOutcome;
  /** Safe parse, then validation against the compiled schema set. Never throws for bad input. */
  validate(bytes: Uint8Array, opts?: TreeOptions): XmlValidationOutcome;
  readonly limits: XmlLimits;
};

/**
 * How much of the document to copy out as a tree. Copying crosses into WASM for every node, so a caller that
 * needs only the top of a large document (or only the verdict) says how deep: elements below `treeDepth` are
 * left out (the root is depth 1; 0 gives the root without children). `subtreeDepth` cuts below particular
 * elements, keyed `{namespace}name`: `{ '{urn:x}Content': 2 }` keeps a Content element's child and grandchild
 * elements only; 0 keeps its text but no child elements, -1 the element and its attributes alone. All of it by
 * default.
 */
export type TreeOptions = { treeDepth?: number; subtreeDepth?: Record<string, number> };

export type SchemaSetOptions = {
  /** The folder holding the schema files (imports resolve relative to the entry schema, inside it). */
  dir: string;
  /** The entry schema's path relative to `dir`, e.g. `messages.xsd`. */
  entry: string;
  limits?: Partial<XmlLimits>;
};

let setCounter = 0;

/**
 * Reads every `.xsd` under `dir` into memory and compiles the entry schema once; the result is reused for every
 * document. Compilation failure throws (a broken schema set is a deployment error, found at start).
 * @param opts - folder, entry schema and limits
 */
export function compileSchemaSet(opts: SchemaSetOptions): XmlSchemaSet {
  const started = performance.now();
  registerProvider();
  const prefix = `${VIRTUAL_ROOT}/${++setCounter}`;
  for (const file of listXsd(opts.dir)) {
    served.set(`${prefix}/${relative(opts.dir, file).split(sep).join('/')}`, readFileSync(file));
  }
  const entryName = `${prefix}/${opts.entry}`;
  const entry = served.get(entryName);
  if (!entry) {
    throw new Error(`Entry schema ${opts.entry} not found in ${opts.dir}`);
  }
  const schemaDoc = XmlDocument.fromBuffer(entry, { url: entryName, option: SAFE_OPTIONS });
  let validator: XsdValidator;
  try {
    validator = XsdValidator.fromDoc(schemaDoc);
  } finally {
    schemaDoc.dispose();
  }
  const limits: XmlLimits = { ...DEFAULT_XML_LIMITS, ...opts.limits };
  const compileMs = performance.now() - started;

  function withDocument<T>(bytes: Uint8Array, use: (doc: XmlDocument) => T): T | XmlRefused {
    const pre = prescanXml(bytes, limits);
    if (!pre.ok) {
      return { wellFormed: false, refusal: pre.refusal, issues: pre.issues };
    }
    let doc: XmlDocument;
    try {
      doc = XmlDocument.fromBuffer(bytes, { option: SAFE_OPTIONS, encoding: 'utf-8' });
    } catch (err) {
      return { wellFormed: false, refusal: 'not_well_formed', issues: issuesOf(err) };
    }
    try {
      if (doc.dtd !== null) {
        return { wellFormed: false, refusal: 'dtd_forbidden', issues: [{ line: 1, column: 0, message: 'DTD' }] };
      }
      return use(doc);
    } finally {
      doc.dispose();
    }
  }

  return {
    compileMs,
    limits,
    parse: (bytes, tree) =>
      withDocument<XmlParseOutcome>(bytes, (doc) => ({
        wellFormed: true,
        root: toTree(doc.root, tree?.treeDepth ?? Infinity, tree?.subtreeDepth),
      })),
    validate: (bytes, tree) =>
      withDocument<XmlValidationOutcome>(bytes, (doc) => {
        let issues: XmlIssue[] = [];
        try {
          validator.validate(doc);
        } catch (err) {
          issues = issuesOf(err);
        }
        return {
          wellFormed: true,
          root: toTree(doc.root, tree?.treeDepth ?? Infinity, tree?.subtreeDepth),
          valid: issues.length === 0,
          issues,
        };
      }),
  };
}

function listXsd(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      return listXsd(p);
    }
    return name.endsWith('.xsd') ? [p] : [];
  });
}

function issuesOf(err: unknown): XmlIssue[] {
  const details: ErrorDetail[] = err instanceof XmlLibError ? err.details : [];
  if (details.length === 0) {
    return [{ line: 0, column: 0, message: err instanceof Error ? err.message.trim() : String(err) }];
  }
  return details
    .filter((d) => d.level >= 2)
    .slice(0, MAX_ISSUES)
    .map((d) => ({ line: d.line, column: d.col, message: d.message.trim() }));
}

/** Copies libxml2's tree into plain objects, so nothing outside this file touches WASM memory. */
function toTree(el: LibXmlElement, maxDepth: number, cuts?: Record<string, number>, level = 1): XmlElement {
  const ns = el.namespaceUri;
  const name = el.name;
  const cut = cuts?.[`{${ns}}${name}`];
  const depth = cut === undefined ? maxDepth : Math.min(maxDepth, level + cut);
  const attrs: Record<string, string> = {};
  for (const a of el.attrs) {
    const attrNs = a.namespaceUri;
    attrs[attrNs ? `{${attrNs}}${a.name}` : a.name] = a.value;
  }
  const children: XmlChild[] = [];
  for (const c of level > depth ? [] : childNodes(el)) {
    if (c instanceof LibXmlElement) {
      if (level < depth) {
        children.push(toTree(c, depth, cuts, level + 1));
      }
    } else if (c instanceof XmlText || c instanceof XmlCData) {
      const last = children.at(-1);
      if (typeof last === 'string') {
        children[children.length - 1] = last + c.content;
      } else {
        children.push(c.content);
      }
    }
  }
  return { ns, name, attrs, children, line: el.line };
}

/**
 * The child nodes of an element. libxml2-wasm gives a processing instruction no `next`, so walking siblings would
 * stop there and silently drop what follows; on meeting one, ask XPath for all child nodes instead.
 */
function childNodes(el: LibXmlElement): XmlNode[] {
  const out: XmlNode[] = [];
  for (let c: XmlNode | null = el.firstChild; c !== null;) {
    out.push(c);
    const next = (c as { next?: XmlNode | null }).next;
    if (next === undefined) {
      return el.find('node()');
    }
    c = next;
  }
  return out;
}
