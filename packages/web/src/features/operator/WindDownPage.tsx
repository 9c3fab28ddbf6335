import type { WindDownBody } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import Input from '@helsenorge/designsystem-react/components/Input';
import Label, { Sublabel } from '@helsenorge/designsystem-react/components/Label';
import Select from '@helsenorge/designsystem-react/components/Select';
import Textarea from '@helsenorge/designsystem-react/components/Textarea';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  useAllTerminations,
  useCreateWindDown,
  useServiceCatalogue,
  useWindDowns,
} from '../../api/termination-queries.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { Pager } from '../../components/Pager.tsx';
import { useFormatters } from '../../components/useFormatters.ts';
import { TerminationsTable, useServiceNames } from '../admin/TerminationsTable.tsx';
import { missing, problemErrors, useFormErrors } from './form-problems.ts';
import { OperatorPage } from './OperatorNav.tsx';

const FIELDS = ['serviceCode', 'instructionReference', 'effectiveDate', 'reason'] as const;
type Field = (typeof FIELDS)[number];
const ID: Record<Field, string> = {
  serviceCode: 'wind-down-service',
  instructionReference: 'wind-down-instruction',
  effectiveDate: 'wind-down-date',
  reason: 'wind-down-reason',
};
const EMPTY: Record<Field, string> = { serviceCode: '', instructionReference: '', effectiveDate: '', reason: '' };

/**
 * `/drift/avvikling`: the operator's wind-down of a service (seed 000 §6: on an instruction from a superior body,
 * at least six months ahead), the wind-downs so far, and every municipality's notices (searched, paged).
 */
export function WindDownPage() {
  const { t } = useTranslation();
  return <OperatorPage title={t('termination.windDownTitle')}>{() => <WindDown />}</OperatorPage>;
}

function WindDown() {
  const { t } = useTranslation();
  const catalogue = useServiceCatalogue();
  const { names, nameOf } = useServiceNames(catalogue.data?.areas);
  if (catalogue.isError) {
    return <ErrorPanel error={catalogue.error} onRetry={() => void catalogue.refetch()} />;
  }
  if (!catalogue.data) {
    return <Loading />;
  }
  return (
    <>
      <p className="hb-lead hb-lead--narrow">{t('termination.windDownLead')}</p>
      <section className="hb-panel" aria-labelledby="wind-down-heading">
        <h2 id="wind-down-heading" className="hb-panel__heading">
          {t('termination.windDownHeading')}
        </h2>
        <WindDownForm services={[...names]} />
      </section>
      <WindDowns nameOf={nameOf} />
      <AllTerminations nameOf={nameOf} />
    </>
  );
}

function WindDownForm({ services }: { services: (readonly [string, string])[] }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const create = useCreateWindDown();
  const [values, setValues] = useState(EMPTY);
  const [done, setDone] = useState('');
  const form = useFormErrors(FIELDS, (f) => ID[f]);
  const set = (field: Field) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    // The instruction reference is left to the server, whose refusal cites seed 000 §6.
    const empty = missing(values, ['serviceCode', 'effectiveDate', 'reason'], t('termination.required'));
    if (Object.keys(empty).length > 0) {
      form.fail(empty);
      return;
    }
    form.clear();
    const body: WindDownBody = {
      serviceCode: values.serviceCode,
      instructionReference: values.instructionReference.trim() || null,
      effectiveDate: values.effectiveDate,
      reason: values.reason.trim(),
    };
    create.mutate(body, {
      onSuccess: (w) => {
        setValues(EMPTY);
        setDone(t('termination.windDownGiven', { count: w.municipalities, date: fmt.date(w.effectiveDate) }));
      },
      onError: (err) => form.fail(problemErrors(err, FIELDS, t)),
    });
  };

  const hinted = (field: 'instructionReference' | 'effectiveDate', label: string, hint: string) => (
    <Label
      labelTexts={[{ text: label }]}
      sublabel={<Sublabel id={`${ID[field]}-hint`} sublabelTexts={[{ text: hint }]} />}
    />
  );

  return (
    <>
      <p role="status" className="hb-notice">
        {done}
      </p>
      <ErrorSummary title={t('termination.windDownErrors')} items={form.summary} attempt={form.attempt} />
      <form className="hb-form" noValidate onSubmit={onSubmit}>
        <Select
          selectId={ID.serviceCode}
          name="serviceCode"
          label={t('termination.serviceCode')}
          value={values.serviceCode}
          onChange={set('serviceCode')}
          errorText={form.errors.serviceCode}
        >
          <option value="">{t('termination.chooseService')}</option>
          {services.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </Select>
        <Input
          inputId={ID.instructionReference}
          name="instructionReference"
          label={hinted(
            'instructionReference',
            t('termination.instructionReference'),
            t('termination.instructionReferenceHint'),
          )}
          aria-describedby={`${ID.instructionReference}-hint`}
          value={values.instructionReference}
          onChange={set('instructionReference')}
          errorText={form.errors.instructionReference}
        />
        <Input
          inputId={ID.effectiveDate}
          name="effectiveDate"
          type="date"
          label={hinted('effectiveDate', t('termination.windDownDate'), t('termination.windDownDateHint'))}
          aria-describedby={`${ID.effectiveDate}-hint`}
          value={values.effectiveDate}
          onChange={set('effectiveDate')}
          errorText={form.errors.effectiveDate}
        />
        <Textarea
          textareaId={ID.reason}
          name="reason"
          label={t('termination.reason')}
          minRows={3}
          value={values.reason}
          onChange={set('reason')}
          errorText={form.errors.reason}
        />
        <div className="hb-form__actions">
          <Button type="submit" disabled={create.isPending}>
            {t('termination.windDownSubmit')}
          </Button>
        </div>
      </form>
    </>
  );
}

