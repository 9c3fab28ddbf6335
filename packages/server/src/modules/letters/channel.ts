import type { LetterChannel, LetterChannelReason } from '@helsebro/contracts';
import { validNoticeChannels, type KrrPerson } from '../notifications/index.ts';

/** What is known about one person who could read the letter digitally: the citizen, or a parent of a child. */
export type ReaderFacts = {
  personId: string;
  basis: 'self' | 'parent';
  /** KRR's answer at this dispatch (undefined: KRR does not know the number). */
  krr: KrrPerson | undefined;
  /** Has logged in to Helsebro as a citizen at least once. */
  usedPortal: boolean;
  /** The channel the person chose for notices. */
  preferred: 'sms' | 'email';
};

export type ReaderOutcome = Exclude<LetterChannelReason, 'portal_active' | 'deceased' | 'no_reader'> | 'ok';

export type ChannelDecision = {
  channel: LetterChannel;
  reason: LetterChannelReason;
  /** Whom to notify and how (portal only). */
  notices: Array<{ personId: string; channel: 'sms' | 'email' }>;
  /** Each reader's outcome, kept with the letter; never an address. */
  readers: Array<{ personId: string; basis: 'self' | 'parent'; outcome: ReaderOutcome }>;
};

/** When no reader qualifies, the reason recorded is the strongest of theirs: the reservation first. */
const PRINT_REASONS: readonly Exclude<ReaderOutcome, 'ok'>[] = [
  'krr_reserved',
  'krr_not_registered',
  'krr_no_contact',
  'krr_cannot_notify',
  'krr_contact_expired',
  'portal_never_used',
];

/**
 * One reader's outcome (integrations.md §2.2, Digdir's routing for vedtak): reserved → paper; not notifiable (not
 * in KRR, no contact details, KRR's `KAN_IKKE_VARSLES`, or none updated or confirmed in 18 months) → paper; then
 * Helsebro only for a reader who has used it, since a letter in a portal the citizen never opens reaches nobody.
 */
export function readerOutcome(r: ReaderFacts, now: Date): { outcome: ReaderOutcome; channels: Array<'sms' | 'email'> } {
  const p = r.krr;
  if (!p || p.status !== 'AKTIV') {
    return { outcome: 'krr_not_registered', channels: [] };
  }
  if (p.reservasjon === 'JA') {
    return { outcome: 'krr_reserved', channels: [] };
  }
  if (!p.kontaktinformasjon?.epostadresse && !p.kontaktinformasjon?.mobiltelefonnummer) {
    return { outcome: 'krr_no_contact', channels: [] };
  }
  const channels = validNoticeChannels(p, now);
  if (channels.length === 0) {
    return { outcome: 'krr_contact_expired', channels: [] };
  }
  if (p.varslingsstatus === 'KAN_IKKE_VARSLES') {
    return { outcome: 'krr_cannot_notify', channels: [] };
  }
  if (!r.usedPortal) {
    return { outcome: 'portal_never_used', channels };
  }
  return { outcome: 'ok', channels };
}

/**
 * The letter's channel and why. Every letter is treated as a vedtak-grade letter: paper is always lawful, while the
 * relaxed "info" process (integrations.md §2.2) would send ordinary letters digitally to reserved citizens; we do
 * not use it. Helsebro when any reader qualifies (a child's parents read for it), with a notice to each qualifying
 * reader on their chosen channel if it is valid, else the other one; otherwise print.
 * @param input - whether the citizen is deceased, the readers' facts, and the time of sending
 */
export function decideChannel(input: { deceased: boolean; readers: ReaderFacts[]; now: Date }): ChannelDecision {
  const judged = input.readers.map((r) => ({ r, ...readerOutcome(r, input.now) }));
  const readers = judged.map(({ r, outcome }) => ({ personId: r.personId, basis: r.basis, outcome }));
  if (input.deceased) {
    return { channel: 'print', reason: 'deceased', notices: [], readers };
  }
  if (judged.length === 0) {
    return { channel: 'print', reason: 'no_reader', notices: [], readers };
  }
  const ok = judged.filter((j) => j.outcome === 'ok');
  if (ok.length > 0) {
    return {
      channel: 'portal',
      reason: 'portal_active',
      notices: ok.map((j) => ({
        personId: j.r.personId,
        channel: j.channels.includes(j.r.preferred) ? j.r.preferred : j.channels[0]!,
      })),
      readers,
    };
  }
  const reason: LetterChannelReason =
    PRINT_REASONS.find((p) => judged.some((j) => j.outcome === p)) ?? 'krr_not_registered';
  return { channel: 'print', reason, notices: [], readers };
}
