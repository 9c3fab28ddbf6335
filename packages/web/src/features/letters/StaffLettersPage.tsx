import type { StaffLetter } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import Input from '@helsenorge/designsystem-react/components/Input';
import Label, { Sublabel } from '@helsenorge/designsystem-react/components/Label';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import Select from '@helsenorge/designsystem-react/components/Select';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../api/api-error.ts';
import { letterDocumentHref } from '../../api/letters-api.ts';
import {
  useMarkPrinted,
  usePrintList,
  useSendLetter,
  useStaffLetterUnits,
  useUnitLetters,
} from '../../api/letters-queries.ts';
import { checkNin, normalizeNin } from '../../components/nin-check.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ErrorPanel, errorMessage, Loading } from '../../components/PageStatus.tsx';
import { Pager } from '../../components/Pager.tsx';
import { RequireKind, type SignedInSession } from '../../components/RequireKind.tsx';
import { StaffShell } from '../staff/StaffShell.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useFormatters } from '../../components/useFormatters.ts';

/** `/ansatt/brev`: a unit sends letters (PDF), sees what happened to each, and works its print list (issue 13). */
export function StaffLettersPage() {
  return <RequireKind kind="personnel">{(session) => <StaffLetters session={session} />}</RequireKind>;
}

function StaffLetters({ session }: { session: SignedInSession }) {
  const { t } = useTranslation();
  useDocumentTitle(t('letters.staffTitle'));
  const units = useStaffLetterUnits();
  const [params, setParams] = useSearchParams();
  const list = units.data?.units ?? [];
  const unit = list.find((u) => u.id === params.get('enhet')) ?? list[0] ?? null;
  return (
    <StaffShell session={session}>
      <p className="hb-back">
        <Link to="/ansatt" className="hb-back__link">
          {t('letters.back')}
        </Link>
      </p>
      <PageHeading>{t('letters.staffTitle')}</PageHeading>
      {units.isPending ? (
        <Loading />
      ) : units.isError ? (
        <ErrorPanel error={units.error} onRetry={() => void units.refetch()} />
      ) : !unit ? (
        <p className="hb-empty">{t('letters.noUnits')}</p>
      ) : (
        <>
          {list.length > 1 && (
            <Select
              selectId="letters-unit"
              label={t('letters.unit')}
              value={unit.id}
              onChange={(e) => setParams({ enhet: e.target.value })}
            >
              {list.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </Select>
          )}
          {units.data.refusal ? (
            <NotificationPanel variant="info" label={t('letters.notActiveTitle')} labelHtmlMarkup="h2">
              <p>{t(`letters.${units.data.refusal}`)}</p>
            </NotificationPanel>
          ) : (
            <SendLetterForm unitId={unit.id} />
          )}
          <PrintList unitId={unit.id} />
          <SentLetters unitId={unit.id} />
        </>
      )}
    </StaffShell>
  );
}

type Field = 'nin' | 'title' | 'file';

function SendLetterForm({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const send = useSendLetter(unitId);
  const fileInput = useRef<HTMLInputElement>(null);
  const [nin, setNin] = useState('');
  const [title, setTitle] = useState('');
  const [importance, setImportance] = useState<'important' | 'ordinary'>('important');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [result, setResult] = useState<StaffLetter | null>(null);

  const fail = (field: Field, message: string) => {
    setErrors({ [field]: message });
    document.getElementById(`letter-${field}`)?.focus();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    const ninProblem = checkNin(nin);
    if (ninProblem) {
      return fail('nin', t(`staffAccess.errors.${ninProblem}`));
    }
    if (title.trim() === '') {
      return fail('title', t('letters.errors.titleRequired'));
    }
    const file = fileInput.current?.files?.[0];
    if (!file) {
      return fail('file', t('letters.errors.fileRequired'));
    }
    if (file.size > 10 * 1024 * 1024) {
      return fail('file', t('letters.errors.tooLarge'));
    }
    setErrors({});
    const form = new FormData();
    form.append('nin', normalizeNin(nin));
    form.append('title', title.trim());
    form.append('importance', importance);
    form.append('file', file, file.name);
    send.mutate(form, {
      onSuccess: (letter) => {
        setResult(letter);
        setNin('');
        setTitle('');
        if (fileInput.current) {
          fileInput.current.value = '';
        }
      },
      onError: (err) => {
        const code = isApiError(err) ? err.code : null;
        if (code === 'no_care_relation') {
          return fail('nin', t('letters.errors.noCareRelation'));
        }
        if (code === 'letter_not_pdf') {
          return fail('file', t('letters.errors.notPdf'));
        }
        if (code === 'letter_too_large') {
          return fail('file', t('letters.errors.tooLarge'));
        }
        fail('nin', errorMessage(err, t));
      },
    });
  };

  return (
    <section className="hb-panel" aria-labelledby="letter-send-heading">
      <h2 id="letter-send-heading" className="hb-panel__heading">
        {t('letters.sendHeading')}
      </h2>
      <p>{t('letters.sendLead')}</p>
      {result && (
        <div role="status" className="hb-notice" data-testid="letter-result">
          <NotificationPanel variant={result.channel === 'portal' ? 'success' : 'info'}>
            <p>
              {result.channel === 'portal'
                ? t('letters.sentPortal', { name: result.recipient.displayName })
                : t('letters.sentPrint', {
                    name: result.recipient.displayName,
                    reason: t(`letters.reasons.${result.channelReason}`),
                  })}
            </p>
          </NotificationPanel>
        </div>
      )}
      <form className="hb-form" onSubmit={onSubmit} noValidate>
        <Input
          inputId="letter-nin"
          name="nin"
          label={
            <Label
              labelTexts={[{ text: t('letters.nin') }]}
              sublabel={<Sublabel id="letter-nin-hint" sublabelTexts={[{ text: t('letters.ninHint') }]} />}
            />
          }
          aria-describedby="letter-nin-hint"
          inputMode="numeric"
          autoComplete="off"
          width={14}
          value={nin}
          onChange={(e) => setNin(e.target.value)}
          errorText={errors.nin}
        />
        <Input
          inputId="letter-title"
          name="title"
          label={t('letters.titleLabel')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          errorText={errors.title}
        />
        <Select
          selectId="letter-importance"
          label={t('letters.importance')}
          value={importance}
          onChange={(e) => setImportance(e.target.value === 'ordinary' ? 'ordinary' : 'important')}
        >
          <option value="important">{t('letters.important_label')}</option>
          <option value="ordinary">{t('letters.ordinary_label')}</option>
        </Select>
        <div className={`hb-files${errors.file ? ' hb-files--error' : ''}`}>
          <label htmlFor="letter-file" className="hb-files__label">
            {t('letters.file')}
          </label>
          {errors.file && (
            <p id="letter-file-error" className="hb-field-error">
              {errors.file}
            </p>
          )}
          <input
            ref={fileInput}
            id="letter-file"
            name="file"
            type="file"
            accept="application/pdf,.pdf"
            aria-describedby={errors.file ? 'letter-file-error' : undefined}
            aria-invalid={errors.file ? true : undefined}
          />
        </div>
        <Button type="submit" disabled={send.isPending}>
          {t('letters.send')}
        </Button>
      </form>
    </section>
  );
}

function useStatus() {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  return (l: StaffLetter) =>
    [
      l.channel === 'portal' ? t('letters.delivered') : l.printedAt ? null : t('letters.queued'),
      l.notifiedAt ? t('letters.notified', { date: dateTime(l.notifiedAt) }) : null,
      l.readAt ? t('letters.opened', { date: dateTime(l.readAt) }) : null,
      l.printedAt ? t('letters.printed', { date: dateTime(l.printedAt) }) : null,
    ]
      .filter(Boolean)
      .join('. ');
}

function SentLetters({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const sent = useUnitLetters(unitId, page);
  const status = useStatus();
  return (
    <section className="hb-section" aria-labelledby="letters-sent-heading">
      <h2 id="letters-sent-heading" className="hb-section__heading">
        {t('letters.sentHeading')}
      </h2>
      {sent.isPending ? (
        <Loading />
      ) : sent.isError ? (
        <ErrorPanel error={sent.error} onRetry={() => void sent.refetch()} />
      ) : sent.data.letters.length === 0 ? (
        <p className="hb-empty">{t('letters.sentEmpty')}</p>
      ) : (
        <>
          <div className="hb-table-scroll">
            <table className="hb-table" data-testid="letters-sent">
              <thead>
                <tr>
                  <th scope="col">{t('letters.recipient')}</th>
                  <th scope="col">{t('letters.titleColumn')}</th>
                  <th scope="col">{t('letters.channel')}</th>
                  <th scope="col">{t('letters.status')}</th>
                </tr>
              </thead>
              <tbody>
                {sent.data.letters.map((l) => (
                  <tr key={l.id}>
                    <td>{l.recipient.displayName}</td>
                    <td>{l.title}</td>
                    <td>
                      {t(`letters.channels.${l.channel}`)}
                      <br />
                      <span className="hb-hint">{t(`letters.reasons.${l.channelReason}`)}</span>
                    </td>
                    <td>{status(l)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} total={sent.data.total} pageSize={sent.data.pageSize} onPage={setPage} />
        </>
      )}
    </section>
  );
}

function PrintList({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const list = usePrintList(unitId);
  const printed = useMarkPrinted();
  return (
    <section className="hb-section" aria-labelledby="letters-print-heading">
      <h2 id="letters-print-heading" className="hb-section__heading">
        {t('letters.printHeading')}
      </h2>
      <p>{t('letters.printLead')}</p>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.letters.length === 0 ? (
        <p className="hb-empty">{t('letters.printEmpty')}</p>
      ) : (
        <ul className="hb-conversations" data-testid="print-list">
          {list.data.letters.map((l) => (
            <li key={l.id} className="hb-conversations__item">
              <p>
                <strong>{l.title}</strong> — {t(`letters.reasons.${l.channelReason}`)}
              </p>
              {l.address ? (
                <address>
                  {l.address.name}
                  <br />
                  {l.address.streetAddress}
                  <br />
                  {l.address.postalCode} {l.address.postalPlace}
                </address>
              ) : (
                <p>{t('letters.addressProtected')}</p>
              )}
              <p className="hb-actions">
                <a href={letterDocumentHref(l.id, 'staff')} download>
                  {t('letters.download', { title: l.title })}
                </a>{' '}
                <Button variant="outline" disabled={printed.isPending} onClick={() => printed.mutate(l.id)}>
                  {t('letters.markPrinted', { title: l.title })}
                </Button>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
