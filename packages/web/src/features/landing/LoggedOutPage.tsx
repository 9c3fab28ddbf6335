import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/queries.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { loginUrl } from '../../components/start-path.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Shell } from '../../components/Shell.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';

/**
 * `/logget-ut`: where logout ends (the post-logout address given to the IdP), so the user sees that it worked
 * instead of landing on the front page as if nothing happened.
 */
export function LoggedOutPage() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('loggedOut.title'));
  return (
    <Shell area="public" session={session.data}>
      <div className="hb-narrow">
        <PageHeading>{t('loggedOut.title')}</PageHeading>
        <p className="hb-lead">{t('loggedOut.lead')}</p>
        <p>{t('loggedOut.sharedDevice')}</p>
        <ButtonLink href={loginUrl()} reload>
          {t('loggedOut.again')}
        </ButtonLink>{' '}
        <ButtonLink href="/" variant="outline">
          {t('loggedOut.home')}
        </ButtonLink>
      </div>
    </Shell>
  );
}
