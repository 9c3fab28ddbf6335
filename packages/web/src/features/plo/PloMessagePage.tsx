import type { PloConsoleMessage } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ploMessageXmlUrl } from '../../api/plo-console-api.ts';
import { useMarkHandled, usePloMessage } from '../../api/plo-console-queries.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Loading } from '../../components/PageStatus.tsx';
import { RequireKind, type SignedInSession } from '../../components/RequireKind.tsx';
import { StaffShell } from '../staff/StaffShell.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useFormatters } from '../../components/useFormatters.ts';
import { AnswerForm } from './AnswerForm.tsx';
import { ConsoleError } from './ConsoleError.tsx';
import { consoleError, partyLabel, typeLabel } from './labels.ts';
import { MessageContent } from './MessageContent.tsx';
import { ploMessagePath, ploMessagesPath } from './paths.ts';

/** `/ansatt/meldinger/:id`: one message, readable, with its receipts, history, XML and the answer form. */
export function PloMessagePage() {
  return <RequireKind kind="personnel">{(session) => <Message session={session} />}</RequireKind>;
}

function Message({ session }: { session: SignedInSession }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const message = usePloMessage(id);
  const m = message.data;
  useDocumentTitle(m ? typeLabel(t, m.msgType, m.typeName) : t('ploConsole.title'));
  return (
    <StaffShell session={session}>
      <p className="hb-back">
        <Link
          to={m ? ploMessagesPath(m.service.herId, m.direction === 'out' ? 'outbox' : 'inbox') : ploMessagesPath()}
          className="hb-back__link"
        >
          {t('ploConsole.backToList')}
        </Link>
      </p>
      {m ? (
        <MessageView m={m} />
      ) : message.isPending ? (
        <Loading />
      ) : (
        <>
          <PageHeading>{t('ploConsole.title')}</PageHeading>
          <ConsoleError error={message.error} onRetry={() => void message.refetch()} />
        </>
      )}
    </StaffShell>
  );
}

function MessageView({ m }: { m: PloConsoleMessage }) {
  const { t } = useTranslation();
  const { date, dateTime } = useFormatters();
  const handle = useMarkHandled(m.id);
  const status = m.state ? t(`ploConsole.state.${m.state}`) : t(`ploConsole.statuses.${m.status}`);
  return (
    <>
      <PageHeading>{typeLabel(t, m.msgType, m.typeName)}</PageHeading>
      <p className="hb-plo-headline">
        <span className={`hb-plo-status hb-plo-status--${m.state ?? m.status}`}>{status}</span>
        <span>{m.service.name}</span>
      </p>
      {m.supersededBy && (
        <NotificationPanel
          variant={m.supersededBy.as === 'C' ? 'warn' : 'info'}
          label={t(`ploConsole.supersededBy.${m.supersededBy.as}`, { at: dateTime(m.supersededBy.at) })}
          labelHtmlMarkup="h2"
        >
          <p>
            <Link to={ploMessagePath(m.supersededBy.id)}>{t(`ploConsole.openSuperseding.${m.supersededBy.as}`)}</Link>
          </p>
        </NotificationPanel>
      )}
      {(m.forsendelsesstatus === 'M' || m.forsendelsesstatus === 'C') && (
        <p className="hb-lead">
          {t(`ploConsole.supersedes.${m.forsendelsesstatus}`)}{' '}
          {m.supersedes && <Link to={ploMessagePath(m.supersedes.id)}>{t('ploConsole.openOriginal')}</Link>}
        </p>
      )}
      <div className="hb-grid-2">
        <section className="hb-panel" aria-labelledby="plo-summary-heading">
          <h2 id="plo-summary-heading" className="hb-panel__heading">
            {t('ploConsole.summary')}
          </h2>
          <dl className="hb-facts">
            <div>
              <dt>{t('ploConsole.patient')}</dt>
              <dd>
                <span className="hb-facts__line">{m.patient.name ?? t('ploConsole.unknownPatient')}</span>
                {m.patient.birthDate && (
                  <span className="hb-facts__line">{t('ploConsole.born', { date: date(m.patient.birthDate) })}</span>
                )}
                {m.patient.nameInMessage && (
                  <strong className="hb-facts__line hb-plo-name-mismatch">
                    {t('ploConsole.nameInMessage', { name: m.patient.nameInMessage })}
                  </strong>
                )}
              </dd>
            </div>
            {m.patient.maskedNin && (
              <div>
                <dt>{t('ploConsole.nin')}</dt>
                <dd className="hb-nin">{m.patient.maskedNin}</dd>
              </div>
            )}
            <div>
              <dt>{t('ploConsole.from')}</dt>
              <dd>{partyLabel(m.sender)}</dd>
            </div>
            <div>
              <dt>{t('ploConsole.to')}</dt>
              <dd>{partyLabel(m.receiver)}</dd>
            </div>
            {m.sentAt && (
              <div>
                <dt>{t('ploConsole.sentAt')}</dt>
                <dd>{dateTime(m.sentAt)}</dd>
              </div>
            )}
            <div>
              <dt>{m.direction === 'in' ? t('ploConsole.receivedAt') : t('ploConsole.createdAt')}</dt>
              <dd>{dateTime(m.at)}</dd>
            </div>
            {m.forsendelsesstatus && (
              <div>
                <dt>{t('ploConsole.shipment')}</dt>
                <dd>{t(`ploConsole.forsendelsesstatus.${m.forsendelsesstatus}`)}</dd>
              </div>
            )}
          </dl>
          {m.direction === 'in' && m.state !== 'handled' && (
            <div className="hb-form__actions">
              <Button variant="outline" disabled={handle.isPending} onClick={() => handle.mutate()}>
                {handle.isPending ? t('ploConsole.markingHandled') : t('ploConsole.markHandled')}
              </Button>
            </div>
          )}
          {handle.isError && <p role="alert">{consoleError(handle.error, t)}</p>}
          {m.state === 'handled' && <p role="status">{t('ploConsole.handled')}</p>}
        </section>
        <Receipts m={m} />
      </div>
      <MessageContent content={m.content} />
      {m.conversation.length > 1 && <Conversation m={m} />}
      <RawXml id={m.id} />
      {m.answerTypes.length > 0 && <AnswerForm message={m} />}
    </>
  );
}

