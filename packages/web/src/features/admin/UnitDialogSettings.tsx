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
import { UnitWeeklyHours, weekDraftOf, weekdayFieldId, weeklyHoursOf } from './UnitWeeklyHours.tsx';

/** The text fields. */
type Field = 'phone' | 'email' | 'openingHours' | 'responseWorkingDays' | 'autoReply' | 'functionalEmail';
/** The weekdays' rows of the weekly hours, as error summary entries ("hours1" is Monday). */
const HOUR_FIELDS = ['hours1', 'hours2', 'hours3', 'hours4', 'hours5', 'hours6', 'hours7'] as const;
type HourField = (typeof HOUR_FIELDS)[number];
/** Every field that can carry an error, in the order the form shows them. */
const ERROR_FIELDS = [
  'responseWorkingDays',
  'phone',
  'email',
  'openingHours',
  ...HOUR_FIELDS,
  'autoReply',
  'functionalEmail',
] as const;
const idOf = (f: Field | HourField | 'openForDialog' | 'alertByEmail') =>
  f.startsWith('hours') ? weekdayFieldId(Number(f.slice(5))) : `dialog-${f}`;

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
  const [week, setWeek] = useState(() => weekDraftOf(settings.weeklyHours));
  const [done, setDone] = useState('');
  const form = useFormErrors(ERROR_FIELDS, idOf);
  const set = (f: Field) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [f]: e.target.value }));
  const orNull = (s: string) => s.trim() || null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const days = Number(values.responseWorkingDays);
    const weekly = weeklyHoursOf(week, {
      missing: t('adminUnits.hours.missing'),
      order: t('adminUnits.hours.order'),
    });
    const found: Partial<Record<(typeof ERROR_FIELDS)[number], string>> = {};
    if (!Number.isInteger(days) || days < 1 || days > 30) {
      found.responseWorkingDays = t('adminUnits.dialog.daysRange');
    }
    for (const [weekday, message] of Object.entries(weekly.errors)) {
      found[`hours${weekday}` as HourField] = message;
    }
    if (Object.keys(found).length > 0) {
      form.fail(found);
      return;
    }
    form.clear();
    setDone('');
    save.mutate(
      {
        phone: orNull(values.phone),
        email: orNull(values.email),
        openingHours: orNull(values.openingHours),
        weeklyHours: weekly.hours,
        openForDialog,
        responseWorkingDays: days,
        autoReply: orNull(values.autoReply),
        functionalEmail: orNull(values.functionalEmail),
        alertByEmail,
        absences,
      },
      {
        onSuccess: () => setDone(t('adminUnits.dialog.saved')),
        onError: (err) => form.fail(problemErrors(err, ERROR_FIELDS, t)),
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
      <UnitWeeklyHours
        week={week}
        errors={Object.fromEntries(HOUR_FIELDS.map((f, i) => [i + 1, form.errors[f]]))}
        onChange={setWeek}
      />
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
