import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkNin, normalizeNin } from './nin-check.ts';

void describe('checkNin', () => {
  void it('accepts a valid number written with spaces or dots', () => {
    assert.equal(checkNin('148385 10036'), null);
    assert.equal(checkNin('148385.100.36'), null);
  });

  void it('tells missing, wrong length and wrong check digits apart', () => {
    assert.equal(checkNin('  '), 'ninRequired');
    assert.equal(checkNin('1483851003'), 'ninFormat');
    assert.equal(checkNin('1483851003a'), 'ninFormat');
    assert.equal(checkNin('14838510037'), 'ninChecksum');
  });
});

void describe('normalizeNin', () => {
  void it('drops spaces and dots', () => {
    assert.equal(normalizeNin(' 148385 100.36 '), '14838510036');
  });
});
