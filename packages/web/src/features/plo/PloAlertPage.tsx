import { PLO_ALERT_LIMITS, type PloAlert } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import Textarea from '@helsenorge/designsystem-react/components/Textarea';
import i18next from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/api-error.ts';
import { useAlertAction, usePloAlert } from '../../api/plo-console-queries.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Loading } from '../../components/PageStatus.tsx';
import { RequireKind, type SignedInSession } from '../../components/RequireKind.tsx';
import { StaffShell } from '../staff/StaffShell.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useFormatters } from '../../components/useFormatters.ts';
import { alertErrorLabel, alertKindLabel } from './alert-labels.ts';
import { ConsoleError } from './ConsoleError.tsx';
import { typeLabel } from './labels.ts';

/** `/ansatt/meldinger/varsler/:id`: one alert, what to do, acknowledging it and closing it with a note. */
export function PloAlertPage() {
  return <RequireKind kind="personnel">{(session) => <AlertView session={session} />}</RequireKind>;
}

function AlertView({ session }: { session: SignedInSession }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const alert = usePloAlert(id);
  const a = alert.data;
  useDocumentTitle(a ? alertKindLabel(t, a) : t('ploAlerts.title'));
  return (
    <StaffShell session={session}>
      <p className="hb-back">
        <Link to="/ansatt/meldinger/varsler" className="hb-back__link">
          {t('ploAlerts.backToList')}
        </Link>
      </p>
      {a ? (
        <Alert a={a} />
      ) : alert.isPending ? (
        <Loading />
      ) : (
        <>
          <PageHeading>{t('ploAlerts.title')}</PageHeading>
          <ConsoleError error={alert.error} onRetry={() => void alert.refetch()} />
        </>
      )}
    </StaffShell>
  );
}

function problemText(error: unknown): string | null {
  if (error instanceof ApiError && i18next.exists(`ploAlerts.problems.${error.code}`)) {
    return i18next.t(`ploAlerts.problems.${error.code}`);
  }
  return null;
}

function Alert({ a }: { a: PloAlert }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const action = useAlertAction(a.id);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const [done, setDone] = useState<'acknowledged' | 'closed' | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (note.trim() === '') {
      setNoteError(t('ploAlerts.noteRequired'));
      document.getElementById('plo-alert-note')?.focus();
      return;
    }
    setNoteError(undefined);
    action.mutate({ kind: 'close', note }, { onSuccess: () => setDone('closed') });
  };
  const failure = action.error ? (problemText(action.error) ?? t('error.title')) : null;
  return (
    <>
      <PageHeading>{alertKindLabel(t, a)}</PageHeading>
      <p>
        <strong>{t(`ploAlerts.severity.${a.severity}`)}</strong> · {t(`ploAlerts.state.${a.state}`)} ·{' '}
        {fmt.dateTime(a.raisedAt)}
      </p>
      <section aria-labelledby="alert-todo">
        <h2 id="alert-todo">{t('ploAlerts.todoTitle')}</h2>
        <p>{t(`ploAlerts.todo.${a.kind}`)}</p>
        {a.errors.length > 0 && (
          <>
            <h3>{t('ploAlerts.errorsTitle')}</h3>
            <ul>
              {a.errors.map((e) => (
                <li key={e.code}>{alertErrorLabel(t, e)}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="alert-details">
        <h2 id="alert-details">{t('ploAlerts.details')}</h2>
        <dl className="hb-facts">
          <dt>{t('ploAlerts.service')}</dt>
          <dd>
            {a.service.name}, {a.service.organisationName}
          </dd>
          {a.partner && (
            <>
              <dt>{t('ploAlerts.partner')}</dt>
              <dd>{a.partner.name}</dd>
            </>
          )}
          {a.silentSince && (
            <>
              <dt>{t('ploAlerts.silentSince')}</dt>
              <dd>{fmt.dateTime(a.silentSince)}</dd>
            </>
          )}
          {a.message && (
            <>
              <dt>{t('ploAlerts.message')}</dt>
              <dd>
                <Link to={`/ansatt/meldinger/${a.message.id}`}>
                  {t('ploAlerts.openMessage')}: {typeLabel(t, a.message.msgType, a.message.typeName)}
                </Link>{' '}
                ({fmt.dateTime(a.message.at)})
              </dd>
              <dt>{t('ploAlerts.messageStatus')}</dt>
              <dd>{t(`ploConsole.statuses.${a.message.status}`, { defaultValue: a.message.status })}</dd>
            </>
          )}
          <dt>{t('ploAlerts.email')}</dt>
          <dd>
            {a.email.ours
              ? t(`ploAlerts.emailState.${a.email.ours}`, { at: a.email.oursAt ? fmt.dateTime(a.email.oursAt) : '' })
              : '–'}
          </dd>
          {a.acknowledged && (
            <>
              <dt>{t('ploAlerts.state.acknowledged')}</dt>
              <dd>
                {t('ploAlerts.acknowledgedBy', {
                  name: a.acknowledged.name ?? '',
                  at: fmt.dateTime(a.acknowledged.at),
                })}
              </dd>
            </>
          )}
          {a.closed && (
            <>
              <dt>{t('ploAlerts.state.closed')}</dt>
              <dd>{t('ploAlerts.closedBy', { name: a.closed.name ?? '', at: fmt.dateTime(a.closed.at) })}</dd>
              <dt>{t('ploAlerts.note')}</dt>
              <dd className="hb-prewrap">{a.closed.note}</dd>
            </>
          )}
        </dl>
      </section>
      {done && <p role="status">{t(done === 'closed' ? 'ploAlerts.closedDone' : 'ploAlerts.acknowledged')}</p>}
      {failure && <p role="alert">{failure}</p>}
      {a.state === 'open' && (
        <div className="hb-form__actions">
          <Button
            disabled={action.isPending}
            onClick={() => action.mutate({ kind: 'acknowledge' }, { onSuccess: () => setDone('acknowledged') })}
          >
            {t('ploAlerts.acknowledge')}
          </Button>
        </div>
      )}
      {a.state !== 'closed' && (
        <section aria-labelledby="alert-close">
          <h2 id="alert-close">{t('ploAlerts.closeTitle')}</h2>
          <form onSubmit={submit} noValidate>
            <Textarea
              textareaId="plo-alert-note"
              name="note"
              label={t('ploAlerts.closeNote')}
              aria-describedby="plo-alert-note-hint"
              minRows={3}
              maxCharacters={PLO_ALERT_LIMITS.maxNoteLength}
              required
              value={note}
              onChange={(e) => setNote(e.target.value)}
              errorText={noteError}
            />
            <p id="plo-alert-note-hint">{t('ploAlerts.closeHint')}</p>
            <div className="hb-form__actions">
              <Button type="submit" disabled={action.isPending}>
                {t('ploAlerts.close')}
              </Button>
            </div>
          </form>
        </section>
      )}
    </>
  );
}
