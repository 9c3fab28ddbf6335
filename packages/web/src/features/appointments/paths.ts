export const APPOINTMENTS_PATH = '/min-side/timeavtaler';
export const BOOK_PATH = `${APPOINTMENTS_PATH}/bestill`;
export const HOME_VISITS_PATH = '/min-side/besok';
/** The notification settings (level and channel), built with the dialog (A7). */
export const NOTIFICATION_SETTINGS_PATH = '/min-side/varsler';
