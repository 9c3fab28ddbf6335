import type { ActingFor } from '@helsebro/contracts';
import Checkbox from '@helsenorge/designsystem-react/components/Checkbox';
import Label, { Sublabel } from '@helsenorge/designsystem-react/components/Label';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCompletedVisits, useSetVisitNotices, useVisitNotices } from '../../api/appointment-queries.ts';
import { isApiError } from '../../api/api-error.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { CitizenPage, type CitizenContext } from '../citizen/CitizenPage.tsx';
import { RefusedPanel } from '../citizen/RefusedPanel.tsx';
import { may } from '../citizen/rights.ts';
import { APPOINTMENTS_PATH, NOTIFICATION_SETTINGS_PATH } from './paths.ts';
import { useAppointmentFormat } from './useAppointmentFormat.ts';
import { appointmentError } from './appointment-errors.ts';

/** `/min-side/besok`: completed home visits (A6) and the opt-in for a notice per completed visit. */
export function HomeVisitsPage() {
  return <CitizenPage>{(ctx) => <HomeVisits {...ctx} />}</CitizenPage>;
}

function HomeVisits({ acting }: CitizenContext) {
  const { t } = useTranslation();
  const title =
    acting.basis === 'self' ? t('homeVisits.title') : t('homeVisits.titleFor', { name: acting.displayName });
  useDocumentTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="hb-lead">{t('homeVisits.lead')}</p>
      {may(acting, 'home_visits.read') ? (
        <>
          <VisitNotices acting={acting} />
          <CompletedVisits acting={acting} />
          <p className="hb-section">
            <Link to={APPOINTMENTS_PATH} className="hb-appt-tools__link">
              {t('homeVisits.planned')}
            </Link>
          </p>
        </>
      ) : (
        <RefusedPanel acting={acting} action="home_visits.read" heading={t('homeVisits.listHeading')} />
      )}
    </>
  );
}

/**
 * The notice per completed visit. Only the person themselves sets it, and only with notification level "full"
 * (citizen-services.md §2.5): otherwise the switch is off and the page says where to change the level.
 */
function VisitNotices({ acting }: { acting: ActingFor }) {
  const { t } = useTranslation();
  const self = acting.basis === 'self';
  const pref = useVisitNotices(self);
  const save = useSetVisitNotices();
  return (
    <section className="hb-panel hb-visit-notices" aria-labelledby="notices-heading">
      <h2 id="notices-heading" className="hb-panel__heading">
        {t('homeVisits.noticesHeading')}
      </h2>
      {!self ? (
        <p>{t('homeVisits.noticesOnlySelf', { name: acting.displayName })}</p>
      ) : pref.isPending ? (
        <Loading />
      ) : pref.isError ? (
        <ErrorPanel error={pref.error} onRetry={() => void pref.refetch()} />
      ) : (
        <>
          <Checkbox
            inputId="visit-notices"
            name="visitNotices"
            checked={pref.data.optIn}
            disabled={!pref.data.available || save.isPending}
            onChange={(e) => save.mutate(e.target.checked)}
            label={
              <Label
                labelTexts={[{ text: t('homeVisits.noticesLabel') }]}
                sublabel={
                  <Sublabel
                    id="visit-notices-hint"
                    sublabelTexts={[
                      { text: t('homeVisits.noticesHint', { channel: t(`homeVisits.channel.${pref.data.channel}`) }) },
                    ]}
                  />
                }
              />
            }
            aria-describedby="visit-notices-hint"
          />
          <p className="hb-visit-notices__status" role="status">
            {save.isSuccess && (save.data.optIn ? t('homeVisits.noticesOn') : t('homeVisits.noticesOff'))}
          </p>
          {save.isError && (
            <p className="hb-book-error" role="alert">
              {isApiError(save.error) && save.error.code === 'notice_level_not_full'
                ? t('homeVisits.needsFull')
                : appointmentError(save.error, t)}
            </p>
          )}
          <p className="hb-hint">
            {pref.data.available
              ? t('homeVisits.levelIsFull')
              : t('homeVisits.levelNotFull', { level: t(`homeVisits.level.${pref.data.level}`) })}{' '}
            <Link to={NOTIFICATION_SETTINGS_PATH}>{t('homeVisits.toSettings')}</Link>
          </p>
        </>
      )}
    </section>
  );
}

function CompletedVisits({ acting }: { acting: ActingFor }) {
  const { t } = useTranslation();
  const f = useAppointmentFormat();
  const visits = useCompletedVisits(true);
  return (
    <section className="hb-section" aria-labelledby="visits-heading">
      <h2 id="visits-heading" className="hb-section__heading">
        {t('homeVisits.listHeading')}
      </h2>
      {visits.isPending ? (
        <Loading />
      ) : visits.isError ? (
        isApiError(visits.error, 403) ? (
          <RefusedPanel acting={acting} action="home_visits.read" heading={t('homeVisits.listHeading')} />
        ) : (
          <ErrorPanel error={visits.error} onRetry={() => void visits.refetch()} />
        )
      ) : visits.data.visits.length === 0 ? (
        <p className="hb-empty">{t('homeVisits.empty')}</p>
      ) : (
        <ul className="hb-visits">
          {[...visits.data.visits]
            .sort((a, b) => b.performedAt.localeCompare(a.performedAt))
            .map((v) => (
              <li key={v.id} className="hb-visit">
                <h3 className="hb-visit__heading">
                  {f.day(v.localDate)}, {t('appointments.at')} {f.time(v.localDate, v.localTime)}
                </h3>
                <dl className="hb-appt__facts">
                  <div>
                    <dt>{t('homeVisits.whatWasDone')}</dt>
                    <dd className="hb-visit__text">{v.whatWasDone}</dd>
                  </div>
                  <div>
                    <dt>{t('appointments.unit')}</dt>
                    <dd>{v.unit.name}</dd>
                  </div>
                  <div>
                    <dt>{t('homeVisits.staff')}</dt>
                    <dd>{v.staffName ?? t('homeVisits.staffHidden')}</dd>
                  </div>
                </dl>
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
