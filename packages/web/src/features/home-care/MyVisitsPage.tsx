import type { MyVisit } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import Textarea from '@helsenorge/designsystem-react/components/Textarea';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMarkVisitDone, useMyVisitsToday } from '../../api/home-care-queries.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { RequireKind, type SignedInSession } from '../../components/RequireKind.tsx';
import { StaffShell } from '../staff/StaffShell.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { LOCALES, currentLanguage } from '../../i18n/index.ts';
import { useAppointmentFormat } from '../appointments/useAppointmentFormat.ts';
import { AssignVisits } from './AssignVisits.tsx';
import { HospitalReview } from './HospitalReview.tsx';
import { UnplannedVisitForm } from './UnplannedVisitForm.tsx';

/**
 * `/ansatt/besok`: "Mine besøk i dag" (issue 15) — the health worker's own visits of the day in time order, each
 * with the address and what to do, and "Utført" at the real time with an optional note; a visit outside the plan
 * is recorded below the list.
 */
export function MyVisitsPage() {
  return <RequireKind kind="personnel">{(session) => <MyVisits session={session} />}</RequireKind>;
}

function MyVisits({ session }: { session: SignedInSession }) {
  const { t } = useTranslation();
  const f = useAppointmentFormat();
  const today = useMyVisitsToday();
  useDocumentTitle(t('homeCare.title'));
  const unitOf = (r: SignedInSession['user']['roles'][number]) =>
    r.serviceUnitId ? [{ id: r.serviceUnitId, name: r.serviceUnitName ?? r.serviceUnitId }] : [];
  const units = session.user.roles.flatMap(unitOf);
  const led = session.user.roles.filter((r) => r.role === 'unit_leader').flatMap(unitOf);
  return (
    <StaffShell session={session}>
      <p className="hb-back">
        <Link to="/ansatt" className="hb-back__link">
          {t('homeCare.back')}
        </Link>
      </p>
      <PageHeading>{t('homeCare.title')}</PageHeading>
      {today.isPending ? (
        <Loading />
      ) : today.isError ? (
        <ErrorPanel error={today.error} onRetry={() => void today.refetch()} />
      ) : (
        <>
          <p className="hb-lead">{t('homeCare.date', { date: f.day(today.data.date) })}</p>
          {today.data.visits.length === 0 ? (
            <p className="hb-empty">{t('homeCare.empty')}</p>
          ) : (
            <ol className="hb-visit-list" aria-label={t('homeCare.listLabel')}>
              {today.data.visits.map((v) => (
                <li key={v.appointmentId ?? v.visitId} className="hb-panel hb-visit">
                  <VisitItem visit={v} />
                </li>
              ))}
            </ol>
          )}
        </>
      )}
      {led.map((u) => (
        <AssignVisits key={u.id} unit={u} />
      ))}
      {units.length > 0 && <UnplannedVisitForm units={units} />}
    </StaffShell>
  );
}

function VisitItem({ visit: v }: { visit: MyVisit }) {
  const { t, i18n } = useTranslation();
  // When the admission began, on the Norwegian clock whatever the device's zone ("5. desember kl. 14:12").
  const since = (iso: string) =>
    new Intl.DateTimeFormat(LOCALES[currentLanguage(i18n.resolvedLanguage)], {
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Europe/Oslo',
    }).format(new Date(iso));
  const headingId = `visit-${v.appointmentId ?? v.visitId}`;
  const time = v.plannedTime ?? v.doneTime ?? '';
  return (
    <article aria-labelledby={headingId}>
      <h2 id={headingId} className="hb-visit__heading">
        <span className="hb-visit__time">{time}</span> {v.citizen.displayName}
      </h2>
      <dl className="hb-visit__facts">
        <dt>{t('homeCare.address')}</dt>
        <dd>{v.address ?? t('homeCare.noAddress')}</dd>
        <dt>{t('homeCare.what')}</dt>
        <dd>{v.what ?? t('homeCare.unplanned')}</dd>
        {v.location && (
          <>
            <dt>{t('homeCare.location')}</dt>
            <dd>{v.location}</dd>
          </>
        )}
      </dl>
      {v.doneTime ? (
        <p className="hb-visit__done">
          {v.plannedTime && v.doneTime < v.plannedTime
            ? t('homeCare.doneEarly', { time: v.doneTime, planned: v.plannedTime })
            : t('homeCare.done', { time: v.doneTime })}
          {v.note && <span className="hb-visit__note"> – {v.note}</span>}
        </p>
      ) : v.paused ? (
        // Paused while the citizen is in hospital (a received LOG_INNLAGT, HIS 1149): not a visit to drive to.
        <p className="hb-visit__paused">
          <span className="hb-cal-status hb-cal-status--paused">{t('homeCare.paused')}</span>{' '}
          <span>
            {v.admittedAt ? t('homeCare.pausedSince', { at: since(v.admittedAt) }) : t('homeCare.pausedReason')}
          </span>
        </p>
      ) : (
        <>
          <p className="hb-visit__planned">{t('homeCare.planned', { time: v.plannedTime })}</p>
          {v.appointmentId && <DoneForm id={v.appointmentId} name={v.citizen.displayName} time={time} />}
        </>
      )}
      {v.hospital === 'review' && <HospitalReview personId={v.citizen.personId} name={v.citizen.displayName} />}
    </article>
  );
}

/** One tap records the visit now; the note is optional and is what the citizen reads. */
function DoneForm({ id, name, time }: { id: string; name: string; time: string }) {
  const { t } = useTranslation();
  const done = useMarkVisitDone();
  const [note, setNote] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    done.mutate({ id, body: { note: note.trim() || null } });
  };
  return (
    <form className="hb-form hb-visit__form" noValidate onSubmit={submit}>
      <Textarea
        textareaId={`note-${id}`}
        name="note"
        label={t('homeCare.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxCharacters={2000}
      />
      <p className="hb-hint">{t('homeCare.noteHelp')}</p>
      {done.isError && <ErrorPanel error={done.error} />}
      <div className="hb-form__actions">
        <Button type="submit" disabled={done.isPending} aria-label={t('homeCare.markDoneFor', { name, time })}>
          {t('homeCare.markDone')}
        </Button>
      </div>
    </form>
  );
}
