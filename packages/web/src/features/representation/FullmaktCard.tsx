import type { FullmaktItem } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import { useTranslation } from 'react-i18next';
import { SERVICE_AREAS } from '@helsebro/contracts/constants';
import { useFormatters } from '../../components/useFormatters.ts';

export type Direction = 'given' | 'received';

/** One fullmakt: to or from whom, what it covers, its period and state, and "Avslutt" while it is current. */
export function FullmaktCard({
  item,
  direction,
  busy = false,
  onEnd,
}: {
  item: FullmaktItem;
  direction: Direction;
  busy?: boolean;
  onEnd?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const { date, dateTime } = useFormatters();
  const other = direction === 'given' ? item.holder : item.giver;
  const title = t(direction === 'given' ? 'fullmakt.toName' : 'fullmakt.fromName', { name: other.displayName });
  const current = item.status === 'active' || item.status === 'scheduled';
  return (
    <li className={`hb-fullmakt hb-fullmakt--${item.status}`}>
      <div className="hb-fullmakt__head">
        <h3 className="hb-fullmakt__name">{title}</h3>
        <span className={`hb-status hb-status--${item.status}`}>{t(`fullmakt.status.${item.status}`)}</span>
      </div>
      <dl className="hb-fullmakt__facts">
        <div>
          <dt>{t('fullmakt.areas')}</dt>
          <dd>
            <ul className="hb-fullmakt__areas">
              {SERVICE_AREAS.filter((a) => item.serviceAreas.includes(a)).map((area) => (
                <li key={area}>{t(`areas.${area}.name`)}</li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t('fullmakt.period')}</dt>
          <dd>
            {item.validTo
              ? t('fullmakt.periodRange', { from: date(item.validFrom), to: date(item.validTo) })
              : t(current ? 'fullmakt.periodOpen' : 'fullmakt.periodFrom', { from: date(item.validFrom) })}
          </dd>
        </div>
      </dl>
      {item.status === 'ended' && item.endedAt && (
        <p className="hb-hint">
          {item.endReason === 'replaced'
            ? t('fullmakt.replaced', { date: dateTime(item.endedAt) })
            : t('fullmakt.endedBy', { date: dateTime(item.endedAt), name: item.endedBy?.displayName ?? '–' })}
        </p>
      )}
      {(item.endReason === 'giver_deceased' || item.endReason === 'holder_deceased') && (
        <p className="hb-hint">
          {t('fullmakt.endedByDeath', {
            name: item.endReason === 'giver_deceased' ? item.giver.displayName : item.holder.displayName,
          })}
        </p>
      )}
      {item.status === 'expired' && item.validTo && (
        <p className="hb-hint">{t('fullmakt.expiredOn', { date: date(item.validTo) })}</p>
      )}
      {current && onEnd && (
        <Button variant="outline" onClick={onEnd} disabled={busy}>
          {busy ? (
            t('fullmakt.ending')
          ) : (
            <>
              {t('fullmakt.end')}
              <span className="hb-visually-hidden">
                {' '}
                {t(direction === 'given' ? 'fullmakt.endHiddenGiven' : 'fullmakt.endHiddenReceived', {
                  name: other.displayName,
                })}
              </span>
            </>
          )}
        </Button>
      )}
    </li>
  );
}
