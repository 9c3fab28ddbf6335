import type { JobsResponse, RetryDeadBody } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import { useTranslation } from 'react-i18next';
import { kindName } from './JobsTable.tsx';

type DeadGroupsProps = {
  groups: JobsResponse['deadGroups'];
  /** The group being retried, while it is. */
  busy: RetryDeadBody | undefined;
  onRetry: (group: RetryDeadBody) => void;
};

/**
 * The dead jobs by kind and cause, largest first: the operator fixes a cause once (an endpoint, a key) and sends
 * every job that died of it round again with one button, instead of one retry per job.
 */
export function DeadGroups({ groups, busy, onRetry }: DeadGroupsProps) {
  const { t } = useTranslation();
  if (groups.length === 0) {
    return null;
  }
  return (
    <section className="hb-deadgroups" aria-labelledby="dead-groups-heading">
      <h3 id="dead-groups-heading">{t('operator.deadGroupsHeading')}</h3>
      <p className="hb-hint">{t('operator.deadGroupsLead')}</p>
      <ul>
        {groups.map((g) => {
          const isBusy = busy?.kind === g.kind && busy.cause === g.cause;
          return (
            <li key={`${g.kind}:${g.cause}`} className="hb-deadgroups__group">
              <p className="hb-deadgroups__what">
                <strong>{kindName(t, g.kind)}</strong> – {t('operator.deadGroupCount', { count: g.count })}
              </p>
              <p>{t(`jobCause.${g.cause}`)}</p>
              <Button variant="outline" disabled={isBusy} onClick={() => onRetry({ kind: g.kind, cause: g.cause })}>
                {isBusy ? t('operator.retrying') : t('operator.retryGroup', { count: g.count })}
                <span className="hb-visually-hidden">{` (${kindName(t, g.kind)})`}</span>
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
