import type { TermsDocument, TermsVersion } from '@helsebro/contracts';
import { TERMS_DOCUMENTS } from '@helsebro/contracts/constants';
import Button from '@helsenorge/designsystem-react/components/Button';
import Checkbox from '@helsenorge/designsystem-react/components/Checkbox';
import Input from '@helsenorge/designsystem-react/components/Input';
import Select from '@helsenorge/designsystem-react/components/Select';
import Textarea from '@helsenorge/designsystem-react/components/Textarea';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateTermsDraft, usePublishTerms, useRecordKsConsultation } from '../../api/agreements-queries.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { missing, problemErrors, useFormErrors, type FormErrors } from '../operator/form-problems.ts';
import { agreementError } from './agreement-errors.ts';

const DRAFT_FIELDS = ['document', 'version', 'date', 'changes', 'significant'] as const;
type DraftField = (typeof DRAFT_FIELDS)[number];
const draftId = (f: DraftField) => `draft-${f}`;

/** A new draft version: which document, its number and date, the change log (one change a line), significant. */
export function NewDraftForm({ onCreated }: { onCreated: (v: TermsVersion) => void }) {
  const { t } = useTranslation();
  const create = useCreateTermsDraft();
  const form = useFormErrors(DRAFT_FIELDS, draftId);
  const [document, setDocument] = useState<TermsDocument>('special');
  const [values, setValues] = useState({ version: '', date: '', changes: '' });
  const [significant, setSignificant] = useState(false);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const changes = values.changes
      .split('\n')
      .map((c) => c.trim())
      .filter(Boolean);
    const empty = missing(values, ['version', 'date', 'changes'], t('agreements.required'));
    if (Object.keys(empty).length > 0) {
      form.fail(empty);
      return;
    }
    form.clear();
    create.mutate(
      { document, version: values.version.trim(), date: values.date, changes, significant },
      {
        onSuccess: (v) => {
          setValues({ version: '', date: '', changes: '' });
          setSignificant(false);
          onCreated(v);
        },
        onError: (err) => form.fail(withForm(problemErrors(err, DRAFT_FIELDS, t), err, t)),
      },
    );
  };

  return (
    <section aria-labelledby="draft-heading" className="hb-section hb-narrow">
      <h2 id="draft-heading" className="hb-section__heading">
        {t('agreements.draft.heading')}
      </h2>
      <ErrorSummary title={t('agreements.errorSummary')} items={form.summary} attempt={form.attempt} />
      <form className="hb-form" noValidate onSubmit={onSubmit}>
        <Select
          selectId={draftId('document')}
          name="document"
          label={t('agreements.draft.document')}
          value={document}
          onChange={(e) => setDocument(e.target.value as TermsDocument)}
        >
          {TERMS_DOCUMENTS.map((d) => (
            <option key={d} value={d}>
              {t(`agreements.document.${d}`)}
            </option>
          ))}
        </Select>
        <Input
          inputId={draftId('version')}
          name="version"
          label={t('agreements.draft.version')}
          autoComplete="off"
          value={values.version}
          onChange={(e) => setValues((v) => ({ ...v, version: e.target.value }))}
          errorText={form.errors.version}
        />
        <Input
          inputId={draftId('date')}
          name="date"
          type="date"
          label={t('agreements.draft.date')}
          value={values.date}
          onChange={(e) => setValues((v) => ({ ...v, date: e.target.value }))}
          errorText={form.errors.date}
        />
        <Textarea
          textareaId={draftId('changes')}
          name="changes"
          label={t('agreements.draft.changes')}
          minRows={4}
          value={values.changes}
          onChange={(e) => setValues((v) => ({ ...v, changes: e.target.value }))}
          errorText={form.errors.changes}
        />
        <Checkbox
          inputId={draftId('significant')}
          name="significant"
          checked={significant}
          onChange={(e) => setSignificant(e.target.checked)}
          label={t('agreements.draft.significant')}
        />
        <div className="hb-form__actions">
          <Button type="submit" disabled={create.isPending}>
            {t('agreements.draft.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** A refusal naming none of the form's fields is said for the whole form, in the reader's language. */
function withForm<F extends string>(found: FormErrors<F>, err: unknown, t: Parameters<typeof agreementError>[1]) {
  return found.form ? { ...found, form: agreementError(err, t) } : found;
}

const KS_FIELDS = ['sentOn', 'answer', 'answeredOn'] as const;
type KsField = (typeof KS_FIELDS)[number];
const ksId = (f: KsField) => `ks-${f}`;

/** The KS consultation of a draft (seed 000 §5.3): sent, and KS's answer with its date once it has come. */
export function KsConsultationForm({ version }: { version: TermsVersion }) {
  const { t } = useTranslation();
  const record = useRecordKsConsultation(version.id);
  const form = useFormErrors(KS_FIELDS, ksId);
  const [values, setValues] = useState({
    sentOn: version.ksConsultation?.sentOn ?? '',
    answer: version.ksConsultation?.answer ?? '',
    answeredOn: version.ksConsultation?.answeredOn ?? '',
  });
  const [saved, setSaved] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const empty = missing(values, ['sentOn'], t('agreements.required'));
    if (Object.keys(empty).length > 0) {
      form.fail(empty);
      return;
    }
    form.clear();
    record.mutate(
      { sentOn: values.sentOn, answer: values.answer.trim() || null, answeredOn: values.answeredOn || null },
      {
        onSuccess: () => setSaved(t('agreements.ks.saved')),
        onError: (err) => form.fail(withForm(problemErrors(err, KS_FIELDS, t), err, t)),
      },
    );
  };
  return (
    <section aria-labelledby="ks-heading" className="hb-section hb-narrow">
      <h3 id="ks-heading">{t('agreements.ks.heading')}</h3>
      <p>{t('agreements.ks.lead')}</p>
      <ErrorSummary title={t('agreements.errorSummary')} items={form.summary} attempt={form.attempt} />
      <form className="hb-form" noValidate onSubmit={onSubmit}>
        <Input
          inputId={ksId('sentOn')}
          name="sentOn"
          type="date"
          label={t('agreements.ks.sentOn')}
          value={values.sentOn}
          onChange={(e) => setValues((v) => ({ ...v, sentOn: e.target.value }))}
          errorText={form.errors.sentOn}
        />
        <Textarea
          textareaId={ksId('answer')}
          name="answer"
          label={t('agreements.ks.answer')}
          minRows={3}
          value={values.answer}
          onChange={(e) => setValues((v) => ({ ...v, answer: e.target.value }))}
          errorText={form.errors.answer}
        />
        <Input
          inputId={ksId('answeredOn')}
          name="answeredOn"
          type="date"
          label={t('agreements.ks.answeredOn')}
          value={values.answeredOn}
          onChange={(e) => setValues((v) => ({ ...v, answeredOn: e.target.value }))}
          errorText={form.errors.answeredOn}
        />
        <div className="hb-form__actions">
          <Button type="submit" variant="outline" disabled={record.isPending}>
            {t('agreements.ks.submit')}
          </Button>
        </div>
      </form>
      <p role="status" className="hb-notice">
        {saved}
      </p>
    </section>
  );
}

const PUBLISH_FIELDS = ['acceptBy'] as const;

/** Publishes the draft with the date every municipality must accept it by. */
export function PublishForm({ version, onPublished }: { version: TermsVersion; onPublished: () => void }) {
  const { t } = useTranslation();
  const publish = usePublishTerms(version.id);
  const form = useFormErrors(PUBLISH_FIELDS, () => 'publish-acceptBy');
  const [acceptBy, setAcceptBy] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!acceptBy) {
      form.fail({ acceptBy: t('agreements.required') });
      return;
    }
    form.clear();
    publish.mutate(acceptBy, {
      onSuccess: onPublished,
      onError: (err) => form.fail(withForm(problemErrors(err, PUBLISH_FIELDS, t), err, t)),
    });
  };
  return (
    <section aria-labelledby="publish-heading" className="hb-section hb-narrow">
      <h3 id="publish-heading">{t('agreements.publish.heading')}</h3>
      {version.significant && <p>{t('agreements.publish.significantNote')}</p>}
      <ErrorSummary title={t('agreements.errorSummary')} items={form.summary} attempt={form.attempt} />
      <form className="hb-form" noValidate onSubmit={onSubmit}>
        <Input
          inputId="publish-acceptBy"
          name="acceptBy"
          type="date"
          label={t('agreements.publish.acceptBy')}
          value={acceptBy}
          onChange={(e) => setAcceptBy(e.target.value)}
          errorText={form.errors.acceptBy}
        />
        <div className="hb-form__actions">
          <Button type="submit" disabled={publish.isPending}>
            {t('agreements.publish.submit', { version: version.version })}
          </Button>
        </div>
      </form>
    </section>
  );
}
