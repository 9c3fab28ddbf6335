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
