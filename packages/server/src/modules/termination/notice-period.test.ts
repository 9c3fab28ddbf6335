import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addMonths, effectiveDateOf } from './notice-period.ts';

void describe('notice periods (seed 000 §6)', () => {
  void it('counts months to the same day, or the last day of a shorter month', () => {
    assert.equal(addMonths('2026-03-02', 1), '2026-04-02');
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonths('2028-01-31', 1), '2028-02-29');
    assert.equal(addMonths('2026-08-31', 6), '2027-02-28');
    assert.equal(addMonths('2026-12-15', 1), '2027-01-15');
  });
  void it('takes the date asked when the notice allows it, refuses an earlier one, and defaults to the earliest', () => {
    assert.deepEqual(effectiveDateOf('2026-03-02', 1, null), { earliest: '2026-04-02', effective: '2026-04-02' });
    assert.deepEqual(effectiveDateOf('2026-03-02', 1, '2026-04-30'), {
      earliest: '2026-04-02',
      effective: '2026-04-30',
    });
    assert.deepEqual(effectiveDateOf('2026-03-02', 1, '2026-04-01'), { earliest: '2026-04-02', effective: null });
    assert.equal(effectiveDateOf('2026-03-02', 6, '2026-09-01').effective, null);
    assert.equal(effectiveDateOf('2026-03-02', 6, '2026-09-02').effective, '2026-09-02');
  });
});
