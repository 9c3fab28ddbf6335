import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { nb } from './nb.ts';
import { nn } from './nn.ts';

export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, as the switcher shows it (so people find their own language). */
export const LANGUAGE_NAMES: Record<Language, string> = { nb: 'Bokmål', nn: 'Nynorsk', en: 'English' };

/** Locale for dates and numbers in each language. */
export const LOCALES: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

const STORAGE_KEY = 'helsebro.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : 'nb';
  } catch {
    return 'nb';
  }
}

/** Starts i18next with the stored language (bokmål by default) and keeps `<html lang>` in step with it. */
export function initI18n(): typeof i18next {
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = isLanguage(lng) ? lng : 'nb';
  });
  void i18next.use(initReactI18next).init({
    resources: { nb: { translation: nb }, nn: { translation: nn }, en: { translation: en } },
    lng: storedLanguage(),
    fallbackLng: 'nb',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return i18next;
}

/**
 * Switches the language and remembers the choice in this browser.
 * @param language - nb, nn or en
 */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage; the switch still applies to this page.
  }
  await i18next.changeLanguage(language);
}

export function currentLanguage(lng: string | undefined): Language {
  return isLanguage(lng) ? lng : 'nb';
}
