import type { NoticeBody, NoticePreview } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import FormGroup from '@helsenorge/designsystem-react/components/FormGroup';
import Input from '@helsenorge/designsystem-react/components/Input';
import Label, { Sublabel } from '@helsenorge/designsystem-react/components/Label';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import RadioButton from '@helsenorge/designsystem-react/components/RadioButton';
import Textarea from '@helsenorge/designsystem-react/components/Textarea';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import { useMunicipalityServices } from '../../api/services-queries.ts';
import { EXPORT_PATH } from '../../api/termination-api.ts';
import { useGiveNotice, useOwnTerminations, usePreviewNotice } from '../../api/termination-queries.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { useFormatters } from '../../components/useFormatters.ts';
import { missing, problemErrors, useFormErrors, type FormErrors } from '../operator/form-problems.ts';
import { AdminPage } from './AdminNav.tsx';
import { TerminationsTable, useServiceNames } from './TerminationsTable.tsx';

const FIELDS = ['services', 'effectiveDate', 'reason'] as const;
type Field = (typeof FIELDS)[number];
const ID: Record<Field, string> = {
  services: 'notice-services',
  effectiveDate: 'notice-effective-date',
  reason: 'notice-reason',
};
const ALL = '';
// Seed 000 §6: a service can be given notice while the municipality has it; terminating and ended are past that.
const IN_USE = new Set(['ordered', 'active', 'suspended']);

/**
 * `/ansatt/admin/oppsigelse`: the municipality's notice (seed 000 §6: one month, for one service or all) shown
 * with its computed effective date before it is confirmed, the notices and wind-downs so far, and the export.
 */
export function AdminTerminationPage() {
  const { t } = useTranslation();
  return <AdminPage title={t('termination.adminTitle')}>{() => <AdminTermination />}</AdminPage>;
}

function AdminTermination() {
  const { t } = useTranslation();
  const services = useMunicipalityServices();
  const { nameOf } = useServiceNames(services.data?.areas);
  if (services.isError) {
    return <ErrorPanel error={services.error} onRetry={() => void services.refetch()} />;
  }
  if (!services.data) {
    return <Loading />;
  }
  const inUse = services.data.areas.flatMap((a) => a.services).filter((s) => s.status && IN_USE.has(s.status));
  return (
    <>
      <p className="hb-lead hb-lead--narrow">{t('termination.adminLead')}</p>
      <section className="hb-panel" aria-labelledby="notice-heading">
        <h2 id="notice-heading" className="hb-panel__heading">
          {t('termination.noticeHeading')}
        </h2>
        {inUse.length === 0 ? (
          <p>{t('termination.noServices')}</p>
        ) : (
          <NoticeForm codes={inUse.map((s) => s.code)} nameOf={nameOf} />
        )}
      </section>
      <OwnTerminations nameOf={nameOf} />
      <section className="hb-panel" aria-labelledby="export-heading">
        <h2 id="export-heading" className="hb-panel__heading">
          {t('termination.exportHeading')}
        </h2>
        <p>{t('termination.exportText')}</p>
        <p>
          <a href={EXPORT_PATH} download>
            {t('termination.exportLink')}
          </a>
        </p>
      </section>
    </>
  );
}

/** The field errors of a refused preview or notice; `services.3` (one of the chosen) counts as the choice. */
function noticeErrors(err: unknown, t: Parameters<typeof problemErrors>[2]): FormErrors<Field> {
  const found = problemErrors(err, FIELDS, t);
  const chosen = err instanceof ApiError ? err.errors.find((e) => /(^|\.)services\.\d+$/.test(e.path)) : undefined;
  return chosen ? { ...found, form: undefined, services: chosen.message } : found;
}

