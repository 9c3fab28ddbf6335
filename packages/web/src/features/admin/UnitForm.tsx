import type { AdminUnit, UnitBody, UnitKind } from '@helsebro/contracts';
import { UNIT_KINDS } from '@helsebro/contracts/constants';
import Button from '@helsenorge/designsystem-react/components/Button';
import Checkbox from '@helsenorge/designsystem-react/components/Checkbox';
import Input from '@helsenorge/designsystem-react/components/Input';
import Select from '@helsenorge/designsystem-react/components/Select';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { missing, problemErrors, useFormErrors } from '../operator/form-problems.ts';

const FIELDS = ['name', 'kind', 'phone', 'functionalEmail', 'herId'] as const;
type Field = (typeof FIELDS)[number];

const valuesOf = (u?: AdminUnit): Record<Field, string> => ({
  name: u?.name ?? '',
  kind: u?.kind ?? 'home_care',
  phone: u?.phone ?? '',
  functionalEmail: u?.functionalEmail ?? '',
  herId: u?.herId ?? '',
});

/**
 * A unit's name, kind, phone, functional e-mail, HER-id (its address in the address register) and whether it works
 * every day (home care, issue 15), to create a unit or change one. The server checks the values and names a refused field (problem field paths).
 */
export function UnitForm({
  unit,
  idPrefix,
  submitLabel,
  pending,
  onSubmit,
}: {
  unit?: AdminUnit;
  idPrefix: string;
  submitLabel: string;
  pending: boolean;
  /** Sends the body; resolves when saved, rejects with the refusal. */
  onSubmit: (body: UnitBody) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => valuesOf(unit));
  const [everyDay, setEveryDay] = useState(unit?.visitsEveryDay ?? false);
  const idOf = (f: Field) => `${idPrefix}-${f}`;
  const form = useFormErrors(FIELDS, idOf);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const empty = missing(values, ['name', 'phone', 'functionalEmail'], t('adminCommon.required'));
    if (Object.keys(empty).length > 0) {
      form.fail(empty);
      return;
    }
    form.clear();
    const body: UnitBody = {
      name: values.name.trim(),
      kind: values.kind as UnitKind,
      phone: values.phone.trim(),
      functionalEmail: values.functionalEmail.trim(),
      herId: values.herId.trim() || null,
      visitsEveryDay: everyDay,
    };
    onSubmit(body).then(
      () => {
        if (!unit) {
          setValues(valuesOf());
          setEveryDay(false);
        }
      },
      (err: unknown) => form.fail(problemErrors(err, FIELDS, t)),
    );
  };
  const input = (
    field: Exclude<Field, 'kind'>,
    extra: { type?: 'tel' | 'email'; inputMode?: 'numeric' | 'tel' } = {},
  ) => (
    <Input
      inputId={idOf(field)}
      name={field}
      label={t(`adminUnits.fields.${field}`)}
      value={values[field]}
      onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
      errorText={form.errors[field]}
      {...extra}
    />
  );

  return (
    <form className="hb-form" noValidate onSubmit={submit}>
      <ErrorSummary title={t('adminCommon.errorSummary')} items={form.summary} attempt={form.attempt} />
      {input('name')}
      <Select
        selectId={idOf('kind')}
        name="kind"
        label={t('adminUnits.fields.kind')}
        value={values.kind}
        onChange={(e) => setValues((v) => ({ ...v, kind: e.target.value }))}
        errorText={form.errors.kind}
      >
        {UNIT_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`adminUnits.kinds.${k}`)}
          </option>
        ))}
      </Select>
      {input('phone', { type: 'tel', inputMode: 'tel' })}
      {input('functionalEmail', { type: 'email' })}
      {input('herId', { inputMode: 'numeric' })}
      <Checkbox
        inputId={`${idPrefix}-visitsEveryDay`}
        label={t('adminUnits.fields.visitsEveryDay')}
        checked={everyDay}
        onChange={(e) => setEveryDay(e.target.checked)}
      />
      <div className="hb-form__actions">
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
