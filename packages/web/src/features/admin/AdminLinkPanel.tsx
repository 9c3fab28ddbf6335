import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SignedInSession } from '../../components/RequireKind.tsx';
import { isMunicipalAdmin } from './AdminNav.tsx';
import { ADMIN_PATHS } from './paths.ts';

/** The way from the workspace to the administration, shown only to the municipality's administrators. */
export function AdminLinkPanel({ session }: { session: SignedInSession }) {
  const { t } = useTranslation();
  if (!isMunicipalAdmin(session)) {
    return null;
  }
  return (
    <section className="hb-panel" aria-labelledby="admin-link-heading">
      <h2 id="admin-link-heading" className="hb-panel__heading">
        <Link to={ADMIN_PATHS.overview}>{t('adminNav.workspaceLink')}</Link>
      </h2>
      <p>{t('adminNav.workspaceLinkText')}</p>
    </section>
  );
}
