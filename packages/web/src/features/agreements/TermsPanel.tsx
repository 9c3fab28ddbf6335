import type { DigifinBody, DigifinRecord } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import Checkbox from '@helsenorge/designsystem-react/components/Checkbox';
import Input from '@helsenorge/designsystem-react/components/Input';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMunicipalityTerms, useRecordDigifin } from '../../api/agreements-queries.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { problemErrors, useFormErrors } from '../operator/form-problems.ts';
import { ControllerRoles, DigifinFacts, TermsDocuments } from './TermsStatusView.tsx';

/**
 * The operator's panel on a municipality's page: its acceptance of the current terms, DigiFin (recorded here, since
 * the operator invoices the connection fee; seed 000 §5.2) and the data-controller roles.
 */
export function TermsPanel({ municipalityId }: { municipalityId: string }) {
  const { t } = useTranslation();
  const status = useMunicipalityTerms(municipalityId);
  return (
    <section className="hb-section" aria-labelledby="terms-panel-heading">
      <h2 id="terms-panel-heading" className="hb-section__heading">
        {t('agreements.panelHeading')}
      </h2>
      {status.isError ? (
        <ErrorPanel error={status.error} onRetry={() => void status.refetch()} />
      ) : !status.data ? (
        <Loading />
      ) : (
        <>
          <TermsDocuments documents={status.data.documents} headingLevel={3} />
          <section className="hb-panel" aria-labelledby="digifin-heading">
            <h3 id="digifin-heading" className="hb-panel__heading">
              {t('agreements.digifin.heading')}
            </h3>
            <DigifinFacts digifin={status.data.digifin} missing={status.data.digifinMissing} />
            <DigifinForm municipalityId={municipalityId} current={status.data.digifin} />
          </section>
          <ControllerRoles headingLevel={3} />
        </>
      )}
    </section>
  );
}

const FIELDS = ['member', 'memberSince', 'feeAmountNok', 'feeInvoiceReference', 'feePaidOn'] as const;
type Field = (typeof FIELDS)[number];
const idOf = (f: Field) => `digifin-${f}`;

function DigifinForm({ municipalityId, current }: { municipalityId: string; current: DigifinRecord | null }) {
  const { t } = useTranslation();
  const record = useRecordDigifin(municipalityId);
  const form = useFormErrors(FIELDS, idOf);
  const [member, setMember] = useState(current?.member ?? false);
  const [values, setValues] = useState({
    memberSince: current?.memberSince ?? '',
    feeAmountNok:
      current?.feeAmountNok !== null && current?.feeAmountNok !== undefined ? String(current.feeAmountNok) : '',
    feeInvoiceReference: current?.feeInvoiceReference ?? '',
    feePaidOn: current?.feePaidOn ?? '',
  });
  const [saved, setSaved] = useState('');

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const amount = values.feeAmountNok.trim();
    if (amount && !/^\d+$/.test(amount)) {
      form.fail({ feeAmountNok: t('agreements.digifin.amountInvalid') });
      return;
    }
    form.clear();
    const body: DigifinBody = {
      member,
      memberSince: member ? values.memberSince || null : null,
      feeAmountNok: amount ? Number(amount) : null,
      feeInvoiceReference: values.feeInvoiceReference.trim() || null,
      feePaidOn: values.feePaidOn || null,
    };
    record.mutate(body, {
      onSuccess: () => setSaved(t('agreements.digifin.saved')),
      onError: (err) => form.fail(problemErrors(err, FIELDS, t)),
    });
  };

  const input = (field: Exclude<Field, 'member'>, type: 'date' | 'text' | 'number' = 'text') => (
    <Input
      inputId={idOf(field)}
      name={field}
      type={type === 'number' ? 'text' : type}
      inputMode={type === 'number' ? 'numeric' : undefined}
      label={t(`agreements.digifin.form.${field}`)}
      autoComplete="off"
      value={values[field]}
      onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
      errorText={form.errors[field]}
    />
  );

  return (
    <>
      <h4>{t('agreements.digifin.formHeading')}</h4>
      <ErrorSummary title={t('agreements.digifin.errorSummary')} items={form.summary} attempt={form.attempt} />
      <form className="hb-form" noValidate onSubmit={onSubmit}>
        <Checkbox
          inputId={idOf('member')}
          name="member"
          checked={member}
          onChange={(e) => setMember(e.target.checked)}
          label={t('agreements.digifin.form.member')}
        />
        {input('memberSince', 'date')}
        {input('feeAmountNok', 'number')}
        {input('feeInvoiceReference')}
        {input('feePaidOn', 'date')}
        <div className="hb-form__actions">
          <Button type="submit" disabled={record.isPending}>
            {t('agreements.digifin.submit')}
          </Button>
        </div>
      </form>
      <p role="status" className="hb-notice">
        {saved}
      </p>
    </>
  );
}
