import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { isApiError } from '../../api/api-error.ts';
import { useConversation, useReply } from '../../api/dialog-queries.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { CitizenPage, type CitizenContext } from '../citizen/CitizenPage.tsx';
import { RefusedPanel } from '../citizen/RefusedPanel.tsx';
import { may } from '../citizen/rights.ts';
import { MessageComposer } from './MessageComposer.tsx';
import { MessageThread } from './MessageThread.tsx';
import { MESSAGES_PATH, NEW_MESSAGE_PATH } from './paths.ts';

/** `/min-side/meldinger/:id`: one conversation, read (which marks the unit's messages read) and answered. */
export function ConversationPage() {
  return <CitizenPage>{(ctx) => <Conversation {...ctx} />}</CitizenPage>;
}

function Conversation({ acting }: CitizenContext) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const allowed = may(acting, 'messages.read');
  const conversation = useConversation(id, allowed);
  const reply = useReply(id);
  const [replied, setReplied] = useState(false);
  const sentTo = (location.state as { sent?: string } | null)?.sent;
  const data = conversation.data;
  useDocumentTitle(data?.conversation.subject ?? t('dialog.title'));

  const back = (
    <p className="hb-back">
      <Link to={MESSAGES_PATH} className="hb-back__link">
        {t('dialog.back')}
      </Link>
    </p>
  );
  if (!allowed || (isApiError(conversation.error, 403) && conversation.error.code === 'service_area_not_granted')) {
    return (
      <>
        {back}
        <PageHeading>{t('dialog.title')}</PageHeading>
        <RefusedPanel acting={acting} action="messages.read" heading={t('dialog.refusedHeading')} />
      </>
    );
  }
  if (!data) {
    return (
      <>
        {back}
        {conversation.isPending ? (
          <Loading />
        ) : (
          <>
            <PageHeading>{t('dialog.title')}</PageHeading>
            <ErrorPanel error={conversation.error} onRetry={() => void conversation.refetch()} />
          </>
        )}
      </>
    );
  }
  const { conversation: c, messages } = data;
  const closed = c.status === 'closed';
  return (
    <div className="hb-narrow">
      {back}
      <PageHeading>{c.subject}</PageHeading>
      <p className="hb-lead">
        {t('dialog.threadWith', { unit: c.serviceUnit.name })} ·{' '}
        {t('dialog.expectShort', { count: data.expectedResponseWorkingDays })}
      </p>
      {sentTo && !replied && (
        <div className="hb-notice" role="status">
          <NotificationPanel variant="success">
            <p>{t('dialog.sent', { unit: sentTo })}</p>
          </NotificationPanel>
        </div>
      )}
      {/* Once the automatic reply is a message in the thread, it is not repeated above it. */}
      {data.autoReply && !messages.some((m) => m.automatic) && (
        <aside className="hb-autoreply" aria-label={t('dialog.autoReplyLabel', { unit: c.serviceUnit.name })}>
          <p className="hb-composer__autoreply-label">{t('dialog.autoReplyLabel', { unit: c.serviceUnit.name })}</p>
          <p>{data.autoReply}</p>
        </aside>
      )}
      <h2 id="thread-heading" className="hb-visually-hidden">
        {t('dialog.messagesHeading')}
      </h2>
      <MessageThread messages={messages} side="citizen" unitName={c.serviceUnit.name} headingId="thread-heading" />
      {replied && (
        <div className="hb-notice" role="status">
          <NotificationPanel variant="success">
            <p>{t('dialog.replySent')}</p>
          </NotificationPanel>
        </div>
      )}
      {closed ? (
        <div className="hb-notice">
          <NotificationPanel variant="info">
            <p>{t('dialog.closedNotice', { unit: c.serviceUnit.name })}</p>
            {may(acting, 'messages.send') && (
              <ButtonLink href={NEW_MESSAGE_PATH} variant="outline">
                {t('dialog.startNew')}
              </ButtonLink>
            )}
          </NotificationPanel>
        </div>
      ) : may(acting, 'messages.send') ? (
        <section className="hb-section" aria-labelledby="reply-heading">
          <h2 id="reply-heading" className="hb-section__heading">
            {t('dialog.replyHeading')}
          </h2>
          <MessageComposer
            idPrefix="reply"
            textLabel={t('dialog.replyText')}
            submitLabel={t('dialog.reply')}
            send={(form) => reply.mutateAsync(form)}
            pending={reply.isPending}
            onSent={() => setReplied(true)}
          />
        </section>
      ) : null}
    </div>
  );
}
