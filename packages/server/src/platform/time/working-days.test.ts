import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromOslo, startOfOsloDate, toOslo } from './oslo-time.ts';
import {
  cancelDeadline,
  easterSunday,
  holidayName,
  isWorkingDay,
  officeHoursBetween,
  publicHolidays,
  workingDaysAfter,
  workingDaysBefore,
} from './working-days.ts';

describe('Easter by the computus', () => {
  // Known Easter Sundays (Gregorian), including the extremes 22 March (2285) and 25 April (2038).
  const table: [number, string][] = [
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
    [2000, '2000-04-23'],
  ];
  for (const [year, expected] of table) {
    it(`${year} → ${expected}`, () => assert.equal(easterSunday(year), expected));
  }
});

describe('public holidays', () => {
  it('2027 has the twelve statutory days', () => {
    assert.deepEqual(
      [...publicHolidays(2027).keys()].sort(),
      [
        '2027-01-01',
        '2027-03-25', // Maundy Thursday
        '2027-03-26', // Good Friday
        '2027-03-28',
        '2027-03-29',
        '2027-05-01',
        '2027-05-06', // Ascension Day
        '2027-05-16', // Whit Sunday
        '2027-05-17', // Whit Monday and Constitution Day on the same date
        '2027-12-25',
        '2027-12-26',
      ].sort(),
    );
  });
  it('names the day', () => {
    assert.equal(holidayName('2026-05-14'), 'Kristi himmelfartsdag');
    assert.equal(holidayName('2026-05-17'), 'Grunnlovsdag');
    assert.equal(holidayName('2026-12-24'), null);
  });
});

describe('working days', () => {
  const table: [string, boolean, string][] = [
    ['2026-11-23', true, 'an ordinary Monday'],
    ['2026-11-28', false, 'Saturday'],
    ['2026-11-29', false, 'Sunday'],
    ['2026-04-01', true, 'Wednesday before Easter'],
    ['2026-04-02', false, 'Maundy Thursday'],
    ['2026-04-03', false, 'Good Friday'],
    ['2026-04-06', false, 'Easter Monday'],
    ['2026-04-07', true, 'Tuesday after Easter'],
    ['2026-05-01', false, '1 May (a Friday)'],
    ['2026-05-14', false, 'Ascension Day'],
    ['2026-05-25', false, 'Whit Monday'],
    ['2026-05-18', true, 'the Monday after 17 May on a Sunday (no substitute day in Norway)'],
    ['2027-05-17', false, '17 May on a Monday'],
    ['2026-12-24', true, 'Christmas Eve is a working day by law'],
    ['2026-12-25', false, 'Christmas Day'],
    ['2026-12-28', true, 'Monday after Christmas'],
    ['2027-01-01', false, "New Year's Day"],
  ];
  for (const [date, expected, what] of table) {
    it(`${date} (${what}) → ${expected ? 'working day' : 'not a working day'}`, () =>
      assert.equal(isWorkingDay(date), expected));
  }
});

describe('N working days before / after', () => {
  const before: [string, number, string, string][] = [
    ['2026-11-23', 1, '2026-11-20', 'Monday → Friday'],
    ['2026-11-24', 1, '2026-11-23', 'Tuesday → Monday'],
    ['2026-11-22', 1, '2026-11-20', 'Sunday → Friday'],
    ['2026-11-25', 2, '2026-11-23', 'Wednesday, 2 → Monday'],
    ['2026-11-24', 2, '2026-11-20', 'Tuesday, 2 → Friday across the weekend'],
    ['2026-04-07', 1, '2026-04-01', 'Tuesday after Easter → the Wednesday before Maundy Thursday'],
    ['2026-04-08', 1, '2026-04-07', 'Wednesday after Easter → the Tuesday after Easter'],
    ['2026-04-08', 2, '2026-04-01', 'Wednesday after Easter, 2 → the Wednesday before Easter'],
    ['2026-12-28', 1, '2026-12-24', 'Monday after Christmas → Christmas Eve (Thursday)'],
    ['2026-12-29', 2, '2026-12-24', 'Tuesday after Christmas, 2 → Christmas Eve'],
    ['2027-01-04', 1, '2026-12-31', "first Monday of 2027 → New Year's Eve"],
    ['2027-05-18', 1, '2027-05-14', 'Tuesday after 17 May/Whit Monday → Friday'],
    ['2026-05-15', 1, '2026-05-13', 'Friday after Ascension Day → Wednesday'],
    ['2026-05-26', 1, '2026-05-22', 'Tuesday after Whit Monday → Friday'],
  ];
  for (const [date, n, expected, what] of before) {
    it(`${n} before ${date}: ${what}`, () => assert.equal(workingDaysBefore(date, n), expected));
  }
  it('after: a Friday message is due Monday; Maundy Thursday eve → Tuesday after Easter', () => {
    assert.equal(workingDaysAfter('2026-11-20', 1), '2026-11-23');
    assert.equal(workingDaysAfter('2026-04-01', 1), '2026-04-07');
    assert.equal(workingDaysAfter('2026-12-23', 2), '2026-12-28');
  });
  it('refuses n < 1', () => {
    assert.throws(() => workingDaysBefore('2026-11-23', 0), RangeError);
    assert.throws(() => workingDaysAfter('2026-11-23', -1), RangeError);
  });
});

