import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isValidOrgNumber, orgNumberCheckDigit } from './org-number.ts';

void describe('organisation numbers', () => {
  it('accepts numbers with the right mod-11 check digit', () => {
    // Brønnøysundregistrene's own number and Oslo kommune's.
    assert.equal(isValidOrgNumber('974760673'), true);
    assert.equal(isValidOrgNumber('958935420'), true);
    assert.equal(orgNumberCheckDigit('97476067'), 3);
  });
  it('refuses a wrong check digit, a wrong length and non-digits', () => {
    assert.equal(isValidOrgNumber('974760674'), false);
    assert.equal(isValidOrgNumber('97476067'), false);
    assert.equal(isValidOrgNumber('9747606733'), false);
    assert.equal(isValidOrgNumber('97476067a'), false);
  });
  it('refuses eight digits whose check digit would be 10', () => {
    const eight = Array.from({ length: 100 }, (_, i) => String(10_000_000 + i)).find(
      (d) => orgNumberCheckDigit(d) === null,
    );
    assert.ok(eight);
    for (let last = 0; last <= 9; last++) {
      assert.equal(isValidOrgNumber(`${eight}${last}`), false);
    }
  });
});
