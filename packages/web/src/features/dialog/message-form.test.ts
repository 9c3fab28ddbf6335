import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  formatBytes,
  looksAllowed,
  placeServerError,
  toFormData,
  validateMessage,
  type MessageDraft,
} from './message-form.ts';

const file = (name: string, size: number) => new File([new Uint8Array(size)], name, { type: 'application/pdf' });
const draft: MessageDraft = { serviceUnitId: 'u1', subject: 'Emne', text: 'Hei', files: [] };

void describe('validateMessage', () => {
  void it('accepts a filled-in message, and a reply without unit or subject', () => {
    assert.deepEqual(validateMessage(draft), {});
    assert.deepEqual(validateMessage({ serviceUnitId: null, subject: null, text: 'Svar', files: [] }), {});
  });

  void it('names every missing field; whitespace is empty', () => {
    const errors = validateMessage({ serviceUnitId: '', subject: '  ', text: ' \n ', files: [] });
    assert.deepEqual(
      [errors.serviceUnitId?.key, errors.subject?.key, errors.text?.key],
      ['dialog.errors.serviceUnitId', 'dialog.errors.subject', 'dialog.errors.text'],
    );
  });

  void it('refuses texts over the limits', () => {
    assert.equal(validateMessage({ ...draft, text: 'x'.repeat(10_001) }).text?.key, 'dialog.errors.textTooLong');
    assert.equal(validateMessage({ ...draft, subject: 'x'.repeat(121) }).subject?.key, 'dialog.errors.subjectTooLong');
    assert.deepEqual(validateMessage({ ...draft, text: 'x'.repeat(10_000) }), {});
  });

  void it('names a file over 10 MB or empty, and too many files; 10 MB exactly is allowed', () => {
    const big = validateMessage({ ...draft, files: [file('ok.pdf', 10), file('stor.pdf', 10 * 1024 * 1024 + 1)] });
    assert.deepEqual(big.files, { key: 'dialog.errors.fileTooLarge', values: { name: 'stor.pdf' } });
    assert.deepEqual(validateMessage({ ...draft, files: [file('grense.pdf', 10 * 1024 * 1024)] }), {});
    assert.equal(validateMessage({ ...draft, files: [file('tom.pdf', 0)] }).files?.key, 'dialog.errors.fileEmpty');
    const six = Array.from({ length: 6 }, (_, i) => file(`${i}.pdf`, 1));
    assert.equal(validateMessage({ ...draft, files: six }).files?.key, 'dialog.errors.tooManyFiles');
  });
});

void describe('toFormData', () => {
  void it('sends the fields the server reads and every file under `files`, text as typed', () => {
    const form = toFormData({ ...draft, subject: ' Emne ', text: ' <b>hei</b> ', files: [file('a.pdf', 3)] });
    assert.equal(form.get('serviceUnitId'), 'u1');
    assert.equal(form.get('subject'), 'Emne');
    assert.equal(form.get('text'), ' <b>hei</b> ');
    assert.deepEqual(
      form.getAll('files').map((f) => (f as File).name),
      ['a.pdf'],
    );
    const reply = toFormData({ serviceUnitId: null, subject: null, text: 'Svar', files: [] });
    assert.deepEqual([...reply.keys()], ['text']);
  });
});

void describe('placeServerError', () => {
  void it("puts the server's codes at their fields, the rest at the form", () => {
    assert.deepEqual(placeServerError('attachment_type_not_allowed', ['files']), {
      files: { key: 'dialog.problems.attachment_type_not_allowed' },
    });
    assert.ok(placeServerError('message_empty', ['text']).text);
    assert.ok(placeServerError('no_service_from_unit', []).serviceUnitId);
    assert.ok(placeServerError('message_too_long', ['subject']).subject);
    assert.ok(placeServerError('message_too_long', ['text']).text);
    assert.ok(placeServerError('service_area_not_granted', []).form);
  });
});

void describe('formatBytes', () => {
  void it('reads as people read sizes', () => {
    assert.equal(formatBytes(329, 'nb-NO'), '329 B');
    assert.equal(formatBytes(2048, 'nb-NO'), '2 kB');
    assert.equal(formatBytes(11 * 1024 * 1024, 'nb-NO'), '11 MB');
    assert.equal(formatBytes(1.5 * 1024 * 1024, 'en-GB'), '1.5 MB');
  });
});

void describe('looksAllowed', () => {
  void it('takes PDF, JPEG and PNG by name and type, and names the first other file', () => {
    const typed = (name: string, type: string) => new File([new Uint8Array(3)], name, { type });
    assert.equal(looksAllowed(typed('Brev.PDF', 'application/pdf')), true);
    assert.equal(looksAllowed(typed('bilde.jpeg', 'image/jpeg')), true);
    assert.equal(looksAllowed(typed('skjerm.png', '')), true, 'a browser that gives no type is judged by the name');
    assert.equal(looksAllowed(typed('program.exe', 'application/x-msdownload')), false);
    assert.equal(looksAllowed(typed('notat.docx', 'application/pdf')), false);
    assert.equal(looksAllowed(typed('falsk.pdf', 'text/html')), false);
    const errors = validateMessage({ ...draft, files: [file('ok.pdf', 10), typed('program.exe', '')] });
    assert.deepEqual(errors.files, { key: 'dialog.errors.fileType', values: { name: 'program.exe' } });
  });
});
