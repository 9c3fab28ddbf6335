import type { ConversationResponse } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import Select from '@helsenorge/designsystem-react/components/Select';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  useAssignConversation,
  useCloseConversation,
  useStaffConversation,
  useStaffReply,
  useUnitStaff,
} from '../../api/dialog-queries.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { RequireKind, type SignedInSession } from '../../components/RequireKind.tsx';
import { StaffShell } from '../staff/StaffShell.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { MessageComposer } from '../dialog/MessageComposer.tsx';
import { MessageThread } from '../dialog/MessageThread.tsx';
import { staffInboxPath, STAFF_INBOX_PATH } from '../dialog/paths.ts';

/** `/ansatt/innboks/:id`: a conversation for staff: read (marks the citizen's messages read), reply, assign, close. */
export function StaffConversationPage() {
  return <RequireKind kind="personnel">{(session) => <StaffConversation session={session} />}</RequireKind>;
}

function StaffConversation({ session }: { session: SignedInSession }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const conversation = useStaffConversation(id);
  const data = conversation.data;
  useDocumentTitle(data?.conversation.subject ?? t('staffInbox.title'));
  return (
    <StaffShell session={session}>
      <p className="hb-back">
        <Link to={data ? staffInboxPath(data.conversation.serviceUnit.id) : STAFF_INBOX_PATH} className="hb-back__link">
          {t('staffInbox.back')}
        </Link>
      </p>
      {data ? (
        <ConversationView id={id} data={data} />
      ) : conversation.isPending ? (
        <Loading />
      ) : (
        <>
          <PageHeading>{t('staffInbox.title')}</PageHeading>
          <ErrorPanel error={conversation.error} onRetry={() => void conversation.refetch()} />
        </>
      )}
    </StaffShell>
  );
}

function ConversationView({ id, data }: { id: string; data: ConversationResponse }) {
  const { t } = useTranslation();
  const reply = useStaffReply(id);
  const close = useCloseConversation(id);
  const [notice, setNotice] = useState<string | null>(null);
  const { conversation: c, messages } = data;
  const closed = c.status === 'closed';
  return (
    <div className="hb-staff-conversation">
      <PageHeading>{c.subject}</PageHeading>
      <p className="hb-lead">
        {t('staffInbox.conversationLead', { citizen: c.citizen.displayName, unit: c.serviceUnit.name })}
      </p>
      <div className="hb-notice" role="status">
        {notice && (
          <NotificationPanel variant="success">
            <p>{notice}</p>
          </NotificationPanel>
        )}
      </div>
      <h2 id="thread-heading" className="hb-visually-hidden">
        {t('dialog.messagesHeading')}
      </h2>
      <MessageThread messages={messages} side="unit" unitName={c.serviceUnit.name} headingId="thread-heading" />
      {closed ? (
        <div className="hb-notice">
          <NotificationPanel variant="info">
            <p>{t('staffInbox.isClosed')}</p>
          </NotificationPanel>
        </div>
      ) : (
        <>
          <section className="hb-section" aria-labelledby="reply-heading">
            <h2 id="reply-heading" className="hb-section__heading">
              {t('staffInbox.replyHeading')}
            </h2>
            <MessageComposer
              idPrefix="staff-reply"
              textLabel={t('staffInbox.replyText')}
              textHint={t('staffInbox.replyHint')}
              submitLabel={t('staffInbox.reply')}
              send={(form) => reply.mutateAsync(form)}
              pending={reply.isPending}
              onSent={() => setNotice(t('staffInbox.replySent'))}
            />
          </section>
          <div className="hb-grid-2">
            <AssignForm id={id} data={data} onDone={setNotice} />
            <section className="hb-panel" aria-labelledby="close-heading">
              <h2 id="close-heading" className="hb-panel__heading">
                {t('staffInbox.closeHeading')}
              </h2>
              <p>{t('staffInbox.closeText')}</p>
              {close.isError && <ErrorPanel error={close.error} />}
              <Button
                variant="outline"
                disabled={close.isPending}
                onClick={() => close.mutate(undefined, { onSuccess: () => setNotice(t('staffInbox.closed')) })}
              >
                {t('staffInbox.close')}
              </Button>
            </section>
          </div>
        </>
      )}
    </div>
  );
}

/** Assign the conversation to a colleague in the unit (or to nobody). */
function AssignForm({
  id,
  data,
  onDone,
}: {
  id: string;
  data: ConversationResponse;
  onDone: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const staff = useUnitStaff(data.conversation.serviceUnit.id);
  const assign = useAssignConversation(id);
  const [chosen, setChosen] = useState(data.conversation.assignedTo?.personnelId ?? '');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    assign.mutate(chosen || null, {
      onSuccess: (res) =>
        onDone(
          res.conversation.assignedTo
            ? t('staffInbox.assigned', { name: res.conversation.assignedTo.displayName })
            : t('staffInbox.unassigned'),
        ),
    });
  };
  return (
    <section className="hb-panel" aria-labelledby="assign-heading">
      <h2 id="assign-heading" className="hb-panel__heading">
        {t('staffInbox.assignHeading')}
      </h2>
      {staff.isError ? (
        <ErrorPanel error={staff.error} onRetry={() => void staff.refetch()} />
      ) : (
        <form className="hb-form" noValidate onSubmit={onSubmit}>
          <Select
            selectId="assignee"
            name="assignee"
            label={t('staffInbox.assignLabel')}
            value={chosen}
            onChange={(e) => setChosen(e.target.value)}
            disabled={staff.isPending}
          >
            <option value="">{t('staffInbox.assignNobody')}</option>
            {(staff.data?.staff ?? []).map((s) => (
              <option key={s.personnelId} value={s.personnelId}>
                {s.displayName}
              </option>
            ))}
          </Select>
          {assign.isError && <ErrorPanel error={assign.error} />}
          <div className="hb-form__actions">
            <Button type="submit" variant="outline" disabled={assign.isPending || staff.isPending}>
              {t('staffInbox.assign')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
