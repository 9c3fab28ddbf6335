export const MESSAGES_PATH = '/min-side/meldinger';
export const NEW_MESSAGE_PATH = `${MESSAGES_PATH}/ny`;
export const NOTIFICATIONS_PATH = '/min-side/varsler';
export const STAFF_INBOX_PATH = '/ansatt/innboks';

export function conversationPath(id: string): string {
  return `${MESSAGES_PATH}/${encodeURIComponent(id)}`;
}

/** "Skriv ny melding" with the unit chosen (from Mine helsekontakter). */
export function newMessageToUnitPath(unitId: string): string {
  return `${NEW_MESSAGE_PATH}?enhet=${encodeURIComponent(unitId)}`;
}

/** A unit's inbox; the unit is in the query so the page can be bookmarked and reloaded. */
export function staffInboxPath(unitId: string): string {
  return `${STAFF_INBOX_PATH}?enhet=${encodeURIComponent(unitId)}`;
}

export function staffConversationPath(id: string): string {
  return `${STAFF_INBOX_PATH}/${encodeURIComponent(id)}`;
}
