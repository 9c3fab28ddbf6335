import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CitizenAppointment } from '@helsebro/contracts';
import { addDays, formatPhone, groupByDay, splitAppointments, telHref } from './appointment-format.ts';

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

  void it('writes Norwegian numbers with +47, mobiles 3-2-3 and others in pairs; short numbers as they are', () => {
    assert.equal(formatPhone('91578188'), '+47 915 78 188');
    assert.equal(formatPhone('+47 915 78 188'), '+47 915 78 188');
    assert.equal(formatPhone('77 70 10 00'), '+47 77 70 10 00');
    assert.equal(formatPhone('116 117'), '116 117');
    assert.equal(formatPhone('77 70 10 000'), '77 70 10 000', 'nine digits are not a Norwegian number');
  });

  void it('keeps booked appointments still to come, in time order, and moves the rest to the history, newest first', () => {
    const appt = (id: string, status: CitizenAppointment['status'], startsAt: string) =>
      ({ id, status, startsAt, endsAt: startsAt.replace('T09', 'T10') }) as CitizenAppointment;
    const now = new Date('2026-12-07T12:00:00Z');
    const { upcoming, history } = splitAppointments(
      {
        appointments: [
          appt('later', 'booked', '2026-12-09T09:00:00Z'),
          appt('cancelled', 'cancelled', '2026-12-08T09:00:00Z'),
          appt('soon', 'booked', '2026-12-08T09:00:00Z'),
          appt('this-morning', 'booked', '2026-12-07T09:00:00Z'),
        ],
        history: [
          appt('done', 'fulfilled', '2026-12-01T09:00:00Z'),
          appt('cancelled', 'cancelled', '2026-12-08T09:00:00Z'),
        ],
      },
      now,
    );
    assert.deepEqual(
      upcoming.map((a) => a.id),
      ['soon', 'later'],
    );
    assert.deepEqual(
      history.map((a) => a.id),
      ['cancelled', 'this-morning', 'done'],
    );
  });
});
