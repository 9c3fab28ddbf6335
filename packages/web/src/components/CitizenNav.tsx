import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

const LINKS = [
  { to: '/min-side', key: 'home', end: true },
  { to: '/min-side/fullmakt', key: 'fullmakt', end: false },
  { to: '/min-side/logg', key: 'accessLog', end: false },
] as const;

/** The citizen's pages; the current one is marked for screen readers (aria-current) and by its underline. */
export function CitizenNav() {
  const { t } = useTranslation();
  return (
    <nav className="hb-subnav" aria-label={t('citizenNav.label')}>
      <ul className="hb-container hb-subnav__list">
        {LINKS.map((link) => (
          <li key={link.key}>
            <NavLink to={link.to} end={link.end} className="hb-subnav__link">
              {t(`citizenNav.${link.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
