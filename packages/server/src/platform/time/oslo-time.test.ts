import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addCalendarDays,
  fromOslo,
  InvalidDateError,
  isoWeekday,
  osloDateOf,
  osloIsoDateTime,
  startOfOsloDate,
  toOslo,
} from './oslo-time.ts';

const refused = (fn: () => unknown) =>
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof InvalidDateError, String(err));
    assert.equal(err.status, 400);
    assert.equal(err.code, 'invalid_date');
    return true;
  });

describe('the Oslo calendar refuses what does not exist', () => {
  it('refuses impossible dates with InvalidDateError (400), not a RangeError or a wrong day', () => {
    for (const date of ['2026-02-30', '0000-00-00', '0099-01-01', '2026-13-01', '2026-00-01', '2025-02-29', 'x']) {
      refused(() => startOfOsloDate(date));
      refused(() => addCalendarDays(date, 1));
      refused(() => isoWeekday(date));
    }
  });

  it('refuses a move past the years it counts in (9999-12-31 plus a day)', () => {
    refused(() => addCalendarDays('9999-12-31', 1));
    refused(() => addCalendarDays('1000-01-01', -1));
    refused(() => addCalendarDays('2026-01-01', Number.NaN));
    assert.equal(addCalendarDays('9999-12-30', 1), '9999-12-31');
  });

  it('refuses times of day that do not exist, and an Invalid Date', () => {
    for (const time of ['24:00', '23:60', '99:99', '7:00', '']) {
      refused(() => fromOslo('2026-03-02', time));
    }
    const invalid = new Date(Number.NaN);
    refused(() => toOslo(invalid));
    refused(() => osloDateOf(invalid));
    refused(() => osloIsoDateTime(invalid));
  });

  it('still counts real dates, leap days and the summer-time gap as before', () => {
    assert.equal(addCalendarDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addCalendarDays('2026-03-01', -1), '2026-02-28');
    assert.equal(isoWeekday('2026-03-02'), 1);
    assert.equal(startOfOsloDate('2026-07-01').toISOString(), '2026-06-30T22:00:00.000Z');
    assert.equal(fromOslo('2026-03-29', '02:30'), null);
    assert.equal(fromOslo('2026-10-25', '02:30')?.toISOString(), '2026-10-25T00:30:00.000Z');
  });
});
