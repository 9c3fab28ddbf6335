import type { ActingFor } from '@helsebro/contracts';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import { useTranslation } from 'react-i18next';
import { useServiceNotices } from '../../api/termination-queries.ts';
import { useFormatters } from '../../components/useFormatters.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { may } from './rights.ts';

/**
 * Tells the person that a service of their municipality ends, and from which date (seed 000 §6: the municipality
 * informs its citizens; the data stays with the municipality). Nothing when no service is ending, when the read
 * fails (the rest of the page still works) or when the representation does not cover health contacts.
 */
export function ServiceNoticesPanel({ acting }: { acting: ActingFor }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatters();
  const language = currentLanguage(i18n.resolvedLanguage);
  const notices = useServiceNotices(acting.personId, may(acting, 'health_contacts.read'));
  const items = notices.data?.items ?? [];
  if (items.length === 0) {
    return null;
  }
  return (
    <div className="hb-notice">
      <NotificationPanel variant="warn" label={t('termination.citizenHeading')} labelHtmlMarkup="h2">
        {items.map((n) => (
          <p key={`${n.municipalityName}:${n.effectiveDate}:${n.services.map((s) => s.code).join()}`}>
            {t(n.ended ? 'termination.citizenEnded' : 'termination.citizenEnding', {
              municipality: n.municipalityName,
              services: fmt.list(n.services.map((s) => s.name[language])),
              date: fmt.date(n.effectiveDate),
            })}
          </p>
        ))}
        <p>{t('termination.citizenKept')}</p>
      </NotificationPanel>
    </div>
  );
}
