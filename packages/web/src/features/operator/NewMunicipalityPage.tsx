import type { MunicipalityCreateBody } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import FormGroup from '@helsenorge/designsystem-react/components/FormGroup';
import Input from '@helsenorge/designsystem-react/components/Input';
import Label, { Sublabel } from '@helsenorge/designsystem-react/components/Label';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateMunicipality } from '../../api/operator-queries.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { missing, problemErrors, useFormErrors } from './form-problems.ts';
import { OperatorPage } from './OperatorNav.tsx';
import { municipalityPath, OPERATOR_PATHS } from './paths.ts';

const FIELDS = ['name', 'orgNumber', 'number', 'contactName', 'contactEmail', 'contactPhone'] as const;
type Field = (typeof FIELDS)[number];
const EMPTY: Record<Field, string> = {
  name: '',
  orgNumber: '',
  number: '',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
};
const HINTS: Partial<Record<Field, string>> = {
  orgNumber: 'operatorMunicipalities.new.orgNumberHint',
  number: 'operatorMunicipalities.new.numberHint',
};
const TYPES: Partial<Record<Field, { type?: 'email' | 'tel'; inputMode?: 'numeric'; autoComplete?: string }>> = {
  orgNumber: { inputMode: 'numeric' },
  number: { inputMode: 'numeric' },
  contactName: { autoComplete: 'name' },
  contactEmail: { type: 'email', autoComplete: 'email' },
  contactPhone: { type: 'tel', autoComplete: 'tel' },
};

/** `/drift/kommuner/ny`: onboard a municipality; the new one's page follows, to add its first administrator. */
export function NewMunicipalityPage() {
  const { t } = useTranslation();
  return <OperatorPage title={t('operatorMunicipalities.new.title')}>{() => <NewMunicipality />}</OperatorPage>;
}

function NewMunicipality() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateMunicipality();
  const [values, setValues] = useState(EMPTY);
  const form = useFormErrors(FIELDS);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const empty = missing(values, FIELDS, t('operatorMunicipalities.errors.required'));
    if (Object.keys(empty).length > 0) {
      form.fail(empty);
      return;
    }
    form.clear();
    const body: MunicipalityCreateBody = {
      name: values.name.trim(),
      // Numbers are often written in groups ("964 338 531"); the server wants the digits.
      orgNumber: values.orgNumber.replace(/\s/g, ''),
      number: values.number.replace(/\s/g, ''),
      contactName: values.contactName.trim(),
      contactEmail: values.contactEmail.trim(),
      contactPhone: values.contactPhone.trim(),
    };
    create.mutate(body, {
      onSuccess: (m) => void navigate(municipalityPath(m.id), { state: { created: true } }),
      onError: (err) => form.fail(problemErrors(err, FIELDS, t)),
    });
  };

  const input = (field: Field) => {
    const hint = HINTS[field];
    return (
      <Input
        inputId={field}
        name={field}
        label={
          <Label
            labelTexts={[{ text: t(`operatorMunicipalities.new.${field}`) }]}
            sublabel={hint ? <Sublabel id={`${field}-hint`} sublabelTexts={[{ text: t(hint) }]} /> : undefined}
          />
        }
        aria-describedby={hint ? `${field}-hint` : undefined}
        value={values[field]}
        onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
        errorText={form.errors[field]}
        {...TYPES[field]}
      />
    );
  };

  return (
    <div className="hb-narrow">
      <p className="hb-lead">{t('operatorMunicipalities.new.lead')}</p>
      <ErrorSummary title={t('operatorMunicipalities.errorSummary')} items={form.summary} attempt={form.attempt} />
      <form className="hb-form" noValidate onSubmit={onSubmit}>
        {input('name')}
        {input('orgNumber')}
        {input('number')}
        <FormGroup legend={t('operatorMunicipalities.new.contactLegend')}>
          {input('contactName')}
          {input('contactEmail')}
          {input('contactPhone')}
        </FormGroup>
        <div className="hb-form__actions">
          <Button type="submit" disabled={create.isPending}>
            {t('operatorMunicipalities.new.submit')}
          </Button>
          <ButtonLink href={OPERATOR_PATHS.municipalities} variant="borderless">
            {t('operatorMunicipalities.new.cancel')}
          </ButtonLink>
        </div>
      </form>
    </div>
  );
}
