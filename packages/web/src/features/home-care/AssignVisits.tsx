import type { StaffAppointment } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import Select from '@helsenorge/designsystem-react/components/Select';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCalendar } from '../../api/appointment-queries.ts';
import { useUnitStaff } from '../../api/dialog-queries.ts';
import { useAssignVisit } from '../../api/home-care-queries.ts';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';

/**
 * The unit leader's round planning (issue 15): today's planned home visits of the unit, each given to a health
 * worker of the unit (or to no one). The server refuses anyone but the unit's leader.
 */
export function AssignVisits({ unit }: { unit: { id: string; name: string } }) {
  const { t } = useTranslation();
  const day = useCalendar(unit.id, undefined, 'day');
  const staff = useUnitStaff(unit.id);
  const headingId = `assign-${unit.id}`;
  const visits = (day.data?.days[0]?.appointments ?? []).filter(
    (a) => a.type.kind === 'home_visit' && a.status === 'booked',
  );
  return (
    <section className="hb-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="hb-panel__heading">
        {t('homeCare.assignHeading', { unit: unit.name })}
      </h2>
      {day.isPending || staff.isPending ? (
        <Loading />
      ) : day.isError ? (
        <ErrorPanel error={day.error} />
      ) : visits.length === 0 ? (
        <p className="hb-empty">{t('homeCare.assignEmpty')}</p>
      ) : (
        <ul className="hb-visit-list">
          {visits.map((a) => (
            <li key={a.id}>
              <AssignRow a={a} staff={staff.data?.staff ?? []} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AssignRow({ a, staff }: { a: StaffAppointment; staff: Array<{ personnelId: string; displayName: string }> }) {
  const { t } = useTranslation();
  const assign = useAssignVisit();
  const [chosen, setChosen] = useState(a.staff?.personnelId ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    assign.mutate({ id: a.id, staffPersonnelId: chosen || null });
  };
  return (
    <form className="hb-form hb-visit__assign" noValidate onSubmit={submit}>
      <Select
        selectId={`assign-${a.id}`}
        name="staffPersonnelId"
        label={t('homeCare.assignTo', { time: a.localTime, name: a.citizen.displayName })}
        value={chosen}
        onChange={(e) => setChosen(e.target.value)}
      >
        <option value="">{t('homeCare.nobody')}</option>
        {staff.map((s) => (
          <option key={s.personnelId} value={s.personnelId}>
            {s.displayName}
          </option>
        ))}
      </Select>
      {assign.isError && <ErrorPanel error={assign.error} />}
      <div className="hb-form__actions">
        <Button type="submit" disabled={assign.isPending}>
          {t('homeCare.assign')}
        </Button>
      </div>
      <p role="status" className="hb-hint">
        {assign.isSuccess
          ? t('homeCare.assigned', { name: assign.data.staff?.displayName ?? t('homeCare.nobody') })
          : ''}
      </p>
    </form>
  );
}
