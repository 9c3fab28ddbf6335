import type { MunicipalService, MunicipalityServices, ServiceHistoryPage } from '@helsebro/contracts';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useServiceHistory } from '../../api/services-queries.ts';
import { Pager } from '../../components/Pager.tsx';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';

type Lang = 'nb' | 'nn' | 'en';
/** The catalogue's own names are data in three languages (seed 000 §2); the page picks the reader's. */
export const useLang = (): Lang => {
  const { i18n } = useTranslation();
  return (['nb', 'nn', 'en'] as const).find((l) => i18n.language.startsWith(l)) ?? 'nb';
};

/**
 * The catalogue's areas, one table each, with every service's status in the municipality and whether its EPJ
 * system supports it. `areaAction` and `action` add what the reader may do (order, activate, suspend).
 */
export function ServicesTable({
  data,
  headingLevel,
  areaAction,
  action,
}: {
  data: MunicipalityServices;
  headingLevel: 2 | 3;
  areaAction?: (areaCode: string, areaName: string) => ReactNode;
  action?: (service: MunicipalService, name: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      {data.areas.map((area) => (
        <section key={area.code} className="hb-panel" aria-labelledby={`area-${area.code}`}>
          <Heading id={`area-${area.code}`} className="hb-panel__heading">
            {area.name[lang]}
          </Heading>
          {areaAction?.(area.code, area.name[lang])}
          <table className="hb-table">
            <caption className="hb-visually-hidden">{t('services.caption', { area: area.name[lang] })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('services.column.service')}</th>
                <th scope="col">{t('services.column.status')}</th>
                <th scope="col">{t('services.column.epj')}</th>
                {action && <th scope="col">{t('services.column.action')}</th>}
              </tr>
            </thead>
            <tbody>
              {area.services.map((s) => (
                <tr key={s.code} id={`service-${s.code.replace(/\W/g, '-')}`}>
                  <th scope="row">
                    {s.name[lang]}
                    <br />
                    <small>{s.description[lang]}</small>
                    {s.requiresDpa && (
                      <>
                        <br />
                        <small>{t('services.needsDpa')}</small>
                      </>
                    )}
                  </th>
                  <td>{t(`services.status.${s.status ?? 'none'}`)}</td>
                  <td>{s.epjSupported ? t('services.epjYes') : t('services.epjNo')}</td>
                  {action && <td>{action(s, s.name[lang])}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

/** Every status change of the municipality's services, newest first: who (kind), when and why; paged. */
export function ServiceHistory({
  municipalityId,
  data,
  headingLevel,
}: {
  municipalityId?: string;
  data: MunicipalityServices;
  headingLevel: 2 | 3;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [page, setPage] = useState(1);
  const history = useServiceHistory(page, municipalityId);
  const names = new Map(data.areas.flatMap((a) => a.services.map((s) => [s.code, s.name[lang]])));
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const body = (h: ServiceHistoryPage) =>
    h.items.length === 0 ? (
      <p>{t('services.history.none')}</p>
    ) : (
      <>
        <table className="hb-table">
          <caption className="hb-visually-hidden">{t('services.history.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('services.history.when')}</th>
              <th scope="col">{t('services.column.service')}</th>
              <th scope="col">{t('services.history.change')}</th>
              <th scope="col">{t('services.history.who')}</th>
              <th scope="col">{t('services.history.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {h.items.map((i) => (
              <tr key={`${i.changedAt}-${i.serviceCode}`}>
                <td>{new Date(i.changedAt).toLocaleString(lang === 'en' ? 'en-GB' : 'nb-NO')}</td>
                <td>{names.get(i.serviceCode) ?? i.serviceCode}</td>
                <td>
                  {t('services.history.fromTo', {
                    from: t(`services.status.${i.fromStatus ?? 'none'}`),
                    to: t(`services.status.${i.toStatus}`),
                  })}
                </td>
                <td>{t(`services.history.actor.${i.actorKind}`, { defaultValue: i.actorKind })}</td>
                <td>{i.reason ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pager page={h.page} total={h.total} pageSize={h.pageSize} onPage={setPage} />
      </>
    );
  return (
    <section className="hb-panel" aria-labelledby="service-history-heading">
      <Heading id="service-history-heading" className="hb-panel__heading">
        {t('services.history.heading')}
      </Heading>
      {history.isError ? (
        <ErrorPanel error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data ? (
        body(history.data)
      ) : (
        <Loading />
      )}
    </section>
  );
}
