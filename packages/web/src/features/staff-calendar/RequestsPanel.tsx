import type { StaffAppointmentUnitsResponse, StaffRequestsResponse } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import Input from '@helsenorge/designsystem-react/components/Input';
import Label, { Sublabel } from '@helsenorge/designsystem-react/components/Label';
import Textarea from '@helsenorge/designsystem-react/components/Textarea';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDecideRequest, useUnitRequests } from '../../api/appointment-queries.ts';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { useAppointmentFormat } from '../appointments/useAppointmentFormat.ts';
import { appointmentError } from '../appointments/appointment-errors.ts';

type Unit = StaffAppointmentUnitsResponse['units'][number];
type PendingRequest = StaffRequestsResponse['requests'][number];

/** Cancellation and new-time requests waiting for the unit; each is accepted or declined with a message. */
export function RequestsPanel({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const requests = useUnitRequests(unit.id);
  const [answered, setAnswered] = useState<string | null>(null);
  return (
    <section className="hb-panel hb-cal-requests" aria-labelledby="requests-heading">
      <h2 id="requests-heading" className="hb-panel__heading">
        {t('staffCalendar.requestsHeading')}
      </h2>
      <p role="status" className="hb-cal-actions__done">
        {answered}
      </p>
      {requests.isPending ? (
        <Loading />
      ) : requests.isError ? (
        <ErrorPanel error={requests.error} onRetry={() => void requests.refetch()} />
      ) : requests.data.requests.length === 0 ? (
        <p>{t('staffCalendar.noRequests')}</p>
      ) : (
        <ul className="hb-cal-requests__list">
          {requests.data.requests.map((r) => (
            <RequestItem key={r.id} request={r} onAnswered={setAnswered} />
          ))}
        </ul>
      )}
    </section>
  );
}

function RequestItem({ request: r, onAnswered }: { request: PendingRequest; onAnswered: (m: string) => void }) {
  const { t } = useTranslation();
  const f = useAppointmentFormat();
  const decide = useDecideRequest();
  const [response, setResponse] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [error, setError] = useState<string | undefined>();
  const a = r.appointment;
  const id = `req-${r.id}`;

  const answer = (decision: 'accept' | 'decline') => {
    if (decision === 'accept' && r.kind === 'new_time' && (!date || !time)) {
      setError(t('staffCalendar.newTimeRequired'));
      document.getElementById(`${id}-date`)?.focus();
      return;
    }
    setError(undefined);
    decide.mutate(
      {
        id: r.id,
        body: {
          decision,
          response: response.trim() || null,
          ...(decision === 'accept' && r.kind === 'new_time' ? { localDate: date, localTime: time } : {}),
        },
      },
      {
        onSuccess: () =>
          onAnswered(
            t(decision === 'accept' ? 'staffCalendar.accepted' : 'staffCalendar.declined', {
              name: a.citizen.displayName,
            }),
          ),
        onError: (err) => setError(appointmentError(err, t)),
      },
    );
  };

  return (
    <li className="hb-cal-request">
      <h3 id={`${id}-heading`} className="hb-cal-request__heading">
        {t(`staffCalendar.request.${r.kind}`)}: {a.citizen.displayName}
      </h3>
      <p>
        {a.type.name}, {f.day(a.localDate)} {t('appointments.at')} {f.time(a.localDate, a.localTime)}
      </p>
      <p className="hb-hint">{t('staffCalendar.requestedBy', { who: r.requestedBy })}</p>
      {r.comment && <p className="hb-visit__text">{t('appointments.quoted', { text: r.comment })}</p>}
      <form className="hb-form hb-cal-form" aria-labelledby={`${id}-heading`} onSubmit={(e) => e.preventDefault()}>
        {r.kind === 'new_time' && (
          <div className="hb-cal-form__row">
            <Input
              inputId={`${id}-date`}
              type="date"
              label={t('staffCalendar.newDate')}
              width={12}
              value={date}
              onChange={(e) => setDate(e.target.value)}
            />
            <Input
              inputId={`${id}-time`}
              type="time"
              label={t('staffCalendar.newTime')}
              width={8}
              value={time}
              onChange={(e) => setTime(e.target.value)}
            />
          </div>
        )}
        <Textarea
          textareaId={`${id}-response`}
          name="response"
          label={
            <Label
              labelTexts={[{ text: t('staffCalendar.messageToCitizen') }]}
              sublabel={<Sublabel id={`${id}-hint`} sublabelTexts={[{ text: t('staffCalendar.messageHint') }]} />}
            />
          }
          aria-describedby={`${id}-hint`}
          minRows={2}
          maxCharacters={1000}
          value={response}
          onChange={(e) => setResponse(e.target.value)}
          errorText={error}
        />
        <div className="hb-form__actions">
          <Button onClick={() => answer('accept')} disabled={decide.isPending}>
            {t('staffCalendar.accept')}
          </Button>
          <Button variant="outline" onClick={() => answer('decline')} disabled={decide.isPending}>
            {t('staffCalendar.decline')}
          </Button>
        </div>
      </form>
    </li>
  );
}
