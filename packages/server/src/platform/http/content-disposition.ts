import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** The types we hand out as files, each with the extensions a user's system opens as that type (first: ours). */
const EXTENSIONS = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'application/xml': ['xml'],
  'text/csv': ['csv'],
  'application/zip': ['zip'],
} as const satisfies Record<string, readonly string[]>;

export type DownloadType = keyof typeof EXTENSIONS;

/**
 * 120 code points (UTF-16 at most 240 units) and 200 UTF-8 bytes keep a name, with a browser's " (1)" or
 * ".crdownload", under the 255-unit/byte name limit of NTFS, APFS and ext4, and still readable in a list.
 */
export const MAX_FILENAME_CODE_POINTS = 120;
const MAX_FILENAME_BYTES = 200;
export const DEFAULT_FILENAME = 'vedlegg';

/**
 * Invisible characters that change how a name reads without being part of it: C0, DEL and C1 controls, bidi
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the marks U+200E, U+200F and U+061C
 * ("‮gpj.exe" shows as "exe.jpg"), and lone surrogates, which are not text at all.
 */
const INVISIBLE = /[\p{Cc}\p{Cs}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
/** An extension: up to ten ASCII letters and digits, at least one a letter ("Referat 12.03" has none). */
const EXTENSION = /^(.*)\.((?=\d*[A-Za-z])[A-Za-z0-9]{1,10})$/s;
/** Leading dots hide a file on Unix; trailing dots and spaces are dropped by Windows, after the extension. */
const EDGES = /^[\s.]+|[\s.]+$/gu;
const ASCII_LETTERS: Record<string, string> = { æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O' };
const graphemes = new Intl.Segmenter('nb', { granularity: 'grapheme' });

/**
 * A file name fit to store, list and offer for download: no invisible or control characters, no path (runs of
 * separators become one "_"), NFC, and cut to MAX_FILENAME_CODE_POINTS at a grapheme boundary with its
 * extension kept. An empty result becomes "vedlegg". The function is idempotent, so names stored before it
 * existed can be cleaned again when offered.
 *
 * Given the type detected from the bytes, the name ends with an extension of that type: one that already
 * matches is kept ("Skann.PDF"), any other is replaced ("x.html" → "x.pdf", "setup.exe" → "setup.pdf",
 * "bilde.png" of JPEG bytes → "bilde.jpg"), and a name without one gets it appended. The saved file is then
 * opened by the program for the type it really is, whatever the uploader called it; see attachments.ts for why
 * a disagreeing name is renamed rather than refused.
 * @param name - the name as given (multipart filename, stored name, message id)
 * @param type - the type detected from the content; without it the given extension is kept as it is
 */
export function safeFilename(name: string, type?: DownloadType): string {
  const clean = name
    .replace(INVISIBLE, '')
    .normalize('NFC')
    .split(/[\\/]+/)
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..')
    .join('_')
    .replace(/\s+/gu, ' ')
    .replace(/^\s+|[\s.]+$/gu, '');
  const match = EXTENSION.exec(clean);
  let stem = match ? match[1]! : clean;
  let extension = match ? match[2]! : '';
  if (type) {
    const allowed: readonly string[] = EXTENSIONS[type];
    if (!allowed.includes(extension.toLowerCase())) {
      extension = allowed[0]!;
    }
  }
  const suffix = extension ? `.${extension}` : '';
  stem = cut(stem.replace(EDGES, ''), MAX_FILENAME_CODE_POINTS - suffix.length, MAX_FILENAME_BYTES - suffix.length);
  return `${stem.replace(EDGES, '') || DEFAULT_FILENAME}${suffix}`;
}

/** The longest prefix of whole graphemes (an emoji sequence, a letter with its accents) within both limits. */
function cut(text: string, maxCodePoints: number, maxBytes: number): string {
  let codePoints = 0;
  let bytes = 0;
  let end = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    codePoints += [...segment].length;
    bytes += Buffer.byteLength(segment, 'utf8');
    if (codePoints > maxCodePoints || bytes > maxBytes) {
      break;
    }
    end = index + segment.length;
  }
  return text.slice(0, end);
}

/**
 * The ASCII `filename` for user agents that ignore `filename*` (RFC 6266 §4.3, appendix D): Norwegian and
 * accented letters spelt without accents, anything else outside printable ASCII, quotes, backslashes and "%"
 * (which some agents would percent-decode) replaced by "_".
 */
function asciiFallback(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[æÆøØ]/g, (c) => ASCII_LETTERS[c]!)
    .replace(/(?:[^\x20-\x7E]|["\\%])+/g, '_');
}

/**
 * The `filename*` value of RFC 8187 §3.2: UTF-8, every octet that is not an attr-char percent-encoded.
 * encodeURIComponent leaves ' ( ) * alone, which are not attr-chars (and "'" ends the charset part), and
 * throws on lone surrogates, which become U+FFFD first.
 */
function extValue(name: string): string {
  const encoded = encodeURIComponent(name.replace(/\p{Cs}/gu, '\uFFFD')).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `UTF-8''${encoded}`;
}

/**
 * `Content-Disposition: attachment` with both names (RFC 6266 §4.1, §4.3): the ASCII fallback first, then
 * `filename*`, which agents that know it prefer. Total for any string: nothing in it can end the parameter.
 * @param filename - the name to offer, already cleaned by safeFilename
 */
export function contentDisposition(filename: string): string {
  return `attachment; filename="${asciiFallback(filename)}"; filename*=${extValue(filename)}`;
}

/**
 * Sends bytes as a file to save, never to render: the type detected when it was stored, `nosniff` so no browser
 * guesses another (helmet sets it on every response in app.ts; a download of user-supplied bytes does not rely
 * on that wiring), `attachment` with the name cleaned again for the type, and `no-store`, because these files
 * are health data. The one way every download route (dialog, EPJ, PLO console) answers.
 */
export function sendDownload(
  reply: FastifyReply,
  file: { filename: string; contentType: DownloadType; content: Buffer | string | Readable },
) {
  return reply
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', contentDisposition(safeFilename(file.filename, file.contentType)))
    .type(file.contentType)
    .send(file.content);
}
