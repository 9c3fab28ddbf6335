import type { ActingFor, RepresentedAction } from '@helsebro/contracts';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useConversations } from '../api/dialog-queries.ts';
import { useLetters } from '../api/letters-queries.ts';
import { useMyServices } from '../api/services-queries.ts';
import { may } from '../features/citizen/rights.ts';

const LINKS = [
  { to: '/min-side', key: 'citizenNav.home', end: true },
  { to: '/min-side/meldinger', key: 'dialog.nav', end: false },
  { to: '/min-side/brev', key: 'letters.nav', end: false },
  { to: '/min-side/timeavtaler', key: 'citizenNav.appointments', end: false },
  { to: '/min-side/besok', key: 'citizenNav.homeVisits', end: false },
  { to: '/min-side/fullmakt', key: 'citizenNav.fullmakt', end: false },
  { to: '/min-side/logg', key: 'citizenNav.accessLog', end: false },
  { to: '/min-side/varsler', key: 'notificationPrefs.nav', end: false },
] as const;

/**
 * What a page needs of the representation (any one of these): acting for someone else, a page the representation
 * does not cover is left out of the menu instead of leading to "Ikke tilgjengelig" (issue 15). Min side says what
 * is not covered, and why.
 */
const RIGHTS_OF_LINK: Partial<Record<(typeof LINKS)[number]['key'], readonly RepresentedAction[]>> = {
  'dialog.nav': ['messages.read'],
  // A proxy without «Brev, skjemaer og verktøy» (and a parent of a child of 12 or more) has no letters tab.
  'letters.nav': ['letters.read'],
  'citizenNav.appointments': ['appointments.read', 'home_visits.read'],
  'citizenNav.homeVisits': ['home_visits.read'],
  'citizenNav.accessLog': ['access_log.read'],
};

/** The service a page belongs to: hidden where no municipality serving the person has it active (seed 000 §5.1). */
const SERVICE_OF_LINK: Partial<Record<(typeof LINKS)[number]['key'], string>> = {
  'dialog.nav': 'dialog',
  'letters.nav': 'letters',
  'citizenNav.appointments': 'appointments.view',
  'citizenNav.homeVisits': 'home_visits.completed',
};

/**
 * The citizen's pages; the current one is marked for screen readers (aria-current) and by its underline.
 * "Meldinger" carries the number of unread messages of the person the user acts for, once known.
 * @param acting - whom the session acts for, when the page knows it
 */
export function CitizenNav({ acting }: { acting?: ActingFor | undefined }) {
  const { t } = useTranslation();
  const services = useMyServices(acting !== undefined, acting?.personId);
  // Until the answer is known every link shows, so a slow or failed answer hides nothing the person may use.
  const active = (code: string | undefined) => !code || !services.data || services.data.services.includes(code);
  const covered = (needs: readonly RepresentedAction[] | undefined) =>
    !needs || !acting || needs.some((action) => may(acting, action));
  const shown = (key: (typeof LINKS)[number]['key']) => active(SERVICE_OF_LINK[key]) && covered(RIGHTS_OF_LINK[key]);
  const readsMessages = acting !== undefined && may(acting, 'messages.read');
  const readsLetters = acting !== undefined && may(acting, 'letters.read');
  return (
    <nav className="hb-subnav" aria-label={t('citizenNav.label')}>
      <ul className="hb-container hb-subnav__list">
        {LINKS.filter((link) => shown(link.key)).map((link) => (
          <li key={link.key}>
            <NavLink to={link.to} end={link.end} className="hb-subnav__link">
              {t(link.key)}
              {link.key === 'dialog.nav' && readsMessages && <UnreadCount />}
              {link.key === 'letters.nav' && readsLetters && <UnreadLetters />}
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

/** The number of unopened letters beside «Brev»: "Brev, 1 ulest". */
function UnreadLetters() {
  const { t } = useTranslation();
  const letters = useLetters(1, true);
  const unread = letters.data?.unread ?? 0;
  if (unread === 0) {
    return null;
  }
  return (
    <span className="hb-subnav__count" data-testid="unread-letters">
      <span className="hb-visually-hidden">, </span>
      {t('letters.navUnread', { count: unread })}
    </span>
  );
}
