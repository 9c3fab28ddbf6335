import type { CancellationReason, CitizenAppointment } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import FormGroup from '@helsenorge/designsystem-react/components/FormGroup';
import Label, { Sublabel } from '@helsenorge/designsystem-react/components/Label';
import RadioButton from '@helsenorge/designsystem-react/components/RadioButton';
import Textarea from '@helsenorge/designsystem-react/components/Textarea';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCancelAppointment, useRequestNewTime } from '../../api/appointment-queries.ts';
import { isApiError } from '../../api/api-error.ts';
import { calendarFilePath } from './paths.ts';
import { UnitContact } from './UnitContact.tsx';
import { useAppointmentFormat } from './useAppointmentFormat.ts';
import { appointmentError } from './appointment-errors.ts';

const CITIZEN_REASONS: CancellationReason[] = ['citizen_request', 'illness', 'other'];
/** Refusals that mean "too late or not allowed here: call the unit" (cancelRefusedProblem). */
const CALL_CODES = new Set(['cancel_deadline_passed', 'type_not_cancellable']);

type Open = 'none' | 'cancel' | 'new-time';

/**
 * One appointment: when, where, what, and what the user may do about it now — cancel within the rule, or see why not,
 * until when it was possible and whom to call; ask for a new time.
 * @param onDone - a cancellation or request went through; the page says so
 */
