import type { CancellationReason, StaffAppointment } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import Checkbox from '@helsenorge/designsystem-react/components/Checkbox';
import Input from '@helsenorge/designsystem-react/components/Input';
import Label, { Sublabel } from '@helsenorge/designsystem-react/components/Label';
import Select from '@helsenorge/designsystem-react/components/Select';
import Textarea from '@helsenorge/designsystem-react/components/Textarea';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useMoveAppointment,
  useRecordVisit,
  useSetStaffNames,
  useStaffCancel,
  useStaffNames,
} from '../../api/appointment-queries.ts';
import { useAppointmentFormat } from '../appointments/useAppointmentFormat.ts';
import { appointmentError } from '../appointments/appointment-errors.ts';

const STAFF_REASONS: CancellationReason[] = ['unit_unavailable', 'citizen_request', 'illness', 'duplicate', 'other'];

type Action = 'visit' | 'move' | 'cancel';

/** What staff can do with one appointment: record the completed visit, move it, cancel it (the citizen is told). */
export function AppointmentActions({ appointment: a }: { appointment: StaffAppointment }) {
  const { t } = useTranslation();
  const f = useAppointmentFormat();
  const booked = a.status === 'booked';
  const homeVisit = a.type.kind === 'home_visit';
  const [action, setAction] = useState<Action | null>(booked && homeVisit ? 'visit' : null);
  const [done, setDone] = useState<string | null>(null);

  return (
    <div className="hb-cal-actions">
      <p className="hb-cal-actions__done" role="status">
        {done}
      </p>
      {a.completedVisit && (
        <div className="hb-cal-visit">
          <p className="hb-cal-visit__title">
            {t('staffCalendar.visitDone', {
              when: `${f.day(a.completedVisit.localDate)} ${t('appointments.at')} ${f.time(a.completedVisit.localDate, a.completedVisit.localTime)}`,
            })}
          </p>
          <p className="hb-visit__text">{a.completedVisit.whatWasDone}</p>
        </div>
      )}
      {a.pendingRequest && (
        <p className="hb-hint">
          {t(`staffCalendar.request.${a.pendingRequest.kind}`)}: {t('staffCalendar.answerAbove')}
        </p>
      )}
      {booked && (
        <div className="hb-cal__views" role="group" aria-label={t('staffCalendar.actionsLabel')}>
          {(homeVisit ? (['visit', 'move', 'cancel'] as const) : (['move', 'cancel'] as const)).map((x) => (
            <button
              key={x}
              type="button"
              className="hb-filter__option"
              aria-pressed={action === x}
              onClick={() => setAction(x)}
            >
              {t(`staffCalendar.action.${x}`)}
            </button>
          ))}
        </div>
      )}
      {booked && action === 'visit' && <RecordVisitForm a={a} onDone={setDone} />}
      {booked && action === 'move' && <MoveForm a={a} onDone={setDone} />}
      {booked && action === 'cancel' && <CancelForm a={a} onDone={setDone} />}
      <StaffNamesToggle a={a} />
    </div>
  );
}

/**
 * Hides the staff members' names from this citizen and their representatives, for their safety or the staff's
 * (citizen-services.md §10 #7); the citizen then sees "the name is not shown".
 */
function StaffNamesToggle({ a }: { a: StaffAppointment }) {
  const { t } = useTranslation();
  const setting = useStaffNames(a.serviceUnitId, a.citizen.personId);
  const save = useSetStaffNames(a.serviceUnitId, a.citizen.personId);
  if (!setting.data) {
    return null;
  }
  return (
    <div className="hb-cal-names">
      <Checkbox
        inputId={`names-${a.id}`}
        name="hideStaffNames"
        checked={setting.data.hidden}
        disabled={save.isPending}
        onChange={(e) => save.mutate(e.target.checked)}
        label={t('staffCalendar.hideNames', { name: a.citizen.displayName })}
        aria-describedby={`names-help-${a.id}`}
      />
      <p id={`names-help-${a.id}`} className="hb-cal-names__help">
        {t('staffCalendar.hideNamesHelp', { name: a.citizen.displayName })}
      </p>
      <p className="hb-cal-actions__done" role="status">
        {save.isSuccess && (save.data.hidden ? t('staffCalendar.namesHidden') : t('staffCalendar.namesShown'))}
      </p>
      {save.isError && (
        <p className="hb-book-error" role="alert">
          {appointmentError(save.error, t)}
        </p>
      )}
    </div>
  );
}

