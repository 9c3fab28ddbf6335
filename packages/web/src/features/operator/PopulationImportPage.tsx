import type { PopulationImportSummary } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useImportPopulation } from '../../api/operator-queries.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { errorMessage } from '../../components/PageStatus.tsx';
import { useFormErrors } from './form-problems.ts';
import { OperatorPage } from './OperatorNav.tsx';

const FIELDS = ['file'] as const;
const FILE_ID = 'register-file';

/**
 * `/drift/folkeregister`: the operator reads a register extract (docs/population-register.md) into the population
 * register — a `.json` array of person documents or `.ndjson` change events — and sees what it did.
 */
export function PopulationImportPage() {
  const { t } = useTranslation();
  return <OperatorPage title={t('populationImport.title')}>{() => <PopulationImport />}</OperatorPage>;
}

function PopulationImport() {
  const { t } = useTranslation();
  const importing = useImportPopulation();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<{ name: string; summary: PopulationImportSummary } | null>(null);
  const form = useFormErrors(FIELDS, () => FILE_ID);
  const error = form.errors.file ?? form.errors.form;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      form.fail({ file: t('populationImport.chooseFile') });
      return;
    }
    form.clear();
    setResult(null);
    // Change events are one JSON document a line; anything else is sent as the JSON array it should be.
    const ndjson = file.name.toLowerCase().endsWith('.ndjson');
    const extract = new Blob([file], { type: ndjson ? 'application/x-ndjson' : 'application/json' });
    importing.mutate(extract, {
      onSuccess: (summary) => {
        setResult({ name: file.name, summary });
        setFile(null);
        if (input.current) {
          input.current.value = '';
        }
      },
      onError: (err) => form.fail({ file: t('populationImport.refusedFile', { reason: errorMessage(err, t) }) }),
    });
  };

  return (
    <>
      <p className="hb-lead hb-lead--narrow">{t('populationImport.lead')}</p>
      <section aria-labelledby="import-form-heading" className="hb-section hb-narrow">
        <h2 id="import-form-heading" className="hb-section__heading">
          {t('populationImport.formHeading')}
        </h2>
        <ErrorSummary title={t('populationImport.errorSummary')} items={form.summary} attempt={form.attempt} />
        <form className="hb-form" noValidate onSubmit={onSubmit}>
          <div className={`hb-files${error ? ' hb-files--error' : ''}`}>
            <label htmlFor={FILE_ID} className="hb-files__label">
              {t('populationImport.file')}
            </label>
            <p id={`${FILE_ID}-hint`} className="hb-hint hb-files__hint">
              {t('populationImport.fileHint')}
            </p>
            {error && (
              <p id={`${FILE_ID}-error`} className="hb-files__error">
                {error}
              </p>
            )}
            <input
              ref={input}
              id={FILE_ID}
              name="file"
              type="file"
              className="hb-files__input"
              accept=".json,.ndjson,application/json,application/x-ndjson"
              aria-describedby={error ? `${FILE_ID}-error ${FILE_ID}-hint` : `${FILE_ID}-hint`}
              aria-invalid={error ? true : undefined}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
          <div className="hb-form__actions">
            <Button type="submit" disabled={importing.isPending}>
              {importing.isPending ? t('populationImport.importing') : t('populationImport.submit')}
            </Button>
          </div>
        </form>
      </section>
      <div role="status" className="hb-notice">
        {result && t('populationImport.done', { name: result.name })}
      </div>
      {result && <ImportSummary summary={result.summary} />}
    </>
  );
}

function ImportSummary({ summary: s }: { summary: PopulationImportSummary }) {
  const { t } = useTranslation();
  const counts = ['created', 'changed', 'unchanged', 'refused'] as const;
  return (
    <section aria-labelledby="import-summary-heading" className="hb-section">
      <h2 id="import-summary-heading" className="hb-section__heading">
        {t('populationImport.summaryHeading')}
      </h2>
      <dl className="hb-facts">
        {counts.map((c) => (
          <div key={c}>
            <dt>{t(`populationImport.counts.${c}`)}</dt>
            <dd>{s[c]}</dd>
          </div>
        ))}
      </dl>
      {s.refusals.length > 0 && (
        <div className="hb-table-scroll" role="region" aria-labelledby="import-refusals-caption" tabIndex={0}>
          <table className="hb-table">
            <caption id="import-refusals-caption">
              {s.refused > s.refusals.length
                ? t('populationImport.refusalsFirst', { shown: s.refusals.length, count: s.refused })
                : t('populationImport.refusals')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('populationImport.place')}</th>
                <th scope="col">{t('populationImport.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {s.refusals.map((r) => {
                // An array's index counts from 0; people count from 1, as NDJSON lines do.
                const place =
                  r.line !== undefined
                    ? t('populationImport.line', { n: r.line })
                    : t('populationImport.record', { n: (r.index ?? 0) + 1 });
                return (
                  <tr key={`${r.line ?? ''}:${r.index ?? ''}:${r.reason}`}>
                    <th scope="row">{place}</th>
                    <td>{r.reason}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
