import type { SupportRequestItem } from '@helsebro/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../components/useFormatters.ts';

/**
 * Support requests as a list of articles: where each went, to whom, its status and the answer. `actions` adds the
 * operator's reply and close under each.
 */
export function RequestList({
  items,
  showMunicipality = false,
  actions,
}: {
  items: SupportRequestItem[];
  showMunicipality?: boolean;
  actions?: (r: SupportRequestItem) => ReactNode;
}) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  if (items.length === 0) {
    return <p className="hb-empty">{t('support.empty')}</p>;
  }
  return (
    <ul className="hb-list">
      {items.map((r) => (
        <li key={r.id} className="hb-card">
          <article aria-labelledby={`request-${r.id}`}>
            <h3 id={`request-${r.id}`} className="hb-card__title">
              {r.title}
            </h3>
            <dl className="hb-facts">
              {showMunicipality && (
                <div>
                  <dt>{t('support.municipality')}</dt>
                  <dd>{r.municipality.name}</dd>
                </div>
              )}
              <div>
                <dt>{t('support.categoryLabel')}</dt>
                <dd>{t(`support.category.${r.category}`)}</dd>
              </div>
              <div>
                <dt>{t('support.sentTo')}</dt>
                <dd>
                  {[t(`support.routedTo.${r.routedTo}`), r.recipient.name, r.recipient.email, r.recipient.phone]
                    .filter(Boolean)
                    .join(' · ')}
                </dd>
              </div>
              <div>
                <dt>{t('support.status')}</dt>
                <dd data-testid="support-status">{t(`support.statuses.${r.status}`)}</dd>
              </div>
              <div>
                <dt>{t('support.filedBy')}</dt>
                <dd>
                  {r.filedBy}
                  {r.unit ? `, ${r.unit.name}` : ''} · {dateTime(r.createdAt)}
                </dd>
              </div>
            </dl>
            <p className="hb-prewrap">{r.description}</p>
            {r.reply && (
              <p className="hb-prewrap">
                <strong>{t('support.reply')}: </strong>
                {r.reply}
              </p>
            )}
            {actions?.(r)}
          </article>
        </li>
      ))}
    </ul>
  );
}
