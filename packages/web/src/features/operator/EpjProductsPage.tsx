import type { EpjProduct, EpjServiceCode } from '@helsebro/contracts';
import { EPJ_SERVICE_CODES } from '@helsebro/contracts/constants';
import Button from '@helsenorge/designsystem-react/components/Button';
import Checkbox from '@helsenorge/designsystem-react/components/Checkbox';
import FormGroup from '@helsenorge/designsystem-react/components/FormGroup';
import Input from '@helsenorge/designsystem-react/components/Input';
import Label, { Sublabel } from '@helsenorge/designsystem-react/components/Label';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateEpjProduct, useEpjProducts } from '../../api/operator-queries.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { EpjSupportContactForm } from './EpjSupportContactForm.tsx';
import { missing, problemErrors, useFormErrors } from './form-problems.ts';
import { OperatorPage } from './OperatorNav.tsx';

const FIELDS = ['vendor', 'name', 'versions', 'services'] as const;
type Field = (typeof FIELDS)[number];
const idOf = (f: Field) => (f === 'services' ? `service-${EPJ_SERVICE_CODES[0]}` : `epj-${f}`);

/** i18next reads dots in a key as nesting; the service codes have them (`appointments.book`). */
export function serviceNameKey(code: EpjServiceCode): string {
  return `operatorEpj.serviceNames.${code.replace(/\./g, '_')}`;
}

/** `/drift/epj-produkter`: the EPJ products municipalities choose from, and the form to register one. */
export function EpjProductsPage() {
  const { t } = useTranslation();
  return <OperatorPage title={t('operatorEpj.title')}>{() => <EpjProducts />}</OperatorPage>;
}

function EpjProducts() {
  const { t } = useTranslation();
  const products = useEpjProducts();
  const [registered, setRegistered] = useState('');
  return (
    <>
      <p className="hb-lead hb-lead--narrow">{t('operatorEpj.lead')}</p>
      <section aria-labelledby="epj-list-heading">
        <h2 id="epj-list-heading" className="hb-section__heading">
          {t('operatorEpj.listHeading')}
        </h2>
        {products.isError ? (
          <ErrorPanel error={products.error} onRetry={() => void products.refetch()} />
        ) : !products.data ? (
          <Loading />
        ) : (
          <ProductTable items={products.data.items} />
        )}
      </section>
      <p role="status" className="hb-notice">
        {registered}
      </p>
      <RegisterProductForm onRegistered={(name) => setRegistered(t('operatorEpj.registered', { name }))} />
      {products.data && products.data.items.length > 0 && (
        <EpjSupportContactForm products={products.data.items} onSaved={setRegistered} />
      )}
    </>
  );
}

function ProductTable({ items }: { items: EpjProduct[] }) {
  const { t } = useTranslation();
  if (items.length === 0) {
    return <p className="hb-empty">{t('operatorEpj.empty')}</p>;
  }
  return (
    <div className="hb-table-scroll" role="region" aria-labelledby="epj-list-heading" tabIndex={0}>
      <table className="hb-table">
        <caption className="hb-visually-hidden">{t('operatorEpj.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('operatorEpj.vendor')}</th>
            <th scope="col">{t('operatorEpj.name')}</th>
            <th scope="col">{t('operatorEpj.versions')}</th>
            <th scope="col">{t('operatorEpj.services')}</th>
            <th scope="col">{t('operatorEpj.support')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id}>
              <td>{p.vendor}</td>
              <th scope="row">{p.name}</th>
              <td>{p.versions.join(', ')}</td>
              <td>
                {p.services.length === 0
                  ? t('operatorEpj.none')
                  : p.services.map((s) => t(serviceNameKey(s))).join(', ')}
              </td>
              <td>
                {p.supportContact
                  ? [p.supportContact.name, p.supportContact.email, p.supportContact.phone].join(' · ')
                  : t('operatorEpj.noSupport')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RegisterProductForm({ onRegistered }: { onRegistered: (name: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateEpjProduct();
  const [values, setValues] = useState({ vendor: '', name: '', versions: '' });
  const [services, setServices] = useState<EpjServiceCode[]>([]);
  const form = useFormErrors(FIELDS, idOf);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const versions = values.versions
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    const empty = missing(values, ['vendor', 'name', 'versions'], t('operatorMunicipalities.errors.required'));
    if (Object.keys(empty).length > 0 || versions.length === 0) {
      form.fail({
        ...empty,
        ...(versions.length === 0 ? { versions: t('operatorMunicipalities.errors.required') } : {}),
      });
      return;
    }
    form.clear();
    const body = { vendor: values.vendor.trim(), name: values.name.trim(), versions, services };
    create.mutate(body, {
      onSuccess: (p) => {
        onRegistered(`${p.vendor} ${p.name}`);
        setValues({ vendor: '', name: '', versions: '' });
        setServices([]);
      },
      onError: (err) => form.fail(problemErrors(err, FIELDS, t)),
    });
  };

  const input = (field: 'vendor' | 'name' | 'versions') => (
    <Input
      inputId={idOf(field)}
      name={field}
      label={
        <Label
          labelTexts={[{ text: t(`operatorEpj.${field}`) }]}
          sublabel={
            field === 'versions' ? (
              <Sublabel id="epj-versions-hint" sublabelTexts={[{ text: t('operatorEpj.versionsHint') }]} />
            ) : undefined
          }
        />
      }
      aria-describedby={field === 'versions' ? 'epj-versions-hint' : undefined}
      autoComplete="off"
      value={values[field]}
      onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
      errorText={form.errors[field]}
    />
  );

  return (
    <section aria-labelledby="epj-form-heading" className="hb-section hb-narrow">
      <h2 id="epj-form-heading" className="hb-section__heading">
        {t('operatorEpj.formHeading')}
      </h2>
      <ErrorSummary title={t('operatorEpj.errorSummary')} items={form.summary} attempt={form.attempt} />
      <form className="hb-form" noValidate onSubmit={onSubmit}>
        {input('vendor')}
        {input('name')}
        {input('versions')}
        <FormGroup legend={t('operatorEpj.servicesLegend')} error={form.errors.services}>
          {EPJ_SERVICE_CODES.map((code) => (
            <Checkbox
              key={code}
              inputId={`service-${code}`}
              name="services"
              value={code}
              checked={services.includes(code)}
              onChange={(e) =>
                setServices((s) => EPJ_SERVICE_CODES.filter((c) => (c === code ? e.target.checked : s.includes(c))))
              }
              label={t(serviceNameKey(code))}
            />
          ))}
        </FormGroup>
        <div className="hb-form__actions">
          <Button type="submit" disabled={create.isPending}>
            {t('operatorEpj.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
