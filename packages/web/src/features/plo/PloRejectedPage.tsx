import { PLO_REJECTED_LIMITS, type PloRejectedItem, type PloRejectedListResponse } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import Select from '@helsenorge/designsystem-react/components/Select';
import Textarea from '@helsenorge/designsystem-react/components/Textarea';
import i18next from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/api-error.ts';
import { usePloRejected, useRejectedAction } from '../../api/plo-console-queries.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Loading } from '../../components/PageStatus.tsx';
import { Pager } from '../../components/Pager.tsx';
import { RequireKind, type SignedInSession } from '../../components/RequireKind.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useFormatters } from '../../components/useFormatters.ts';
import { StaffShell } from '../staff/StaffShell.tsx';
import { ConsoleError } from './ConsoleError.tsx';
import { StateTabs, useTabbedList } from './StateTabs.tsx';
import { partyLabel, typeLabel } from './labels.ts';

/**
 * `/ansatt/meldinger/avviste`: the messages to the organisation the hub rejected (issue 14, D6), with why; a
 * handler passes one on to the right service or closes it with a note.
 */
export function PloRejectedPage() {
  return <RequireKind kind="personnel">{(session) => <Rejected session={session} />}</RequireKind>;
}

function Rejected({ session }: { session: SignedInSession }) {
  const { t } = useTranslation();
  useDocumentTitle(t('ploRejected.title'));
  const { state, page, hrefOf, goToPage } = useTabbedList(['open', 'done'] as const, 'ferdige');
  const list = usePloRejected({ state, page });
  const data = list.data;
  // What was just done, kept here: the message leaves the waiting list as soon as it is decided.
  const [done, setDone] = useState('');
  return (
    <StaffShell session={session}>
      <p className="hb-back">
        <Link to="/ansatt/meldinger" className="hb-back__link">
          {t('ploRejected.back')}
        </Link>
      </p>
      <PageHeading>{t('ploRejected.title')}</PageHeading>
      <p className="hb-lead">{t('ploRejected.lead')}</p>
      <StateTabs
        label={t('ploRejected.show')}
        states={['open', 'done'] as const}
        current={state}
        href={hrefOf}
        text={(s) => t(`ploRejected.${s}`)}
      />
      <p role="status">{done}</p>
      <div aria-busy={list.isFetching}>
        {data ? (
          <>
            {data.items.length === 0 ? (
              <p className="hb-empty">{t(state === 'done' ? 'ploRejected.emptyDone' : 'ploRejected.empty')}</p>
            ) : (
              <ul className="hb-plo-rejected" aria-label={t('ploRejected.listLabel')}>
                {data.items.map((item) => (
                  <li key={item.id}>
                    <RejectedMessage item={item} services={data.services} onDone={setDone} />
                  </li>
                ))}
              </ul>
            )}
            <Pager page={data.page} total={data.total} pageSize={data.pageSize} onPage={goToPage} />
          </>
        ) : list.isPending ? (
          <Loading />
        ) : (
          <ConsoleError error={list.error} onRetry={() => void list.refetch()} />
        )}
      </div>
    </StaffShell>
  );
}

function problemText(error: unknown): string | null {
  if (error instanceof ApiError && i18next.exists(`ploRejected.problems.${error.code}`)) {
    return i18next.t(`ploRejected.problems.${error.code}`);
  }
  return null;
}

type ItemProps = {
  item: PloRejectedItem;
  services: PloRejectedListResponse['services'];
  /** Told what was done, for the page's status line. */
  onDone: (text: string) => void;
};

function RejectedMessage({ item, services, onDone }: ItemProps) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const heading = `rejected-${item.id}`;
  return (
    <article className="hb-panel" aria-labelledby={heading}>
      <h2 id={heading} className="hb-panel__heading">
        {typeLabel(t, item.msgType, item.typeName)} – {item.patient.name ?? t('ploConsole.unknownPatient')}
      </h2>
      <dl className="hb-facts">
        {item.patient.maskedNin && (
          <div>
            <dt>{t('ploConsole.nin')}</dt>
            <dd className="hb-nin">{item.patient.maskedNin}</dd>
          </div>
        )}
        <div>
          <dt>{t('ploRejected.from')}</dt>
          <dd>{partyLabel(item.sender)}</dd>
        </div>
        <div>
          <dt>{t('ploRejected.to')}</dt>
          <dd>{partyLabel(item.receiver)}</dd>
        </div>
        <div>
          <dt>{t('ploRejected.receivedAt')}</dt>
          <dd>{fmt.dateTime(item.at)}</dd>
        </div>
        <div>
          <dt>{t('ploRejected.reasons')}</dt>
          <dd>
            <ul>
              {item.reasons.map((r, i) => (
                <li key={`${r.code}-${i}`}>
                  {r.code}: {r.text}
                  {r.detail ? ` – ${r.detail}` : ''}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      {item.done ? (
        <>
          <p>
            {item.done.outcome === 'forwarded'
              ? t('ploRejected.forwarded', {
                  service: item.done.forwardedTo?.name ?? '',
                  name: item.done.by ?? '',
                  at: fmt.dateTime(item.done.at),
                })
              : t('ploRejected.closed', { name: item.done.by ?? '', at: fmt.dateTime(item.done.at) })}
          </p>
          <p className="hb-prewrap">{item.done.note}</p>
        </>
      ) : (
        <Decide item={item} services={services} onDone={onDone} />
      )}
    </article>
  );
}

/** Pass on to a service of the organisation, or close; a note either way. */
function Decide({ item, services, onDone }: ItemProps) {
  const { t } = useTranslation();
  const action = useRejectedAction(item.id);
  const [service, setService] = useState(services[0]?.herId ?? '');
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const noteId = `rejected-${item.id}-note`;
  const run = (kind: 'close' | 'forward') => {
    if (note.trim() === '') {
      setNoteError(t('ploRejected.noteRequired'));
      document.getElementById(noteId)?.focus();
      return;
    }
    setNoteError(undefined);
    const name = services.find((s) => s.herId === service)?.name ?? '';
    action.mutate(kind === 'close' ? { kind, note } : { kind, note, serviceHerId: service }, {
      onSuccess: () =>
        onDone(kind === 'close' ? t('ploRejected.closedDone') : t('ploRejected.forwardedDone', { service: name })),
    });
  };
  const failure = action.error ? (problemText(action.error) ?? t('error.title')) : null;
  return (
    <form className="hb-form" noValidate onSubmit={(e) => e.preventDefault()}>
      <Select
        selectId={`rejected-${item.id}-service`}
        label={t('ploRejected.forwardTo')}
        value={service}
        onChange={(e) => setService(e.target.value)}
      >
        {services.map((s) => (
          <option key={s.herId} value={s.herId}>
            {s.name}
          </option>
        ))}
      </Select>
      <Textarea
        textareaId={noteId}
        label={t('ploRejected.note')}
        aria-describedby={`${noteId}-hint`}
        minRows={2}
        maxCharacters={PLO_REJECTED_LIMITS.maxNoteLength}
        required
        value={note}
        onChange={(e) => setNote(e.target.value)}
        errorText={noteError}
      />
      <p id={`${noteId}-hint`}>{t('ploRejected.noteHint')}</p>
      <div className="hb-form__actions">
        <Button disabled={action.isPending} onClick={() => run('forward')}>
          {t('ploRejected.forward')}
        </Button>
        <Button variant="outline" disabled={action.isPending} onClick={() => run('close')}>
          {t('ploRejected.close')}
        </Button>
      </div>
      {failure && <p role="alert">{failure}</p>}
    </form>
  );
}
