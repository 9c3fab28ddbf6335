import type { JobState, RetryDeadBody } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useJobs, useRetryDeadJobs, useRetryJob } from '../../api/queries.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ErrorPanel, Loading, errorMessage } from '../../components/PageStatus.tsx';
import { RequireKind, type SignedInSession } from '../../components/RequireKind.tsx';
import { Shell } from '../../components/Shell.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useFormatters } from '../../components/useFormatters.ts';
import { DeadGroups } from './DeadGroups.tsx';
import { JobsTable } from './JobsTable.tsx';
import { OperatorNav } from './OperatorNav.tsx';
import { JOB_STATES, OutboxChart } from './OutboxChart.tsx';

/** `/drift`: the operator console. */
export function OperatorConsolePage() {
  return <RequireKind kind="operator">{(session) => <OperatorConsole session={session} />}</RequireKind>;
}

function parseState(value: string | null): JobState | undefined {
  return JOB_STATES.find((s) => s === value);
}

function OperatorConsole({ session }: { session: SignedInSession }) {
  const { t } = useTranslation();
  const { time } = useFormatters();
  const [params, setParams] = useSearchParams();
  const state = parseState(params.get('state'));
  const jobs = useJobs(state);
  const retry = useRetryJob();
  const retryGroup = useRetryDeadJobs();
  const [announcement, setAnnouncement] = useState('');
  useDocumentTitle(t('shell.operator'));

  const setState = (next: JobState | undefined) => {
    setParams(next ? { state: next } : {}, { replace: true });
  };
  const onRetry = (id: number) => {
    setAnnouncement('');
    retry.mutate(id, {
      onSuccess: () => setAnnouncement(t('operator.retried', { id })),
      onError: (err) =>
        setAnnouncement(
          t('operator.retryFailed', {
            id,
            reason: errorMessage(err, t),
          }),
        ),
    });
  };
  const onRetryGroup = (group: RetryDeadBody) => {
    setAnnouncement('');
    retryGroup.mutate(group, {
      onSuccess: ({ retried, refused }) =>
        setAnnouncement(
          [
            t('operator.retriedGroup', { count: retried }),
            refused > 0 ? t('operator.refusedGroup', { count: refused }) : '',
          ]
            .filter(Boolean)
            .join(' '),
        ),
      onError: (err) => setAnnouncement(t('operator.retryGroupFailed', { reason: errorMessage(err, t) })),
    });
  };
  const counts = jobs.data?.counts;

  return (
    <Shell area="operator" session={session} context={<OperatorNav />}>
      <PageHeading>{t('shell.operator')}</PageHeading>
      <section aria-labelledby="outbox-heading">
        <h2 id="outbox-heading" className="hb-section__heading">
          {t('operator.outboxHeading')}
        </h2>
        <p className="hb-lead hb-lead--narrow">{t('operator.outboxLead')}</p>

        {jobs.isPending ? (
          <Loading />
        ) : jobs.isError && !jobs.data ? (
          <ErrorPanel error={jobs.error} onRetry={() => void jobs.refetch()} />
        ) : counts ? (
          <>
            <div className="hb-outbox-summary">
              <OutboxChart counts={counts} />
              <div className="hb-outbox-summary__status">
                {counts.dead > 0 ? (
                  <NotificationPanel variant="error" compactVariant="basic">
                    <p>{t('operator.deadAlert', { count: counts.dead })}</p>
                  </NotificationPanel>
                ) : (
                  <NotificationPanel variant="success" compactVariant="basic">
                    <p>{t('operator.noDead')}</p>
                  </NotificationPanel>
                )}
                <p className="hb-hint">
                  {t('operator.updatedAt', { time: time(new Date(jobs.dataUpdatedAt)) })}{' '}
                  <Button variant="borderless" onClick={() => void jobs.refetch()}>
                    {t('operator.refresh')}
                  </Button>
                </p>
              </div>
            </div>

            <DeadGroups
              groups={jobs.data.deadGroups}
              busy={retryGroup.isPending ? retryGroup.variables : undefined}
              onRetry={onRetryGroup}
            />

            <div className="hb-filter" role="group" aria-label={t('operator.filterLabel')}>
              <FilterButton pressed={state === undefined} onClick={() => setState(undefined)}>
                {t('operator.all')}
              </FilterButton>
              {JOB_STATES.map((s) => (
                <FilterButton key={s} pressed={state === s} onClick={() => setState(s)} state={s}>
                  {t(`jobState.${s}`)} ({counts[s]})
                </FilterButton>
              ))}
            </div>

            <p role="status" className="hb-announcement">
              {announcement}
            </p>

            <JobsTable
              jobs={jobs.data.jobs}
              state={state}
              retryingId={retry.isPending ? (retry.variables ?? null) : null}
              onRetry={onRetry}
            />
          </>
        ) : null}
      </section>
    </Shell>
  );
}

function FilterButton({
  pressed,
  onClick,
  state,
  children,
}: {
  pressed: boolean;
  onClick: () => void;
  state?: JobState;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={`hb-filter__option${state ? ` hb-filter__option--${state}` : ''}`}
      aria-pressed={pressed}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
