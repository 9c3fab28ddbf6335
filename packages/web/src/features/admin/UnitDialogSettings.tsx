import type { ServiceUnitSettings } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import Checkbox from '@helsenorge/designsystem-react/components/Checkbox';
import Input from '@helsenorge/designsystem-react/components/Input';
import Textarea from '@helsenorge/designsystem-react/components/Textarea';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdminUnitSettings, useUpdateUnitSettings } from '../../api/admin-queries.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { problemErrors, useFormErrors } from '../operator/form-problems.ts';
import { UnitAbsences } from './UnitAbsences.tsx';

const FIELDS = ['phone', 'email', 'openingHours', 'responseWorkingDays', 'autoReply', 'functionalEmail'] as const;
type Field = (typeof FIELDS)[number];
const idOf = (f: Field | 'openForDialog' | 'alertByEmail') => `dialog-${f}`;

/** A unit's contact details and dialog settings (A4), as citizens meet them when they write to the unit. */
export function UnitDialogSettings({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const settings = useAdminUnitSettings(unitId);
  return (
    <section className="hb-panel" aria-labelledby="dialog-settings-heading">
      <h3 id="dialog-settings-heading" className="hb-panel__heading">
        {t('adminUnits.dialog.heading')}
      </h3>
      <p className="hb-hint">{t('adminUnits.dialog.lead')}</p>
      {settings.isError ? (
        <ErrorPanel error={settings.error} onRetry={() => void settings.refetch()} />
      ) : settings.data ? (
        <SettingsForm key={unitId} unitId={unitId} settings={settings.data} />
      ) : (
        <Loading />
      )}
    </section>
  );
}

function SettingsForm({ unitId, settings }: { unitId: string; settings: ServiceUnitSettings }) {
  const { t } = useTranslation();
  const save = useUpdateUnitSettings(unitId);
  const [values, setValues] = useState<Record<Field, string>>({
    phone: settings.phone ?? '',
    email: settings.email ?? '',
    openingHours: settings.openingHours ?? '',
    responseWorkingDays: String(settings.responseWorkingDays),
    autoReply: settings.autoReply ?? '',
    functionalEmail: settings.functionalEmail ?? '',
  });
  const [openForDialog, setOpenForDialog] = useState(settings.openForDialog);
  const [alertByEmail, setAlertByEmail] = useState(settings.alertByEmail);
  const [absences, setAbsences] = useState(settings.absences);
  const [done, setDone] = useState('');
  const form = useFormErrors(FIELDS, idOf);
  const set = (f: Field) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [f]: e.target.value }));
  const orNull = (s: string) => s.trim() || null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const days = Number(values.responseWorkingDays);
    if (!Number.isInteger(days) || days < 1 || days > 30) {
      form.fail({ responseWorkingDays: t('adminUnits.dialog.daysRange') });
      return;
    }
    form.clear();
    setDone('');
    save.mutate(
      {
        phone: orNull(values.phone),
        email: orNull(values.email),
        openingHours: orNull(values.openingHours),
        openForDialog,
        responseWorkingDays: days,
        autoReply: orNull(values.autoReply),
        functionalEmail: orNull(values.functionalEmail),
        alertByEmail,
        absences,
      },
      {
        onSuccess: () => setDone(t('adminUnits.dialog.saved')),
        onError: (err) => form.fail(problemErrors(err, FIELDS, t)),
      },
    );
  };
  const input = (
    f: Exclude<Field, 'autoReply'>,
    extra: { type?: 'tel' | 'email'; inputMode?: 'numeric' | 'tel' } = {},
  ) => (
    <Input
      inputId={idOf(f)}
      name={f}
      label={t(`adminUnits.dialog.${f}`)}
      value={values[f]}
      onChange={set(f)}
      errorText={form.errors[f]}
      {...extra}
    />
  );

  return (
    <form className="hb-form" noValidate onSubmit={onSubmit}>
      <ErrorSummary title={t('adminCommon.errorSummary')} items={form.summary} attempt={form.attempt} />
      <Checkbox
        inputId={idOf('openForDialog')}
        label={t('adminUnits.dialog.openForDialog')}
        checked={openForDialog}
        onChange={(e) => setOpenForDialog(e.target.checked)}
      />
      {input('responseWorkingDays', { inputMode: 'numeric' })}
      {input('phone', { type: 'tel', inputMode: 'tel' })}
      {input('email', { type: 'email' })}
      {input('openingHours')}
      <Textarea
        textareaId={idOf('autoReply')}
        name="autoReply"
        label={t('adminUnits.dialog.autoReply')}
        value={values.autoReply}
        onChange={set('autoReply')}
        errorText={form.errors.autoReply}
        maxCharacters={1000}
      />
      <UnitAbsences absences={absences} onChange={setAbsences} />
      {input('functionalEmail', { type: 'email' })}
      <Checkbox
        inputId={idOf('alertByEmail')}
        label={t('adminUnits.dialog.alertByEmail')}
        checked={alertByEmail}
        onChange={(e) => setAlertByEmail(e.target.checked)}
      />
      <div className="hb-form__actions">
        <Button type="submit" disabled={save.isPending}>
          {t('adminUnits.dialog.save')}
        </Button>
      </div>
      <p role="status">{done}</p>
    </form>
  );
}
