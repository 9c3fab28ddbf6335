/** The message console's list, optionally at a service's inbox or outbox. */
export function ploMessagesPath(service?: string, box: 'inbox' | 'outbox' = 'inbox'): string {
  const params = new URLSearchParams();
  if (service) {
    params.set('tjeneste', service);
  }
  if (box === 'outbox') {
    params.set('boks', 'utboks');
  }
  const qs = params.toString();
  return `/ansatt/meldinger${qs ? `?${qs}` : ''}`;
}

/** One message in the console (the address carries the message id, never anything about the patient). */
export function ploMessagePath(id: string): string {
  return `/ansatt/meldinger/${encodeURIComponent(id)}`;
}

/** i18next keys cannot contain the key separator: `event.3` → `event_3`. */
export const i18nKey = (key: string): string => key.replace(/\./g, '_');

/** The rejected messages addressed to the organisation (issue 14, D6). */
export const PLO_REJECTED_PATH = '/ansatt/meldinger/avviste';
