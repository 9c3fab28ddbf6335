import type { DpaBody, MunicipalService } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import Input from '@helsenorge/designsystem-react/components/Input';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import { useMunicipalityServices, useOrderServices, useSignDpa } from '../../api/services-queries.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { ErrorPanel, errorMessage, Loading } from '../../components/PageStatus.tsx';
import { AdminPage } from '../admin/AdminNav.tsx';
import { problemErrors, useFormErrors } from '../operator/form-problems.ts';
import { ServiceHistory, ServicesTable } from './ServicesTable.tsx';

/**
 * `/ansatt/admin/tjenester`: the service catalogue with each service's status in the municipality, ordering a
 * service or a whole area (seed 000 §5.1: the EPJ system must support it; formidling needs the data processing
 * agreement, §3.2), the agreement itself and the history of every change.
 */
export function AdminServicesPage() {
  const { t } = useTranslation();
  return <AdminPage title={t('services.adminTitle')}>{() => <AdminServices />}</AdminPage>;
}

/** Where a refused order is said: under the area or in the service's row that was ordered. */
type Refusal = { target: string; message: string };

function AdminServices() {
  const { t } = useTranslation();
  const services = useMunicipalityServices();
  const order = useOrderServices();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [done, setDone] = useState('');
  if (services.isError) {
    return <ErrorPanel error={services.error} onRetry={() => void services.refetch()} />;
  }
  if (!services.data) {
    return <Loading />;
  }
  const data = services.data;
  const send = (target: string, name: string, body: { area: string } | { services: string[] }) => {
    setRefusal(null);
    order.mutate(body, {
      onSuccess: () => setDone(t('services.orderedNotice', { name })),
      onError: (err) => {
        const fields = err instanceof ApiError ? err.errors.map((e) => e.message) : [];
        setRefusal({ target, message: fields.length > 0 ? fields.join(' ') : errorMessage(err, t) });
      },
    });
  };
  const refusalAt = (target: string) =>
    refusal?.target === target && (
      <p className="hb-field-error" role="alert">
        {refusal.message}
      </p>
    );
  const orderable = (s: MunicipalService) => s.status === null || s.status === 'ended';
  return (
    <>
      <p className="hb-lead hb-lead--narrow">{t('services.adminLead')}</p>
      {!data.epjProduct && <p className="hb-notice">{t('services.noEpj')}</p>}
      <p role="status" className="hb-notice">
        {done}
      </p>
      <ServicesTable
        data={data}
        headingLevel={2}
        areaAction={(code, name) => (
          <>
            <div className="hb-form__actions">
              <Button
                variant="outline"
                disabled={order.isPending}
                onClick={() => send(`area:${code}`, name, { area: code })}
              >
                {t('services.orderArea', { area: name })}
              </Button>
            </div>
            {refusalAt(`area:${code}`)}
          </>
        )}
        action={(s, name) => (
          <>
            {orderable(s) && (
              <Button
                variant="borderless"
                disabled={order.isPending}
                onClick={() => send(s.code, name, { services: [s.code] })}
              >
                {t('services.order', { service: name })}
              </Button>
            )}
            {refusalAt(s.code)}
          </>
        )}
      />
      <DpaSection data={data.dataProcessingAgreement} />
      <ServiceHistory data={data} headingLevel={2} />
    </>
  );
}

const FIELDS = ['version', 'signatoryName', 'signatoryTitle', 'signedOn'] as const;
type Field = (typeof FIELDS)[number];
const idOf = (f: Field) => `dpa-${f}`;

/** Seed 000 §3.2: the data processing agreement in force, and the form to record a signed one. */
function DpaSection({ data }: { data: (DpaBody & { recordedAt: string }) | null }) {
  const { t } = useTranslation();
  const sign = useSignDpa();
  const form = useFormErrors(FIELDS, idOf);
  const [values, setValues] = useState<Record<Field, string>>({
    version: '',
    signatoryName: '',
    signatoryTitle: '',
    signedOn: '',
  });
  const [saved, setSaved] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const missing = FIELDS.filter((f) => !values[f].trim());
    if (missing.length > 0) {
      form.fail(Object.fromEntries(missing.map((f) => [f, t('services.dpa.required')])));
      return;
    }
    form.clear();
    sign.mutate(values, {
      onSuccess: () => setSaved(t('services.dpa.saved')),
      onError: (err) => form.fail(problemErrors(err, FIELDS, t)),
    });
  };
  return (
    <section className="hb-panel" aria-labelledby="dpa-heading">
      <h2 id="dpa-heading" className="hb-panel__heading">
        {t('services.dpa.heading')}
      </h2>
      <p>
        {data
          ? t('services.dpa.signed', {
              version: data.version,
              name: data.signatoryName,
              title: data.signatoryTitle,
              date: data.signedOn,
            })
          : t('services.dpa.none')}
      </p>
      <h3>{t('services.dpa.formHeading')}</h3>
      <ErrorSummary title={t('services.dpa.errorSummary')} items={form.summary} attempt={form.attempt} />
      <form className="hb-form" noValidate onSubmit={onSubmit}>
        {FIELDS.map((f) => (
          <Input
            key={f}
            inputId={idOf(f)}
            name={f}
            type={f === 'signedOn' ? 'date' : 'text'}
            label={t(`services.dpa.${f}`)}
            autoComplete="off"
            value={values[f]}
            onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
            errorText={form.errors[f]}
          />
        ))}
        <div className="hb-form__actions">
          <Button type="submit" disabled={sign.isPending}>
            {t('services.dpa.submit')}
          </Button>
        </div>
      </form>
      <p role="status" className="hb-notice">
        {saved}
      </p>
    </section>
  );
}
