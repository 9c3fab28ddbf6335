import type { NotificationLanguage } from '@helsebro/contracts';

/**
 * Notice texts in bokmål, nynorsk and English. They say only that something is waiting and where — never a name,
 * a unit, a subject or any message text, since SMS and e-mail travel unencrypted (integrations.md §6.1) — and carry
 * no link (anti-phishing).
 */
export const TEMPLATES = {
  new_message: {
    nb: { subject: 'Ny melding på Helsebro', text: 'Du har en ny melding på Helsebro. Logg inn for å lese den.' },
    nn: { subject: 'Ny melding på Helsebro', text: 'Du har ei ny melding på Helsebro. Logg inn for å lese henne.' },
    en: { subject: 'New message on Helsebro', text: 'You have a new message on Helsebro. Log in to read it.' },
  },
  unit_new_message: {
    nb: {
      subject: 'Ny melding i innboksen på Helsebro',
      text: 'Enheten har fått en ny melding fra en innbygger på Helsebro. Logg inn for å lese den.',
    },
    nn: {
      subject: 'Ny melding i innboksen på Helsebro',
      text: 'Eininga har fått ei ny melding frå ein innbyggjar på Helsebro. Logg inn for å lese henne.',
    },
    en: {
      subject: 'New message in the Helsebro inbox',
      text: 'The unit has a new message from a citizen on Helsebro. Log in to read it.',
    },
  },
} as const;
export type TemplateName = keyof typeof TEMPLATES;

export function render(name: TemplateName, language: NotificationLanguage): { subject: string; text: string } {
  return TEMPLATES[name][language];
}
