import type { ActingFor, BookableTypesResponse, Slot } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import FormGroup from '@helsenorge/designsystem-react/components/FormGroup';
import Label, { Sublabel } from '@helsenorge/designsystem-react/components/Label';
import RadioButton from '@helsenorge/designsystem-react/components/RadioButton';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useBook, useBookableTypes, useFreeSlots } from '../../api/appointment-queries.ts';
import { isApiError } from '../../api/api-error.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { CitizenPage, type CitizenContext } from '../citizen/CitizenPage.tsx';
import { RefusedPanel } from '../citizen/RefusedPanel.tsx';
import { may } from '../citizen/rights.ts';
import { groupByDay } from './appointment-format.ts';
import type { AppointmentsLocationState } from './AppointmentsPage.tsx';
import { APPOINTMENTS_PATH } from './paths.ts';
import { useAppointmentFormat } from './useAppointmentFormat.ts';
import { appointmentError } from './appointment-errors.ts';

type BookableType = BookableTypesResponse['types'][number];
/** Days of free slots shown at first; "Vis flere dager" adds as many again. */
const DAYS_PER_PAGE = 7;

/**
 * `/min-side/timeavtaler/bestill`: choose a self-bookable type at a unit the person may book with, then a free time
 * (radio buttons grouped by day, so it works by keyboard and screen reader), then confirm.
 */
export function BookAppointmentPage() {
  return <CitizenPage>{(ctx) => <Book {...ctx} />}</CitizenPage>;
}

function Book({ acting }: CitizenContext) {
  const { t } = useTranslation();
  const title = acting.basis === 'self' ? t('book.title') : t('book.titleFor', { name: acting.displayName });
  useDocumentTitle(title);
  return (
    <div className="hb-narrow">
      <p className="hb-back">
        <Link to={APPOINTMENTS_PATH} className="hb-back__link">
          {t('book.back')}
        </Link>
      </p>
      <PageHeading>{title}</PageHeading>
      <p className="hb-lead">{t('book.lead')}</p>
      {may(acting, 'appointments.manage') ? (
        <BookBody acting={acting} />
      ) : (
        <RefusedPanel acting={acting} action="appointments.manage" heading={t('book.title')} />
      )}
    </div>
  );
}

function BookBody({ acting }: { acting: ActingFor }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const types = useBookableTypes(true);
  const typeId = params.get('type');

  if (types.isPending) {
    return <Loading />;
  }
  if (types.isError) {
    if (isApiError(types.error, 403)) {
      return <RefusedPanel acting={acting} action="appointments.manage" heading={t('book.title')} />;
    }
    return <ErrorPanel error={types.error} onRetry={() => void types.refetch()} />;
  }
  const chosen = types.data.types.find((x) => x.id === typeId);
  if (!chosen) {
    return <ChooseType types={types.data.types} initial={typeId} onChoose={(id) => setParams({ type: id })} />;
  }
  return <ChooseSlot type={chosen} onChangeType={() => setParams({})} />;
}

function ChooseType({
  types,
  initial,
  onChoose,
}: {
  types: BookableType[];
  initial: string | null;
  onChoose: (typeId: string) => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial ?? '');
  const [error, setError] = useState<string | undefined>();
  if (types.length === 0) {
    return <p className="hb-empty">{t('book.noTypes')}</p>;
  }
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!types.some((x) => x.id === value)) {
      setError(t('book.chooseTypeRequired'));
      document.getElementById(`type-${types[0]?.id ?? ''}`)?.focus();
      return;
    }
    onChoose(value);
  };
  return (
    <form className="hb-form" onSubmit={onSubmit} noValidate>
      <p className="hb-step">{t('book.step', { step: 1, of: 3 })}</p>
      <FormGroup legend={t('book.typeLegend')} error={error}>
        {types.map((type) => (
          <RadioButton
            key={type.id}
            inputId={`type-${type.id}`}
            name="type"
            value={type.id}
            checked={value === type.id}
            onChange={() => setValue(type.id)}
            label={
              <Label
                labelTexts={[{ text: type.name }, { text: ` – ${type.unit.name}` }]}
                sublabel={
                  <Sublabel
                    id={`type-${type.id}-hint`}
                    sublabelTexts={[
                      {
                        text: t('book.typeHint', {
                          minutes: type.durationMinutes,
                          municipality: type.municipality.name,
                        }),
                      },
                    ]}
                  />
                }
              />
            }
            aria-describedby={`type-${type.id}-hint`}
          />
        ))}
      </FormGroup>
      <div className="hb-form__actions">
        <Button type="submit">{t('book.showSlots')}</Button>
      </div>
    </form>
  );
}