/** The AppRec box and the status history as a small timeline. */
function Receipts({ m }: { m: PloConsoleMessage }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  return (
    <div className="hb-plo-receipts">
      <section className="hb-panel" aria-labelledby="plo-apprec-heading">
        <h2 id="plo-apprec-heading" className="hb-panel__heading">
          {t('ploConsole.appRec')}
        </h2>
        {m.appRecs.length === 0 ? (
          <p>{t('ploConsole.appRecNone')}</p>
        ) : (
          <ul className="hb-plo-apprecs">
            {m.appRecs.map((a, i) => (
              <li key={i} className={`hb-plo-apprec hb-plo-apprec--${a.status === '1' ? 'ok' : 'rejected'}`}>
                <p className="hb-plo-apprec__status">{t(`ploConsole.appRecStatus.${a.status}`)}</p>
                <p className="hb-hint">
                  {t(a.direction === 'out' ? 'ploConsole.appRecOut' : 'ploConsole.appRecIn', {
                    herId: a.answeringHerId,
                  })}{' '}
                  · {dateTime(a.at)}
                </p>
                {a.errors.length > 0 && (
                  <dl className="hb-plo-apprec__errors" aria-label={t('ploConsole.appRecErrors')}>
                    {a.errors.map((e) => (
                      <div key={e.code}>
                        <dt>{e.code}</dt>
                        <dd>
                          {e.text}
                          {e.detail ? ` – ${e.detail}` : ''}
                        </dd>
                      </div>
                    ))}
                  </dl>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="hb-panel" aria-labelledby="plo-history-heading">
        <h2 id="plo-history-heading" className="hb-panel__heading">
          {t('ploConsole.history')}
        </h2>
        <ol className="hb-plo-timeline">
          {m.history.map((h, i) => (
            <li key={`${h.event}-${i}`} className="hb-plo-timeline__item">
              <span className="hb-plo-timeline__event">
                {t(`ploConsole.events.${h.event}`, { defaultValue: h.event })}
              </span>
              <time dateTime={h.at} className="hb-hint">
                {dateTime(h.at)}
              </time>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function Conversation({ m }: { m: PloConsoleMessage }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  return (
    <section className="hb-panel" aria-labelledby="plo-conversation-heading">
      <h2 id="plo-conversation-heading" className="hb-panel__heading">
        {t('ploConsole.conversation')}
      </h2>
      <ol className="hb-plo-conversation">
        {m.conversation.map((c) => (
          <li key={c.id}>
            {c.current ? (
              <span aria-current="page">
                {typeLabel(t, c.msgType, c.typeName)} {t('ploConsole.conversationCurrent')}
              </span>
            ) : (
              <Link to={ploMessagePath(c.id)}>{typeLabel(t, c.msgType, c.typeName)}</Link>
            )}{' '}
            <span className="hb-hint">
              {dateTime(c.at)} · {t(`ploConsole.statuses.${c.status}`)}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The raw XML in a disclosure: fetched (an audited read) only when opened, and downloadable. */
function RawXml({ id }: { id: string }) {
  const { t } = useTranslation();
  const [xml, setXml] = useState<{ text?: string; failed?: boolean } | null>(null);
  const onToggle = (open: boolean) => {
    if (!open || xml) {
      return;
    }
    setXml({});
    fetch(ploMessageXmlUrl(id), { credentials: 'same-origin' })
      .then(async (res) => setXml(res.ok ? { text: await res.text() } : { failed: true }))
      .catch(() => setXml({ failed: true }));
  };
  return (
    <details className="hb-panel hb-plo-xml" onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary className="hb-plo-xml__summary">{t('ploConsole.xml')}</summary>
      <p>
        <a href={ploMessageXmlUrl(id)} download>
          {t('ploConsole.xmlDownload')}
        </a>
      </p>
      {xml?.text !== undefined ? (
        <pre className="hb-plo-xml__code" tabIndex={0} aria-label={t('ploConsole.xml')}>
          {xml.text}
        </pre>
      ) : xml?.failed ? (
        <p role="alert">{t('ploConsole.xmlFailed')}</p>
      ) : xml ? (
        <p role="status">{t('ploConsole.xmlLoading')}</p>
      ) : null}
    </details>
  );
}
