import type { ActingFor } from '@helsebro/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export const CHOOSE_PATH = '/min-side/velg';

/**
 * "Du bruker Helsebro for: Emma Nordmann (som forelder) · Bytt", under the header of every citizen page. Acting
 * for someone else colours the band, so it is never mistaken for the user's own page.
 */
export function ActingForBar({ acting, canChange }: { acting: ActingFor; canChange: boolean }) {
  const { t } = useTranslation();
  const other = acting.basis !== 'self';
  return (
    <div className={`hb-acting${other ? ' hb-acting--other' : ''}`} data-testid="acting-for">
      <div className="hb-container hb-acting__inner">
        <p className="hb-acting__text">
          <span className="hb-acting__label">{t('acting.barLabel')}:</span>{' '}
          <strong className="hb-acting__name">{acting.displayName}</strong>{' '}
          <span className="hb-acting__basis">({t(`acting.as.${acting.basis}`)})</span>
        </p>
        {canChange && (
          <Link to={CHOOSE_PATH} className="hb-acting__change">
            {t('acting.change')}
            <span className="hb-visually-hidden"> {t('acting.changeHidden')}</span>
          </Link>
        )}
      </div>
    </div>
  );
}
