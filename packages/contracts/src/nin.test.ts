import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeNin, isValidNin, makeSyntheticNin } from './nin.ts';

describe('national identity numbers', () => {
  it('accepts the official example patient and decodes the birth date', () => {
    assert.deepEqual(decodeNin('15076500565'), { kind: 'fnr', birthDate: '1965-07-15' });
  });

  it('decodes a synthetic number (month + 80)', () => {
    assert.deepEqual(decodeNin('14838510036'), { kind: 'synthetic', birthDate: '1985-03-14' });
  });

  it('rejects a wrong check digit, letters, the wrong length and impossible dates', () => {
    for (const bad of ['15076500566', '1507650056X', '1507650056', '150765005650', '31026500000']) {
      assert.equal(isValidNin(bad), false, bad);
    }
  });

  it('makes valid synthetic numbers for children born after 2000 and keeps leading zeros', () => {
    const nin = makeSyntheticNin('2016-02-01');
    assert.match(nin, /^0182/);
    assert.deepEqual(decodeNin(nin), { kind: 'synthetic', birthDate: '2016-02-01' });
  });

  it('makes distinct numbers for one birth date from distinct starts', () => {
    const a = makeSyntheticNin('1990-05-05', 0);
    const b = makeSyntheticNin('1990-05-05', 10);
    assert.notEqual(a, b);
    assert.ok(isValidNin(a) && isValidNin(b));
  });
});
