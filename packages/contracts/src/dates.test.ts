import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isCalendarDate, isoCalendarDate, isoInstant } from './dates.ts';

describe('dates and instants at the contract', () => {
  it('accepts real calendar dates from 1900 to 2200, leap days included', () => {
    for (const ok of ['1900-01-01', '2024-02-29', '2000-02-29', '2026-12-31', '2200-12-31']) {
      assert.equal(isoCalendarDate.safeParse(ok).success, true, ok);
    }
  });

  it('refuses impossible days, year 0000, years out of range and other shapes', () => {
    for (const bad of [
      '0000-00-00',
      '0000-01-01',
      '2026-02-30',
      '2026-02-29',
      '2100-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '9999-12-31',
      '1899-12-31',
      '2201-01-01',
      '2026-1-1',
      '2026-01-01T00:00:00Z',
      ' 2026-01-01',
    ]) {
      assert.equal(isoCalendarDate.safeParse(bad).success, false, bad);
      assert.equal(isCalendarDate(bad), false, bad);
    }
  });

  it('accepts instants with an offset and refuses those without, impossible ones and those out of range', () => {
    for (const ok of ['2026-03-02T09:00:00Z', '2026-03-02T09:00:00+01:00', '2026-03-29T03:30:00.123+02:00']) {
      assert.equal(isoInstant.safeParse(ok).success, true, ok);
    }
    for (const bad of [
      '2026-03-02T09:00:00',
      '2026-02-30T10:00:00+01:00',
      '2026-01-01T24:00:00Z',
      '0000-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
      '1899-12-31T23:59:59Z',
      '+275760-09-13T00:00:00Z',
      '2026-03-02',
    ]) {
      assert.equal(isoInstant.safeParse(bad).success, false, bad);
    }
  });

  it('names the range in the message a client sees', () => {
    const result = isoCalendarDate.safeParse('9999-12-31');
    assert.match(result.error?.issues[0]?.message ?? '', /1900 to 2200/);
  });
});
