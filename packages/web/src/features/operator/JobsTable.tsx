import type { JobItem, JobState } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../components/useFormatters.ts';

/** A job kind in words (`plo.message.send` → "Sende PLO-melding"), or its code for a kind without a name yet. */
export function kindName(t: TFunction, kind: string): string {
  return t(`jobKind.${kind.replace(/\./g, '_')}`, { defaultValue: kind });
}

/** A dead job's failure: its cause in plain words, the stored error behind a disclosure for whoever fixes it. */
function Failure({ job }: { job: JobItem }) {
  const { t } = useTranslation();
  if (!job.lastError) {
    return <>–</>;
  }
  if (!job.cause) {
    return <span>{job.lastError}</span>;
  }
  return (
    <>
      <span className="hb-jobcause">{t(`jobCause.${job.cause}`)}</span>
      <details className="hb-joberror">
        <summary>{t('operator.technicalError')}</summary>
        <code>{job.lastError}</code>
      </details>
    </>
  );
}

type JobsTableProps = {
  jobs: JobItem[];
  state: JobState | undefined;
  retryingId: number | null;
  onRetry: (id: number) => void;
};

/**
 * The outbox's jobs as the server sends them; dead jobs stand out with their last error and a retry button.
 * Wide screens get a table, narrow ones a card per job (CSS shows one of the two).
 */
export function JobsTable({ jobs, state, retryingId, onRetry }: JobsTableProps) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const caption = state
    ? t('operator.tableCaptionFiltered', { state: t(`jobState.${state}`) })
    : t('operator.tableCaption');

  if (jobs.length === 0) {
    return (
      <p className="hb-empty">
        {state ? t('operator.emptyFiltered', { state: t(`jobState.${state}`) }) : t('operator.empty')}
      </p>
    );
  }

  return (
    <>
      <JobCards jobs={jobs} caption={caption} retryingId={retryingId} onRetry={onRetry} />
      <div className="hb-table-scroll" role="region" aria-label={t('operator.tableScrollLabel')} tabIndex={0}>
        <table className="hb-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('operator.colId')}</th>
              <th scope="col">{t('operator.colKind')}</th>
              <th scope="col">{t('operator.colState')}</th>
              <th scope="col">{t('operator.colAttempts')}</th>
              <th scope="col">{t('operator.colRunAt')}</th>
              <th scope="col">{t('operator.colUpdated')}</th>
              <th scope="col">{t('operator.colError')}</th>
              <th scope="col">{t('operator.colAction')}</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.id} className={job.state === 'dead' ? 'hb-table__row--dead' : undefined}>
                <th scope="row">{job.id}</th>
                <td>
                  {kindName(t, job.kind)}
                  <br />
                  <code>{job.kind}</code>
                </td>
                <td>
                  <span className={`hb-state hb-state--${job.state}`}>{t(`jobState.${job.state}`)}</span>
                </td>
                <td>{t('operator.attempts', { attempts: job.attempts, max: job.maxAttempts })}</td>
                <td>{job.state === 'ready' || job.state === 'running' ? dateTime(job.runAt) : '–'}</td>
                <td>{dateTime(job.updatedAt)}</td>
                <td className="hb-table__error">
                  <Failure job={job} />
                </td>
                <td className="hb-table__action">
                  {job.state === 'dead' ? <RetryButton id={job.id} retryingId={retryingId} onRetry={onRetry} /> : '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Narrow screens: one card per job, so a dead job's error and its retry button are in view without scrolling. */
function JobCards({ jobs, caption, retryingId, onRetry }: Omit<JobsTableProps, 'state'> & { caption: string }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  return (
    <section className="hb-jobcards" aria-label={caption}>
      <ul>
        {jobs.map((job) => (
          <li key={job.id} className={`hb-jobcard${job.state === 'dead' ? ' hb-jobcard--dead' : ''}`}>
            <p className="hb-jobcard__head">
              <span className="hb-jobcard__id">
                {t('operator.colId')} {job.id}
              </span>
              <span>{kindName(t, job.kind)}</span>
              <span className={`hb-state hb-state--${job.state}`}>{t(`jobState.${job.state}`)}</span>
            </p>
            <dl className="hb-jobcard__facts">
              <div>
                <dt>{t('operator.colAttempts')}</dt>
                <dd>{t('operator.attempts', { attempts: job.attempts, max: job.maxAttempts })}</dd>
              </div>
              <div>
                <dt>{t('operator.colUpdated')}</dt>
                <dd>{dateTime(job.updatedAt)}</dd>
              </div>
              {job.lastError && (
                <div className="hb-jobcard__error">
                  <dt>{t('operator.colError')}</dt>
                  <dd>
                    <Failure job={job} />
                  </dd>
                </div>
              )}
            </dl>
            {job.state === 'dead' && <RetryButton id={job.id} retryingId={retryingId} onRetry={onRetry} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "Prøv igjen", named with the job's number for screen readers, which hear many such buttons in a row. */
function RetryButton({
  id,
  retryingId,
  onRetry,
}: {
  id: number;
  retryingId: number | null;
  onRetry: (id: number) => void;
}) {
  const { t } = useTranslation();
  const busy = retryingId === id;
  return (
    <Button variant="outline" disabled={busy} onClick={() => onRetry(id)}>
      {busy ? t('operator.retrying') : t('operator.retry')}
      <span className="hb-visually-hidden">{` (${t('operator.colId')} ${id})`}</span>
    </Button>
  );
}
