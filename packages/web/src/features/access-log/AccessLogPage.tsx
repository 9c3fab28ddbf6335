import type { ActingFor } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AccessLogFilter } from '../../api/api-client.ts';
import { isApiError } from '../../api/api-error.ts';
import { useAccessLog } from '../../api/citizen-queries.ts';
import { ACTION_AREA } from '@helsebro/contracts/constants';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { CitizenPage, type CitizenContext } from '../citizen/CitizenPage.tsx';
import { may } from '../citizen/rights.ts';
import { AccessLogEntries } from './AccessLogEntries.tsx';
import { AccessLogFilterForm, type PeriodFilter } from './AccessLogFilterForm.tsx';

const PAGE_SIZE = 20;

/** `/min-side/logg`: "Hvem har sett opplysningene mine" (A8) for the person the user acts for. */
export function AccessLogPage() {
  return <CitizenPage>{(ctx) => <AccessLog {...ctx} />}</CitizenPage>;
}

function AccessLog({ acting }: CitizenContext) {
  const { t } = useTranslation();
  const self = acting.basis === 'self';
  const title = self ? t('accessLog.title') : t('accessLog.titleFor', { name: acting.displayName });
  useDocumentTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="hb-lead">{t('accessLog.lead')}</p>
      {may(acting, 'access_log.read') ? <AccessLogBody acting={acting} /> : <Refused acting={acting} />}
    </>
  );
}

function Refused({ acting }: { acting: ActingFor }) {
  const { t } = useTranslation();
  return (
    <div className="hb-panel hb-panel--refused" data-refused="access_log.read">
      <p className="hb-refused__label">{t('minSide.refusedTitle')}</p>
      <p>
        {t('accessLog.refused', { name: acting.displayName, area: t(`areas.${ACTION_AREA['access_log.read']}.name`) })}
      </p>
    </div>
  );
}

function AccessLogBody({ acting }: { acting: ActingFor }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const period: PeriodFilter = {
    from: params.get('fra') ?? '',
    to: params.get('til') ?? '',
    organisation: params.get('virksomhet') ?? '',
    // Others than the person by default: their own use of Helsebro is not what the log is read for.
    who: params.get('vis') === 'alle' ? 'all' : 'others',
  };
  const filterKey = `${period.from}|${period.to}|${period.organisation}|${period.who}`;
  // The cursors of the pages before this one, so "Forrige side" can go back; a new filter starts again.
  const [pages, setPages] = useState<{ key: string; cursors: string[] }>({ key: filterKey, cursors: [] });
  const cursors = pages.key === filterKey ? pages.cursors : [];
  const filter: AccessLogFilter = {
    ...(period.from ? { from: period.from } : {}),
    ...(period.to ? { to: period.to } : {}),
    ...(period.organisation ? { organisation: period.organisation } : {}),
    who: period.who,
    ...(cursors.length > 0 ? { cursor: cursors[cursors.length - 1] } : {}),
    limit: PAGE_SIZE,
  };
  const log = useAccessLog(filter, true);
  const filtered = Boolean(period.from || period.to || period.organisation);

  const apply = (next: PeriodFilter) => {
    const search = new URLSearchParams();
    if (next.from) {
      search.set('fra', next.from);
    }
    if (next.to) {
      search.set('til', next.to);
    }
    if (next.organisation) {
      search.set('virksomhet', next.organisation);
    }
    if (next.who === 'all') {
      search.set('vis', 'alle');
    }
    setParams(search);
  };
  const goTo = (next: string[]) => {
    setPages({ key: filterKey, cursors: next });
    document.getElementById('log-results')?.focus();
  };

  if (log.isError && isApiError(log.error, 403) && log.error.code === 'service_area_not_granted') {
    return <Refused acting={acting} />;
  }
  return (
    <>
      <AccessLogFilterForm
        key={filterKey}
        period={period}
        organisations={log.data?.organisations ?? []}
        subjectName={acting.basis === 'self' ? null : acting.displayName}
        onApply={apply}
      />
      <section
        id="log-results"
        tabIndex={-1}
        aria-labelledby="log-results-heading"
        aria-busy={log.isFetching}
        className="hb-log-results"
      >
        <h2 id="log-results-heading" className="hb-visually-hidden">
          {filtered ? t('accessLog.captionFiltered') : t('accessLog.caption')}
        </h2>
        {log.isPending ? (
          <Loading />
        ) : log.isError ? (
          <ErrorPanel error={log.error} onRetry={() => void log.refetch()} />
        ) : log.data.entries.length === 0 ? (
          <p className="hb-empty">
            {filtered || cursors.length > 0
              ? t('accessLog.empty')
              : period.who === 'others'
                ? t('accessLog.emptyOthers')
                : t('accessLog.emptyAll')}
          </p>
        ) : (
          <AccessLogEntries
            entries={log.data.entries}
            actingSelf={acting.basis === 'self'}
            caption={filtered ? t('accessLog.captionFiltered') : t('accessLog.caption')}
          />
        )}
        {(cursors.length > 0 || log.data?.nextCursor) && (
          <nav className="hb-pagination" aria-label={t('accessLog.pagination')}>
            <Button
              variant="outline"
              disabled={cursors.length === 0 || log.isFetching}
              onClick={() => goTo(cursors.slice(0, -1))}
            >
              {t('accessLog.previous')}
            </Button>
            <span className="hb-pagination__page" aria-live="polite">
              {t('accessLog.page', { page: cursors.length + 1 })}
            </span>
            <Button
              variant="outline"
              disabled={!log.data?.nextCursor || log.isFetching}
              onClick={() => log.data?.nextCursor && goTo([...cursors, log.data.nextCursor])}
            >
              {t('accessLog.next')}
            </Button>
          </nav>
        )}
      </section>
    </>
  );
}
