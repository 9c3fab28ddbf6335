import type { ActorKind } from '@helsebro/contracts';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useSession } from '../api/queries.ts';
import { NoAccessPage } from '../features/access/NoAccessPage.tsx';
import { ErrorPanel, Loading } from './PageStatus.tsx';
import { Shell } from './Shell.tsx';
import type { SignedInSession } from './signed-in-session.ts';
import { loginUrl } from './start-path.ts';

export type { SignedInSession };

/**
 * Guards a shell: without a session the browser goes to the login (coming back here afterwards); a user of
 * another kind sees "Ingen tilgang"; the right kind gets the page, with the session.
 */
export function RequireKind({
  kind,
  children,
}: {
  kind: ActorKind;
  children: (session: SignedInSession) => ReactNode;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();
  const signedOut = session.data !== undefined && (!session.data.authenticated || session.data.user === null);
  const returnTo = `${location.pathname}${location.search}`;

  useEffect(() => {
    if (signedOut) {
      window.location.assign(loginUrl(returnTo));
    }
  }, [signedOut, returnTo]);

  if (session.isPending) {
    return (
      <Shell area={kind}>
        <Loading />
      </Shell>
    );
  }
  if (session.isError) {
    return (
      <Shell area={kind}>
        <ErrorPanel error={session.error} onRetry={() => void session.refetch()} />
      </Shell>
    );
  }
  const data = session.data;
  if (!data.authenticated || data.user === null) {
    return (
      <Shell area={kind}>
        <p role="status" className="hb-lead">
          {t('common.redirectingToLogin')}
        </p>
      </Shell>
    );
  }
  if (data.user.kind !== kind) {
    return <NoAccessPage session={data as SignedInSession} wanted={kind} />;
  }
  return children(data as SignedInSession);
}