function RecordVisitForm({ a, onDone }: { a: StaffAppointment; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const record = useRecordVisit();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setError(t('staffCalendar.whatWasDoneRequired'));
      document.getElementById(`visit-${a.id}`)?.focus();
      return;
    }
    setError(undefined);
    record.mutate(
      { id: a.id, body: { whatWasDone: text.trim() } },
      {
        onSuccess: () => onDone(t('staffCalendar.visitSaved', { name: a.citizen.displayName })),
        onError: (err) => setError(appointmentError(err, t)),
      },
    );
  };
  return (
    <form className="hb-form hb-cal-form" onSubmit={onSubmit} noValidate>
      <Textarea
        textareaId={`visit-${a.id}`}
        name="whatWasDone"
        label={
          <Label
            labelTexts={[{ text: t('staffCalendar.whatWasDone') }]}
            sublabel={
              <Sublabel id={`visit-${a.id}-hint`} sublabelTexts={[{ text: t('staffCalendar.whatWasDoneHint') }]} />
            }
          />
        }
        aria-describedby={`visit-${a.id}-hint`}
        minRows={3}
        maxCharacters={2000}
        required
        value={text}
        onChange={(e) => setText(e.target.value)}
        errorText={error}
      />
      <div className="hb-form__actions">
        <Button type="submit" disabled={record.isPending}>
          {t('staffCalendar.saveVisit')}
        </Button>
      </div>
    </form>
  );
}

function MoveForm({ a, onDone }: { a: StaffAppointment; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const f = useAppointmentFormat();
  const move = useMoveAppointment();
  const [date, setDate] = useState(a.localDate);
  const [time, setTime] = useState(a.localTime);
  const [error, setError] = useState<string | undefined>();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!date || !time) {
      setError(t('staffCalendar.timeRequired'));
      return;
    }
    setError(undefined);
    move.mutate(
      { id: a.id, body: { localDate: date, localTime: time } },
      {
        onSuccess: (moved) =>
          onDone(
            t('staffCalendar.moved', {
              when: `${f.day(moved.localDate)} ${t('appointments.at')} ${f.time(moved.localDate, moved.localTime)}`,
            }),
          ),
        onError: (err) => setError(appointmentError(err, t)),
      },
    );
  };
  return (
    <form className="hb-form hb-cal-form" onSubmit={onSubmit} noValidate>
      <div className="hb-cal-form__row">
        <Input
          inputId={`move-date-${a.id}`}
          type="date"
          label={t('staffCalendar.newDate')}
          width={12}
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
        <Input
          inputId={`move-time-${a.id}`}
          type="time"
          label={t('staffCalendar.newTime')}
          width={8}
          value={time}
          onChange={(e) => setTime(e.target.value)}
          errorText={error}
        />
      </div>
      <p className="hb-hint">{t('staffCalendar.citizenIsTold')}</p>
      <div className="hb-form__actions">
        <Button type="submit" disabled={move.isPending}>
          {t('staffCalendar.move')}
        </Button>
      </div>
    </form>
  );
}

function CancelForm({ a, onDone }: { a: StaffAppointment; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const cancel = useStaffCancel();
  const [reason, setReason] = useState<CancellationReason>('unit_unavailable');
  const [comment, setComment] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    cancel.mutate(
      { id: a.id, body: { reason, comment: comment.trim() || null } },
      { onSuccess: () => onDone(t('staffCalendar.cancelled', { name: a.citizen.displayName })) },
    );
  };
  return (
    <form className="hb-form hb-cal-form" onSubmit={onSubmit} noValidate>
      <Select
        selectId={`cancel-reason-${a.id}`}
        label={t('staffCalendar.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value as CancellationReason)}
      >
        {STAFF_REASONS.map((r) => (
          <option key={r} value={r}>
            {t(`staffCalendar.reasons.${r}`)}
          </option>
        ))}
      </Select>
      <Textarea
        textareaId={`cancel-comment-${a.id}`}
        name="comment"
        label={
          <Label
            labelTexts={[{ text: t('staffCalendar.messageToCitizen') }]}
            sublabel={
              <Sublabel id={`cancel-comment-${a.id}-hint`} sublabelTexts={[{ text: t('staffCalendar.messageHint') }]} />
            }
          />
        }
        aria-describedby={`cancel-comment-${a.id}-hint`}
        minRows={2}
        maxCharacters={500}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        errorText={cancel.isError ? appointmentError(cancel.error, t) : undefined}
      />
      <div className="hb-form__actions">
        <Button type="submit" variant="outline" disabled={cancel.isPending}>
          {t('staffCalendar.cancelAppointment')}
        </Button>
      </div>
    </form>
  );
}
