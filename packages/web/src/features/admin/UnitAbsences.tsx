import type { AbsencePeriod } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import Input from '@helsenorge/designsystem-react/components/Input';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../components/useFormatters.ts';

type Draft = { startsOn: string; endsOn: string; note: string };
type DraftErrors = Partial<Record<keyof Draft, string>>;
const EMPTY: Draft = { startsOn: '', endsOn: '', note: '' };

/**
 * A unit's absence periods, edited with the rest of its dialog settings (saved with them). While a period covers
 * today, a citizen who starts a conversation gets the unit's automatic reply as its first answer (issue 15), as
 * outside the unit's weekly hours (UnitWeeklyHours).
 */
export function UnitAbsences({
  absences,
  onChange,
}: {
  absences: AbsencePeriod[];
  onChange: (next: AbsencePeriod[]) => void;
}) {
  const { t } = useTranslation();
  const { date } = useFormatters();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<DraftErrors>({});
  const set = (f: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [f]: e.target.value }));

  const add = () => {
    const found: DraftErrors = {};
    if (draft.startsOn === '') {
      found.startsOn = t('adminUnits.absences.startsOnMissing');
    }
    if (draft.endsOn === '') {
      found.endsOn = t('adminUnits.absences.endsOnMissing');
    } else if (draft.startsOn !== '' && draft.endsOn < draft.startsOn) {
      found.endsOn = t('adminUnits.absences.endsBeforeStart');
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    const period = { startsOn: draft.startsOn, endsOn: draft.endsOn, note: draft.note.trim() || null };
    onChange([...absences, period].sort((a, b) => a.startsOn.localeCompare(b.startsOn)));
    setDraft(EMPTY);
  };

  return (
    <fieldset className="hb-admin-roles">
      <legend>{t('adminUnits.absences.legend')}</legend>
      <p className="hb-hint">{t('adminUnits.absences.hint')}</p>
      {absences.length === 0 ? (
        <p>{t('adminUnits.absences.none')}</p>
      ) : (
        <ul>
          {absences.map((a, i) => {
            const range = t('adminUnits.absences.range', { from: date(a.startsOn), to: date(a.endsOn) });
            return (
              <li key={`${a.startsOn}-${a.endsOn}-${i}`}>
                {range}
                {a.note ? ` · ${a.note}` : ''}{' '}
                <Button
                  variant="borderless"
                  type="button"
                  onClick={() => onChange(absences.filter((_, j) => j !== i))}
                  aria-label={t('adminUnits.absences.remove', { range })}
                >
                  {t('adminUnits.absences.removeShort')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <Input
        inputId="absence-startsOn"
        name="absenceStartsOn"
        type="date"
        label={t('adminUnits.absences.startsOn')}
        value={draft.startsOn}
        onChange={set('startsOn')}
        errorText={errors.startsOn}
      />
      <Input
        inputId="absence-endsOn"
        name="absenceEndsOn"
        type="date"
        label={t('adminUnits.absences.endsOn')}
        value={draft.endsOn}
        onChange={set('endsOn')}
        errorText={errors.endsOn}
      />
      <Input
        inputId="absence-note"
        name="absenceNote"
        label={t('adminUnits.absences.note')}
        value={draft.note}
        onChange={set('note')}
      />
      <div className="hb-form__actions">
        <Button type="button" variant="outline" onClick={add}>
          {t('adminUnits.absences.add')}
        </Button>
      </div>
    </fieldset>
  );
}
