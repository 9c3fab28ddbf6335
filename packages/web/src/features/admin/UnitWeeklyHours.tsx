import type { OpeningInterval } from '@helsebro/contracts';
import Checkbox from '@helsenorge/designsystem-react/components/Checkbox';
import Input from '@helsenorge/designsystem-react/components/Input';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, currentLanguage } from '../../i18n/index.ts';

/** One weekday as the form edits it: open or not, and its hours. */
export type DayDraft = { open: boolean; opens: string; closes: string };
export type WeekDraft = DayDraft[];
export type WeekErrors = Partial<Record<number, string>>;

const DEFAULT_DAY: DayDraft = { open: false, opens: '08:00', closes: '15:30' };

/**
 * The form's week from the stored intervals: one row per ISO weekday (Monday first). The API takes several
 * intervals a day (closed over lunch); the page edits one, from the first opening to the last closing, which is
 * what a unit that sets its hours here means.
 */
export function weekDraftOf(hours: readonly OpeningInterval[] | null): WeekDraft {
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => {
    const day = (hours ?? []).filter((i) => i.weekday === weekday);
    if (day.length === 0) {
      return { ...DEFAULT_DAY };
    }
    return {
      open: true,
      opens: day.map((i) => i.opens).sort()[0]!,
      closes: day
        .map((i) => i.closes)
        .sort()
        .at(-1)!,
    };
  });
}

/**
 * The intervals to save, or the errors by weekday (1–7). No day open means no weekly hours (null): then only
 * absences decide the automatic reply, as before a unit set any.
 * @param messages - the texts of the two errors
 */
export function weeklyHoursOf(
  week: WeekDraft,
  messages: { missing: string; order: string },
): { hours: OpeningInterval[] | null; errors: WeekErrors } {
  const errors: WeekErrors = {};
  const hours: OpeningInterval[] = [];
  week.forEach((d, i) => {
    if (!d.open) {
      return;
    }
    if (!/^\d{2}:\d{2}$/.test(d.opens) || !/^\d{2}:\d{2}$/.test(d.closes)) {
      errors[i + 1] = messages.missing;
    } else if (d.closes <= d.opens) {
      errors[i + 1] = messages.order;
    } else {
      hours.push({ weekday: i + 1, opens: d.opens, closes: d.closes });
    }
  });
  return { hours: hours.length > 0 ? hours : null, errors };
}

/** The id of a weekday's first field, where an error summary link lands. */
export const weekdayFieldId = (weekday: number) => `hours-${weekday}-open`;

/**
 * A unit's opening hours as data (issue 15): outside them, and on public holidays, a citizen who starts a
 * conversation gets the unit's automatic reply as its first answer. Saved with the rest of the dialog settings.
 */
export function UnitWeeklyHours({
  week,
  errors,
  onChange,
}: {
  week: WeekDraft;
  errors: WeekErrors;
  onChange: (next: WeekDraft) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = LOCALES[currentLanguage(i18n.resolvedLanguage)];
  // 1 January 2024 was a Monday: the names of ISO weekdays 1–7 in the reader's language.
  const names = useMemo(() => {
    const f = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    return [0, 1, 2, 3, 4, 5, 6].map((i) => {
      const name = f.format(new Date(Date.UTC(2024, 0, 1 + i)));
      return name.charAt(0).toUpperCase() + name.slice(1);
    });
  }, [locale]);
  const change = (i: number, patch: Partial<DayDraft>) =>
    onChange(week.map((d, j) => (j === i ? { ...d, ...patch } : d)));

  return (
    <fieldset className="hb-admin-roles">
      <legend>{t('adminUnits.hours.legend')}</legend>
      <p className="hb-hint">{t('adminUnits.hours.hint')}</p>
      {week.map((d, i) => {
        const weekday = i + 1;
        const name = names[i]!;
        return (
          <div key={weekday} className="hb-admin-hours__day" role="group" aria-label={name}>
            <Checkbox
              inputId={weekdayFieldId(weekday)}
              label={t('adminUnits.hours.open', { day: name })}
              checked={d.open}
              onChange={(e) => change(i, { open: e.target.checked })}
              errorText={errors[weekday]}
            />
            {d.open && (
              <div className="hb-admin-roles__row">
                {(['opens', 'closes'] as const).map((edge) => (
                  <Input
                    key={edge}
                    inputId={`hours-${weekday}-${edge}`}
                    type="time"
                    label={t(`adminUnits.hours.${edge}`, { day: name })}
                    value={d[edge]}
                    onChange={(e) => change(i, { [edge]: e.target.value })}
                  />
                ))}
              </div>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
