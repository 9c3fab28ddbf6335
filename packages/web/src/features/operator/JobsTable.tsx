import type { JobItem, JobState } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../components/useFormatters.ts';

type JobsTableProps = {
  jobs: JobItem[];
  state: JobState | undefined;
  retryingId: number | null;
  onRetry: (id: number) => void;
};

/** The outbox's jobs, newest first as the server sends them; dead jobs stand out with their last error. */
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
                <code>{job.kind}</code>
              </td>
              <td>
                <span className={`hb-state hb-state--${job.state}`}>{t(`jobState.${job.state}`)}</span>
              </td>
              <td>{t('operator.attempts', { attempts: job.attempts, max: job.maxAttempts })}</td>
              <td>{job.state === 'ready' || job.state === 'running' ? dateTime(job.runAt) : '–'}</td>
              <td>{dateTime(job.updatedAt)}</td>
              <td className="hb-table__error">{job.lastError ? <span>{job.lastError}</span> : '–'}</td>
              <td>
                {job.state === 'dead' ? (
                  <Button variant="outline" disabled={retryingId === job.id} onClick={() => onRetry(job.id)}>
                    {retryingId === job.id ? t('operator.retrying') : t('operator.retry')}
                    <span className="hb-visually-hidden">
                      {' '}
                      ({t('operator.colId')} {job.id})
                    </span>
                  </Button>
                ) : (
                  '–'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
