import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePloServices } from '../../api/plo-console-queries.ts';
import type { SignedInSession } from '../../components/RequireKind.tsx';
import { ploMessagesPath } from './paths.ts';

/** The way from the workspace to the message console, for message handlers only, with the count of new messages. */
export function PloConsoleLinkPanel({ session }: { session: SignedInSession }) {
  const { t } = useTranslation();
  const isHandler = session.user.roles.some((r) => r.role === 'message_handler');
  const services = usePloServices(isHandler);
  if (!isHandler) {
    return null;
  }
  const fresh = services.data?.services.reduce((n, s) => n + s.newCount, 0) ?? 0;
  return (
    <section className="hb-panel hb-plo-link" aria-labelledby="plo-link-heading">
      <h2 id="plo-link-heading" className="hb-panel__heading">
        <Link to={ploMessagesPath()}>{t('ploConsole.workspaceLink')}</Link>
      </h2>
      <p>{t('ploConsole.workspaceLinkText')}</p>
      {fresh > 0 && <p className="hb-plo-link__new">{t('ploConsole.workspaceNew', { count: fresh })}</p>}
    </section>
  );
}
