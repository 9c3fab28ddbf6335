import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Sets the browser tab's title to "<page> – Helsebro", in the current language.
 * @param title - the page's own name, already translated
 */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  const suffix = t('common.titleSuffix');
  useEffect(() => {
    document.title = title === suffix ? suffix : `${title} – ${suffix}`;
  }, [title, suffix]);
}
