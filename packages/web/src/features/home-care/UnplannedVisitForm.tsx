import Button from '@helsenorge/designsystem-react/components/Button';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import Select from '@helsenorge/designsystem-react/components/Select';
import Textarea from '@helsenorge/designsystem-react/components/Textarea';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnitCareRelations } from '../../api/care-relations-queries.ts';
import { useRecordUnplannedVisit } from '../../api/home-care-queries.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { missing, problemErrors, useFormErrors } from '../operator/form-problems.ts';

const FIELDS = ['unitId', 'personId', 'whatWasDone'] as const;
const idOf = (f: (typeof FIELDS)[number]) => `unplanned-${f}`;

/**
 * A visit that was not in the plan (issue 15), recorded as of now: the unit, one of the unit's citizens (its active
 * care relations) and what was done, which the citizen can read.
 */
export function UnplannedVisitForm({ units }: { units: Array<{ id: string; name: string }> }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ unitId: units[0]!.id, personId: '', whatWasDone: '' });
  const citizens = useUnitCareRelations(values.unitId, { status: 'active' });
  const record = useRecordUnplannedVisit();
  const form = useFormErrors(FIELDS, idOf);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const empty = missing(values, ['personId', 'whatWasDone'], t('homeCare.required'));
    if (Object.keys(empty).length > 0) {
      form.fail(empty);
      return;
    }
    form.clear();
    record.mutate(
      { unitId: values.unitId, body: { personId: values.personId, whatWasDone: values.whatWasDone.trim() } },
      {
        onSuccess: () => setValues((v) => ({ ...v, personId: '', whatWasDone: '' })),
        onError: (err) => form.fail(problemErrors(err, FIELDS, t)),
      },
    );
  };

  return (
    <section className="hb-panel" aria-labelledby="unplanned-heading">
      <h2 id="unplanned-heading" className="hb-panel__heading">
        {t('homeCare.unplannedHeading')}
      </h2>
      <p>{t('homeCare.unplannedLead')}</p>
      <form className="hb-form" noValidate onSubmit={submit}>
        <ErrorSummary title={t('homeCare.errorSummary')} items={form.summary} attempt={form.attempt} />
        {units.length > 1 && (
          <Select
            selectId={idOf('unitId')}
            name="unitId"
            label={t('homeCare.unit')}
            value={values.unitId}
            onChange={(e) => setValues((v) => ({ ...v, unitId: e.target.value, personId: '' }))}
          >
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>
        )}
        <Select
          selectId={idOf('personId')}
          name="personId"
          label={t('homeCare.citizen')}
          value={values.personId}
          onChange={(e) => setValues((v) => ({ ...v, personId: e.target.value }))}
          errorText={form.errors.personId}
        >
          <option value="">{t('homeCare.chooseCitizen')}</option>
          {(citizens.data?.items ?? []).map((c) => (
            <option key={c.id} value={c.person.personId}>
              {c.person.displayName}
            </option>
          ))}
        </Select>
        <Textarea
          textareaId={idOf('whatWasDone')}
          name="whatWasDone"
          label={t('homeCare.whatWasDone')}
          value={values.whatWasDone}
          onChange={(e) => setValues((v) => ({ ...v, whatWasDone: e.target.value }))}
          errorText={form.errors.whatWasDone}
          maxCharacters={2000}
        />
        <div className="hb-form__actions">
          <Button type="submit" disabled={record.isPending}>
            {t('homeCare.recordUnplanned')}
          </Button>
        </div>
        {record.isSuccess && (
          <NotificationPanel variant="success">
            {t('homeCare.unplannedSaved', { time: record.data.localTime })}
          </NotificationPanel>
        )}
      </form>
    </section>
  );
}
