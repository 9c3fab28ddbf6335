import type { AppointmentKind, AppointmentType, AppointmentTypeBody } from '@helsebro/contracts';
import { APPOINTMENT_KINDS } from '@helsebro/contracts/constants';
import Button from '@helsenorge/designsystem-react/components/Button';
import Checkbox from '@helsenorge/designsystem-react/components/Checkbox';
import Input from '@helsenorge/designsystem-react/components/Input';
import Select from '@helsenorge/designsystem-react/components/Select';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { problemErrors, useFormErrors, type FormErrors } from '../operator/form-problems.ts';

const FIELDS = [
  'name',
  'kind',
  'durationMinutes',
  'cancelDeadlineWorkingDays',
  'cancellationNeedsAcceptance',
  'reminderLeadHours',
] as const;
type Field = (typeof FIELDS)[number];
type TextField = 'name' | 'durationMinutes' | 'cancelDeadlineWorkingDays' | 'reminderLeadHours';
type Flag = 'selfBookable' | 'citizenCancellable' | 'cancellationNeedsAcceptance';

const textsOf = (a?: AppointmentType): Record<TextField | 'kind', string> => ({
  name: a?.name ?? '',
  kind: a?.kind ?? 'consultation',
  durationMinutes: String(a?.durationMinutes ?? 30),
  cancelDeadlineWorkingDays: String(a?.cancelDeadlineWorkingDays ?? 1),
  reminderLeadHours: a?.reminderLeadHours === null ? '' : String(a?.reminderLeadHours ?? 24),
});
const flagsOf = (a?: AppointmentType): Record<Flag, boolean> => ({
  selfBookable: a?.selfBookable ?? false,
  citizenCancellable: a?.citizenCancellable ?? true,
  cancellationNeedsAcceptance: a?.cancellationNeedsAcceptance ?? false,
});

/**
 * An appointment type's name, kind, duration and the rules citizens meet: booking it themselves, cancelling it
 * (deadline in working days, whether the unit must accept) and the reminder's lead time (empty: no reminder).
 */
export function AppointmentTypeForm({
  type,
  idPrefix,
  submitLabel,
  pending,
  onSubmit,
  onCancel,
}: {
  type?: AppointmentType;
  idPrefix: string;
  submitLabel: string;
  pending: boolean;
  onSubmit: (body: AppointmentTypeBody) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [texts, setTexts] = useState(() => textsOf(type));
  const [flags, setFlags] = useState(() => flagsOf(type));
  const idOf = (f: Field | Flag) => `${idPrefix}-${f}`;
  const form = useFormErrors(FIELDS, idOf);

  const wholeNumbers = (): FormErrors<Field> => {
    const found: FormErrors<Field> = {};
    if (texts.name.trim() === '') {
      found.name = t('adminCommon.required');
    }
    for (const f of ['durationMinutes', 'cancelDeadlineWorkingDays'] as const) {
      if (!/^\d+$/.test(texts[f].trim())) {
        found[f] = t('adminTypes.wholeNumber');
      }
    }
    if (texts.reminderLeadHours.trim() !== '' && !/^\d+$/.test(texts.reminderLeadHours.trim())) {
      found.reminderLeadHours = t('adminTypes.wholeNumber');
    }
    return found;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = wholeNumbers();
    if (Object.keys(found).length > 0) {
      form.fail(found);
      return;
    }
    form.clear();
    const reminder = texts.reminderLeadHours.trim();
    const body: AppointmentTypeBody = {
      name: texts.name.trim(),
      kind: texts.kind as AppointmentKind,
      durationMinutes: Number(texts.durationMinutes),
      selfBookable: flags.selfBookable,
      citizenCancellable: flags.citizenCancellable,
      cancelDeadlineWorkingDays: Number(texts.cancelDeadlineWorkingDays),
      // Only a type the citizen may cancel has cancellations for the unit to accept.
      cancellationNeedsAcceptance: flags.citizenCancellable && flags.cancellationNeedsAcceptance,
      reminderLeadHours: reminder === '' ? null : Number(reminder),
    };
    onSubmit(body).then(
      () => {
        if (!type) {
          setTexts(textsOf());
          setFlags(flagsOf());
        }
      },
      (err: unknown) => form.fail(problemErrors(err, FIELDS, t)),
    );
  };
  const input = (f: TextField, hint?: string) => (
    <Input
      inputId={idOf(f)}
      name={f}
      label={t(`adminTypes.fields.${f}`)}
      {...(f === 'name' ? {} : { inputMode: 'numeric' as const, width: 8 })}
      {...(hint ? { 'aria-describedby': `${idOf(f)}-hint` } : {})}
      value={texts[f]}
      onChange={(e) => setTexts((v) => ({ ...v, [f]: e.target.value }))}
      errorText={form.errors[f]}
    />
  );
  const flag = (f: Flag, disabled = false) => (
    <Checkbox
      inputId={idOf(f)}
      label={t(`adminTypes.fields.${f}`)}
      checked={flags[f] && !disabled}
      disabled={disabled}
      onChange={(e) => setFlags((v) => ({ ...v, [f]: e.target.checked }))}
      {...(f === 'cancellationNeedsAcceptance' ? { errorText: form.errors.cancellationNeedsAcceptance } : {})}
    />
  );

  return (
    <form className="hb-form" noValidate onSubmit={submit}>
      <ErrorSummary title={t('adminCommon.errorSummary')} items={form.summary} attempt={form.attempt} />
      {input('name')}
      <Select
        selectId={idOf('kind')}
        name="kind"
        label={t('adminTypes.fields.kind')}
        value={texts.kind}
        onChange={(e) => setTexts((v) => ({ ...v, kind: e.target.value }))}
        errorText={form.errors.kind}
      >
        {APPOINTMENT_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`adminTypes.kinds.${k}`)}
          </option>
        ))}
      </Select>
      {input('durationMinutes')}
      {flag('selfBookable')}
      {flag('citizenCancellable')}
      {input('cancelDeadlineWorkingDays', 'hint')}
      <p id={`${idOf('cancelDeadlineWorkingDays')}-hint`} className="hb-hint">
        {t('adminTypes.deadlineHint')}
      </p>
      {flag('cancellationNeedsAcceptance', !flags.citizenCancellable)}
      {input('reminderLeadHours', 'hint')}
      <p id={`${idOf('reminderLeadHours')}-hint`} className="hb-hint">
        {t('adminTypes.reminderHint')}
      </p>
      <div className="hb-form__actions">
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="borderless" onClick={onCancel}>
            {t('adminCommon.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
