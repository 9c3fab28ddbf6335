import type { ActorKind, SessionResponse } from '@helsebro/contracts';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { LogoutForm } from './LogoutForm.tsx';
import { startPath } from './start-path.ts';

export type ShellArea = 'public' | ActorKind;

type ShellProps = {
  area: ShellArea;
  /** The session when known; the header then shows who is logged in and "Logg ut". */
  session?: SessionResponse | undefined;
  /** Shown under the header's top row on every page of a shell: whom the citizen acts for, the shell's menu. */
  context?: ReactNode;
  children: ReactNode;
};

/**
 * The frame of every page: skip link, header (brand, who is logged in, language, logout), main and footer.
 * The three shells differ in their name and accent colour, so staff see at a glance which one they are in.
 */
export function Shell({ area, session, context, children }: ShellProps) {
  const { t } = useTranslation();
  const user = session?.authenticated ? session.user : null;
  // On a phone the citizen's header is one row with a "Meny" button (a disclosure, WAI-ARIA APG) holding who is
  // logged in, the language and "Logg ut", so the page's heading is in view without scrolling (issue 15).
  const compact = area === 'citizen' && user !== null;
  const [menuOpen, setMenuOpen] = useState(false);
  const innerClass = user ? (compact ? ' hb-header__inner--compact' : '') : ' hb-header__inner--public';
  return (
    <div className={`hb-shell hb-shell--${area}`}>
      <a className="hb-skip-link" href="#main">
        {t('common.skipLink')}
      </a>
      <header className="hb-header">
        <div className={`hb-container hb-header__inner${innerClass}`}>
          <nav className="hb-header__nav" aria-label={t('common.mainNav')}>
            <Link to="/" className="hb-brand">
              <BrandMark />
              <span>{t('common.appName')}</span>
            </Link>
            {area !== 'public' && (
              <Link to={startPath(area)} className="hb-header__area" aria-current="page">
                {t(`shell.${area}`)}
              </Link>
            )}
          </nav>
          {compact && (
            <button
              type="button"
              className="hb-header__menu-button"
              aria-expanded={menuOpen}
              aria-controls="hb-header-tools"
              onClick={() => setMenuOpen((open) => !open)}
            >
              {t('compactHeader.menu')}
            </button>
          )}
          <div id="hb-header-tools" className={`hb-header__tools${menuOpen ? ' hb-header__tools--open' : ''}`}>
            {user && (
              <p className="hb-header__user">
                <span className="hb-visually-hidden">{t('common.loggedInAs')} </span>
                <span className="hb-header__name">{user.displayName}</span>
                {user.municipality && area !== 'citizen' && (
                  <span className="hb-header__municipality">{user.municipality.name}</span>
                )}
              </p>
            )}
            <LanguageSwitcher />
            {user && <LogoutForm csrfToken={session?.csrfToken ?? null} />}
          </div>
        </div>
        {context}
      </header>
      <main id="main" className="hb-main" tabIndex={-1}>
        <div className="hb-container">{children}</div>
      </main>
      <footer className="hb-footer">
        <div className="hb-container">
          <p>{t('common.footerText')}</p>
          <p>{t('common.footerLicense')}</p>
        </div>
      </footer>
    </div>
  );
}

function BrandMark() {
  return (
    <svg className="hb-brand__mark" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="6" fill="currentColor" />
      <path d="M7 20c4-8 14-8 18 0" fill="none" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
      <path d="M9 24h14" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}
