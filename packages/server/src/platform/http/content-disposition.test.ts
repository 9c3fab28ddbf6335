import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  contentDisposition,
  MAX_FILENAME_CODE_POINTS,
  safeFilename,
  type DownloadType,
} from './content-disposition.ts';

const BIDI = [0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];
const CONTROLS = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  0x7f,
  ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i),
];
const FORBIDDEN = new RegExp(`[${[...BIDI, ...CONTROLS].map((c) => `\\u{${c.toString(16)}}`).join('')}\\\\/]`, 'u');
const codePoints = (s: string) => [...s].length;

/** RFC 6266 §4.1 as this builder writes it: a quoted ASCII filename, then an RFC 8187 ext-value of attr-chars. */
const HEADER =
  /^attachment; filename="([\x20\x21\x23-\x5b\x5d-\x7e]*)"; filename\*=UTF-8''((?:[A-Za-z0-9!#$&+\-.^_`|~]|%[0-9A-F]{2})*)$/;
function parse(header: string) {
  const m = HEADER.exec(header);
  assert.ok(m, `not an RFC 6266 attachment header: ${header}`);
  return { fallback: m[1]!, name: decodeURIComponent(m[2]!) };
}

void describe('safeFilename: the name a stored or downloaded file gets', () => {
  void it('gives the extension of the detected type: kept when it matches, replaced or appended when not', () => {
    const cases: Array<[string, DownloadType, string]> = [
      ['x.html', 'application/pdf', 'x.pdf'],
      ['setup.exe', 'application/pdf', 'setup.pdf'],
      ['faktura.pdf.exe', 'application/pdf', 'faktura.pdf.pdf'],
      ['bilde.svg', 'image/png', 'bilde.png'],
      ['Skann.PDF', 'application/pdf', 'Skann.PDF'],
      ['IMG_0001.jpeg', 'image/jpeg', 'IMG_0001.jpeg'],
      ['skjermbilde.png', 'image/jpeg', 'skjermbilde.jpg'],
      ['skann', 'application/pdf', 'skann.pdf'],
      ['Referat 12.03', 'application/pdf', 'Referat 12.03.pdf'],
      ['x.html. . ', 'application/pdf', 'x.pdf'],
      ['0b8a7c1e-5d2f-4e3a-9c1b-2f4d6e8a0b1c.xml', 'application/xml', '0b8a7c1e-5d2f-4e3a-9c1b-2f4d6e8a0b1c.xml'],
    ];
    for (const [given, type, expected] of cases) {
      assert.equal(safeFilename(given, type), expected, given);
    }
    assert.equal(safeFilename('brev.docx'), 'brev.docx', 'without a type the given extension stays');
  });

  void it('removes bidi controls, so a name cannot read backwards ("‮gpj.exe" shows as "exe.jpg")', () => {
    assert.equal(safeFilename('\u202Egpj.exe', 'image/jpeg'), 'gpj.jpg');
    assert.equal(safeFilename('\u202Egpj.exe'), 'gpj.exe');
    for (const c of BIDI) {
      const ch = String.fromCodePoint(c);
      assert.equal(safeFilename(`Fak${ch}tura.pdf${ch}`, 'application/pdf'), 'Faktura.pdf', c.toString(16));
    }
  });

  void it('removes every C0 and C1 control and DEL, including line breaks', () => {
    for (const c of CONTROLS) {
      assert.equal(safeFilename(`brev${String.fromCharCode(c)}.pdf`, 'application/pdf'), 'brev.pdf', c.toString(16));
    }
    assert.equal(safeFilename('a\r\nContent-Type: text/html\r\n.pdf'), 'aContent-Type: text_html.pdf');
  });

  void it('collapses path separators and drops . and .. so no name is a path', () => {
    assert.equal(safeFilename('../../etc/passwd'), 'etc_passwd');
    assert.equal(safeFilename('C:\\fakepath\\\\\\brev.pdf'), 'C:_fakepath_brev.pdf');
    assert.equal(safeFilename('//./x.png', 'image/png'), 'x.png');
  });

  void it('cuts long names at 120 code points, keeping the extension and whole characters', () => {
    const long = safeFilename(`${'a'.repeat(500)}.html`, 'application/pdf');
    assert.equal(long, `${'a'.repeat(MAX_FILENAME_CODE_POINTS - 4)}.pdf`);
    assert.equal(codePoints(long), 120);

    // CJK is three bytes a character: the byte limit (200) cuts before the 120 code points.
    const cjk = safeFilename(`${'報告書'.repeat(60)}.pdf`, 'application/pdf');
    assert.ok(cjk.endsWith('.pdf'));
    assert.ok(Buffer.byteLength(cjk) <= 200, String(Buffer.byteLength(cjk)));
    assert.equal(cjk, `${'報告書'.repeat(21)}報告.pdf`);

    // A family emoji is five code points joined by ZWJ; it is kept whole or dropped whole.
    const family = '👨‍👩‍👧';
    const emoji = safeFilename(`${family.repeat(40)}.png`, 'image/png');
    assert.ok(emoji.endsWith('.png'));
    assert.match(emoji.slice(0, -4), new RegExp(`^(?:${family})+$`, 'u'));
    assert.ok(codePoints(emoji) <= 120 && Buffer.byteLength(emoji) <= 200);
  });

  void it('keeps Norwegian, CJK and emoji names as they are, in NFC', () => {
    assert.equal(safeFilename('Blodprøver åpent svar.pdf', 'application/pdf'), 'Blodprøver åpent svar.pdf');
    assert.equal(safeFilename('A\u030Apent.pdf', 'application/pdf'), '\u00C5pent.pdf');
    assert.equal(safeFilename('A\u200E\u030Apent.pdf', 'application/pdf'), '\u00C5pent.pdf', 'NFC after removal');
    assert.equal(safeFilename('診断書.pdf', 'application/pdf'), '診断書.pdf');
    assert.equal(safeFilename('røntgen 🦴.jpg', 'image/jpeg'), 'røntgen 🦴.jpg');
  });

  void it('gives an empty or invisible name the default name', () => {
    assert.equal(safeFilename('', 'image/png'), 'vedlegg.png');
    assert.equal(safeFilename('\u202E\u0000 \t', 'application/pdf'), 'vedlegg.pdf');
    assert.equal(safeFilename('.html', 'application/pdf'), 'vedlegg.pdf');
    assert.equal(safeFilename('...'), 'vedlegg');
  });

  void it('holds for any string: no forbidden character, within the limits, the right extension, idempotent', () => {
    const hostile = fc.constantFrom(
      ...[...BIDI, ...CONTROLS].map((c) => String.fromCodePoint(c)),
      '.',
      '/',
      '\\',
      ' ',
      '"',
      '%',
      '\u0301',
      '\u200D',
      '\uD800',
      '👨‍👩‍👧',
      '報',
    );
    const name = fc.string({ unit: fc.oneof(hostile, fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 300 });
    const extensions: Record<DownloadType, string[]> = {
      'application/pdf': ['pdf'],
      'image/jpeg': ['jpg', 'jpeg'],
      'image/png': ['png'],
      'application/xml': ['xml'],
      'application/zip': ['zip'],
      'text/csv': ['csv'],
    };
    const type = fc.constantFrom<DownloadType | undefined>(undefined, ...(Object.keys(extensions) as DownloadType[]));
    fc.assert(
      fc.property(name, type, (given, t) => {
        const safe = safeFilename(given, t);
        assert.doesNotMatch(safe, FORBIDDEN);
        assert.ok(safe.length > 0);
        assert.doesNotMatch(safe, /\p{Cs}/u);
        assert.equal(safe, safe.normalize('NFC'));
        assert.ok(codePoints(safe) <= MAX_FILENAME_CODE_POINTS, safe);
        assert.ok(Buffer.byteLength(safe) <= 200, safe);
        if (t) {
          const ext = safe.slice(safe.lastIndexOf('.') + 1).toLowerCase();
          assert.ok(extensions[t].includes(ext), safe);
        }
        assert.equal(safeFilename(safe, t), safe);
      }),
      { numRuns: 1000 },
    );
  });
});

void describe('contentDisposition: one header for every download (RFC 6266, RFC 8187)', () => {
  void it('writes both names; an ASCII name is the same in both', () => {
    assert.equal(contentDisposition('brev.pdf'), `attachment; filename="brev.pdf"; filename*=UTF-8''brev.pdf`);
  });

  void it('replaces quotes, backslashes, percent and non-ASCII in the fallback, and encodes them in filename*', () => {
    const name = 'Svar "ja" \\ 100% (1)*\'.pdf';
    const header = contentDisposition(name);
    assert.equal(
      header,
      `attachment; filename="Svar _ja_ _ 100_ (1)*'.pdf"; filename*=UTF-8''Svar%20%22ja%22%20%5C%20100%25%20%281%29%2A%27.pdf`,
    );
    assert.equal(parse(header).name, name);
  });

  void it('spells Norwegian letters in ASCII in the fallback and keeps them in filename*', () => {
    const header = contentDisposition('Blodprøver Ærlig åpent.pdf');
    assert.equal(parse(header).fallback, 'Blodprover AErlig apent.pdf');
    assert.equal(parse(header).name, 'Blodprøver Ærlig åpent.pdf');
  });

  void it('gives CJK and emoji names as UTF-8 in filename* and "_" in the fallback', () => {
    assert.equal(
      contentDisposition('診断書.pdf'),
      `attachment; filename="_.pdf"; filename*=UTF-8''%E8%A8%BA%E6%96%AD%E6%9B%B8.pdf`,
    );
    assert.deepEqual(parse(contentDisposition('røntgen 🦴.jpg')), {
      fallback: 'rontgen _.jpg',
      name: 'røntgen 🦴.jpg',
    });
  });

  void it('cannot be broken out of by any string: control characters, bidi, lone surrogates, empty', () => {
    assert.deepEqual(parse(contentDisposition('')), { fallback: '', name: '' });
    assert.deepEqual(parse(contentDisposition("a\"; filename*=UTF-8''evil.html\r\nX: y")), {
      fallback: "a_; filename*=UTF-8''evil.html_X: y",
      name: "a\"; filename*=UTF-8''evil.html\r\nX: y",
    });
    assert.equal(parse(contentDisposition('a\uD800b')).name, 'a\uFFFDb');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (name) => {
        const { name: decoded } = parse(contentDisposition(name));
        assert.equal(decoded, name.replace(/\p{Cs}/gu, '\uFFFD'));
      }),
      { numRuns: 1000 },
    );
  });
});
