import { isUtf8 } from 'node:buffer';
import type { XmlIssue, XmlLimits, XmlRefusal } from './xml.types.ts';

export type PrescanResult = { ok: true } | { ok: false; refusal: XmlRefusal; issues: XmlIssue[] };

const LT = 0x3c;
const GT = 0x3e;
const ascii = (s: string) => Buffer.from(s, 'latin1');
const COMMENT = ascii('<!--');
const COMMENT_END = ascii('-->');
const CDATA = ascii('<![CDATA[');
const CDATA_END = ascii(']]>');
const PI_END = ascii('?>');
const DOCTYPE = ascii('<!DOCTYPE');
const ENCODING = /^<\?xml[^?]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;

function lineAt(buf: Buffer, pos: number): number {
  let line = 1;
  for (let i = buf.indexOf(0x0a); i !== -1 && i < pos; i = buf.indexOf(0x0a, i + 1)) {
    line += 1;
  }
  return line;
}

function refuse(refusal: XmlRefusal, message: string, buf?: Buffer, pos = 0): PrescanResult {
  return { ok: false, refusal, issues: [{ line: buf ? lineAt(buf, pos) : 0, column: 0, message }] };
}

/**
 * Looks at the raw bytes before any parser sees them, so hostile input is refused cheaply and by rules of our own
 * rather than by a parser's defaults: the size, UTF-8 (the only encoding accepted), no document type declaration
 * (so no DTD, no entity declarations, hence no external entities and no entity expansion), and the element depth.
 * It is a tokeniser light: it skips comments, CDATA sections, processing instructions and quoted attribute values,
 * and leaves well-formedness to the parser.
 * @param bytes - the document as received
 * @param limits - size and depth limits
 */
export function prescanXml(bytes: Uint8Array, limits: XmlLimits): PrescanResult {
  if (bytes.byteLength > limits.maxBytes) {
    return refuse('too_large', `The document is ${bytes.byteLength} bytes; the limit is ${limits.maxBytes}.`);
  }
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if ((buf[0] === 0xfe && buf[1] === 0xff) || (buf[0] === 0xff && buf[1] === 0xfe)) {
    return refuse('unsupported_encoding', 'UTF-16 is not accepted; send UTF-8.');
  }
  if (!isUtf8(buf)) {
    return refuse('not_utf8', 'The document is not valid UTF-8.');
  }
  const start = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const declared = ENCODING.exec(buf.toString('latin1', start, Math.min(buf.length, start + 200)))?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) {
    return refuse('unsupported_encoding', `The declared encoding ${declared} is not accepted; send UTF-8.`);
  }
  let depth = 0;
  let i = buf.indexOf(LT, start);
  while (i !== -1) {
    const next = buf[i + 1];
    let end: number;
    if (next === 0x21 /* ! */) {
      if (buf.subarray(i, i + 4).equals(COMMENT)) {
        end = buf.indexOf(COMMENT_END, i + 4);
        end = end === -1 ? -1 : end + 2;
      } else if (buf.subarray(i, i + 9).equals(CDATA)) {
        end = buf.indexOf(CDATA_END, i + 9);
        end = end === -1 ? -1 : end + 2;
      } else if (buf.subarray(i, i + 9).equals(DOCTYPE)) {
        return refuse('dtd_forbidden', 'A document type declaration (DTD) is not accepted.', buf, i);
      } else {
        end = buf.indexOf(GT, i);
      }
    } else if (next === 0x3f /* ? */) {
      end = buf.indexOf(PI_END, i + 2);
      end = end === -1 ? -1 : end + 1;
    } else if (next === 0x2f /* / */) {
      depth -= 1;
      end = buf.indexOf(GT, i);
    } else {
      end = tagEnd(buf, i + 1);
      if (end !== -1 && buf[end - 1] !== 0x2f /* / */) {
        depth += 1;
        if (depth > limits.maxDepth) {
          return refuse('too_deep', `Elements are nested deeper than ${limits.maxDepth} levels.`, buf, i);
        }
      }
    }
    if (end === -1) {
      break; // unterminated: the parser reports it
    }
    i = buf.indexOf(LT, end + 1);
  }
  return { ok: true };
}

/** The index of the `>` that closes a start tag, skipping quoted attribute values; -1 when unterminated. */
function tagEnd(buf: Buffer, from: number): number {
  let quote = 0;
  for (let j = from; j < buf.length; j++) {
    const c = buf[j];
    if (quote !== 0) {
      if (c === quote) {
        quote = 0;
      }
    } else if (c === 0x22 || c === 0x27) {
      quote = c;
    } else if (c === GT) {
      return j;
    }
  }
  return -1;
}
