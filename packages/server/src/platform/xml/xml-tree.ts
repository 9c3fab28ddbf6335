/**
 * A plain JavaScript view of an XML element, independent of the parser that produced it: what the rest of the
 * code reads after `XmlSchemaSet.parse/validate` and what builders write with `el()` / `serializeXml()`.
 */
export type XmlElement = {
  /** Namespace URI, '' when none. */
  ns: string;
  /** Local name. */
  name: string;
  /** Attributes by local name; a namespaced attribute is keyed `{uri}name`. */
  attrs: Record<string, string>;
  /** Child elements and text, in document order (comments and processing instructions are left out). */
  children: XmlChild[];
  /** Line in the source document, 0 when built in code. */
  line: number;
};
export type XmlChild = XmlElement | string;

export function isElement(node: XmlChild | undefined): node is XmlElement {
  return typeof node === 'object';
}

/** The child elements of `el`, optionally only those with this namespace and local name. */
export function childElements(el: XmlElement, ns?: string, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (typeof c === 'object' && (ns === undefined || c.ns === ns) && (name === undefined || c.name === name)) {
      out.push(c);
    }
  }
  return out;
}

/** The first child element with this namespace and local name, or undefined. */
export function childElement(el: XmlElement | undefined, ns: string, name: string): XmlElement | undefined {
  if (!el) {
    return undefined;
  }
  for (const c of el.children) {
    if (typeof c === 'object' && c.ns === ns && c.name === name) {
      return c;
    }
  }
  return undefined;
}

/** Follows a path of local names in one namespace: `pathElement(root, NS, 'MsgInfo', 'Sender')`. */
export function pathElement(el: XmlElement | undefined, ns: string, ...names: string[]): XmlElement | undefined {
  let current = el;
  for (const n of names) {
    current = childElement(current, ns, n);
  }
  return current;
}

/** The concatenated text of an element and its descendants (like XPath `string()`). */
export function textOf(el: XmlElement | undefined): string | undefined {
  if (!el) {
    return undefined;
  }
  let out = '';
  for (const c of el.children) {
    out += typeof c === 'string' ? c : (textOf(c) ?? '');
  }
  return out;
}

/** The trimmed text of the child element, or undefined when it is absent or empty. */
export function childText(el: XmlElement | undefined, ns: string, name: string): string | undefined {
  const t = textOf(childElement(el, ns, name))?.trim();
  return t === '' ? undefined : t;
}

// ---- Writing ----------------------------------------------------------------------------------------------

/** A node for the writer: an element spec, text, or nothing (skipped, so optional parts read naturally). */
export type XmlOut = XmlOutElement | string | null | undefined | false | XmlOut[];
export type XmlOutElement = {
  /** Qualified name as written, e.g. `MsgHead` or `p1:Pasientlogistikk`. */
  qname: string;
  attrs: Record<string, string | undefined>;
  children: XmlOut[];
};

/**
 * An element for the writer. Attributes whose value is undefined are left out; children that are null, undefined
 * or false are skipped, and arrays are flattened, so optional and repeated parts need no `if`.
 */
export function el(
  qname: string,
  attrs: Record<string, string | undefined> = {},
  ...children: XmlOut[]
): XmlOutElement {
  return { qname, attrs, children };
}

// XML 1.0 §2.2 Char: tab, LF, CR and U+0020 upward, without surrogates (handled by the string) or U+FFFE/U+FFFF.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export class XmlWriteError extends Error {
  override name = 'XmlWriteError';
}

function checkChars(value: string): string {
  if (INVALID_CHAR.test(value)) {
    throw new XmlWriteError('Text contains a character XML 1.0 does not allow');
  }
  return value;
}

export function escapeText(value: string): string {
  return checkChars(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(value: string): string {
  return checkChars(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

function write(node: XmlOut, indent: string, out: string[]): void {
  if (node === null || node === undefined || node === false) {
    return;
  }
  if (Array.isArray(node)) {
    for (const n of node) {
      write(n, indent, out);
    }
    return;
  }
  if (typeof node === 'string') {
    out.push(escapeText(node));
    return;
  }
  let open = `<${node.qname}`;
  for (const [k, v] of Object.entries(node.attrs)) {
    if (v !== undefined) {
      open += ` ${k}="${escapeAttr(v)}"`;
    }
  }
  const kids = flatten(node.children);
  if (kids.length === 0) {
    out.push(`${open}/>`);
    return;
  }
  if (kids.some((k) => typeof k === 'string')) {
    // Text only, or mixed content: written inline, since indentation would change the text.
    out.push(`${open}>`);
    for (const k of kids) {
      write(k, indent, out);
    }
    out.push(`</${node.qname}>`);
    return;
  }
  const inner = `${indent}  `;
  out.push(`${open}>`);
  for (const k of kids) {
    out.push(`\n${inner}`);
    write(k, inner, out);
  }
  out.push(`\n${indent}</${node.qname}>`);
}

function flatten(nodes: XmlOut[]): Array<XmlOutElement | string> {
  const out: Array<XmlOutElement | string> = [];
  for (const n of nodes) {
    if (Array.isArray(n)) {
      out.push(...flatten(n));
    } else if (n !== null && n !== undefined && n !== false) {
      out.push(n);
    }
  }
  return out;
}

/**
 * Serialises an element tree as a UTF-8 XML document with a declaration, indented by two spaces. Mixed content
 * (elements and text side by side) is not indented, so no whitespace is added to it.
 * @throws XmlWriteError when a text or attribute holds a character XML 1.0 does not allow
 */
export function serializeXml(root: XmlOutElement): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  write(root, '', out);
  out.push('\n');
  return out.join('');
}
