import Button from '@helsenorge/designsystem-react/components/Button';
import Input from '@helsenorge/designsystem-react/components/Input';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddAdministrator } from '../../api/operator-queries.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { normalizeNin } from '../../components/nin-check.ts';
import { problemErrors, useFormErrors } from './form-problems.ts';

const FIELDS = ['hprNumber', 'nin', 'givenName', 'familyName'] as const;
type Field = (typeof FIELDS)[number];
const EMPTY: Record<Field, string> = { hprNumber: '', nin: '', givenName: '', familyName: '' };
const idOf = (f: Field) => `admin-${f}`;

/**
 * Names an administrator of the municipality: a HelseID person found by HPR number or fødselsnummer; one not yet
 * registered needs the fødselsnummer and the name (the server says which is missing, at its field).
 */
export function AddAdministratorForm({
  municipalityId,
  current,
  onAdded,
}: {
  municipalityId: string;
  /** The administrators' personnel ids before the submit. */
  current: readonly string[];
  onAdded: (name: string | null) => void;
}) {
  const { t } = useTranslation();
  const add = useAddAdministrator(municipalityId);
  const [values, setValues] = useState(EMPTY);
  const form = useFormErrors(FIELDS, idOf);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      hprNumber: values.hprNumber.trim() || null,
      nin: normalizeNin(values.nin) || null,
      givenName: values.givenName.trim() || null,
      familyName: values.familyName.trim() || null,
    };
    if (!body.hprNumber && !body.nin) {
      form.fail({ hprNumber: t('operatorMunicipalities.errors.hprOrNin') });
      return;
    }
    form.clear();
    add.mutate(body, {
      onSuccess: (m) => {
        // The one not listed before; none when the person already was an administrator.
        const person = m.administrators.find((a) => !current.includes(a.personnelId));
        onAdded(person ? `${person.givenName} ${person.familyName}` : null);
        setValues(EMPTY);
      },
      onError: (err) => form.fail(problemErrors(err, FIELDS, t)),
    });
  };

  const input = (field: Field, extra: { inputMode?: 'numeric'; width?: number } = {}) => (
    <Input
      inputId={idOf(field)}
      name={field}
      label={t(`operatorMunicipalities.admin.${field}`)}
      autoComplete="off"
      value={values[field]}
      onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
      errorText={form.errors[field]}
      {...extra}
    />
  );

  return (
    <form className="hb-form" noValidate onSubmit={onSubmit} aria-labelledby="add-admin-heading">
      <h3 id="add-admin-heading">{t('operatorMunicipalities.admin.heading')}</h3>
      <p className="hb-hint hb-form__hint">{t('operatorMunicipalities.admin.hint')}</p>
      <ErrorSummary title={t('operatorMunicipalities.errorSummary')} items={form.summary} attempt={form.attempt} />
      {input('hprNumber', { inputMode: 'numeric', width: 12 })}
      {input('nin', { inputMode: 'numeric', width: 14 })}
      {input('givenName')}
      {input('familyName')}
      <div className="hb-form__actions">
        <Button type="submit" disabled={add.isPending}>
          {t('operatorMunicipalities.admin.submit')}
        </Button>
      </div>
    </form>
  );
}
