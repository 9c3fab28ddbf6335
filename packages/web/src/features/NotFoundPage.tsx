import { useTranslation } from 'react-i18next';
import { useSession } from '../api/queries.ts';
import { ButtonLink } from '../components/ButtonLink.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { Shell } from '../components/Shell.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('notFound.title'));
  return (
    <Shell area="public" session={session.data}>
      <div className="hb-narrow">
        <PageHeading>{t('notFound.title')}</PageHeading>
        <p className="hb-lead">{t('notFound.text')}</p>
        <ButtonLink href="/" variant="outline">
          {t('notFound.back')}
        </ButtonLink>
      </div>
    </Shell>
  );
}
