import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closedAt } from './opening-hours.ts';

const WEEKDAYS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '15:30' }));

void describe('closedAt (a unit closed by its weekly hours, Oslo wall clock)', () => {
  void it('is never closed by hours the unit has not set', () => {
    assert.equal(closedAt(null, new Date('2026-03-08T03:00:00Z')), false);
    assert.equal(closedAt([], new Date('2026-03-08T03:00:00Z')), false);
  });

  void it('reads the Oslo time, winter and summer: open from the opening minute, closed from the closing minute', () => {
    // Tuesday 3 March 2026, UTC+1: 07:00Z is 08:00 in Oslo.
    assert.equal(closedAt(WEEKDAYS, new Date('2026-03-03T06:59:00Z')), true);
    assert.equal(closedAt(WEEKDAYS, new Date('2026-03-03T07:00:00Z')), false);
    assert.equal(closedAt(WEEKDAYS, new Date('2026-03-03T14:29:00Z')), false);
    assert.equal(closedAt(WEEKDAYS, new Date('2026-03-03T14:30:00Z')), true);
    // Tuesday 9 June 2026, UTC+2: 06:30Z is 08:30 in Oslo.
    assert.equal(closedAt(WEEKDAYS, new Date('2026-06-09T06:30:00Z')), false);
    assert.equal(closedAt(WEEKDAYS, new Date('2026-06-09T05:30:00Z')), true);
  });

  void it('is closed on a day without intervals and on a public holiday, whatever its intervals', () => {
    // Saturday 7 March 2026 at 10:00.
    assert.equal(closedAt(WEEKDAYS, new Date('2026-03-07T09:00:00Z')), true);
    const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '07:00', closes: '22:00' }));
    assert.equal(closedAt(everyDay, new Date('2026-03-07T09:00:00Z')), false);
    // Thursday 14 May 2026 is Ascension Day (Kristi himmelfartsdag).
    assert.equal(closedAt(everyDay, new Date('2026-05-14T09:00:00Z')), true);
  });

  void it('takes several intervals in a day (closed over lunch)', () => {
    const split = [
      { weekday: 3, opens: '08:00', closes: '11:30' },
      { weekday: 3, opens: '12:00', closes: '15:00' },
    ];
    // Wednesday 4 March 2026, 11:45 and 12:15 in Oslo.
    assert.equal(closedAt(split, new Date('2026-03-04T10:45:00Z')), true);
    assert.equal(closedAt(split, new Date('2026-03-04T11:15:00Z')), false);
  });
});
