import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, groupByDay, telHref } from './appointment-format.ts';

void describe('appointment formatting', () => {
  void it('groups slots by local day, in time order', () => {
    const slots = [
      { id: 'c', localDate: '2026-11-24', localTime: '10:00' },
      { id: 'a', localDate: '2026-11-23', localTime: '14:00' },
      { id: 'b', localDate: '2026-11-23', localTime: '09:00' },
    ];
    assert.deepEqual(
      groupByDay(slots).map((d) => [d.date, d.items.map((s) => s.id)]),
      [
        ['2026-11-23', ['b', 'a']],
        ['2026-11-24', ['c']],
      ],
    );
    assert.deepEqual(groupByDay([]), []);
  });

  void it('moves dates across months, years and the summer-time change without drift', () => {
    assert.equal(addDays('2026-11-30', 1), '2026-12-01');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2026-03-30', -7), '2026-03-23');
    assert.equal(addDays('2026-03-28', 1), '2026-03-29');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
  });

  void it('makes tel: links of Norwegian numbers', () => {
    assert.equal(telHref('77 70 30 00'), 'tel:+4777703000');
    assert.equal(telHref('116 117'), 'tel:116117');
    assert.equal(telHref('+47 22 00 00 00'), 'tel:+4722000000');
  });
});
