const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * An xs:dateTime in Norwegian local time with its offset, e.g. `2025-01-15T10:11:54+01:00`: what a reader of the
 * message expects to see, and unambiguous (the official examples leave the offset out, which the schema allows).
 * @param d - the instant
 */
export function osloDateTime(d: Date): string {
  const p = Object.fromEntries(parts.formatToParts(d).map((x) => [x.type, x.value]));
  const local = `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
  const offsetMin = Math.round((Date.parse(`${local}Z`) - Math.floor(d.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** An xs:date (YYYY-MM-DD) in Norwegian local time. */
export function osloDate(d: Date): string {
  return osloDateTime(d).slice(0, 10);
}

/** A date, a Date or an ISO string as an xs:dateTime in Norwegian local time (strings are passed through). */
export function xmlDateTime(v: Date | string): string {
  return typeof v === 'string' ? v : osloDateTime(v);
}
