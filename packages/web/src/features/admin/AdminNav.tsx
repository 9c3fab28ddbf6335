import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RequireKind, type SignedInSession } from '../../components/RequireKind.tsx';
import { Shell } from '../../components/Shell.tsx';
import { SubNav } from '../../components/SubNav.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { ADMIN_PATHS } from './paths.ts';

const LINKS = [
  { to: ADMIN_PATHS.overview, key: 'adminNav.overview', end: true },
  { to: ADMIN_PATHS.units, key: 'adminNav.units', end: false },
  { to: ADMIN_PATHS.staff, key: 'adminNav.staff', end: false },
  { to: ADMIN_PATHS.epj, key: 'adminNav.epj', end: false },
  { to: ADMIN_PATHS.terms, key: 'adminNav.terms', end: false },
  { to: ADMIN_PATHS.services, key: 'adminNav.services', end: false },
  { to: ADMIN_PATHS.termination, key: 'adminNav.termination', end: false },
] as const;

/** The administration workspace's pages; the current one is marked for screen readers (aria-current). */
export function AdminNav() {
  return <SubNav labelKey="adminNav.label" links={LINKS} />;
}

/** Whether the signed-in staff member administers their municipality in Helsebro. */
export function isMunicipalAdmin(session: SignedInSession): boolean {
  return session.user.roles.some((r) => r.role === 'municipal_admin');
}

/**
 * The frame of every administration page: staff only, the staff shell with the administration menu, the page's
 * title and h1. Staff without `municipal_admin` see why they cannot use it (the API refuses them too).
 * Usage: `<AdminPage title={t('x.title')}>{(session) => <Content />}</AdminPage>`.
 */
export function AdminPage({ title, children }: { title: string; children: (session: SignedInSession) => ReactNode }) {
  return (
    <RequireKind kind="personnel">
      {(session) => (
        <AdminFrame session={session} title={title}>
          {children}
        </AdminFrame>
      )}
    </RequireKind>
  );
}

function AdminFrame({
  session,
  title,
  children,
}: {
  session: SignedInSession;
  title: string;
  children: (session: SignedInSession) => ReactNode;
}) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  const admin = isMunicipalAdmin(session);
  return (
    <Shell area="personnel" session={session} context={admin ? <AdminNav /> : undefined}>
      <PageHeading>{title}</PageHeading>
      {admin ? (
        children(session)
      ) : (
        <NotificationPanel variant="warn" label={t('adminNav.notAdminTitle')} labelHtmlMarkup="h2">
          <p>{t('adminNav.notAdminText')}</p>
          <p>
            <Link to="/ansatt">{t('adminNav.backToWorkspace')}</Link>
          </p>
        </NotificationPanel>
      )}
    </Shell>
  );
}
