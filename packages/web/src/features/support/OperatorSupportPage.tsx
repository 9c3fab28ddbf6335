import type { SupportRequestItem, SupportStatus } from '@helsebro/contracts';
import { SUPPORT_STATUSES } from '@helsebro/contracts/constants';
import Button from '@helsenorge/designsystem-react/components/Button';
import Select from '@helsenorge/designsystem-react/components/Select';
import Textarea from '@helsenorge/designsystem-react/components/Textarea';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnswerSupportRequest, useOperatorSupportQueue } from '../../api/support-queries.ts';
import { Pager } from '../../components/Pager.tsx';
import { ErrorPanel, errorMessage, Loading } from '../../components/PageStatus.tsx';
import { OperatorPage } from '../operator/OperatorNav.tsx';
import { RequestList } from './RequestList.tsx';

/** `/drift/support`: the requests routed to the operator (and only those: seed 000 §5.1), to answer and close. */
export function OperatorSupportPage() {
  const { t } = useTranslation();
  return <OperatorPage title={t('support.operatorTitle')}>{() => <Queue />}</OperatorPage>;
}

function Queue() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<SupportStatus | ''>('open');
  const [page, setPage] = useState(1);
  const queue = useOperatorSupportQueue({ page, status: status || undefined });
  const [notice, setNotice] = useState('');
  return (
    <>
      <p className="hb-lead hb-lead--narrow">{t('support.operatorLead')}</p>
      <Select
        selectId="support-status-filter"
        label={t('support.status')}
        value={status}
        onChange={(e) => {
          setStatus(e.target.value as SupportStatus | '');
          setPage(1);
        }}
      >
        <option value="">{t('support.allStatuses')}</option>
        {SUPPORT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`support.statuses.${s}`)}
          </option>
        ))}
      </Select>
      <p role="status" className="hb-notice">
        {notice}
      </p>
      {queue.isError ? (
        <ErrorPanel error={queue.error} onRetry={() => void queue.refetch()} />
      ) : !queue.data ? (
        <Loading />
      ) : (
        <>
          <RequestList
            items={queue.data.items}
            showMunicipality
            actions={(r) => <Answer request={r} onDone={setNotice} />}
          />
          <Pager page={queue.data.page} total={queue.data.total} pageSize={queue.data.pageSize} onPage={setPage} />
        </>
      )}
    </>
  );
}

function Answer({ request, onDone }: { request: SupportRequestItem; onDone: (notice: string) => void }) {
  const { t } = useTranslation();
  const answer = useAnswerSupportRequest();
  const [reply, setReply] = useState('');
  const [error, setError] = useState<string | undefined>();
  if (request.status === 'closed') {
    return null;
  }
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!reply.trim()) {
      setError(t('support.required'));
      return;
    }
    setError(undefined);
    answer.mutate(
      { id: request.id, reply: reply.trim() },
      {
        onSuccess: () => {
          setReply('');
          onDone(t('support.answered', { title: request.title }));
        },
        onError: (err) => setError(errorMessage(err, t)),
      },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate className="hb-narrow">
      <Textarea
        textareaId={`reply-${request.id}`}
        name="reply"
        label={t('support.replyLabel', { title: request.title })}
        minRows={3}
        maxCharacters={4000}
        value={reply}
        onChange={(e) => setReply(e.target.value)}
        errorText={error}
      />
      <div className="hb-form__actions">
        <Button type="submit" disabled={answer.isPending}>
          {t('support.sendReply')}
        </Button>
        <Button
          type="button"
          variant="outline"
          disabled={answer.isPending}
          onClick={() =>
            answer.mutate(
              { id: request.id },
              {
                onSuccess: () => onDone(t('support.closed', { title: request.title })),
                onError: (err) => setError(errorMessage(err, t)),
              },
            )
          }
        >
          {t('support.close')}
        </Button>
      </div>
    </form>
  );
}
