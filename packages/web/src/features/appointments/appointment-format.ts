import type { CitizenAppointment, CitizenAppointmentsResponse } from '@helsebro/contracts';

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

/** Digits of a phone number for a `tel:` link ("77 70 10 00" → "+4777701000"; "116 117" stays short). */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  return digits.length === 8 && !digits.startsWith('+') ? `tel:+47${digits}` : `tel:${digits}`;
}

/**
 * A Norwegian phone number as people write it, with the country code (issue 15): mobile numbers (4xx, 9xx) in
 * groups of 3-2-3, "+47 915 78 188", other 8-digit numbers in pairs, "+47 77 70 10 00". Short numbers (116 117,
 * 113) and anything not Norwegian stay as given.
 */
export function formatPhone(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '').replace(/^(\+47|0047)(?=\d{8}$)/, '');
  if (!/^\d{8}$/.test(digits)) {
    return phone;
  }
  const groups = /^[49]/.test(digits)
    ? [digits.slice(0, 3), digits.slice(3, 5), digits.slice(5)]
    : [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4, 6), digits.slice(6)];
  return `+47 ${groups.join(' ')}`;
}

/**
 * Booked appointments still to come, in time order; the rest — cancelled, carried out, missed or past — newest
 * first under "Historikk" (issue 15), with the server's history of the last half year.
 */
export function splitAppointments(
  data: Pick<CitizenAppointmentsResponse, 'appointments' | 'history'>,
  now: Date,
): { upcoming: CitizenAppointment[]; history: CitizenAppointment[] } {
  const isUpcoming = (a: CitizenAppointment) => a.status === 'booked' && Date.parse(a.endsAt) > now.getTime();
  const upcoming = data.appointments.filter(isUpcoming).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const seen = new Set(upcoming.map((a) => a.id));
  const history = [...data.appointments.filter((a) => !seen.has(a.id)), ...(data.history ?? [])]
    .filter((a, i, all) => all.findIndex((b) => b.id === a.id) === i)
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return { upcoming, history };
}
