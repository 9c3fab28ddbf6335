import type { ActingFor } from '@helsebro/contracts';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useConversations } from '../api/dialog-queries.ts';

const LINKS = [
  { to: '/min-side', key: 'citizenNav.home', end: true },
  { to: '/min-side/meldinger', key: 'dialog.nav', end: false },
  { to: '/min-side/timeavtaler', key: 'citizenNav.appointments', end: false },
  { to: '/min-side/besok', key: 'citizenNav.homeVisits', end: false },
  { to: '/min-side/fullmakt', key: 'citizenNav.fullmakt', end: false },
  { to: '/min-side/logg', key: 'citizenNav.accessLog', end: false },
  { to: '/min-side/varsler', key: 'notificationPrefs.nav', end: false },
] as const;

/**
 * The citizen's pages; the current one is marked for screen readers (aria-current) and by its underline.
 * "Meldinger" carries the number of unread messages of the person the user acts for, once known.
 * @param acting - whom the session acts for, when the page knows it
 */
export function CitizenNav({ acting }: { acting?: ActingFor | undefined }) {
  const { t } = useTranslation();
  const readsMessages = acting !== undefined && (acting.basis === 'self' || acting.actions.includes('messages.read'));
  return (
    <nav className="hb-subnav" aria-label={t('citizenNav.label')}>
      <ul className="hb-container hb-subnav__list">
        {LINKS.map((link) => (
          <li key={link.key}>
            <NavLink to={link.to} end={link.end} className="hb-subnav__link">
              {t(link.key)}
              {link.key === 'dialog.nav' && readsMessages && <UnreadCount />}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function UnreadCount() {
  const { t } = useTranslation();
  const conversations = useConversations(true);
  const unread = conversations.data?.conversations.reduce((n, c) => n + c.unread, 0) ?? 0;
  if (unread === 0) {
    return null;
  }
  return (
    <span className="hb-subnav__count" data-testid="unread-count">
      {/* Read as part of the link's name: "Meldinger, 2 uleste". */}
      <span className="hb-visually-hidden">, </span>
      {t('dialog.navUnread', { count: unread })}
    </span>
  );
}