function WindDowns({ nameOf }: { nameOf: (code: string) => string }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const list = useWindDowns();
  return (
    <section className="hb-section" aria-labelledby="wind-downs-heading">
      <h2 id="wind-downs-heading" className="hb-section__heading">
        {t('termination.windDownsHeading')}
      </h2>
      {list.isError ? (
        <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <p className="hb-empty">{t('termination.windDownsEmpty')}</p>
      ) : (
        <div className="hb-table-scroll" role="region" aria-labelledby="wind-downs-heading" tabIndex={0}>
          <table className="hb-table">
            <caption className="hb-visually-hidden">{t('termination.windDownsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('termination.serviceCode')}</th>
                <th scope="col">{t('termination.instructionColumn')}</th>
                <th scope="col">{t('termination.noticeDateColumn')}</th>
                <th scope="col">{t('termination.effectiveDateColumn')}</th>
                <th scope="col">{t('termination.municipalitiesColumn')}</th>
                <th scope="col">{t('termination.statusColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((w) => (
                <tr key={w.id}>
                  <th scope="row">{nameOf(w.serviceCode)}</th>
                  <td>{w.instructionReference}</td>
                  <td>{fmt.date(w.noticeDate)}</td>
                  <td>{fmt.date(w.effectiveDate)}</td>
                  <td>{fmt.number(w.municipalities)}</td>
                  <td>
                    {w.endedAt
                      ? t('termination.status.ended', { date: fmt.date(w.effectiveDate) })
                      : t('termination.status.pending')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function AllTerminations({ nameOf }: { nameOf: (code: string) => string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('sok') ?? '';
  const page = Math.max(1, Number(params.get('side')) || 1);
  const [search, setSearch] = useState(q);
  const list = useAllTerminations({ q: q || undefined, page });
  const go = (next: { sok: string; side: number }) =>
    setParams({ ...(next.sok ? { sok: next.sok } : {}), ...(next.side > 1 ? { side: String(next.side) } : {}) });
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    go({ sok: search.trim(), side: 1 });
  };
  return (
    <section className="hb-section" aria-labelledby="all-terminations-heading">
      <h2 id="all-terminations-heading" className="hb-section__heading">
        {t('termination.allHeading')}
      </h2>
      <form className="hb-lookup" role="search" onSubmit={onSearch}>
        <Input
          inputId="termination-search"
          type="search"
          label={t('termination.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Button type="submit">{t('termination.searchButton')}</Button>
      </form>
      {list.isError ? (
        <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Loading />
      ) : (
        <>
          <p aria-live="polite">
            {q
              ? t('termination.allCountFor', { count: list.data.total, q })
              : t('termination.allCount', { count: list.data.total })}
          </p>
          {list.data.items.length === 0 ? (
            <p className="hb-empty">{q ? t('termination.allEmptyFor') : t('termination.allEmpty')}</p>
          ) : (
            <TerminationsTable
              items={list.data.items}
              caption={t('termination.allCaption')}
              nameOf={nameOf}
              withMunicipality
            />
          )}
          <Pager
            page={page}
            total={list.data.total}
            pageSize={list.data.pageSize}
            onPage={(side) => go({ sok: q, side })}
          />
        </>
      )}
    </section>
  );
}
