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
  // Appointments (issue 6): no unit, type, time or name — only that something is waiting.
  appointment_reminder: {
    nb: { subject: 'Påminnelse om timeavtale', text: 'Du har en timeavtale snart. Logg inn på Helsebro for å se den.' },
    nn: {
      subject: 'Påminning om timeavtale',
      text: 'Du har ein timeavtale snart. Logg inn på Helsebro for å sjå han.',
    },
    en: { subject: 'Appointment reminder', text: 'You have an appointment soon. Log in to Helsebro to see it.' },
  },
  appointment_changed: {
    nb: {
      subject: 'Endring i timeavtale',
      text: 'Det er en endring i timeavtalene dine på Helsebro. Logg inn for å se den.',
    },
    nn: {
      subject: 'Endring i timeavtale',
      text: 'Det er ei endring i timeavtalane dine på Helsebro. Logg inn for å sjå henne.',
    },
    en: {
      subject: 'Appointment changed',
      text: 'There is a change to your appointments on Helsebro. Log in to see it.',
    },
  },
  appointment_request_answered: {
    nb: {
      subject: 'Svar på forespørsel',
      text: 'Du har fått svar på en forespørsel om timeavtale på Helsebro. Logg inn for å se det.',
    },
    nn: {
      subject: 'Svar på førespurnad',
      text: 'Du har fått svar på ein førespurnad om timeavtale på Helsebro. Logg inn for å sjå det.',
    },
    en: {
      subject: 'Answer to your request',
      text: 'Your appointment request on Helsebro has been answered. Log in to see it.',
    },
  },
  visit_completed: {
    nb: { subject: 'Besøk utført', text: 'Et besøk er registrert som utført på Helsebro. Logg inn for å se det.' },
    nn: { subject: 'Besøk utført', text: 'Eit besøk er registrert som utført på Helsebro. Logg inn for å sjå det.' },
    en: { subject: 'Visit completed', text: 'A visit has been recorded as completed on Helsebro. Log in to see it.' },
  },
  // Letters (issue 13): only who sent it and where to read it (eForvaltningsforskriften § 8 third paragraph: the notice
  // says where and how to read the letter); never the title, the unit or the content. {sender} is the municipality.
  letter_received: {
    nb: { subject: 'Brev fra {sender}', text: 'Du har fått brev fra {sender}. Logg inn på Helsebro for å lese det.' },
    nn: { subject: 'Brev frå {sender}', text: 'Du har fått brev frå {sender}. Logg inn på Helsebro for å lese det.' },
    en: {
      subject: 'Letter from {sender}',
      text: 'You have received a letter from {sender}. Log in to Helsebro to read it.',
    },
  },
} as const;
export type TemplateName = keyof typeof TEMPLATES;

/**
 * A template's subject and text in a language, with `{sender}` replaced (the only variable: the sending
 * municipality's name, which is not sensitive).
 */
export function render(
  name: TemplateName,
  language: NotificationLanguage,
  vars: { sender?: string } = {},
): { subject: string; text: string } {
  const t = TEMPLATES[name][language];
  const fill = (s: string) => s.replaceAll('{sender}', vars.sender ?? 'kommunen');
  return { subject: fill(t.subject), text: fill(t.text) };
}
