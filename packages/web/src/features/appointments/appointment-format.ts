/**
 * Slots grouped by their local day, days and times in order, as the booking page lists them.
 * @param slots - free slots with their local date and time
 */
export function groupByDay<T extends { localDate: string; localTime: string }>(
  slots: readonly T[],
): { date: string; items: T[] }[] {
  const days = new Map<string, T[]>();
  for (const slot of [...slots].sort((a, b) =>
    `${a.localDate}T${a.localTime}`.localeCompare(`${b.localDate}T${b.localTime}`),
  )) {
    const list = days.get(slot.localDate) ?? [];
    list.push(slot);
    days.set(slot.localDate, list);
  }
  return [...days].map(([date, items]) => ({ date, items }));
}

/**
 * A calendar date moved by whole days.
 * @param isoDate - YYYY-MM-DD
 * @param days - how many days on (negative: back)
 */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Digits of a phone number for a `tel:` link ("77 70 10 000" → "+4777701000"; "116 117" stays short). */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  return digits.length === 8 && !digits.startsWith('+') ? `tel:+47${digits}` : `tel:${digits}`;
}
