import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, currentLanguage } from '../i18n/index.ts';

/** Dates and times in the reader's language. */
export function useFormatters() {
  const { i18n } = useTranslation();
  const locale = LOCALES[currentLanguage(i18n.resolvedLanguage)];
  return useMemo(() => {
    const dateFormat = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
    const timeFormat = new Intl.DateTimeFormat(locale, { timeStyle: 'medium' });
    const listFormat = new Intl.ListFormat(locale, { type: 'conjunction' });
    const parse = (iso: string) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? null : d;
    };
    return {
      /** A calendar date (YYYY-MM-DD), shown without time-zone shifts. */
      date: (iso: string) => {
        const d = parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
        return d ? dateFormat.format(d) : iso;
      },
      dateTime: (iso: string) => {
        const d = parse(iso);
        return d ? dateTimeFormat.format(d) : iso;
      },
      time: (d: Date) => timeFormat.format(d),
      number: (n: number) => n.toLocaleString(locale),
      /** "a, b og c" in the reader's language. */
      list: (items: readonly string[]) => listFormat.format(items),
    };
  }, [locale]);
}
