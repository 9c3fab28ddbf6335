import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../api/queries.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { loginUrl } from '../../components/start-path.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Shell } from '../../components/Shell.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';

/**
 * Where the login callback sends someone the IdP knows but Helsebro does not (`/ikke-registrert?hvem=ansatt`):
 * not an error, but whom to ask — the municipality's administrator, or the operator for a municipality not yet on
 * the platform.
 */
export function NotRegisteredPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params] = useSearchParams();
  const staff = params.get('hvem') === 'ansatt';
  useDocumentTitle(t('notRegistered.title'));
  return (
    <Shell area="public" session={session.data}>
      <div className="hb-narrow">
        <PageHeading>{t('notRegistered.title')}</PageHeading>
        <p className="hb-lead">{t(staff ? 'notRegistered.staffLead' : 'notRegistered.citizenLead')}</p>
        <p>{t(staff ? 'notRegistered.staffWhom' : 'notRegistered.citizenWhom')}</p>
        {staff && <p>{t('notRegistered.staffOperator')}</p>}
        <ButtonLink href={loginUrl()} reload>
          {t('notRegistered.tryAgain')}
        </ButtonLink>{' '}
        <ButtonLink href="/" variant="outline">
          {t('notRegistered.home')}
        </ButtonLink>
      </div>
    </Shell>
  );
}
