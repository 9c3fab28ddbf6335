import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export const CARE_RELATIONS_PATH = '/ansatt/brukere';

/** The way from the workspace to "Brukere av tjenesten". */
export function CareRelationsLinkPanel() {
  const { t } = useTranslation();
  return (
    <section className="hb-panel" aria-labelledby="care-relations-link-heading">
      <h2 id="care-relations-link-heading" className="hb-panel__heading">
        <Link to={CARE_RELATIONS_PATH}>{t('careRelations.workspaceLink')}</Link>
      </h2>
      <p>{t('careRelations.workspaceLinkText')}</p>
    </section>
  );
}