describe('Europe/Oslo ↔ UTC', () => {
  const table: [string, string, string | null, string][] = [
    ['2026-01-15', '10:00', '2026-01-15T09:00:00.000Z', 'winter: UTC+1'],
    ['2026-07-15', '10:00', '2026-07-15T08:00:00.000Z', 'summer: UTC+2'],
    ['2026-03-29', '01:30', '2026-03-29T00:30:00.000Z', 'spring change day, before 02:00'],
    ['2026-03-29', '02:30', null, 'spring change: 02:30 does not exist'],
    ['2026-03-29', '03:00', '2026-03-29T01:00:00.000Z', 'spring change, after 03:00'],
    ['2026-10-25', '02:30', '2026-10-25T00:30:00.000Z', 'autumn change: the first 02:30 (summer time)'],
    ['2026-10-25', '03:00', '2026-10-25T02:00:00.000Z', 'autumn change, after'],
    ['2026-10-24', '23:00', '2026-10-24T21:00:00.000Z', 'the evening before the autumn change'],
  ];
  for (const [date, time, expected, what] of table) {
    it(`${date} ${time} (${what})`, () => {
      const at = fromOslo(date, time);
      assert.equal(at?.toISOString() ?? null, expected);
      if (at) {
        assert.deepEqual(toOslo(at), { date, time });
      }
    });
  }
  it('the days of the changes are 23 and 25 hours long', () => {
    const hours = (d: string, next: string) =>
      (startOfOsloDate(next).getTime() - startOfOsloDate(d).getTime()) / 3_600_000;
    assert.equal(hours('2026-03-29', '2026-03-30'), 23);
    assert.equal(hours('2026-10-25', '2026-10-26'), 25);
    assert.equal(hours('2026-11-23', '2026-11-24'), 24);
  });
});

describe('cancellation deadline ("no later than N working days before")', () => {
  const table: [string, string, number, string, string, string][] = [
    // appointment date, time, N, last date, first instant refused (UTC), why
    ['2026-11-23', '09:00', 1, '2026-11-20', '2026-11-20T23:00:00.000Z', 'Monday visit: by the end of Friday'],
    ['2026-04-07', '10:00', 1, '2026-04-01', '2026-04-01T22:00:00.000Z', 'after Easter: Wednesday before (CEST)'],
    ['2026-12-28', '08:00', 1, '2026-12-24', '2026-12-24T23:00:00.000Z', 'after Christmas: Christmas Eve'],
    ['2027-05-18', '12:00', 1, '2027-05-14', '2027-05-14T22:00:00.000Z', 'after 17 May: Friday'],
    ['2026-03-30', '09:00', 1, '2026-03-27', '2026-03-27T23:00:00.000Z', 'across the spring change: Friday ends CET'],
    ['2026-10-26', '09:00', 1, '2026-10-23', '2026-10-23T22:00:00.000Z', 'across the autumn change: Friday ends CEST'],
  ];
  for (const [date, time, n, lastDate, until, what] of table) {
    it(what, () => {
      const d = cancelDeadline(fromOslo(date, time)!, date, n);
      assert.equal(d.lastDate, lastDate);
      assert.equal(d.until.toISOString(), until);
    });
  }
  it('N = 0: until the start', () => {
    const start = fromOslo('2026-11-23', '09:00')!;
    assert.deepEqual(cancelDeadline(start, '2026-11-23', 0), { lastDate: '2026-11-23', until: start });
  });
});

describe('office hours between two instants (partner silence)', () => {
  const at = (date: string, time: string) => fromOslo(date, time)!;
  const cases: Array<[string, Date, Date, number]> = [
    ['within one morning', at('2027-03-03', '09:00'), at('2027-03-03', '11:30'), 2.5],
    ['evening to next morning counts only office time', at('2027-03-03', '15:00'), at('2027-03-04', '09:00'), 2],
    ['Friday afternoon to Monday morning', at('2027-03-05', '14:00'), at('2027-03-08', '10:00'), 4],
    ['a night alone is nothing', at('2027-03-03', '17:00'), at('2027-03-04', '07:59'), 0],
    // Maundy Thursday to Easter Monday 2027 are holidays: Wednesday 15:00 → Tuesday 09:00 is 1 + 1 hours.
    ['over Easter', at('2027-03-24', '15:00'), at('2027-03-30', '09:00'), 2],
    [
      'Good Friday to Easter Monday, over the change to summer time',
      at('2027-03-26', '00:00'),
      at('2027-03-30', '00:00'),
      0,
    ],
    ['a whole working week', at('2027-03-01', '00:00'), at('2027-03-06', '00:00'), 40],
    ['to before from', at('2027-03-03', '12:00'), at('2027-03-03', '10:00'), 0],
  ];
  for (const [what, from, to, hours] of cases) {
    it(`${what} → ${hours} h`, () => assert.equal(officeHoursBetween(from, to), hours));
  }
  // 1 March (a Monday) to Monday 8 March: six working days.
  it('counts no further back than maxDays', () =>
    assert.equal(officeHoursBetween(at('2026-01-05', '08:00'), at('2027-03-08', '16:00'), 7), 48));
});
