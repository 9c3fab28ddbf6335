export const APPOINTMENTS_PATH = '/min-side/timeavtaler';
export const BOOK_PATH = `${APPOINTMENTS_PATH}/bestill`;
/** The server's calendar file of one appointment (RFC 5545), a download rather than a page. */
export const calendarFilePath = (id: string) => `/api/appointments/${encodeURIComponent(id)}/calendar.ics`;
export const HOME_VISITS_PATH = '/min-side/besok';
/** The notification settings (level and channel), built with the dialog (A7). */
export const NOTIFICATION_SETTINGS_PATH = '/min-side/varsler';
