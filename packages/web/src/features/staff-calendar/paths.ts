export const STAFF_CALENDAR_PATH = '/ansatt/kalender';
