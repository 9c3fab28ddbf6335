import Button from '@helsenorge/designsystem-react/components/Button';
import Input from '@helsenorge/designsystem-react/components/Input';
import Select from '@helsenorge/designsystem-react/components/Select';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

export type PeriodFilter = { from: string; to: string; organisation: string; who: 'others' | 'all' };

/**
 * Period (from and to, inclusive), organisation and whose entries; applied with "Vis", so the list does not jump
 * while typing.
 */
export function AccessLogFilterForm({
  period,
  organisations,
  subjectName,
  onApply,
}: {
  period: PeriodFilter;
  organisations: { id: string; name: string }[];
  /** The person whose log this is, when the user acts for someone else. */
  subjectName: string | null;
  onApply: (next: PeriodFilter) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(period);
  const [error, setError] = useState<string | undefined>();
  const known = organisations.some((o) => o.id === draft.organisation) || ['', 'private'].includes(draft.organisation);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.from && draft.to && draft.to < draft.from) {
      setError(t('accessLog.invalidPeriod'));
      document.getElementById('log-to')?.focus();
      return;
    }
    setError(undefined);
    onApply(draft);
  };
  const filtered = Boolean(period.from || period.to || period.organisation || period.who === 'all');
  const name = subjectName ?? '';

  return (
    <form className="hb-log-filter" onSubmit={onSubmit} noValidate aria-labelledby="log-filter-heading">
      <h2 id="log-filter-heading" className="hb-log-filter__heading">
        {t('accessLog.filterHeading')}
      </h2>
      <div className="hb-log-filter__fields">
        <Input
          inputId="log-from"
          type="date"
          label={t('accessLog.from')}
          value={draft.from}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
        />
        <Input
          inputId="log-to"
          type="date"
          label={t('accessLog.to')}
          value={draft.to}
          min={draft.from || undefined}
          onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          errorText={error}
        />
        <Select
          selectId="log-organisation"
          label={t('accessLog.organisation')}
          value={draft.organisation}
          onChange={(e) => setDraft({ ...draft, organisation: e.target.value })}
        >
          <option value="">{t('accessLog.allOrganisations')}</option>
          {/* The server names "private" in Norwegian; the one option for it is the translated one below. */}
          {organisations
            .filter((o) => o.id !== 'private')
            .map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          <option value="private">{t('accessLog.privatePersons')}</option>
          {!known && <option value={draft.organisation}>{draft.organisation}</option>}
        </Select>
        <Select
          selectId="log-who"
          label={t('accessLog.who')}
          value={draft.who}
          onChange={(e) => setDraft({ ...draft, who: e.target.value === 'all' ? 'all' : 'others' })}
        >
          <option value="others">{name ? t('accessLog.whoOthersFor', { name }) : t('accessLog.whoOthers')}</option>
          <option value="all">{name ? t('accessLog.whoAllFor', { name }) : t('accessLog.whoAll')}</option>
        </Select>
      </div>
      <div className="hb-log-filter__actions">
        <Button type="submit">{t('accessLog.apply')}</Button>
        {filtered && (
          <Button variant="borderless" onClick={() => onApply({ from: '', to: '', organisation: '', who: 'others' })}>
            {t('accessLog.reset')}
          </Button>
        )}
      </div>
    </form>
  );
}
