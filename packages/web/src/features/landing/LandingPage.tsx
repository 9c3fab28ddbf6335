import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/queries.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Shell } from '../../components/Shell.tsx';
import { loginUrl, startPath } from '../../components/start-path.ts';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';

/**
 * The front page: what Helsebro is, in plain words, and the way in. A logged-in visitor is offered their own
 * start page instead of the login. When the session cannot be read, the login is still offered.
 */
export function LandingPage() {
  const { t } = useTranslation();
  const session = useSession();
  const user = session.data?.authenticated ? session.data.user : null;
  useDocumentTitle(t('landing.title'));

  return (
    <Shell area="public" session={session.data}>
      <section className="hb-hero" aria-labelledby="landing-heading">
        <PageHeading id="landing-heading">{t('landing.heading')}</PageHeading>
        <p className="hb-lead">{t('landing.lead')}</p>
        <div className="hb-hero__action">
          {session.isPending ? null : user ? (
            <>
              <p>{t('landing.loggedInAs', { name: user.displayName })}</p>
              <ButtonLink href={startPath(user.kind)} size="large" arrow="icon">
                {t(`goTo.${user.kind}`)}
              </ButtonLink>
            </>
          ) : (
            <>
              <ButtonLink href={loginUrl()} size="large" arrow="icon" reload>
                {t('common.login')}
              </ButtonLink>
              <p className="hb-hint">{t('landing.loginHint')}</p>
            </>
          )}
        </div>
      </section>

      <section className="hb-section" aria-labelledby="landing-what">
        <h2 id="landing-what" className="hb-section__heading">
          {t('landing.whatHeading')}
        </h2>
        <ul className="hb-cards">
          <Card title={t('landing.citizenTitle')} text={t('landing.citizenText')} accent="citizen" />
          <Card title={t('landing.staffTitle')} text={t('landing.staffText')} accent="personnel" />
          <Card title={t('landing.operatorTitle')} text={t('landing.operatorText')} accent="operator" />
          <Card title={t('landing.trustTitle')} text={t('landing.trustText')} accent="public" />
        </ul>
      </section>
    </Shell>
  );
}

function Card({ title, text, accent }: { title: string; text: string; accent: string }) {
  return (
    <li className={`hb-card hb-card--${accent}`}>
      <h3 className="hb-card__title">{title}</h3>
      <p>{text}</p>
    </li>
  );
}
