import type { AccessLogEntry } from '@helsebro/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../components/useFormatters.ts';
import { useAuditTexts } from './audit-texts.ts';

type EntriesProps = {
  entries: AccessLogEntry[];
  /** The user reads their own log: their own entries say "Du selv". */
  actingSelf: boolean;
  caption: string;
};

/**
 * The log's entries: a table on wide screens, a card each on narrow ones (CSS shows one of the two). Emergency
 * access and refused attempts stand out in both, in words as well as colour.
 */
export function AccessLogEntries({ entries, actingSelf, caption }: EntriesProps) {
  const { t } = useTranslation();
  return (
    <>
      <ul className="hb-logcards" aria-label={caption}>
        {entries.map((entry) => (
          <li key={entry.id} className={entryClass('hb-logcard', entry)}>
            <p className="hb-logcard__when">
              <When entry={entry} />
            </p>
            <Flags entry={entry} />
            <dl className="hb-logcard__facts">
              <div>
                <dt>{t('accessLog.colWho')}</dt>
                <dd>
                  <Who entry={entry} actingSelf={actingSelf} />
                </dd>
              </div>
              <div>
                <dt>{t('accessLog.colWhat')}</dt>
                <dd>
                  <What entry={entry} />
                </dd>
              </div>
              <div>
                <dt>{t('accessLog.colWhy')}</dt>
                <dd>
                  <Why entry={entry} />
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
      <div className="hb-table-scroll" role="region" aria-label={t('accessLog.scrollLabel')} tabIndex={0}>
        <table className="hb-table hb-logtable">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('accessLog.colWhen')}</th>
              <th scope="col">{t('accessLog.colWho')}</th>
              <th scope="col">{t('accessLog.colWhat')}</th>
              <th scope="col">{t('accessLog.colWhy')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} className={entryClass('hb-logtable__row', entry)}>
                <th scope="row">
                  <When entry={entry} />
                </th>
                <td>
                  <Who entry={entry} actingSelf={actingSelf} />
                </td>
                <td>
                  <What entry={entry} />
                </td>
                <td>
                  <Flags entry={entry} />
                  <Why entry={entry} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The time, or for repeated reads grouped into one line, the first and last time and how many. */
function When({ entry }: { entry: AccessLogEntry }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  if (entry.count === 1) {
    return <time dateTime={entry.occurredAt}>{dateTime(entry.occurredAt)}</time>;
  }
  return (
    <>
      <time dateTime={entry.firstOccurredAt}>{dateTime(entry.firstOccurredAt)}</time> {t('accessLog.timeSpanTo')}{' '}
      <time dateTime={entry.occurredAt}>{dateTime(entry.occurredAt)}</time>
      <span className="hb-log__line hb-log__count">{t('accessLog.times', { count: entry.count })}</span>
    </>
  );
}

function entryClass(base: string, entry: AccessLogEntry): string {
  return [base, entry.emergency && `${base}--emergency`, entry.outcome === 'denied' && `${base}--denied`]
    .filter(Boolean)
    .join(' ');
}

/** Name, role and organisation; a representative's entry says on whose behalf (and as what) they acted. */
function Who({ entry, actingSelf }: { entry: AccessLogEntry; actingSelf: boolean }) {
  const { t } = useTranslation();
  const { actor, onBehalfOf } = entry;
  const name =
    actor.via === 'record_system'
      ? actor.name
        ? t('accessLog.viaRecordSystem', { name: actor.name })
        : t('accessLog.recordSystem')
      : actor.kind === 'system'
        ? t('accessLog.system')
        : actor.isSelf && actingSelf
          ? t('accessLog.you')
          : actor.name || t('accessLog.unknown');
  const role = actor.role ? t(`roles.${actor.role}`, { defaultValue: actor.role }) : null;
  const organisation = actor.organisation?.id === 'operator' ? t('accessLog.operatorOrg') : actor.organisation?.name;
  const place = [actor.unit, organisation].filter(Boolean).join(', ');
  const basis = onBehalfOf?.basis ? t(`accessLog.basisAs.${onBehalfOf.basis}`) : '';
  return (
    <>
      <span className="hb-log__name">{name}</span>
      {(role || place) && <span className="hb-log__line">{[role, place].filter(Boolean).join(' · ')}</span>}
      {!role && !place && actor.kind === 'citizen' && !actor.isSelf && (
        <span className="hb-log__line">{t('accessLog.privatePerson')}</span>
      )}
      {onBehalfOf && (
        <span className="hb-log__line hb-log__behalf">
          {t('accessLog.onBehalfOf', { name: onBehalfOf.displayName })}
          {basis && ` (${basis})`}
        </span>
      )}
    </>
  );
}

function What({ entry }: { entry: AccessLogEntry }) {
  const { t } = useTranslation();
  const texts = useAuditTexts();
  return (
    <>
      <span>{texts.action(entry.action)}</span>
      {entry.outcome === 'denied' && <span className="hb-log__line hb-hint">{t('accessLog.deniedText')}</span>}
    </>
  );
}

function Why({ entry }: { entry: AccessLogEntry }) {
  const { t } = useTranslation();
  const texts = useAuditTexts();
  return (
    <>
      <span>{texts.purpose(entry.purpose) ?? t('accessLog.noPurpose')}</span>
      {entry.emergency && entry.emergencyReason && (
        <span className="hb-log__line hb-log__reason">
          {t('accessLog.emergencyReason', { reason: entry.emergencyReason })}
        </span>
      )}
    </>
  );
}

/** "Akuttilgang" and "Avvist" as labels, so neither depends on seeing a colour. */
function Flags({ entry }: { entry: AccessLogEntry }) {
  const { t } = useTranslation();
  if (!entry.emergency && entry.outcome !== 'denied') {
    return null;
  }
  return (
    <p className="hb-log__flags">
      {entry.emergency && <span className="hb-flag hb-flag--emergency">{t('accessLog.emergency')}</span>}
      {entry.outcome === 'denied' && <span className="hb-flag hb-flag--denied">{t('accessLog.denied')}</span>}
    </p>
  );
}