function NoticeForm({ codes, nameOf }: { codes: string[]; nameOf: (code: string) => string }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const preview = usePreviewNotice();
  const give = useGiveNotice();
  const [service, setService] = useState(ALL);
  const [values, setValues] = useState({ effectiveDate: '', reason: '' });
  const [shown, setShown] = useState<NoticePreview | null>(null);
  const [done, setDone] = useState('');
  const form = useFormErrors(FIELDS, (f) => ID[f]);

  const body = (): NoticeBody => ({
    services: service === ALL ? null : [service],
    effectiveDate: values.effectiveDate || null,
    reason: values.reason.trim(),
  });
  const edit = (change: () => void) => {
    change();
    setShown(null);
  };

  const onPreview = (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    const empty = missing(values, ['reason'], t('termination.required'));
    if (Object.keys(empty).length > 0) {
      form.fail(empty);
      return;
    }
    form.clear();
    preview.mutate(body(), {
      onSuccess: setShown,
      onError: (err) => form.fail(noticeErrors(err, t)),
    });
  };

  const onConfirm = () => {
    if (!shown) {
      return;
    }
    give.mutate(
      { ...body(), effectiveDate: shown.effectiveDate },
      {
        onSuccess: (n) => {
          setShown(null);
          setService(ALL);
          setValues({ effectiveDate: '', reason: '' });
          setDone(t('termination.given', { date: fmt.date(n.effectiveDate) }));
        },
        onError: (err) => {
          setShown(null);
          form.fail(noticeErrors(err, t));
        },
      },
    );
  };

  return (
    <>
      <p role="status" className="hb-notice">
        {done}
      </p>
      <ErrorSummary title={t('termination.errorSummary')} items={form.summary} attempt={form.attempt} />
      <form className="hb-form" noValidate onSubmit={onPreview}>
        <FormGroup legend={t('termination.servicesLegend')} error={form.errors.services}>
          {[ALL, ...codes].map((code) => (
            <RadioButton
              key={code || 'all'}
              inputId={code === ALL ? ID.services : `${ID.services}-${code}`}
              name="services"
              value={code}
              checked={service === code}
              onChange={() => edit(() => setService(code))}
              label={code === ALL ? t('termination.allServices') : nameOf(code)}
            />
          ))}
        </FormGroup>
        <Input
          inputId={ID.effectiveDate}
          name="effectiveDate"
          type="date"
          label={
            <Label
              labelTexts={[{ text: t('termination.effectiveDate') }]}
              sublabel={
                <Sublabel
                  id={`${ID.effectiveDate}-hint`}
                  sublabelTexts={[{ text: t('termination.effectiveDateHint') }]}
                />
              }
            />
          }
          aria-describedby={`${ID.effectiveDate}-hint`}
          value={values.effectiveDate}
          onChange={(e) => edit(() => setValues((v) => ({ ...v, effectiveDate: e.target.value })))}
          errorText={form.errors.effectiveDate}
        />
        <Textarea
          textareaId={ID.reason}
          name="reason"
          label={
            <Label
              labelTexts={[{ text: t('termination.reason') }]}
              sublabel={<Sublabel id={`${ID.reason}-hint`} sublabelTexts={[{ text: t('termination.reasonHint') }]} />}
            />
          }
          aria-describedby={`${ID.reason}-hint`}
          minRows={3}
          maxCharacters={1000}
          value={values.reason}
          onChange={(e) => edit(() => setValues((v) => ({ ...v, reason: e.target.value })))}
          errorText={form.errors.reason}
        />
        {!shown && (
          <div className="hb-form__actions">
            <Button type="submit" disabled={preview.isPending}>
              {t('termination.preview')}
            </Button>
          </div>
        )}
      </form>
      {shown && (
        <PreviewPanel
          preview={shown}
          nameOf={nameOf}
          pending={give.isPending}
          onConfirm={onConfirm}
          onChange={() => setShown(null)}
        />
      )}
    </>
  );
}

/** The notice as it would be stored, to confirm or change; it takes focus so the date is read out. */
function PreviewPanel({
  preview,
  nameOf,
  pending,
  onConfirm,
  onChange,
}: {
  preview: NoticePreview;
  nameOf: (code: string) => string;
  pending: boolean;
  onConfirm: () => void;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <div className="hb-notice" tabIndex={-1} ref={(el) => el?.focus()} aria-labelledby="notice-preview-heading">
      <NotificationPanel variant="info" label={t('termination.previewHeading')} labelHtmlMarkup="h3">
        <span id="notice-preview-heading" hidden>
          {t('termination.previewHeading')}
        </span>
        <p>
          {t('termination.previewText', {
            noticeDate: fmt.date(preview.noticeDate),
            effectiveDate: fmt.date(preview.effectiveDate),
          })}
        </p>
        <p>{t('termination.previewServices', { services: fmt.list(preview.services.map(nameOf)) })}</p>
        <p>{t('termination.previewEarliest', { earliest: fmt.date(preview.earliestEffectiveDate) })}</p>
        <div className="hb-form__actions">
          <Button disabled={pending} onClick={onConfirm}>
            {t('termination.confirm')}
          </Button>
          <Button variant="borderless" onClick={onChange}>
            {t('termination.change')}
          </Button>
        </div>
      </NotificationPanel>
    </div>
  );
}

function OwnTerminations({ nameOf }: { nameOf: (code: string) => string }) {
  const { t } = useTranslation();
  const list = useOwnTerminations();
  return (
    <section className="hb-section" aria-labelledby="terminations-heading">
      <h2 id="terminations-heading" className="hb-section__heading">
        {t('termination.listHeading')}
      </h2>
      {list.isError ? (
        <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <p className="hb-empty">{t('termination.listEmpty')}</p>
      ) : (
        <TerminationsTable items={list.data.items} caption={t('termination.listCaption')} nameOf={nameOf} />
      )}
    </section>
  );
}
