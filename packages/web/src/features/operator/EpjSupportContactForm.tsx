import type { EpjProduct } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import Select from '@helsenorge/designsystem-react/components/Select';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetEpjSupportContact } from '../../api/operator-queries.ts';
import { CONTACT_FIELDS, ContactFields } from '../../components/ContactFields.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { missing, problemErrors, useFormErrors } from './form-problems.ts';

const FIELDS = ['productId', 'name', 'email', 'phone'] as const;
const idOf = (f: (typeof FIELDS)[number]) => `support-contact-${f}`;
const empty = { name: '', email: '', phone: '' };

/**
 * The vendor's support contact on a registered product: staff asking about the EPJ's functions are sent there
 * (seed 000 §5.1, "Tjenestenivå"). Choosing a product fills in what it has, to be changed or removed.
 */
export function EpjSupportContactForm({ products, onSaved }: { products: EpjProduct[]; onSaved: (n: string) => void }) {
  const { t } = useTranslation();
  const save = useSetEpjSupportContact();
  const [productId, setProductId] = useState('');
  const [values, setValues] = useState(empty);
  const form = useFormErrors(FIELDS, idOf);
  const product = products.find((p) => p.id === productId);

  const choose = (id: string) => {
    setProductId(id);
    setValues(products.find((p) => p.id === id)?.supportContact ?? empty);
    form.clear();
  };
  const send = (supportContact: typeof values | null) => {
    if (!product) {
      form.fail({ productId: t('operatorEpj.chooseProduct') });
      return;
    }
    form.clear();
    save.mutate(
      { productId: product.id, supportContact },
      {
        onSuccess: () =>
          onSaved(
            t(supportContact ? 'operatorEpj.supportSaved' : 'operatorEpj.supportRemoved', {
              name: `${product.vendor} ${product.name}`,
            }),
          ),
        onError: (err) => form.fail(problemErrors(err, FIELDS, t)),
      },
    );
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const blank = missing(values, CONTACT_FIELDS, t('operatorMunicipalities.errors.required'));
    if (!product || Object.keys(blank).length > 0) {
      form.fail({ ...blank, ...(product ? {} : { productId: t('operatorEpj.chooseProduct') }) });
      return;
    }
    send({ name: values.name.trim(), email: values.email.trim(), phone: values.phone.trim() });
  };

  return (
    <section aria-labelledby="support-contact-heading" className="hb-section hb-narrow">
      <h2 id="support-contact-heading" className="hb-section__heading">
        {t('operatorEpj.supportHeading')}
      </h2>
      <p>{t('operatorEpj.supportLead')}</p>
      <ErrorSummary title={t('operatorEpj.errorSummary')} items={form.summary} attempt={form.attempt} />
      <form className="hb-form" noValidate onSubmit={onSubmit}>
        <Select
          selectId={idOf('productId')}
          label={t('operatorEpj.supportProduct')}
          value={productId}
          onChange={(e) => choose(e.target.value)}
          errorText={form.errors.productId}
        >
          <option value="">{t('operatorEpj.chooseProductOption')}</option>
          {products.map((p) => (
            <option key={p.id} value={p.id}>
              {p.vendor} {p.name}
            </option>
          ))}
        </Select>
        <ContactFields
          values={values}
          onChange={setValues}
          errors={form.errors}
          idOf={idOf}
          labelOf={(f) => t(`operatorEpj.contact.${f}`)}
        />
        <div className="hb-form__actions">
          <Button type="submit" disabled={save.isPending}>
            {t('operatorEpj.supportSave')}
          </Button>
          {product?.supportContact && (
            <Button type="button" variant="outline" disabled={save.isPending} onClick={() => send(null)}>
              {t('operatorEpj.supportRemove')}
            </Button>
          )}
        </div>
      </form>
    </section>
  );
}
