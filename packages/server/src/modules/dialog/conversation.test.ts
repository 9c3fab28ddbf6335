import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DIALOG_LIMITS } from '@helsebro/contracts';
import { messageText } from './conversation.ts';

const input = (fields: Record<string, string>) => ({ fields, files: [] });

void describe('messageText: what a message must hold before anything is stored', () => {
  it('keeps the text verbatim inside, trimming only the surrounding whitespace', () => {
    assert.deepEqual(messageText(input({ subject: '  Dosett ', text: '\n <b>Hei</b>\n\nPer  \n' }), true), {
      subject: 'Dosett',
      text: '<b>Hei</b>\n\nPer',
    });
  });

  it('asks for a subject when a conversation starts, not for a reply', () => {
    assert.throws(() => messageText(input({ subject: ' ', text: 'Hei' }), true), { code: 'subject_required' });
    assert.deepEqual(messageText(input({ text: 'Hei' }), false), { subject: '', text: 'Hei' });
  });

  it('refuses a text of whitespace only', () => {
    assert.throws(() => messageText(input({ subject: 'x', text: ' \n\t ' }), true), { code: 'message_empty' });
    assert.throws(() => messageText(input({}), false), { code: 'message_empty' });
  });

  it('refuses a text or subject over the limit and names the field that is too long', () => {
    const long = (n: number) => 'a'.repeat(n + 1);
    assert.doesNotThrow(() => messageText(input({ text: 'a'.repeat(DIALOG_LIMITS.maxTextLength) }), false));
    assert.throws(() => messageText(input({ text: long(DIALOG_LIMITS.maxTextLength) }), false), {
      code: 'message_too_long',
      fieldErrors: [{ path: 'text', message: 'for lang' }],
    });
    assert.throws(() => messageText(input({ subject: long(DIALOG_LIMITS.maxSubjectLength), text: 'Hei' }), true), {
      code: 'message_too_long',
      fieldErrors: [{ path: 'subject', message: 'for lang' }],
    });
  });
});
