import type { CalendarDay, StaffAppointment, StaffAppointmentUnitsResponse } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import Input from '@helsenorge/designsystem-react/components/Input';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import Select from '@helsenorge/designsystem-react/components/Select';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCalendar, useStaffAppointmentUnits } from '../../api/appointment-queries.ts';
import { useMyServices } from '../../api/services-queries.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { RequireKind, type SignedInSession } from '../../components/RequireKind.tsx';
import { StaffShell } from '../staff/StaffShell.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { addDays } from '../appointments/appointment-format.ts';
import { useAppointmentFormat } from '../appointments/useAppointmentFormat.ts';
import { AppointmentActions } from './AppointmentActions.tsx';
import { CreateAppointmentForm } from './CreateAppointmentForm.tsx';
import { RequestsPanel } from './RequestsPanel.tsx';

type Unit = StaffAppointmentUnitsResponse['units'][number];
type View = 'day' | 'week';

/** `/ansatt/kalender`: the unit's calendar by day or week, as tables, with requests to answer and a form for new ones. */
export function StaffCalendarPage() {
  return <RequireKind kind="personnel">{(session) => <StaffCalendar session={session} />}</RequireKind>;
}

function StaffCalendar({ session }: { session: SignedInSession }) {
  const { t } = useTranslation();
  const units = useStaffAppointmentUnits();
  const [params, setParams] = useSearchParams();
  useDocumentTitle(t('staffCalendar.title'));
  // Timeavtaler not active in the municipality (seed 000 §5.1): the page says so instead of a calendar whose every
  // booking the API refuses (409 service_not_active). The same code the workspace hides its calendar link by.
  const services = useMyServices();
  const inactive = services.data !== undefined && !services.data.services.includes('appointments.view');

  const list = units.data?.units ?? [];
  const unit = list.find((u) => u.id === params.get('enhet')) ?? list[0] ?? null;
  const view: View = params.get('visning') === 'uke' ? 'week' : 'day';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get('dato') ?? '') ? (params.get('dato') ?? undefined) : undefined;

  const go = (next: { unit?: string; view?: View; date?: string | undefined }) => {
    const search = new URLSearchParams();
    const u = next.unit ?? unit?.id;
    if (u) {
      search.set('enhet', u);
    }
    if ((next.view ?? view) === 'week') {
      search.set('visning', 'uke');
    }
    const d = 'date' in next ? next.date : date;
    if (d) {
      search.set('dato', d);
    }
    setParams(search);
  };

  return (
    <StaffShell session={session}>
      <p className="hb-back">
        <Link to="/ansatt" className="hb-back__link">
          {t('staffCalendar.back')}
        </Link>
      </p>
      <PageHeading>{t('staffCalendar.title')}</PageHeading>
      {inactive ? (
        <NotificationPanel variant="info" label={t('staffCalendar.notActiveTitle')} labelHtmlMarkup="h2">
          <p>{t('staffCalendar.notActive')}</p>
        </NotificationPanel>
      ) : units.isPending || services.isPending ? (
        <Loading />
      ) : units.isError ? (
        <ErrorPanel error={units.error} onRetry={() => void units.refetch()} />
      ) : !unit ? (
        <p className="hb-empty">{t('staffCalendar.noUnits')}</p>
      ) : (
        <>
          {list.length > 1 && (
            <div className="hb-cal-unit">
              <Select
                selectId="cal-unit"
                label={t('staffCalendar.unit')}
                value={unit.id}
                onChange={(e) => go({ unit: e.target.value })}
              >
                {list.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </Select>
            </div>
          )}
          {list.length === 1 && <p className="hb-lead hb-lead--narrow">{unit.name}</p>}
          <RequestsPanel unit={unit} />
          <Calendar key={unit.id} unit={unit} view={view} date={date} go={go} />
        </>
      )}
    </StaffShell>
  );
}

