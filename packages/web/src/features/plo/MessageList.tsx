import type { PloConsoleBox, PloConsoleListItem } from '@helsebro/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../components/useFormatters.ts';
import { partyLabel, typeLabel } from './labels.ts';
import { ploMessagePath } from './paths.ts';

/**
 * A box's messages: a table on wide screens, a card per message on narrow ones (CSS shows one of the two). An
 * unread message is bold and says "Ulest" in words too, so it is not told by weight alone.
 */
export function MessageList({
  items,
  box,
  caption,
}: {
  items: PloConsoleListItem[];
  box: PloConsoleBox;
  caption: string;
}) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const status = (m: PloConsoleListItem) =>
    m.state ? t(`ploConsole.state.${m.state}`) : t(`ploConsole.statuses.${m.status}`);
  const unread = (m: PloConsoleListItem) => m.state === 'new';
  const typeLink = (m: PloConsoleListItem) => (
    <Link to={ploMessagePath(m.id)} className="hb-plo-list__link">
      {unread(m) && <span className="hb-visually-hidden">{t('ploConsole.unread')}: </span>}
      {typeLabel(t, m.msgType, m.typeName)}
    </Link>
  );
  // A change or cancellation says so, and so does a message a later one changed or cancelled (HISD 1154 §4.2), in
  // words: the reader must not act on a cancelled admission.
  const shipment = (m: PloConsoleListItem) => (
    <>
      {(m.forsendelsesstatus === 'M' || m.forsendelsesstatus === 'C') && (
        <span className="hb-plo-tag"> {t(`ploConsole.forsendelsesstatus.${m.forsendelsesstatus}`)}</span>
      )}
      {m.supersededAs && (
        <span className="hb-plo-tag hb-plo-tag--superseded"> {t(`ploConsole.superseded.${m.supersededAs}`)}</span>
      )}
    </>
  );
  const patient = (m: PloConsoleListItem) => (
    <>
      {m.patient.name ?? t('ploConsole.unknownPatient')}
      {m.patient.maskedNin && <span className="hb-plo-list__nin">{m.patient.maskedNin}</span>}
    </>
  );
  return (
    <>
      <ul className="hb-plo-cards" aria-label={caption}>
        {items.map((m) => (
          <li key={m.id} className={`hb-plo-card${unread(m) ? ' hb-plo-card--unread' : ''}`}>
            <p className="hb-plo-card__type">
              {typeLink(m)}
              {shipment(m)}
            </p>
            <p>{patient(m)}</p>
            <p className="hb-hint">
              {box === 'inbox' ? t('ploConsole.colFrom') : t('ploConsole.colTo')}: {partyLabel(m.counterpart)}
            </p>
            <p className="hb-hint">
              {dateTime(m.at)} ·{' '}
              <span className={`hb-plo-status hb-plo-status--${m.state ?? m.status}`}>{status(m)}</span>
            </p>
          </li>
        ))}
      </ul>
      <div className="hb-table-scroll" role="region" aria-label={t('ploConsole.tableScroll')} tabIndex={0}>
        <table className="hb-table hb-plo-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{box === 'inbox' ? t('ploConsole.colReceived') : t('ploConsole.colCreated')}</th>
              <th scope="col">{t('ploConsole.colType')}</th>
              <th scope="col">{t('ploConsole.colPatient')}</th>
              <th scope="col">{box === 'inbox' ? t('ploConsole.colFrom') : t('ploConsole.colTo')}</th>
              <th scope="col">{t('ploConsole.colStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.id} className={unread(m) ? 'hb-plo-table__row--unread' : undefined}>
                <td>{dateTime(m.at)}</td>
                <th scope="row">
                  {typeLink(m)}
                  {shipment(m)}
                </th>
                <td>{patient(m)}</td>
                <td>{partyLabel(m.counterpart)}</td>
                <td>
                  <span className={`hb-plo-status hb-plo-status--${m.state ?? m.status}`}>{status(m)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
