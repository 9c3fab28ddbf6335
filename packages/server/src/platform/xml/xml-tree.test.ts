import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { el, serializeXml, XmlWriteError } from './xml-tree.ts';

void describe('platform/xml: the writer', () => {
  void it('writes elements in the given order, skips empty parts and escapes text and attributes', () => {
    const xml = serializeXml(
      el(
        'a:Root',
        { 'xmlns:a': 'urn:a', V: 'x"<&>\n', DN: undefined },
        el('a:Id', {}, '01017012345'),
        null,
        false,
        [el('a:T', {}, 'Tå & <tær>'), undefined],
        el('a:Empty'),
      ),
    );
    assert.equal(
      xml,
      '<?xml version="1.0" encoding="UTF-8"?>\n<a:Root xmlns:a="urn:a" V="x&quot;&lt;&amp;>&#10;">\n  <a:Id>01017012345</a:Id>\n  <a:T>Tå &amp; &lt;tær&gt;</a:T>\n  <a:Empty/>\n</a:Root>\n',
    );
  });

  void it('writes mixed content inline so no whitespace is added to the text', () => {
    assert.match(serializeXml(el('p', {}, 'a', el('b', {}, 'c'), 'd')), /<p>a<b>c<\/b>d<\/p>/);
  });

  void it('refuses characters XML 1.0 does not allow', () => {
    assert.throws(() => serializeXml(el('p', {}, 'bell\u0007')), XmlWriteError);
    assert.throws(() => serializeXml(el('p', { a: '\u0000' })), XmlWriteError);
  });
});
