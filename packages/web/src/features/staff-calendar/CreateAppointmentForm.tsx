import type { Slot, StaffAppointmentUnitsResponse } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import Input from '@helsenorge/designsystem-react/components/Input';
import Select from '@helsenorge/designsystem-react/components/Select';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateAppointment } from '../../api/appointment-queries.ts';
import { useStaffCitizens } from '../../api/staff-queries.ts';
import { useFormatters } from '../../components/useFormatters.ts';
import { useAppointmentFormat } from '../appointments/useAppointmentFormat.ts';
import { appointmentError } from '../appointments/appointment-errors.ts';

type Unit = StaffAppointmentUnitsResponse['units'][number];

/**
 * "Ny avtale": one of the unit's citizens, a type, and a free slot of it or a date and time; home visits get
 * "Hjemme" as their place unless another is given.
 */
export function CreateAppointmentForm({
  unit,
  defaultDate,
  freeSlots,
  onClose,
}: {
  unit: Unit;
  defaultDate: string;
  freeSlots: Slot[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  // The birth date tells two people of one name apart; written as people read a date, not as ISO.
  const formats = useFormatters();
  const f = useAppointmentFormat();
  const citizens = useStaffCitizens();
  const create = useCreateAppointment(unit.id);
  const types = unit.types.filter((x) => x.active);
  const [personId, setPersonId] = useState('');
  const [typeId, setTypeId] = useState(types[0]?.id ?? '');
  const [slotId, setSlotId] = useState('');
  const [date, setDate] = useState(defaultDate);
  const [time, setTime] = useState('');
  const [location, setLocation] = useState('');
  const [errors, setErrors] = useState<{ person?: string; time?: string; form?: string }>({});
  const [done, setDone] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  // Citizens with a care relation at this unit first; the server decides who may be booked.
  const people = (citizens.data?.citizens ?? []).filter((c) =>
    c.careRelations.some((r) => r.active && r.serviceUnit.id === unit.id),
  );
  const type = types.find((x) => x.id === typeId);
  const slots = freeSlots.filter((s) => s.appointmentTypeId === typeId);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    if (!personId) {
      found.person = t('staffCalendar.citizenRequired');
    }
    if (!slotId && (!date || !time)) {
      found.time = t('staffCalendar.timeRequired');
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(found.person ? 'new-person' : 'new-time')?.focus();
      return;
    }
    const place = location.trim() || (type?.kind === 'home_visit' ? t('appointments.atHome') : null);
    create.mutate(
      {
        personId,
        typeId,
        ...(slotId ? { slotId } : { localDate: date, localTime: time }),
        location: place,
      },
      {
        onSuccess: (a) => {
          setDone(
            t('staffCalendar.created', {
              name: a.citizen.displayName,
              when: `${f.day(a.localDate)} ${t('appointments.at')} ${f.time(a.localDate, a.localTime)}`,
            }),
          );
          setPersonId('');
          setSlotId('');
          setTime('');
        },
        onError: (err) => setErrors({ form: appointmentError(err, t) }),
      },
    );
  };

  return (
    <section className="hb-panel hb-cal-create" aria-labelledby="new-heading">
      <h3 id="new-heading" ref={heading} tabIndex={-1} className="hb-panel__heading">
        {t('staffCalendar.newHeading', { unit: unit.name })}
      </h3>
      <p role="status" className="hb-cal-actions__done">
        {done}
      </p>
      <form className="hb-form hb-cal-form" onSubmit={onSubmit} noValidate>
        <Select
          selectId="new-person"
          label={t('staffCalendar.citizen')}
          value={personId}
          onChange={(e) => setPersonId(e.target.value)}
          errorText={errors.person}
        >
          <option value="">{t('staffCalendar.chooseCitizen')}</option>
          {people.map((c) => (
            <option key={c.personId} value={c.personId}>
              {t('staffCalendar.citizenBorn', { name: c.displayName, date: formats.date(c.birthDate) })}
            </option>
          ))}
        </Select>
        <Select
          selectId="new-type"
          label={t('staffCalendar.type')}
          value={typeId}
          onChange={(e) => {
            setTypeId(e.target.value);
            setSlotId('');
          }}
        >
          {types.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name} ({t('staffCalendar.minutes', { count: x.durationMinutes })})
            </option>
          ))}
        </Select>
        {slots.length > 0 && (
          <Select
            selectId="new-slot"
            label={t('staffCalendar.freeSlot')}
            value={slotId}
            onChange={(e) => setSlotId(e.target.value)}
          >
            <option value="">{t('staffCalendar.otherTime')}</option>
            {slots.map((s) => (
              <option key={s.id} value={s.id}>
                {f.shortDay(s.localDate)} {f.time(s.localDate, s.localTime)}
              </option>
            ))}
          </Select>
        )}
        {!slotId && (
          <div className="hb-cal-form__row">
            <Input
              inputId="new-date"
              type="date"
              label={t('staffCalendar.date')}
              width={12}
              value={date}
              onChange={(e) => setDate(e.target.value)}
            />
            <Input
              inputId="new-time"
              type="time"
              label={t('staffCalendar.time')}
              width={8}
              value={time}
              onChange={(e) => setTime(e.target.value)}
              errorText={errors.time}
            />
          </div>
        )}
        <Input
          inputId="new-location"
          label={t('staffCalendar.place')}
          value={location}
          placeholder={type?.kind === 'home_visit' ? t('appointments.atHome') : ''}
          onChange={(e) => setLocation(e.target.value)}
        />
        {errors.form && (
          <p className="hb-book-error" role="alert">
            {errors.form}
          </p>
        )}
        <div className="hb-form__actions">
          <Button type="submit" disabled={create.isPending}>
            {t('staffCalendar.create')}
          </Button>
          <Button variant="borderless" onClick={onClose}>
            {t('staffCalendar.close')}
          </Button>
        </div>
      </form>
    </section>
  );
}
