import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EMPTY_DRAFT, serverErrors, toGiveBody, validateDraft } from './fullmakt-form.ts';

const KARI = '14838510036';
const draft = { ...EMPTY_DRAFT, holderNin: KARI, serviceAreas: ['innsyn' as const] };

void describe('validateDraft', () => {
  void it('accepts a valid identity number with spaces, one area and no end', () => {
    assert.deepEqual(validateDraft({ ...draft, holderNin: '148385 10036' }), {});
  });

  void it('names what is wrong with the identity number', () => {
    assert.equal(validateDraft({ ...draft, holderNin: '' }).holderNin?.key, 'giveFullmakt.errors.ninRequired');
    assert.equal(validateDraft({ ...draft, holderNin: '1234' }).holderNin?.key, 'giveFullmakt.errors.ninFormat');
    assert.equal(
      validateDraft({ ...draft, holderNin: '14838510037' }).holderNin?.key,
      'giveFullmakt.errors.ninChecksum',
    );
  });

  void it('wants an area, and a last day when the user chose one, not before the first', () => {
    assert.equal(validateDraft({ ...draft, serviceAreas: [] }).serviceAreas?.key, 'giveFullmakt.errors.areasRequired');
    assert.equal(validateDraft({ ...draft, until: 'date' }).validTo?.key, 'giveFullmakt.errors.validToRequired');
    assert.equal(
      validateDraft({ ...draft, until: 'date', validFrom: '2030-05-02', validTo: '2030-05-01' }).validTo?.key,
      'problems.fullmakt_end_before_start',
    );
    assert.deepEqual(validateDraft({ ...draft, until: 'date', validFrom: '2030-05-01', validTo: '2030-05-01' }), {});
  });
});

void describe('toGiveBody', () => {
  void it('sends the digits only, and null for "until further notice"', () => {
    assert.deepEqual(toGiveBody({ ...draft, holderNin: '148385.10036', validTo: '2030-01-01' }), {
      holderNin: KARI,
      serviceAreas: ['innsyn'],
      validTo: null,
    });
    assert.deepEqual(toGiveBody({ ...draft, validFrom: '2030-01-01', until: 'date', validTo: '2030-02-01' }), {
      holderNin: KARI,
      serviceAreas: ['innsyn'],
      validFrom: '2030-01-01',
      validTo: '2030-02-01',
    });
  });
});

void describe('serverErrors', () => {
  void it('puts each rule at its field', () => {
    assert.deepEqual(serverErrors('fullmakt_self', []), { holderNin: { key: 'problems.fullmakt_self' } });
    assert.deepEqual(serverErrors('fullmakt_overlap', []), { serviceAreas: { key: 'problems.fullmakt_overlap' } });
    assert.deepEqual(serverErrors('fullmakt_start_in_past', []), {
      validFrom: { key: 'problems.fullmakt_start_in_past' },
    });
  });

  void it('uses the paths of a validation failure, and the form for anything else', () => {
    assert.deepEqual(serverErrors('validation_failed', ['body.validTo']), {
      validTo: { key: 'giveFullmakt.errors.invalid.validTo' },
    });
    assert.deepEqual(serverErrors('proxy_cannot_manage_fullmakt', []), {
      form: { key: 'problems.proxy_cannot_manage_fullmakt' },
    });
  });
});
