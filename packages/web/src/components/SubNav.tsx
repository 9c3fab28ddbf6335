import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

export type SubNavLink = { to: string; key: string; end: boolean };

/**
 * A shell's menu of pages under the header; the current one is marked for screen readers (aria-current) and by
 * its underline.
 * @param labelKey - the text key naming the menu (a page can have several navigation landmarks)
 * @param links - the pages, each with the text key of its name; `end` when only the exact path is current
 */
export function SubNav({ labelKey, links }: { labelKey: string; links: readonly SubNavLink[] }) {
  const { t } = useTranslation();
  return (
    <nav className="hb-subnav" aria-label={t(labelKey)}>
      <ul className="hb-container hb-subnav__list">
        {links.map((link) => (
          <li key={link.key}>
            <NavLink to={link.to} end={link.end} className="hb-subnav__link">
              {t(link.key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
