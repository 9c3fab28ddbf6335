import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { STAFF_CALENDAR_PATH } from './paths.ts';

/** The way from the workspace to the units' calendar. */
export function CalendarLinkPanel() {
  const { t } = useTranslation();
  return (
    <section className="hb-panel hb-cal-link" aria-labelledby="calendar-link-heading">
      <h2 id="calendar-link-heading" className="hb-panel__heading">
        <Link to={STAFF_CALENDAR_PATH}>{t('staffCalendar.workspaceLink')}</Link>
      </h2>
      <p>{t('staffCalendar.workspaceLinkText')}</p>
    </section>
  );
}