function ChooseSlot({ type, onChangeType }: { type: BookableType; onChangeType: () => void }) {
  const { t } = useTranslation();
  const f = useAppointmentFormat();
  const navigate = useNavigate();
  const slots = useFreeSlots(type.id);
  const book = useBook();
  const [slotId, setSlotId] = useState('');
  const [confirming, setConfirming] = useState<Slot | null>(null);
  const [days, setDays] = useState(DAYS_PER_PAGE);
  const [error, setError] = useState<string | undefined>();
  const stepHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => stepHeading.current?.focus(), [confirming, slots.isPending]);

  if (slots.isPending) {
    return <Loading />;
  }
  if (slots.isError) {
    return <ErrorPanel error={slots.error} onRetry={() => void slots.refetch()} />;
  }
  const grouped = groupByDay(slots.data.slots);

  if (confirming) {
    const confirm = () =>
      book.mutate(confirming.id, {
        onSuccess: (appointment) => {
          const state: AppointmentsLocationState = {
            flash: t('book.booked', {
              what: appointment.type.name,
              when: `${f.dayInSentence(appointment.localDate)} ${t('appointments.at')} ${f.time(appointment.localDate, appointment.localTime)}`,
            }),
          };
          void navigate(APPOINTMENTS_PATH, { state });
        },
        onError: (err) => {
          // Someone else took it (or it started): back to the times, read again, with the reason on top.
          setError(appointmentError(err, t));
          setConfirming(null);
          setSlotId('');
        },
      });
    return (
      <section aria-labelledby="confirm-heading" className="hb-book-confirm">
        <p className="hb-step">{t('book.step', { step: 3, of: 3 })}</p>
        <h2 id="confirm-heading" ref={stepHeading} tabIndex={-1} className="hb-section__heading">
          {t('book.confirmHeading')}
        </h2>
        <dl className="hb-appt__facts hb-appt__facts--summary">
          <div>
            <dt>{t('book.what')}</dt>
            <dd>{type.name}</dd>
          </div>
          <div>
            <dt>{t('book.when')}</dt>
            <dd>
              {f.day(confirming.localDate)} {t('appointments.at')} {f.time(confirming.localDate, confirming.localTime)}
            </dd>
          </div>
          <div>
            <dt>{t('appointments.unit')}</dt>
            <dd>{type.unit.name}</dd>
          </div>
          <div>
            <dt>{t('book.cancelRule')}</dt>
            <dd>
              {!type.citizenCancellable
                ? t('book.ruleNotCancellable')
                : type.cancelDeadlineWorkingDays === 0
                  ? t('book.ruleUntilStart')
                  : t('book.ruleWorkingDays', { count: type.cancelDeadlineWorkingDays })}
            </dd>
          </div>
        </dl>
        <div className="hb-form__actions">
          <Button onClick={confirm} disabled={book.isPending}>
            {book.isPending ? t('book.booking') : t('book.confirm')}
          </Button>
          <Button variant="borderless" onClick={() => setConfirming(null)}>
            {t('book.chooseAnother')}
          </Button>
        </div>
      </section>
    );
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const slot = slots.data.slots.find((s) => s.id === slotId);
    if (!slot) {
      setError(t('book.chooseSlotRequired'));
      document.querySelector<HTMLInputElement>('input[name="slot"]')?.focus();
      return;
    }
    setError(undefined);
    setConfirming(slot);
  };

  return (
    <form className="hb-form" onSubmit={onSubmit} noValidate aria-labelledby="slots-heading">
      <p className="hb-step">{t('book.step', { step: 2, of: 3 })}</p>
      <h2 id="slots-heading" ref={stepHeading} tabIndex={-1} className="hb-section__heading">
        {t('book.slotsHeading', { what: type.name, unit: type.unit.name })}
      </h2>
      <p>
        <Button variant="borderless" onClick={onChangeType}>
          {t('book.changeType')}
        </Button>
      </p>
      {error && (
        <p className="hb-book-error" role="alert">
          {error}
        </p>
      )}
      {grouped.length === 0 ? (
        <p className="hb-empty">{t('book.noSlots', { unit: type.unit.name })}</p>
      ) : (
        <>
          <ul className="hb-slot-days">
            {grouped.slice(0, days).map((day) => (
              <li key={day.date}>
                <fieldset className="hb-slot-day">
                  <legend className="hb-slot-day__legend">{f.day(day.date)}</legend>
                  <div className="hb-slot-day__times">
                    {day.items.map((s) => (
                      <label key={s.id} className="hb-slot" htmlFor={`slot-${s.id}`}>
                        <input
                          id={`slot-${s.id}`}
                          type="radio"
                          name="slot"
                          value={s.id}
                          checked={slotId === s.id}
                          onChange={() => setSlotId(s.id)}
                          className="hb-slot__input"
                        />
                        <span className="hb-slot__time">{f.time(s.localDate, s.localTime)}</span>
                      </label>
                    ))}
                  </div>
                </fieldset>
              </li>
            ))}
          </ul>
          {grouped.length > days && (
            <Button variant="outline" onClick={() => setDays((d) => d + DAYS_PER_PAGE)}>
              {t('book.moreDays')}
            </Button>
          )}
          <div className="hb-form__actions">
            <Button type="submit">{t('book.next')}</Button>
          </div>
        </>
      )}
    </form>
  );
}
