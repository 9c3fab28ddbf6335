import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ninCheckDigits } from '@helsebro/contracts';
import type { Patient } from './msghead/msghead.types.ts';
import { checkPatient } from './patient-identity.ts';

const ident = (type: string, id: string) => ({ id, typeId: { v: type, s: '2.16.578.1.12.4.1.1.8116' } });
const named = (idents: Patient['idents'], extra: Partial<Patient> = {}): Patient => ({
  familyName: 'Gundersen',
  givenName: 'Roland',
  idents,
  ...extra,
});
const codes = (p: Patient | undefined, plo = true) => checkPatient(p, plo).errors.map((e) => e.code);
const withCheck = (nine: string) => nine + ninCheckDigits(nine)!;

void describe('patient identification (HIS 80415-1.1 §3.3.4)', () => {
  void it('accepts a name with a valid fødselsnummer, D-number, H-number or felles hjelpenummer, keeping it a string', () => {
    assert.deepEqual(checkPatient(named([ident('FNR', '15076500565')]), true), {
      errors: [],
      nin: '15076500565',
      idType: 'FNR',
    });
    assert.deepEqual(codes(named([ident('FNR', '14833800095')])), [], 'a synthetic test number');
    assert.deepEqual(codes(named([ident('DNR', withCheck('550765005'))])), []);
    assert.deepEqual(codes(named([ident('HNR', withCheck('154765005'))])), [], 'H-number: month + 40');
    assert.deepEqual(codes(named([ident('FHN', withCheck('812345678'))])), []);
    assert.equal(checkPatient(named([ident('FNR', '02914400069')]), true).nin, '02914400069');
  });

  void it('rejects a missing patient with E36 and a missing name with E32', () => {
    assert.deepEqual(codes(undefined), ['E36']);
    assert.deepEqual(codes({ idents: [ident('FNR', '15076500565')] }), ['E32', 'E36']);
  });

  void it('rejects a wrong number with E31, and a number given as the wrong type too', () => {
    assert.deepEqual(codes(named([ident('FNR', '15076500566')])), ['E31', 'E36']);
    assert.deepEqual(codes(named([ident('DNR', '15076500565')])), ['E31', 'E36']);
    assert.deepEqual(codes(named([ident('HNR', '15076500565')])), ['E31', 'E36']);
    assert.deepEqual(codes(named([ident('FNR', '1507650056')])), ['E31', 'E36']);
  });

  void it('accepts name, birth date and sex without a number for Dialogmelding, but not for PLO (HIS 80704 §4.1.1)', () => {
    const byBirth = named([], { dateOfBirth: '1965-07-15', sex: { v: '1' } });
    assert.deepEqual(codes(byBirth, false), []);
    assert.deepEqual(codes(byBirth, true), ['E30', 'E36']);
    assert.deepEqual(codes(named([], { dateOfBirth: '1965-07-15' }), false), ['E30', 'E36']);
  });

  void it('does not count other identifier types (passport, HPR) as patient identification', () => {
    assert.deepEqual(codes(named([ident('PNR', 'X1234567'), ident('HPR', '9144900')])), ['E30', 'E36']);
  });

  void it('lets a valid number carry the message even beside an invalid one', () => {
    assert.deepEqual(codes(named([ident('DNR', '12345678901'), ident('FNR', '15076500565')])), []);
  });
});