function Calendar({
  unit,
  view,
  date,
  go,
}: {
  unit: Unit;
  view: View;
  date: string | undefined;
  go: (next: { view?: View; date?: string | undefined }) => void;
}) {
  const { t } = useTranslation();
  const f = useAppointmentFormat();
  const calendar = useCalendar(unit.id, date, view);
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [jump, setJump] = useState(date ?? '');
  const data = calendar.data;
  const step = view === 'week' ? 7 : 1;
  const current = data?.from ?? date;

  return (
    <section className="hb-cal" aria-labelledby="cal-heading">
      <h2 id="cal-heading" className="hb-section__heading">
        {data
          ? view === 'day'
            ? f.day(data.from)
            : t('staffCalendar.weekOf', { from: f.shortDay(data.from), to: f.shortDay(data.to) })
          : t('staffCalendar.title')}
      </h2>
      <div className="hb-cal__toolbar">
        <div className="hb-cal__views" role="group" aria-label={t('staffCalendar.viewLabel')}>
          {(['day', 'week'] as const).map((v) => (
            <button
              key={v}
              type="button"
              className="hb-filter__option"
              aria-pressed={view === v}
              onClick={() => go({ view: v })}
            >
              {t(`staffCalendar.view.${v}`)}
            </button>
          ))}
        </div>
        <div className="hb-cal__nav">
          <Button
            variant="outline"
            disabled={!current}
            onClick={() => current && go({ date: addDays(current, -step) })}
          >
            {t(`staffCalendar.previous.${view}`)}
          </Button>
          <Button variant="borderless" onClick={() => go({ date: undefined })}>
            {t('staffCalendar.today')}
          </Button>
          <Button variant="outline" disabled={!current} onClick={() => current && go({ date: addDays(current, step) })}>
            {t(`staffCalendar.next.${view}`)}
          </Button>
        </div>
        <form
          className="hb-cal__jump"
          onSubmit={(e) => {
            e.preventDefault();
            if (jump) {
              go({ date: jump });
            }
          }}
        >
          <Input
            inputId="cal-date"
            type="date"
            label={t('staffCalendar.goToDate')}
            value={jump}
            width={12}
            onChange={(e) => setJump(e.target.value)}
          />
          <Button type="submit" variant="outline">
            {t('staffCalendar.show')}
          </Button>
        </form>
        <Button onClick={() => setCreating(true)}>{t('staffCalendar.new')}</Button>
      </div>
      {creating && (
        <CreateAppointmentForm
          unit={unit}
          defaultDate={data?.from ?? ''}
          freeSlots={data?.days.flatMap((d) => d.freeSlots) ?? []}
          onClose={() => setCreating(false)}
        />
      )}
      <div aria-busy={calendar.isFetching} className="hb-cal__days">
        {calendar.isPending ? (
          <Loading />
        ) : calendar.isError ? (
          <ErrorPanel error={calendar.error} onRetry={() => void calendar.refetch()} />
        ) : (
          calendar.data.days.map((day) => (
            <CalendarDayTable
              key={day.date}
              day={day}
              unit={unit}
              headingLevel={view === 'week' ? 'h3' : null}
              selected={selected}
              onSelect={setSelected}
            />
          ))
        )}
      </div>
    </section>
  );
}

