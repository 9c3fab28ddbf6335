import type { ActingFor, RepresentationChoice } from '@helsebro/contracts';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useActingLost } from '../../api/acting-lost.ts';
import { isApiError } from '../../api/api-error.ts';
import { useChoices } from '../../api/citizen-queries.ts';
import { ActingForBar } from '../../components/ActingForBar.tsx';
import { CitizenNav } from '../../components/CitizenNav.tsx';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { RequireKind, type SignedInSession } from '../../components/RequireKind.tsx';
import { Shell } from '../../components/Shell.tsx';

export type CitizenContext = {
  session: SignedInSession;
  /** Whom the session acts for now. */
  acting: ActingFor;
  choices: RepresentationChoice[];
};

/**
 * The frame of every citizen page: login guard, whom the user acts for (with "Bytt") and the citizen menu. The
 * page renders once the server has said whom the session acts for, so nothing is shown under the wrong name.
 */
export function CitizenPage({ children }: { children: (ctx: CitizenContext) => ReactNode }) {
  return (
    <RequireKind kind="citizen">{(session) => <CitizenFrame session={session}>{children}</CitizenFrame>}</RequireKind>
  );
}

function CitizenFrame({
  session,
  children,
}: {
  session: SignedInSession;
  children: (ctx: CitizenContext) => ReactNode;
}) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const choices = useChoices();
  const lost = useActingLost();
  const data = choices.data;
  const context = (
    <>
      {data && <ActingForBar acting={data.actingFor} canChange={data.choices.length > 1} />}
      <CitizenNav acting={data?.actingFor} />
    </>
  );
  return (
    <Shell area="citizen" session={session} context={context}>
      {lost && lost.path === pathname && (
        <div className="hb-notice">
          <NotificationPanel variant="warn" role="alert">
            <p>{lost.name ? t('acting.lost', { name: lost.name }) : t('acting.lostUnknown')}</p>
          </NotificationPanel>
        </div>
      )}
      {choices.isPending || (!data && isApiError(choices.error, 403) && choices.error.code === 'not_represented') ? (
        // After `not_represented` the choices are being read again, now for the user.
        <Loading />
      ) : !data ? (
        <ErrorPanel error={choices.error} onRetry={() => void choices.refetch()} />
      ) : (
        children({ session, acting: data.actingFor, choices: data.choices })
      )}
    </Shell>
  );
}
