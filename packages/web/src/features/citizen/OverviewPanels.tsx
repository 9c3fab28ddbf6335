import type { ActingFor } from '@helsebro/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppointments } from '../../api/appointment-queries.ts';
import { useConversations } from '../../api/dialog-queries.ts';
import { useLetters } from '../../api/letters-queries.ts';
import { LETTERS_PATH } from '../letters/paths.ts';
import { useMyServices } from '../../api/services-queries.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { splitAppointments } from '../appointments/appointment-format.ts';
import { APPOINTMENTS_PATH } from '../appointments/paths.ts';
import { useAppointmentFormat } from '../appointments/useAppointmentFormat.ts';
import { MESSAGES_PATH } from '../dialog/paths.ts';
import { may } from './rights.ts';

/**
 * The overview's first panels (issue 15): what comes next and what waits to be read, each linking to its page.
 * A panel is left out where the representation or the municipality's services do not cover it (seed 000 §5.1);
 * the rights panel above already says what the user may do for someone else.
 */
export function OverviewPanels({ acting }: { acting: ActingFor }) {
  const services = useMyServices(true, acting.personId);
  // Until the answer is known every panel shows, as the menu does, so a slow answer hides nothing.
  const active = (code: string) => !services.data || services.data.services.includes(code);
  const readsAppointments = may(acting, 'appointments.read') || may(acting, 'home_visits.read');
  return (
    <>
      {readsAppointments && active('appointments.view') && <NextAppointmentPanel acting={acting} />}
      {may(acting, 'messages.read') && active('dialog') && <MessagesPanel acting={acting} />}
      {may(acting, 'letters.read') && active('letters') && <LettersPanel acting={acting} />}
      {/* Open forms get their panel here once Helsebro has them. */}
    </>
  );
}

/**
 * One overview panel: its heading, what its query says (or loading, or the error with a retry), and the link to
 * the page it summarises.
 */
function OverviewPanel<T>({
  id,
  heading,
  query,
  href,
  linkText,
  children,
}: {
  id: string;
  heading: string;
  query: UseQueryResult<T>;
  href: string;
  linkText: string;
  children: (data: T) => ReactNode;
}) {
  return (
    <section className="hb-panel hb-panel--overview" aria-labelledby={id}>
      <h2 id={id} className="hb-panel__heading">
        {heading}
      </h2>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        children(query.data)
      )}
      <ButtonLink href={href} variant="outline" arrow="icon">
        {linkText}
      </ButtonLink>
    </section>
  );
}

function NextAppointmentPanel({ acting }: { acting: ActingFor }) {
  const { t } = useTranslation();
  const f = useAppointmentFormat();
  const list = useAppointments(true);
  const self = acting.basis === 'self';
  return (
    <OverviewPanel
      id="next-heading"
      heading={t('overview.nextHeading')}
      query={list}
      href={APPOINTMENTS_PATH}
      linkText={t('overview.allAppointments')}
    >
      {(data) => {
        const next = splitAppointments(data, new Date()).upcoming[0];
        if (!next) {
          return <p>{self ? t('overview.nextNone') : t('overview.nextNoneFor', { name: acting.displayName })}</p>;
        }
        return (
          <div className="hb-overview__next" data-testid="next-appointment">
            <p className="hb-panel__big">
              {t('overview.when', { day: f.day(next.localDate), time: f.time(next.localDate, next.localTime) })}
            </p>
            <p>
              {next.type.name}, {next.unit.name}
              {next.location && next.location !== next.unit.name && <>, {next.location}</>}
            </p>
          </div>
        );
      }}
    </OverviewPanel>
  );
}

function MessagesPanel({ acting }: { acting: ActingFor }) {
  const { t } = useTranslation();
  const conversations = useConversations(true);
  const self = acting.basis === 'self';
  const name = acting.displayName;
  return (
    <OverviewPanel
      id="messages-heading"
      heading={t('overview.messagesHeading')}
      query={conversations}
      href={MESSAGES_PATH}
      linkText={t('overview.toMessages')}
    >
      {(data) => {
        const unread = data.conversations.reduce((n, c) => n + c.unread, 0);
        return (
          <p className={unread > 0 ? 'hb-panel__big' : undefined} data-testid="overview-unread">
            {unread === 0
              ? self
                ? t('overview.noUnread')
                : t('overview.noUnreadFor', { name })
              : self
                ? t('overview.unread', { count: unread })
                : t('overview.unreadFor', { count: unread, name })}
          </p>
        );
      }}
    </OverviewPanel>
  );
}

function LettersPanel({ acting }: { acting: ActingFor }) {
  const { t } = useTranslation();
  const letters = useLetters(1, true);
  const self = acting.basis === 'self';
  const name = acting.displayName;
  return (
    <OverviewPanel
      id="letters-overview-heading"
      heading={t('letters.overviewHeading')}
      query={letters}
      href={LETTERS_PATH}
      linkText={t('letters.toLetters')}
    >
      {(data) => (
        <p className={data.unread > 0 ? 'hb-panel__big' : undefined} data-testid="overview-unread-letters">
          {data.unread === 0
            ? self
              ? t('letters.overviewNone')
              : t('letters.overviewNoneFor', { name })
            : self
              ? t('letters.overviewUnread', { count: data.unread })
              : t('letters.overviewUnreadFor', { count: data.unread, name })}
        </p>
      )}
    </OverviewPanel>
  );
}
