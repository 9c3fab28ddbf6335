import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export const STAFF_SUPPORT_PATH = '/ansatt/support';

/** The way from the workspace to support: every staff member may ask (seed 000 §5.1), so it is always shown. */
export function SupportLinkPanel() {
  const { t } = useTranslation();
  return (
    <section className="hb-panel" aria-labelledby="support-link-heading">
      <h2 id="support-link-heading" className="hb-panel__heading">
        <Link to={STAFF_SUPPORT_PATH}>{t('support.title')}</Link>
      </h2>
      <p>{t('support.workspaceLinkText')}</p>
    </section>
  );
}
