import type { PloConsoleBox, PloConsoleListQuery, PloConsoleService } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import Select from '@helsenorge/designsystem-react/components/Select';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePloAlerts, usePloList, usePloRejected, usePloServices } from '../../api/plo-console-queries.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Loading } from '../../components/PageStatus.tsx';
import { RequireKind, type SignedInSession } from '../../components/RequireKind.tsx';
import { StaffShell } from '../staff/StaffShell.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { ConsoleError } from './ConsoleError.tsx';
import { ploInboxStates, ploMessageTypes, ploOutgoingStatuses } from '@helsebro/contracts/constants';
import { typeLabel } from './labels.ts';
import { PLO_REJECTED_PATH } from './paths.ts';
import { MessageList } from './MessageList.tsx';

/** `/ansatt/meldinger`: the message console's inbox and outbox per service. */
export function PloMessagesPage() {
  return <RequireKind kind="personnel">{(session) => <Messages session={session} />}</RequireKind>;
}

function Messages({ session }: { session: SignedInSession }) {
  const { t } = useTranslation();
  useDocumentTitle(t('ploConsole.title'));
  const services = usePloServices();
  const list = services.data?.services;
  const alerts = usePloAlerts({ state: 'active', page: 1 });
  const open = alerts.data ? alerts.data.counts.open + alerts.data.counts.acknowledged : 0;
  const rejected = usePloRejected({ state: 'open', page: 1 });
  return (
    <StaffShell session={session}>
      <p className="hb-back">
        <Link to="/ansatt" className="hb-back__link">
          {t('ploConsole.back')}
        </Link>
      </p>
      <PageHeading>{t('ploConsole.title')}</PageHeading>
      <p className="hb-lead">{t('ploConsole.lead')}</p>
      {(alerts.data || rejected.data) && (
        <ul className="hb-plo-links">
          {alerts.data && (
            <li>
              <Link to="/ansatt/meldinger/varsler">{t('ploAlerts.link', { count: open })}</Link>
            </li>
          )}
          {rejected.data && (
            <li>
              <Link to={PLO_REJECTED_PATH}>{t('ploRejected.link', { count: rejected.data.openCount })}</Link>
            </li>
          )}
        </ul>
      )}
      {list ? (
        list.length === 0 ? (
          <p className="hb-empty">{t('ploConsole.noServices')}</p>
        ) : (
          <Boxes services={list} />
        )
      ) : services.isPending ? (
        <Loading />
      ) : (
        <ConsoleError error={services.error} onRetry={() => void services.refetch()} />
      )}
    </StaffShell>
  );
}

/** Service picker (when there is more than one), the two boxes as tabs, filters, the list and its pages. */
function Boxes({ services }: { services: PloConsoleService[] }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const service = services.find((s) => s.herId === params.get('tjeneste')) ?? services[0]!;
  const box: PloConsoleBox = params.get('boks') === 'utboks' ? 'outbox' : 'inbox';
  const type = ploMessageTypes.find((x) => x === params.get('type'));
  const statuses: readonly string[] = box === 'inbox' ? ploInboxStates : ploOutgoingStatuses;
  const status = statuses.find((x) => x === params.get('status')) as PloConsoleListQuery['status'];
  // Cursors of the pages seen, so "Nyere" goes back; reset whenever the service, box or filter changes.
  const [pages, setPages] = useState<{ key: string; cursors: string[] }>({ key: '', cursors: [] });
  const key = `${service.herId}|${box}|${type ?? ''}|${status ?? ''}`;
  const cursors = pages.key === key ? pages.cursors : [];
  const cursor = cursors[cursors.length - 1];
  const query: PloConsoleListQuery = {
    ...(type ? { type } : {}),
    ...(status ? { status } : {}),
    ...(cursor ? { cursor } : {}),
  };
  const list = usePloList(service.herId, box, query);

  const go = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) {
        merged.set(k, v);
      } else {
        merged.delete(k);
      }
    }
    setParams(merged);
  };
  const tab = (b: PloConsoleBox) => {
    const p = new URLSearchParams({ tjeneste: service.herId, ...(b === 'outbox' ? { boks: 'utboks' } : {}) });
    return `?${p.toString()}`;
  };
  const caption = t(box === 'inbox' ? 'ploConsole.inboxCaption' : 'ploConsole.outboxCaption', {
    service: service.name,
  });

  return (
    <>
      {services.length > 1 && (
        <div className="hb-plo-service">
          <Select
            selectId="plo-service"
            label={t('ploConsole.service')}
            value={service.herId}
            onChange={(e) => go({ tjeneste: e.target.value, type: undefined, status: undefined })}
          >
            {services.map((s) => (
              <option key={s.herId} value={s.herId}>
                {s.newCount > 0 ? t('ploConsole.serviceOption', { name: s.name, count: s.newCount }) : s.name}
              </option>
            ))}
          </Select>
        </div>
      )}
      <nav className="hb-plo-tabs" aria-label={t('ploConsole.boxes')}>
        <ul>
          {(['inbox', 'outbox'] as const).map((b) => (
            <li key={b}>
              <Link to={tab(b)} className="hb-plo-tabs__tab" aria-current={b === box ? 'page' : undefined}>
                {t(`ploConsole.${b}`)}
                {b === 'inbox' && service.newCount > 0 && (
                  <span className="hb-plo-tabs__badge">{t('ploConsole.newBadge', { count: service.newCount })}</span>
                )}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="hb-plo-filters" role="group" aria-label={t('ploConsole.filters')}>
        <Select
          selectId="plo-type"
          label={t('ploConsole.type')}
          value={type ?? ''}
          onChange={(e) => go({ type: e.target.value || undefined })}
        >
          <option value="">{t('ploConsole.allTypes')}</option>
          {ploMessageTypes.map((x) => (
            <option key={x} value={x}>
              {typeLabel(t, x, null)}
            </option>
          ))}
        </Select>
        <Select
          selectId="plo-status"
          label={t('ploConsole.status')}
          value={status ?? ''}
          onChange={(e) => go({ status: e.target.value || undefined })}
        >
          <option value="">{t('ploConsole.allStatuses')}</option>
          {statuses.map((x) => (
            <option key={x} value={x}>
              {box === 'inbox' ? t(`ploConsole.state.${x as 'new'}`) : t(`ploConsole.statuses.${x as 'queued'}`)}
            </option>
          ))}
        </Select>
      </div>
      <div className="hb-plo-list" aria-busy={list.isFetching}>
        {list.data ? (
          list.data.items.length === 0 ? (
            <p className="hb-empty">{type || status ? t('ploConsole.emptyFiltered') : t('ploConsole.empty')}</p>
          ) : (
            <MessageList items={list.data.items} box={box} caption={caption} />
          )
        ) : list.isPending ? (
          <Loading />
        ) : (
          <ConsoleError error={list.error} onRetry={() => void list.refetch()} />
        )}
        {(cursors.length > 0 || list.data?.nextCursor) && (
          <div className="hb-plo-pager">
            {cursors.length > 0 && (
              <Button variant="outline" onClick={() => setPages({ key, cursors: cursors.slice(0, -1) })}>
                {t('ploConsole.newer')}
              </Button>
            )}
            {list.data?.nextCursor && (
              <Button
                variant="outline"
                onClick={() => setPages({ key, cursors: [...cursors, list.data?.nextCursor ?? ''] })}
              >
                {t('ploConsole.older')}
              </Button>
            )}
          </div>
        )}
      </div>
    </>
  );
}
