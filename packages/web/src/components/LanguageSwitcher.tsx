import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, changeLanguage, currentLanguage } from '../i18n/index.ts';

/** Three buttons, each language named in itself; the choice is remembered in this browser. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const active = currentLanguage(i18n.resolvedLanguage);
  return (
    <div className="hb-language" role="group" aria-label={t('common.languageLabel')}>
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className="hb-language__option"
          aria-pressed={lng === active}
          onClick={() => void changeLanguage(lng)}
        >
          {LANGUAGE_NAMES[lng]}
        </button>
      ))}
    </div>
  );
}
