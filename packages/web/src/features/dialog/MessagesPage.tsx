import type { ActingFor, ConversationSummary } from '@helsebro/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/api-error.ts';
import { useConversations } from '../../api/dialog-queries.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useFormatters } from '../../components/useFormatters.ts';
import { CitizenPage, type CitizenContext } from '../citizen/CitizenPage.tsx';
import { RefusedPanel } from '../citizen/RefusedPanel.tsx';
import { may } from '../citizen/rights.ts';
import { conversationPath, NEW_MESSAGE_PATH } from './paths.ts';

/** `/min-side/meldinger`: the conversations of the person the user acts for (A3). */
export function MessagesPage() {
  return <CitizenPage>{(ctx) => <Messages {...ctx} />}</CitizenPage>;
}

/** The page's heading and lead, which say whose messages these are when the user acts for someone else. */
export function useDialogTitle(acting: ActingFor, self: string, other: string): string {
  const { t } = useTranslation();
  const title = acting.basis === 'self' ? t(self) : t(other, { name: acting.displayName });
  useDocumentTitle(title);
  return title;
}

function Messages({ acting }: CitizenContext) {
  const { t } = useTranslation();
  const title = useDialogTitle(acting, 'dialog.title', 'dialog.titleFor');
  const allowed = may(acting, 'messages.read');
  const conversations = useConversations(allowed);
  const refusedByServer =
    isApiError(conversations.error, 403) && conversations.error.code === 'service_area_not_granted';
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="hb-lead">
        {acting.basis === 'self' ? t('dialog.lead') : t('dialog.leadFor', { name: acting.displayName })}
      </p>
      {!allowed || refusedByServer ? (
        <RefusedPanel acting={acting} action="messages.read" heading={t('dialog.refusedHeading')} />
      ) : (
        <>
          {may(acting, 'messages.send') && (
            <p>
              <ButtonLink href={NEW_MESSAGE_PATH} arrow="icon">
                {t('dialog.newMessage')}
              </ButtonLink>
            </p>
          )}
          <section className="hb-section" aria-labelledby="conversations-heading">
            <h2 id="conversations-heading" className="hb-section__heading">
              {t('dialog.listHeading')}
            </h2>
            {conversations.isPending ? (
              <Loading />
            ) : conversations.isError ? (
              <ErrorPanel error={conversations.error} onRetry={() => void conversations.refetch()} />
            ) : conversations.data.conversations.length === 0 ? (
              <p className="hb-empty">{t('dialog.empty')}</p>
            ) : (
              <ul className="hb-conversations">
                {conversations.data.conversations.map((c) => (
                  <ConversationRow key={c.id} conversation={c} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}

function ConversationRow({ conversation: c }: { conversation: ConversationSummary }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const unread = c.unread > 0;
  return (
    <li className={`hb-conversations__item${unread ? ' hb-conversations__item--unread' : ''}`}>
      <Link to={conversationPath(c.id)} className="hb-conversations__link">
        {unread && <span className="hb-visually-hidden">{t('dialog.unreadMark')} </span>}
        {c.subject}
      </Link>
      <p className="hb-conversations__meta">
        <span>{c.serviceUnit.name}</span>
        <span className="hb-hint">{t('dialog.lastActivity', { date: dateTime(c.lastMessageAt) })}</span>
        {c.status === 'closed' && <span className="hb-tag">{t('dialog.statusClosed')}</span>}
        {unread && <span className="hb-badge">{t('dialog.unread', { count: c.unread })}</span>}
      </p>
    </li>
  );
}
