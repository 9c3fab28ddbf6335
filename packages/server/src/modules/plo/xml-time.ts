import { isCalendarDate } from '@helsebro/contracts';
import { osloIsoDateTime } from '../../platform/time/oslo-time.ts';

/**
 * An xs:dateTime in Norwegian local time with its offset, e.g. `2025-01-15T10:11:54+01:00`: what a reader of the
 * message expects to see, and unambiguous (the official examples leave the offset out, which the schema allows).
 */
export const osloDateTime = osloIsoDateTime;

/** A date, a Date or an ISO string as an xs:dateTime in Norwegian local time (strings are passed through). */
export function xmlDateTime(v: Date | string): string {
  return typeof v === 'string' ? v : osloDateTime(v);
}

/** xs:dateTime's lexical form with a real time of day and zone (XML Schema 1.0 Part 2 §3.2.7). */
const XS_DATETIME = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-](0\d|1[0-4]):[0-5]\d)?$/;

/**
 * Whether a received value can be written back as an xs:dateTime that validates: the form, and a day that
 * exists within the years Helsebro counts in (0000-00-00T00:00:00Z has the form and fails the schema).
 * @param v - the text, e.g. a MsgHead's GenDate
 */
export function isXsDateTime(v: string): boolean {
  return XS_DATETIME.test(v) && isCalendarDate(v.slice(0, 10));
}
