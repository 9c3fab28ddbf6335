import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { compileSchemaSet, refusedExternalLoads } from './schema-set.ts';
import { childText, textOf, type XmlElement } from './xml-tree.ts';
import type { XmlValidationOutcome } from './xml.types.ts';

const dir = fileURLToPath(new URL('./__fixtures__/', import.meta.url));
const set = compileSchemaSet({ dir, entry: 'entry.xsd', limits: { maxBytes: 256 * 1024, maxDepth: 32 } });
const NS = 'urn:helsebro:test:referral';
const utf8 = (s: string) => Buffer.from(s, 'utf8');
const referral = (nin: string, priority = 'normal', extra = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Referral xmlns="${NS}" id="r1">\n  <Nin>${nin}</Nin>\n  <Priority>${priority}</Priority>${extra}\n</Referral>\n`;

function refusal(outcome: XmlValidationOutcome): string | null {
  return outcome.wellFormed ? null : outcome.refusal;
}

void describe('platform/xml: the schema set', () => {
  void it('compiles once, with imports resolved from memory, and says how long it took', () => {
    assert.ok(set.compileMs > 0);
    assert.ok(set.compileMs < 5_000);
  });

  void it('accepts a valid document and gives a plain tree with identity numbers as strings', () => {
    const r = set.validate(utf8(referral('01017012345', 'urgent', '<Note>Tå &amp; tær</Note>')));
    assert.ok(r.wellFormed);
    assert.equal(r.valid, true);
    assert.deepEqual(r.issues, []);
    const root: XmlElement = r.root;
    assert.equal(root.ns, NS);
    assert.equal(root.name, 'Referral');
    assert.equal(root.attrs.id, 'r1');
    assert.equal(childText(root, NS, 'Nin'), '01017012345');
    assert.equal(childText(root, NS, 'Note'), 'Tå & tær');
    assert.equal(root.line, 2);
  });

  void it('returns schema errors as data with line numbers, not as exceptions', () => {
    const r = set.validate(utf8(referral('0101701234X', 'soon')));
    assert.ok(r.wellFormed);
    assert.equal(r.valid, false);
    assert.equal(r.issues.length, 2);
    assert.equal(r.issues[0]!.line, 3);
    assert.match(r.issues[0]!.message, /pattern/);
    assert.match(r.issues[1]!.message, /enumeration/);
  });

  void it('reports a document that is not well-formed with its line', () => {
    const r = set.validate(utf8('<Referral xmlns="urn:helsebro:test:referral">\n<Nin>1</Nim>\n</Referral>'));
    assert.equal(refusal(r), 'not_well_formed');
    assert.ok(!r.wellFormed && r.issues[0]!.line === 2);
    assert.equal(refusal(set.validate(utf8('not xml at all'))), 'not_well_formed');
    assert.equal(refusal(set.validate(new Uint8Array())), 'not_well_formed');
  });

  void it('refuses a DTD before parsing, so external entities and entity expansion never happen', () => {
    const before = refusedExternalLoads();
    const xxe = '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>';
    const r = set.validate(utf8(xxe));
    assert.equal(refusal(r), 'dtd_forbidden');
    assert.ok(!r.wellFormed && r.issues[0]!.line === 2);
    const laughs = `<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 8 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('')}]><r>&i;</r>`;
    assert.equal(refusal(set.validate(utf8(laughs))), 'dtd_forbidden');
    assert.equal(refusal(set.validate(utf8('<!DOCTYPE r SYSTEM "http://127.0.0.1:1/x.dtd"><r/>'))), 'dtd_forbidden');
    assert.equal(refusedExternalLoads(), before);
  });

  void it('does not take a DOCTYPE inside a comment or CDATA section for one', () => {
    const doc = referral('01017012345', 'normal', '<!-- <!DOCTYPE x> --><Note><![CDATA[<!DOCTYPE y> <a><b>]]></Note>');
    const r = set.validate(utf8(doc));
    assert.ok(r.wellFormed && r.valid);
  });

  void it('never loads a schemaLocation hint from a document', () => {
    const before = refusedExternalLoads();
    const hinted = referral('01017012345').replace(
      'id="r1"',
      'id="r1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:helsebro:test:referral file:///etc/passwd"',
    );
    const r = set.validate(utf8(hinted));
    assert.ok(r.wellFormed && r.valid);
    assert.equal(refusedExternalLoads(), before);
  });

  void it('refuses deep nesting before parsing, counting only real start tags', () => {
    const started = performance.now();
    const deep = set.validate(utf8(`${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}`));
    assert.equal(refusal(deep), 'too_deep');
    assert.ok(performance.now() - started < 200);
    const nested = (n: number) => `${'<x>'.repeat(n)}${'</x>'.repeat(n)}`;
    const atLimit = referral('01017012345', 'normal', `<Any>${nested(30)}</Any>`);
    assert.ok(set.validate(utf8(atLimit)).wellFormed);
    assert.equal(
      refusal(set.validate(utf8(referral('01017012345', 'normal', `<Any>${nested(31)}</Any>`)))),
      'too_deep',
    );
    const tricky = referral(
      '01017012345',
      'normal',
      `<Any><x a="<x>" b='/>'/><!-- <x><x> --></Any>`.replace('"<x>"', '"&lt;x>"'),
    );
    assert.ok(set.validate(utf8(tricky)).wellFormed);
  });

  void it('refuses a document over the size limit without parsing it', () => {
    const big = new Uint8Array(256 * 1024 + 1).fill(0x20);
    assert.equal(refusal(set.validate(big)), 'too_large');
  });

  void it('accepts UTF-8 only: invalid bytes, UTF-16 and other declared encodings are refused', () => {
    const bad = Buffer.concat([
      utf8('<Referral xmlns="urn:helsebro:test:referral" id="'),
      Buffer.from([0xff, 0xfe]),
      utf8('"/>'),
    ]);
    assert.equal(refusal(set.validate(bad)), 'not_utf8');
    assert.equal(refusal(set.validate(Buffer.from('\ufeff<r/>', 'utf16le'))), 'unsupported_encoding');
    const latin1 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><r>ø</r>', 'latin1');
    assert.equal(refusal(set.validate(latin1)), 'not_utf8');
    const declaredLatin1 = utf8('<?xml version="1.0" encoding="ISO-8859-1"?><r>o</r>');
    assert.equal(refusal(set.validate(declaredLatin1)), 'unsupported_encoding');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(referral('01017012345'))]);
    assert.ok(set.validate(bom).wellFormed);
  });

  void it('parses without validating', () => {
    const r = set.parse(utf8('<a xmlns:p="urn:p"><p:b p:c="1">x<![CDATA[y]]>z</p:b><!-- c --><?pi x?></a>'));
    assert.ok(r.wellFormed);
    const b = r.root.children[0] as XmlElement;
    assert.deepEqual([b.ns, b.name, b.attrs['{urn:p}c'], textOf(b)], ['urn:p', 'b', '1', 'xyz']);
    assert.equal(r.root.children.length, 1);
    const afterPi = set.parse(utf8('<a><b/><?pi x?><c/>t</a>'));
    assert.ok(afterPi.wellFormed);
    assert.deepEqual(
      afterPi.root.children.map((c) => (typeof c === 'string' ? c : c.name)),
      ['b', 'c', 't'],
    );
  });

  void it('copies only the top of the tree when asked (treeDepth), with the same verdict', () => {
    const doc = utf8(referral('01017012345', 'normal', '<Any><x><y>deep</y></x></Any>'));
    const full = set.validate(doc);
    const shallow = set.validate(doc, { treeDepth: 2 });
    const none = set.validate(utf8(referral('0101701234X')), { treeDepth: 0 });
    assert.ok(full.wellFormed && shallow.wellFormed && none.wellFormed);
    assert.equal(childText(shallow.root, NS, 'Nin'), '01017012345');
    const any = shallow.root.children.find((c) => typeof c === 'object' && c.name === 'Any') as XmlElement;
    assert.deepEqual(
      any.children.filter((c) => typeof c === 'object'),
      [],
    );
    assert.equal(
      textOf(full.root.children.find((c) => typeof c === 'object' && c.name === 'Any') as XmlElement),
      'deep',
    );
    assert.deepEqual([none.valid, none.root.children.length], [false, 0]);
    const cut = set.parse(doc, { subtreeDepth: { [`{${NS}}Any`]: 1 } });
    assert.ok(cut.wellFormed);
    const x = (cut.root.children.find((c) => typeof c === 'object' && c.name === 'Any') as XmlElement)
      .children[0] as XmlElement;
    assert.deepEqual([x.name, x.children.length], ['x', 0]);
    assert.equal(childText(cut.root, NS, 'Nin'), '01017012345');
  });

  void it('stays usable after thousands of refusals and documents (no leak of parser state)', () => {
    for (let i = 0; i < 2000; i++) {
      set.validate(utf8(i % 2 ? 'garbage<' : referral('0101701234X')));
    }
    const r = set.validate(utf8(referral('01017012345')));
    assert.ok(r.wellFormed && r.valid);
  });
});
