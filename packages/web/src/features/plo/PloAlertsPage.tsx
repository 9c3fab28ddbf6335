import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePloAlerts } from '../../api/plo-console-queries.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Loading } from '../../components/PageStatus.tsx';
import { Pager } from '../../components/Pager.tsx';
import { RequireKind, type SignedInSession } from '../../components/RequireKind.tsx';
import { StaffShell } from '../staff/StaffShell.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useFormatters } from '../../components/useFormatters.ts';
import { alertKindLabel } from './alert-labels.ts';
import { ConsoleError } from './ConsoleError.tsx';
import { StateTabs, useTabbedList } from './StateTabs.tsx';
import { typeLabel } from './labels.ts';

/** `/ansatt/meldinger/varsler`: the organisation's alerts about its messages (issue 14), paged. */
export function PloAlertsPage() {
  return <RequireKind kind="personnel">{(session) => <Alerts session={session} />}</RequireKind>;
}

function Alerts({ session }: { session: SignedInSession }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  useDocumentTitle(t('ploAlerts.title'));
  const { state, page, hrefOf, goToPage } = useTabbedList(['active', 'closed'] as const, 'lukket');
  const list = usePloAlerts({ state, page });
  const data = list.data;
  return (
    <StaffShell session={session}>
      <p className="hb-back">
        <Link to="/ansatt/meldinger" className="hb-back__link">
          {t('ploAlerts.back')}
        </Link>
      </p>
      <PageHeading>{t('ploAlerts.title')}</PageHeading>
      <p className="hb-lead">{t('ploAlerts.lead')}</p>
      {data && (
        <p>
          {data.messageResponsible?.email
            ? t('ploAlerts.emailTo', { name: data.messageResponsible.name, email: data.messageResponsible.email })
            : t('ploAlerts.noEmail')}
        </p>
      )}
      <StateTabs
        label={t('ploAlerts.show')}
        states={['active', 'closed'] as const}
        current={state}
        href={hrefOf}
        text={(s) => t(`ploAlerts.${s}`)}
      />
      <div aria-busy={list.isFetching}>
        {data ? (
          <>
            {state === 'active' && (
              <p role="status">
                {t('ploAlerts.counts', { open: data.counts.open, acknowledged: data.counts.acknowledged })}
              </p>
            )}
            {data.alerts.length === 0 ? (
              <p className="hb-empty">{t(state === 'closed' ? 'ploAlerts.emptyClosed' : 'ploAlerts.empty')}</p>
            ) : (
              <div className="hb-table-scroll" role="region" aria-label={t('ploAlerts.caption')} tabIndex={0}>
                <table className="hb-table hb-plo-table">
                  <caption>{t('ploAlerts.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('ploAlerts.kindColumn')}</th>
                      <th scope="col">{t('ploAlerts.messageColumn')}</th>
                      <th scope="col">{t('ploAlerts.when')}</th>
                      <th scope="col">{t('ploAlerts.stateColumn')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.alerts.map((a) => (
                      <tr key={a.id} data-severity={a.severity}>
                        <td>
                          <strong>{t(`ploAlerts.severity.${a.severity}`)}:</strong>{' '}
                          <Link to={`/ansatt/meldinger/varsler/${a.id}`}>{alertKindLabel(t, a)}</Link>
                        </td>
                        <td>
                          {a.message ? typeLabel(t, a.message.msgType, a.message.typeName) : '–'}
                          {a.partner && a.message ? ` → ${a.partner.name}` : ''}
                          <br />
                          {a.service.name}
                        </td>
                        <td>{fmt.dateTime(a.raisedAt)}</td>
                        <td>{t(`ploAlerts.state.${a.state}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <Pager page={data.page} total={data.total} pageSize={data.pageSize} onPage={goToPage} />
          </>
        ) : list.isPending ? (
          <Loading />
        ) : (
          <ConsoleError error={list.error} onRetry={() => void list.refetch()} />
        )}
      </div>
    </StaffShell>
  );
}
