import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export const MY_VISITS_PATH = '/ansatt/besok';

/** The way from the workspace to "Mine besøk i dag" (issue 15). */
export function MyVisitsLinkPanel() {
  const { t } = useTranslation();
  return (
    <section className="hb-panel" aria-labelledby="my-visits-link-heading">
      <h2 id="my-visits-link-heading" className="hb-panel__heading">
        <Link to={MY_VISITS_PATH}>{t('homeCare.workspaceLink')}</Link>
      </h2>
      <p>{t('homeCare.workspaceLinkText')}</p>
    </section>
  );
}
