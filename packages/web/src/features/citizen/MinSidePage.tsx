import type { ActingFor, RepresentedAction } from '@helsebro/contracts';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useProfile } from '../../api/queries.ts';
import { CHOOSE_PATH } from '../../components/ActingForBar.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { CitizenPage, type CitizenContext } from './CitizenPage.tsx';
import { hasChosen, markChosen } from './chosen.ts';
import { HealthContactsPanel } from './HealthContactsPanel.tsx';
import { OverviewPanels } from './OverviewPanels.tsx';
import { ProfileFacts } from './ProfileFacts.tsx';
import { RefusedPanel } from './RefusedPanel.tsx';
import { RightsList } from './RightsList.tsx';
import { ServiceNoticesPanel } from './ServiceNoticesPanel.tsx';
import { may } from './rights.ts';

/**
 * `/min-side`: the overview for the person the citizen acts for (issue 15): what comes next, what waits to be read,
 * whom to contact, each linking to its page; internals such as the municipality number are not shown.
 */
export function MinSidePage() {
  return <CitizenPage>{(ctx) => <MinSide {...ctx} />}</CitizenPage>;
}

function MinSide({ session, acting, choices }: CitizenContext) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('shell.citizen'));
  // Right after login, someone who may act for others is asked whom they want to use Helsebro for.
  const mustChoose = !hasChosen(session.csrfToken) && choices.some((c) => c.available && c.basis !== 'self');
  useEffect(() => {
    if (mustChoose) {
      void navigate(CHOOSE_PATH, { replace: true });
    } else {
      markChosen(session.csrfToken);
    }
  }, [mustChoose, navigate, session.csrfToken]);

  if (mustChoose) {
    return <Loading />;
  }
  const self = acting.basis === 'self';
  return (
    <>
      <PageHeading>{t('shell.citizen')}</PageHeading>
      {self ? (
        <>
          <p className="hb-greeting">{t('citizen.greeting', { name: session.user.displayName })}</p>
          <p className="hb-lead">{t('citizen.lead')}</p>
        </>
      ) : (
        <>
          <p className="hb-greeting">{t('minSide.actingGreeting', { name: acting.displayName })}</p>
          <p className="hb-lead">{t('minSide.actingLead', { name: acting.displayName })}</p>
          <div className="hb-panel hb-panel--rights">
            <p className="hb-panel__intro">{t('minSide.youMay')}</p>
            <RightsList areas={acting.serviceAreas} actions={acting.actions} />
          </div>
        </>
      )}
      <ServiceNoticesPanel acting={acting} />
      <div className="hb-grid-2">
        <OverviewPanels acting={acting} />
        <HealthContactsPanel acting={acting} />
        <Gated acting={acting} action="access_log.read" heading={t('minSide.logHeading')}>
          <p>{self ? t('minSide.logText') : t('minSide.logTextFor', { name: acting.displayName })}</p>
          <ButtonLink href="/min-side/logg" variant="outline" arrow="icon">
            {t('minSide.logLink')}
          </ButtonLink>
        </Gated>
        {self && (
          <section className="hb-panel" aria-labelledby="fullmakt-heading">
            <h2 id="fullmakt-heading" className="hb-panel__heading">
              {t('minSide.fullmaktHeading')}
            </h2>
            <p>{t('minSide.fullmaktText')}</p>
            <ButtonLink href="/min-side/fullmakt" variant="outline" arrow="icon">
              {t('minSide.fullmaktLink')}
            </ButtonLink>
          </section>
        )}
        <AboutPanel acting={acting} />
      </div>
    </>
  );
}

/** A panel shown when the representation allows `action`; otherwise the panel says why not. */
function Gated({
  acting,
  action,
  heading,
  children,
}: {
  acting: ActingFor;
  action: RepresentedAction;
  heading: string;
  children: ReactNode;
}) {
  if (!may(acting, action)) {
    return <RefusedPanel acting={acting} action={action} heading={heading} />;
  }
  const id = `panel-${action.replace(/\W/g, '-')}`;
  return (
    <section className="hb-panel" aria-labelledby={id}>
      <h2 id={id} className="hb-panel__heading">
        {heading}
      </h2>
      {children}
    </section>
  );
}

function AboutPanel({ acting }: { acting: ActingFor }) {
  const { t } = useTranslation();
  const allowed = may(acting, 'profile.read');
  const profile = useProfile(allowed);
  const heading =
    acting.basis === 'self' ? t('citizen.aboutHeading') : t('minSide.aboutFor', { name: acting.displayName });
  if (!allowed) {
    return <RefusedPanel acting={acting} action="profile.read" heading={heading} />;
  }
  return (
    <section className="hb-panel" aria-labelledby="about-heading">
      <h2 id="about-heading" className="hb-panel__heading">
        {heading}
      </h2>
      {profile.isPending ? (
        <Loading />
      ) : profile.isError ? (
        <ErrorPanel error={profile.error} onRetry={() => void profile.refetch()} />
      ) : (
        <ProfileFacts profile={profile.data} />
      )}
    </section>
  );
}