function CalendarDayTable({
  day,
  unit,
  headingLevel,
  selected,
  onSelect,
}: {
  day: CalendarDay;
  unit: Unit;
  headingLevel: 'h3' | null;
  selected: string | null;
  onSelect: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const f = useAppointmentFormat();
  const Heading = headingLevel;
  const captionId = `day-${day.date}`;
  const chosen = day.appointments.find((a) => a.id === selected);
  const title = `${f.day(day.date)}${day.holiday ? ` – ${day.holiday}` : ''}`;
  return (
    <div className={`hb-cal-day${day.open ? '' : ' hb-cal-day--off'}`}>
      {Heading && (
        <Heading id={captionId} className="hb-cal-day__heading">
          {title}
        </Heading>
      )}
      {!day.open && <p className="hb-cal-day__off">{day.holiday ?? t('staffCalendar.notWorkingDay')}</p>}
      {day.appointments.length === 0 ? (
        <p className="hb-cal-day__empty">{t('staffCalendar.noAppointments')}</p>
      ) : (
        <div className="hb-table-scroll hb-table-scroll--always">
          <table className="hb-table hb-cal-table">
            <caption className={Heading ? 'hb-visually-hidden' : undefined}>
              {t('staffCalendar.caption', { day: title, unit: unit.name })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('staffCalendar.col.time')}</th>
                <th scope="col">{t('staffCalendar.col.citizen')}</th>
                <th scope="col">{t('staffCalendar.col.type')}</th>
                <th scope="col">{t('staffCalendar.col.place')}</th>
                <th scope="col">{t('staffCalendar.col.staff')}</th>
                <th scope="col">{t('staffCalendar.col.status')}</th>
                <th scope="col">
                  <span className="hb-visually-hidden">{t('staffCalendar.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {day.appointments.map((a) => (
                <Row
                  key={a.id}
                  a={a}
                  open={a.id === selected}
                  onToggle={() => onSelect(a.id === selected ? null : a.id)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {day.freeSlots.length > 0 && (
        <p className="hb-cal-day__free">
          {t('staffCalendar.freeSlots', { count: day.freeSlots.length })}:{' '}
          {day.freeSlots.map((s) => f.time(s.localDate, s.localTime)).join(', ')}
        </p>
      )}
      {chosen && <SelectedPanel a={chosen} onClose={() => onSelect(null)} />}
    </div>
  );
}

function Row({ a, open, onToggle }: { a: StaffAppointment; open: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const f = useAppointmentFormat();
  return (
    <tr className={`hb-cal-row hb-cal-row--${a.status}${open ? ' hb-cal-row--open' : ''}`}>
      <th scope="row">
        {f.time(a.localDate, a.localTime)}–{f.time(a.localDate, a.localEndTime)}
      </th>
      <td>{a.citizen.displayName}</td>
      <td>{a.type.name}</td>
      <td>{a.location ?? '–'}</td>
      <td>{a.staff?.displayName ?? '–'}</td>
      <td>
        <span className={`hb-cal-status hb-cal-status--${a.status}`}>{t(`appointments.status.${a.status}`)}</span>
        {a.pendingRequest && (
          <span className="hb-cal-status hb-cal-status--request">
            {t(`staffCalendar.request.${a.pendingRequest.kind}`)}
          </span>
        )}
        {a.completedVisit && (
          <span className="hb-cal-status hb-cal-status--done">{t('staffCalendar.visitRecorded')}</span>
        )}
        {a.paused && <span className="hb-cal-status hb-cal-status--paused">{t('staffCalendar.admitted')}</span>}
      </td>
      <td>
        <button type="button" className="hb-linkbutton" aria-expanded={open} onClick={onToggle}>
          {t('staffCalendar.open')}
          <span className="hb-visually-hidden">
            {' '}
            {t('staffCalendar.openHidden', { time: f.time(a.localDate, a.localTime), name: a.citizen.displayName })}
          </span>
        </button>
      </td>
    </tr>
  );
}

function SelectedPanel({ a, onClose }: { a: StaffAppointment; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useAppointmentFormat();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [a.id]);
  return (
    <section className="hb-panel hb-cal-selected" aria-labelledby={`sel-${a.id}`}>
      <h3 id={`sel-${a.id}`} ref={heading} tabIndex={-1} className="hb-panel__heading">
        {t('staffCalendar.selectedHeading', {
          what: a.type.name,
          name: a.citizen.displayName,
          when: `${f.day(a.localDate)} ${t('appointments.at')} ${f.time(a.localDate, a.localTime)}`,
        })}
      </h3>
      <AppointmentActions appointment={a} />
      <Button variant="borderless" onClick={onClose}>
        {t('staffCalendar.close')}
      </Button>
    </section>
  );
}
