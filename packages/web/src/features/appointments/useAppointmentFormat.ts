import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, currentLanguage } from '../../i18n/index.ts';

/**
 * Dates and times of appointments. The server sends each appointment's Europe/Oslo wall-clock date and time, so
 * these format that local date and time as they are (in UTC, which adds no shift) and never convert time zones.
 */
export function useAppointmentFormat() {
  const { i18n } = useTranslation();
  const locale = LOCALES[currentLanguage(i18n.resolvedLanguage)];
  return useMemo(() => {
    const weekdayDate = new Intl.DateTimeFormat(locale, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const shortDay = new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    });
    const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
    return {
      /** "Mandag 30. november 2026" from 2026-11-30, to begin a heading or a line. */
      day: (localDate: string) => capitalise(weekdayDate.format(asUtc(localDate, '00:00'))),
      /** "mandag 30. november 2026": mid-sentence, where Norwegian writes the weekday in lower case (issue 15). */
      dayInSentence: (localDate: string) => weekdayDate.format(asUtc(localDate, '00:00')),
      /** "man. 30. nov." */
      shortDay: (localDate: string) => shortDay.format(asUtc(localDate, '00:00')),
      /** "09:30" in the reader's convention. */
      time: (localDate: string, localTime: string) => clock.format(asUtc(localDate, localTime)),
    };
  }, [locale]);
}

function asUtc(localDate: string, localTime: string): Date {
  return new Date(`${localDate}T${localTime}:00Z`);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
