import type { Termination } from '@helsebro/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../components/useFormatters.ts';
import { currentLanguage } from '../../i18n/index.ts';

type Named = { code: string; name: { nb: string; nn: string; en: string } };

/**
 * Service codes named in the reader's language, from a catalogue's or a municipality's areas (not loaded yet: none).
 * @returns the names by code, and `nameOf` that falls back to the code
 */
export function useServiceNames(areas: { services: Named[] }[] | undefined) {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.resolvedLanguage);
  const names = new Map(areas?.flatMap((a) => a.services.map((s) => [s.code, s.name[language]] as const)));
  return { names, nameOf: (code: string) => names.get(code) ?? code };
}

/**
 * Notices and wind-down notices as a table: what, which services, given, effective, status and why; the
 * operator's list adds the municipality.
 * @param nameOf - a service code's name in the reader's language (the code where it is not known)
 */
export function TerminationsTable({
  items,
  caption,
  nameOf,
  withMunicipality = false,
}: {
  items: Termination[];
  caption: string;
  nameOf: (code: string) => string;
  withMunicipality?: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <div className="hb-table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="hb-table">
        <caption className="hb-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {withMunicipality && <th scope="col">{t('termination.municipalityColumn')}</th>}
            <th scope="col">{t('termination.kindColumn')}</th>
            <th scope="col">{t('termination.servicesColumn')}</th>
            <th scope="col">{t('termination.noticeDateColumn')}</th>
            <th scope="col">{t('termination.effectiveDateColumn')}</th>
            <th scope="col">{t('termination.statusColumn')}</th>
            <th scope="col">{t('termination.reasonColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((n) => (
            <tr key={n.id}>
              {withMunicipality && <th scope="row">{n.municipalityName}</th>}
              <td>{t(`termination.kind.${n.kind}`)}</td>
              <td>{fmt.list(n.services.map(nameOf))}</td>
              <td>{fmt.date(n.noticeDate)}</td>
              <td>{fmt.date(n.effectiveDate)}</td>
              <td>
                {n.endedAt
                  ? t('termination.status.ended', { date: fmt.date(n.effectiveDate) })
                  : t('termination.status.pending')}
              </td>
              <td>
                {n.reason}
                {n.instructionReference && (
                  <>
                    <br />
                    {t('termination.instruction', { reference: n.instructionReference })}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
