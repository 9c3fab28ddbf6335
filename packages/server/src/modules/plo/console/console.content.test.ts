import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PloContentSection } from '@helsebro/contracts';
import { el, serializeXml } from '../../../platform/xml/index.ts';
import { isMsgHead, parseMsgHead } from '../msghead/msghead.parse.ts';
import { ploSchemaSet } from '../schema-set.ts';
import { officialExamples } from '../testing/official-examples.ts';
import { genericTree, humanizeElementName, renderContent } from './console.content.ts';

function render(bytes: Buffer) {
  const parsed = ploSchemaSet().parse(bytes);
  assert.ok(parsed.wellFormed && isMsgHead(parsed.root));
  return renderContent(parseMsgHead(parsed.root));
}

const byKey = (sections: PloContentSection[], key: string) => sections.find((s) => s.key === key);
const valueOf = (s: PloContentSection | undefined, key: string) => s?.fields.find((f) => f.key === key)?.value;

void describe('the readable content of a message', () => {
  const examples = new Map(officialExamples().map((e) => [e.type, e]));
  const example = (type: string) => {
    const e = examples.get(type as never);
    assert.ok(e, type);
    return e.bytes;
  };

  void it('reads every official example, none of them as unreadable', () => {
    for (const e of officialExamples()) {
      const c = render(e.bytes);
      assert.notEqual(c.rendering, 'none', e.file);
      assert.ok(c.sections.length > 0, e.file);
    }
  });

  void it('names the ready-for-discharge date of a LOG_UTSKRIVNINGSKLAR, with the contact unit and the nurse', () => {
    const c = render(example('LOG_UTSKRIVNINGSKLAR'));
    assert.equal(c.rendering, 'structured');
    const ready = byKey(c.sections, 'event.3');
    assert.equal(ready?.label, 'Pasient utskrivningsklar');
    assert.deepEqual(ready?.fields.slice(0, 2), [
      { key: 'time', label: 'Tidspunkt', value: '2018-01-31', kind: 'date' },
      { key: 'estimate', label: 'Anslag', value: 'true', kind: 'flag' },
    ]);
    assert.equal(valueOf(byKey(c.sections, 'event.1'), 'time'), '2018-01-29T10:00:00');
    assert.equal(valueOf(byKey(c.sections, 'contactUnit'), 'name'), 'Ortopedisk avdeling Øya');
    assert.equal(valueOf(byKey(c.sections, 'contactUnit'), 'phone'), '73555555');
    assert.equal(valueOf(byKey(c.sections, 'responsible'), 'name'), 'Gunn Omsorg');
    assert.equal(byKey(c.sections, 'shipment'), undefined, 'N/M/C is shown beside the content');
  });

  void it('reads where a discharged patient went, and the remark', () => {
    const c = render(example('LOG_UTSKREVET'));
    assert.equal(valueOf(byKey(c.sections, 'dischargedTo'), 'destination'), 'Bosted/arbeidssted');
    assert.match(valueOf(byKey(c.sections, 'event.2'), 'remark') ?? '', /samtykket/);
  });

  void it('reads a question, and an answer with the question it answers and its author', () => {
    const q = render(example('DIALOG_FORESPORSEL'));
    assert.match(valueOf(byKey(q.sections, 'question'), 'question') ?? '', /cetirizin/);
    assert.equal(valueOf(byKey(q.sections, 'question'), 'questionKind'), 'Annen henvendelse');
    assert.equal(valueOf(byKey(q.sections, 'author'), 'name'), 'Gunn Omsorg');
    const a = render(example('DIALOG_SVAR'));
    const note = byKey(a.sections, 'note');
    assert.match(valueOf(note, 'text') ?? '', /eresept/);
    assert.equal(valueOf(note, 'topic'), 'Svar på forespørsel');
    assert.match(valueOf(byKey(note?.sections ?? [], 'question'), 'question') ?? '', /cetirizin/);
    assert.equal(valueOf(byKey(note?.sections ?? [], 'author'), 'name'), 'Rita Lin');
  });

  void it('shows a report’s header and the rest of it as a label/value tree', () => {
    const c = render(example('INNLEGGELSESRAPPORT'));
    const details = byKey(c.sections, 'details');
    assert.ok(details && details.sections.length + details.fields.length > 0);
    assert.ok(JSON.stringify(details).length > 500, 'the free text is in the tree');
    const all = (sections: PloContentSection[]): PloContentSection['fields'] =>
      sections.flatMap((x) => [...x.fields, ...all(x.sections)]);
    const fields = all(c.sections);
    assert.ok(fields.some((f) => f.label === 'Hoveddiagnose' && f.value === 'Hjertesvikt (I50)'));
    assert.ok(
      fields.some(
        (f) => f.label === 'Årsak til innleggelse' && f.kind === 'longText' && /sterke smerter/.test(f.value),
      ),
      'a journal text is labelled by its heading code',
    );
    assert.ok(JSON.stringify(c).includes('Cave/allergier'), 'a journal note is named by its category');
  });

  void it('names elements readably and keeps the generic tree bounded', () => {
    assert.equal(humanizeElementName('TidspunktForHendelse'), 'Tidspunkt for hendelse');
    assert.equal(humanizeElementName('TypeInnholdIMelding'), 'Type innhold i melding');
    const wide = el('Root', {}, ...Array.from({ length: 2000 }, (_, i) => el('Felt', {}, `verdi ${i}`)));
    const parsed = ploSchemaSet().parse(Buffer.from(serializeXml(wide)));
    assert.ok(parsed.wellFormed);
    assert.equal(genericTree(parsed.root).fields.length, 600);
  });
});
