import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { STAFF_LETTERS_PATH } from './paths.ts';

/** The way from the workspace to the unit's letters (issue 13). */
export function LettersLinkPanel() {
  const { t } = useTranslation();
  return (
    <section className="hb-panel" aria-labelledby="letters-link-heading">
      <h2 id="letters-link-heading" className="hb-panel__heading">
        <Link to={STAFF_LETTERS_PATH}>{t('letters.workspaceLink')}</Link>
      </h2>
      <p>{t('letters.workspaceLinkText')}</p>
    </section>
  );
}
