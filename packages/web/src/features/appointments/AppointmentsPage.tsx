import type { ActingFor } from '@helsebro/contracts';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useAppointments } from '../../api/appointment-queries.ts';
import { isApiError } from '../../api/api-error.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { CitizenPage, type CitizenContext } from '../citizen/CitizenPage.tsx';
import { RefusedPanel } from '../citizen/RefusedPanel.tsx';
import { may } from '../citizen/rights.ts';
import { AppointmentCard } from './AppointmentCard.tsx';
import { splitAppointments } from './appointment-format.ts';
import { BOOK_PATH, HOME_VISITS_PATH } from './paths.ts';

/** What the booking page hands over when it navigates back here. */
export type AppointmentsLocationState = { flash?: string };

/** `/min-side/timeavtaler`: future appointments, planned home visits included (A5). */
export function AppointmentsPage() {
  return <CitizenPage>{(ctx) => <Appointments {...ctx} />}</CitizenPage>;
}

function Appointments({ acting }: CitizenContext) {
  const { t } = useTranslation();
  const title =
    acting.basis === 'self' ? t('appointments.title') : t('appointments.titleFor', { name: acting.displayName });
  useDocumentTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="hb-lead">
        {acting.basis === 'self'
          ? t('appointments.lead')
          : t('appointmentHistory.leadFor', { name: acting.displayName })}
      </p>
      {may(acting, 'appointments.read') ? (
        <AppointmentsBody acting={acting} />
      ) : (
        <RefusedPanel acting={acting} action="appointments.read" heading={t('appointments.listHeading')} />
      )}
    </>
  );
}

function AppointmentsBody({ acting }: { acting: ActingFor }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const list = useAppointments(true);
  const [flash, setFlash] = useState<string | null>(
    (location.state as AppointmentsLocationState | null)?.flash ?? null,
  );
  const flashRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (flash) {
      flashRef.current?.focus();
    }
  }, [flash]);
  useEffect(() => {
    // Shown once: a reload or going back should not repeat "Timen er bestilt".
    if ((location.state as AppointmentsLocationState | null)?.flash) {
      void navigate(location.pathname, { replace: true, state: null });
    }
  }, [location.state, location.pathname, navigate]);

  if (list.isPending) {
    return <Loading />;
  }
  if (list.isError) {
    if (isApiError(list.error, 403) && list.error.code === 'service_area_not_granted') {
      return <RefusedPanel acting={acting} action="appointments.read" heading={t('appointments.listHeading')} />;
    }
    return <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />;
  }
  const { mayManage, mayReadHomeVisits } = list.data;
  const { upcoming, history } = splitAppointments(list.data, new Date());
  return (
    <>
      {flash && (
        <div className="hb-notice" ref={flashRef} tabIndex={-1}>
          <NotificationPanel variant="success" role="status">
            <p>{flash}</p>
          </NotificationPanel>
        </div>
      )}
      <div className="hb-appt-tools">
        {mayManage ? (
          <ButtonLink href={BOOK_PATH} arrow="icon">
            {t('appointments.book')}
          </ButtonLink>
        ) : (
          <p className="hb-appt-tools__readonly" data-testid="read-only">
            {t('appointments.readOnly', { name: acting.displayName })}
          </p>
        )}
        {mayReadHomeVisits && (
          <Link to={HOME_VISITS_PATH} className="hb-appt-tools__link">
            {t('appointments.toHomeVisits')}
          </Link>
        )}
      </div>
      <AppointmentSection
        id="appointments-heading"
        heading={t('appointments.listHeading')}
        empty={
          acting.basis === 'self'
            ? t('appointments.empty')
            : t('appointmentHistory.emptyFor', { name: acting.displayName })
        }
      >
        {upcoming.map((a) => (
          <AppointmentCard
            key={a.id}
            appointment={a}
            mayManage={mayManage}
            forName={acting.basis === 'self' ? undefined : acting.displayName}
            onDone={setFlash}
          />
        ))}
      </AppointmentSection>
      <AppointmentSection
        id="history-heading"
        heading={t('appointmentHistory.heading')}
        lead={t('appointmentHistory.lead')}
        empty={t('appointmentHistory.empty')}
      >
        {history.map((a) => (
          <AppointmentCard key={a.id} appointment={a} mayManage={false} upcoming={false} onDone={setFlash} />
        ))}
      </AppointmentSection>
    </>
  );
}

/** A list of appointment cards under its heading, or what to say when it has none. */
function AppointmentSection({
  id,
  heading,
  lead,
  empty,
  children,
}: {
  id: string;
  heading: string;
  lead?: string;
  empty: string;
  children: ReactNode[];
}) {
  return (
    <section aria-labelledby={id} className="hb-appt-list">
      <h2 id={id} className="hb-section__heading">
        {heading}
      </h2>
      {lead && <p className="hb-hint">{lead}</p>}
      {children.length === 0 ? (
        <p className="hb-empty">{empty}</p>
      ) : (
        <ul className="hb-appt-list__items">{children}</ul>
      )}
    </section>
  );
}