export function AppointmentCard({
  appointment: a,
  mayManage,
  upcoming = true,
  forName,
  onDone,
}: {
  appointment: CitizenAppointment;
  mayManage: boolean;
  /** The person the user acts for, when not themselves: texts about the person name them instead of "du". */
  forName?: string | undefined;
  /** Still to come; a card under "Historikk" offers no calendar file and no changes. */
  upcoming?: boolean;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const f = useAppointmentFormat();
  const [open, setOpen] = useState<Open>('none');
  const headingId = `appt-${a.id}`;
  const booked = a.status === 'booked';
  return (
    <li className={`hb-appt hb-appt--${a.type.kind} hb-appt--${a.status}`}>
      <h3 id={headingId} className="hb-appt__heading">
        <span className="hb-appt__when">
          {f.day(a.localDate)}, {t('appointments.at')} {f.time(a.localDate, a.localTime)}
        </span>
        <span className="hb-appt__what">{a.type.name}</span>
      </h3>
      {!booked && (
        <p className={`hb-appt__status hb-appt__status--${a.status}`}>{t(`appointments.status.${a.status}`)}</p>
      )}
      {booked && a.paused && (
        <p className="hb-appt__status hb-appt__status--paused">
          {forName ? t('appointments.pausedFor', { name: forName }) : t('appointments.paused')}
        </p>
      )}
      <dl className="hb-appt__facts">
        <div>
          <dt>{t('appointments.time')}</dt>
          <dd>
            {f.time(a.localDate, a.localTime)}–{f.time(a.localDate, a.localEndTime)}
          </dd>
        </div>
        <div>
          <dt>{t('appointments.unit')}</dt>
          <dd>{a.unit.name}</dd>
        </div>
        <div>
          <dt>{t('appointments.place')}</dt>
          <dd>{a.location ?? (a.type.kind === 'home_visit' ? t('appointments.atHome') : a.unit.name)}</dd>
        </div>
        {a.staffName && (
          <div>
            <dt>{t('appointments.staff')}</dt>
            <dd>{a.staffName}</dd>
          </div>
        )}
      </dl>

      {a.cancellation && (
        <p className="hb-appt__note">
          {t(`appointments.cancelledBy.${a.cancellation.by}`)}
          {a.cancellation.comment && <> {t('appointments.quoted', { text: a.cancellation.comment })}</>}
        </p>
      )}
      {a.pendingRequest && (
        <p className="hb-appt__note hb-appt__note--pending">
          {t(`appointments.pending.${a.pendingRequest.kind}`, { unit: a.unit.name })}
          {a.pendingRequest.comment && <> {t('appointments.quoted', { text: a.pendingRequest.comment })}</>}
        </p>
      )}

      {a.latestAnswer && !a.pendingRequest && a.latestAnswer.decidedAt && (
        <p className="hb-appt__note hb-appt__note--answer">
          {t(
            `appointments.answer.${a.latestAnswer.kind}.${a.latestAnswer.status === 'accepted' ? 'accepted' : 'declined'}`,
            {
              unit: a.unit.name,
            },
          )}
          {a.latestAnswer.response && <> {t('appointments.quoted', { text: a.latestAnswer.response })}</>}
        </p>
      )}

      {booked && upcoming && (
        <p className="hb-appt__calendar">
          {/* The server writes the file (RFC 5545) so it matches the stored appointment and the read is audited. */}
          <a href={calendarFilePath(a.id)} download className="hb-appt__calendar-link">
            {t('appointmentHistory.addToCalendar')}
            <span className="hb-visually-hidden">
              {' '}
              {t('appointmentHistory.addToCalendarHidden', { what: a.type.name, when: f.dayInSentence(a.localDate) })}
            </span>
          </a>
        </p>
      )}

      {booked && upcoming && mayManage && <CancelRule appointment={a} />}

      {booked && upcoming && mayManage && open === 'none' && (a.cancellable || a.mayRequestNewTime) && (
        <div className="hb-appt__actions">
          {a.cancellable && (
            <Button variant="outline" onClick={() => setOpen('cancel')}>
              {t('appointments.cancel')}
              <span className="hb-visually-hidden"> {t('appointments.theAppointment', { what: a.type.name })}</span>
            </Button>
          )}
          {a.mayRequestNewTime && (
            <Button variant="borderless" onClick={() => setOpen('new-time')}>
              {t('appointments.newTime')}
              <span className="hb-visually-hidden"> {t('appointments.forTheAppointment', { what: a.type.name })}</span>
            </Button>
          )}
        </div>
      )}
      {open === 'cancel' && (
        <CancelForm
          appointment={a}
          onClose={() => setOpen('none')}
          onDone={(m) => {
            setOpen('none');
            onDone(m);
          }}
        />
      )}
      {open === 'new-time' && (
        <NewTimeForm
          appointment={a}
          onClose={() => setOpen('none')}
          onDone={(m) => {
            setOpen('none');
            onDone(m);
          }}
        />
      )}
    </li>
  );
}

/** Until when a digital cancellation is possible, or why it is not and whom to call (citizen-services.md §10 #1). */
function CancelRule({ appointment: a }: { appointment: CitizenAppointment }) {
  const { t } = useTranslation();
  const f = useAppointmentFormat();
  if (a.cancellable) {
    if (!a.cancelByDate) {
      return null;
    }
    return (
      <p className="hb-appt__rule">
        {a.cancelByDate === a.localDate
          ? t('appointments.cancelUntilStart')
          : t('appointments.cancelUntil', { date: f.dayInSentence(a.cancelByDate) })}
        {a.cancellationNeedsAcceptance && <> {t('appointments.needsAcceptance', { unit: a.unit.name })}</>}
      </p>
    );
  }
  const reason = a.notCancellableReason;
  if (reason === 'request_pending' || reason === 'not_booked' || reason === null) {
    return null;
  }
  return (
    <div className="hb-appt__refusal" data-testid="cannot-cancel">
      <p className="hb-appt__refusal-title">{t('appointments.cannotCancelTitle')}</p>
      <p>
        {reason === 'deadline_passed' && a.cancelByDate
          ? t('appointments.reason.deadline_passed', { date: f.dayInSentence(a.cancelByDate) })
          : t(`appointments.reason.${reason}`)}
      </p>
      {reason !== 'not_permitted' && <UnitContact unit={a.unit} />}
    </div>
  );
}

function CancelForm({
  appointment: a,
  onClose,
  onDone,
}: {
  appointment: CitizenAppointment;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const f = useAppointmentFormat();
  const cancel = useCancelAppointment();
  const [reason, setReason] = useState<CancellationReason>('citizen_request');
  const [comment, setComment] = useState('');
  const [refused, setRefused] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const id = `cancel-${a.id}`;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    cancel.mutate(
      { id: a.id, body: { reason, comment: comment.trim() || null } },
      {
        onSuccess: ({ outcome }) =>
          onDone(
            t(outcome === 'cancelled' ? 'appointments.cancelled' : 'appointments.cancelRequested', {
              what: a.type.name,
              when: f.dayInSentence(a.localDate),
              unit: a.unit.name,
            }),
          ),
        onError: (err) => setRefused(isApiError(err) && CALL_CODES.has(err.code) ? err.code : null),
      },
    );
  };

  return (
    <form className="hb-appt__form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`} ref={heading} tabIndex={-1} className="hb-appt__form-heading">
        {a.cancellationNeedsAcceptance ? t('appointments.cancelAskHeading') : t('appointments.cancelHeading')}
      </h4>
      {a.cancellationNeedsAcceptance && <p>{t('appointments.needsAcceptance', { unit: a.unit.name })}</p>}
      <FormGroup legend={t('appointments.reasonLegend')}>
        {CITIZEN_REASONS.map((r) => (
          <RadioButton
            key={r}
            inputId={`${id}-${r}`}
            name={`${id}-reason`}
            value={r}
            checked={reason === r}
            onChange={() => setReason(r)}
            label={t(`appointments.reasons.${r}`)}
          />
        ))}
      </FormGroup>
      <Textarea
        textareaId={`${id}-comment`}
        name="comment"
        label={
          <Label
            labelTexts={[{ text: t('appointments.commentOptional') }]}
            sublabel={<Sublabel id={`${id}-comment-hint`} sublabelTexts={[{ text: t('appointments.noHealthHint') }]} />}
          />
        }
        aria-describedby={`${id}-comment-hint`}
        minRows={2}
        maxCharacters={500}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      {cancel.isError && (
        <div className="hb-appt__refusal" role="alert">
          {refused ? (
            <>
              <p className="hb-appt__refusal-title">{t('appointments.cannotCancelTitle')}</p>
              <p>{t(`appointments.refused.${refused}`)}</p>
              <UnitContact unit={a.unit} />
            </>
          ) : (
            <p>{appointmentError(cancel.error, t)}</p>
          )}
        </div>
      )}
      <div className="hb-form__actions">
        <Button type="submit" disabled={cancel.isPending || refused !== null}>
          {a.cancellationNeedsAcceptance ? t('appointments.cancelAskSubmit') : t('appointments.cancelSubmit')}
        </Button>
        <Button variant="borderless" onClick={onClose}>
          {t('appointments.keep')}
        </Button>
      </div>
    </form>
  );
}

function NewTimeForm({
  appointment: a,
  onClose,
  onDone,
}: {
  appointment: CitizenAppointment;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const ask = useRequestNewTime();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | undefined>();
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  const id = `newtime-${a.id}`;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!comment.trim()) {
      setError(t('appointments.newTimeRequired'));
      field.current?.focus();
      return;
    }
    setError(undefined);
    ask.mutate(
      { id: a.id, comment: comment.trim() },
      {
        onSuccess: () => onDone(t('appointments.newTimeSent', { unit: a.unit.name })),
        onError: (err) => {
          setError(appointmentError(err, t));
          field.current?.focus();
        },
      },
    );
  };

  return (
    <form className="hb-appt__form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`} className="hb-appt__form-heading">
        {t('appointments.newTimeHeading')}
      </h4>
      <Textarea
        ref={field}
        textareaId={`${id}-comment`}
        name="comment"
        label={
          <Label
            labelTexts={[{ text: t('appointments.newTimeLabel') }]}
            sublabel={<Sublabel id={`${id}-hint`} sublabelTexts={[{ text: t('appointments.newTimeHint') }]} />}
          />
        }
        aria-describedby={`${id}-hint`}
        minRows={3}
        maxCharacters={1000}
        required
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        errorText={error}
      />
      <div className="hb-form__actions">
        <Button type="submit" disabled={ask.isPending}>
          {t('appointments.newTimeSubmit')}
        </Button>
        <Button variant="borderless" onClick={onClose}>
          {t('appointments.close')}
        </Button>
      </div>
    </form>
  );
}
