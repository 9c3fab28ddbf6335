import type { ActorKind } from '@helsebro/contracts';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import type { SignedInSession } from '../../components/signed-in-session.ts';
import { Shell } from '../../components/Shell.tsx';
import { startPath } from '../../components/start-path.ts';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';

/** A logged-in user opened another kind of user's shell: say so plainly and point to their own start page. */
export function NoAccessPage({ session, wanted }: { session: SignedInSession; wanted: ActorKind }) {
  const { t } = useTranslation();
  const own = startPath(session.user.kind);
  useDocumentTitle(t('noAccess.title'));
  return (
    <Shell area="public" session={session}>
      <div className="hb-narrow">
        <PageHeading>{t('noAccess.title')}</PageHeading>
        <p className="hb-lead">
          {t('noAccess.text', { audience: t(`noAccess.audience.${wanted}`), name: session.user.displayName })}
        </p>
        <p>{t('noAccess.help')}</p>
        <ButtonLink href={own} arrow="icon">
          {t(`goTo.${session.user.kind}`)}
        </ButtonLink>
      </div>
    </Shell>
  );
}
