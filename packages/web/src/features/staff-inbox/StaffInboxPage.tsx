import type { ConversationSummary, StaffDialogUnitsResponse } from '@helsebro/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useStaffDialogUnits, useStaffInbox } from '../../api/dialog-queries.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { RequireKind, type SignedInSession } from '../../components/RequireKind.tsx';
import { StaffShell } from '../staff/StaffShell.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useFormatters } from '../../components/useFormatters.ts';
import { staffConversationPath, staffInboxPath } from '../dialog/paths.ts';

type StaffUnit = StaffDialogUnitsResponse['units'][number];

/** `/ansatt/innboks`: the staff member's units with unread counts, and the chosen unit's inbox (A3). */
export function StaffInboxPage() {
  return <RequireKind kind="personnel">{(session) => <StaffInbox session={session} />}</RequireKind>;
}

function StaffInbox({ session }: { session: SignedInSession }) {
  const { t } = useTranslation();
  useDocumentTitle(t('staffInbox.title'));
  const [params] = useSearchParams();
  const units = useStaffDialogUnits();
  const list = units.data?.units ?? [];
  // With one unit there is nothing to choose.
  const chosen = list.find((u) => u.id === params.get('enhet')) ?? (list.length === 1 ? list[0] : undefined);
  return (
    <StaffShell session={session}>
      <p className="hb-back">
        <Link to="/ansatt" className="hb-back__link">
          {t('shell.personnel')}
        </Link>
      </p>
      <PageHeading>{t('staffInbox.title')}</PageHeading>
      <p className="hb-lead">{t('staffInbox.lead')}</p>
      {units.isPending ? (
        <Loading />
      ) : units.isError ? (
        <ErrorPanel error={units.error} onRetry={() => void units.refetch()} />
      ) : list.length === 0 ? (
        <p className="hb-empty">{t('staffInbox.panelNone')}</p>
      ) : (
        <div className="hb-inbox-layout">
          <UnitList units={list} current={chosen?.id ?? null} />
          {chosen ? <UnitInbox unit={chosen} /> : <p className="hb-empty">{t('staffInbox.chooseUnit')}</p>}
        </div>
      )}
    </StaffShell>
  );
}

/** The staff member's units, each a link to its inbox with its unread count. */
export function UnitList({
  units,
  current,
  showHeading = true,
}: {
  units: StaffUnit[];
  current: string | null;
  /** Off inside a panel whose own heading already says what the list is. */
  showHeading?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <nav className="hb-inbox-units" aria-label={t('staffInbox.unitsLabel')}>
      {showHeading && <h2 className="hb-section__heading">{t('staffInbox.unitsHeading')}</h2>}
      <ul>
        {units.map((u) => (
          <li key={u.id}>
            <Link
              to={staffInboxPath(u.id)}
              className="hb-inbox-units__link"
              aria-current={u.id === current ? 'page' : undefined}
            >
              <span className="hb-inbox-units__name">{u.name}</span>
              {u.unread > 0 && (
                <span className="hb-badge">
                  <span className="hb-visually-hidden">, </span>
                  {t('staffInbox.unitUnread', { count: u.unread })}
                </span>
              )}
              {!u.openForDialog && <span className="hb-hint"> ({t('staffInbox.unitClosed')})</span>}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Unread conversations first, then the newest. */
function inboxOrder(a: ConversationSummary, b: ConversationSummary): number {
  if (a.unread > 0 !== b.unread > 0) {
    return a.unread > 0 ? -1 : 1;
  }
  return b.lastMessageAt.localeCompare(a.lastMessageAt);
}

function UnitInbox({ unit }: { unit: StaffUnit }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const inbox = useStaffInbox(unit.id);
  const caption = t('staffInbox.caption', { unit: unit.name });
  return (
    <section className="hb-inbox" aria-labelledby="inbox-heading">
      <h2 id="inbox-heading" className="hb-section__heading">
        {t('staffInbox.inboxHeading', { unit: unit.name })}
      </h2>
      {inbox.isPending ? (
        <Loading />
      ) : inbox.isError ? (
        <ErrorPanel error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : inbox.data.conversations.length === 0 ? (
        <p className="hb-empty">{t('staffInbox.empty')}</p>
      ) : (
        <div className="hb-table-scroll" role="region" aria-label={caption} tabIndex={0}>
          <table className="hb-table hb-inbox__table">
            <caption className="hb-visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staffInbox.colSubject')}</th>
                <th scope="col">{t('staffInbox.colCitizen')}</th>
                <th scope="col">{t('staffInbox.colLast')}</th>
                <th scope="col">{t('staffInbox.colUnread')}</th>
                <th scope="col">{t('staffInbox.colAssigned')}</th>
                <th scope="col">{t('staffInbox.colStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {[...inbox.data.conversations].sort(inboxOrder).map((c) => (
                <tr key={c.id} className={c.unread > 0 ? 'hb-inbox__row--unread' : undefined}>
                  <th scope="row">
                    <Link to={staffConversationPath(c.id)}>{c.subject}</Link>
                  </th>
                  <td>{c.citizen.displayName}</td>
                  <td>{dateTime(c.lastMessageAt)}</td>
                  <td>{c.unread > 0 ? t('staffInbox.unitUnread', { count: c.unread }) : '0'}</td>
                  <td>{c.assignedTo?.displayName ?? t('staffInbox.nobody')}</td>
                  <td>{c.status === 'closed' ? t('staffInbox.statusClosed') : t('staffInbox.statusOpen')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
