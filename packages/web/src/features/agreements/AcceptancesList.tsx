import type { TermsVersion } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import Input from '@helsenorge/designsystem-react/components/Input';
import Select from '@helsenorge/designsystem-react/components/Select';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTermsAcceptances } from '../../api/agreements-queries.ts';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { Pager } from '../../components/Pager.tsx';
import { useFormatters } from '../../components/useFormatters.ts';
import { municipalityPath } from '../operator/paths.ts';

type Filter = 'all' | 'yes' | 'no';

/** Which municipalities have and have not accepted a published version: searched, filtered and paged. */
export function AcceptancesList({ version }: { version: TermsVersion }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [query, setQuery] = useState<{ q: string; page: number; accepted: Filter }>({
    q: '',
    page: 1,
    accepted: 'all',
  });
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const list = useTermsAcceptances(version.id, { q: query.q || undefined, page: query.page, accepted: query.accepted });
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    setQuery({ q: search.trim(), page: 1, accepted: filter });
  };
  return (
    <section aria-labelledby="acceptances-heading" className="hb-section">
      <h3 id="acceptances-heading">
        {t('agreements.acceptances.heading', {
          accepted: fmt.number(version.acceptedCount),
          total: fmt.number(version.municipalityCount),
        })}
      </h3>
      <form className="hb-lookup" role="search" onSubmit={onSearch}>
        <Input
          inputId="acceptance-search"
          type="search"
          label={t('agreements.acceptances.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Select
          selectId="acceptance-filter"
          label={t('agreements.acceptances.filter')}
          value={filter}
          onChange={(e) => setFilter(e.target.value as Filter)}
        >
          {(['all', 'yes', 'no'] as const).map((f) => (
            <option key={f} value={f}>
              {t(`agreements.acceptances.filters.${f}`)}
            </option>
          ))}
        </Select>
        <Button type="submit">{t('agreements.acceptances.searchButton')}</Button>
      </form>
      {list.isError ? (
        <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Loading />
      ) : (
        <>
          <p aria-live="polite">{t('agreements.acceptances.count', { count: list.data.total })}</p>
          {list.data.items.length > 0 && (
            <div className="hb-table-scroll" role="region" aria-labelledby="acceptances-heading" tabIndex={0}>
              <table className="hb-table">
                <caption className="hb-visually-hidden">{t('agreements.acceptances.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('agreements.acceptances.municipality')}</th>
                    <th scope="col">{t('agreements.acceptances.number')}</th>
                    <th scope="col">{t('agreements.acceptances.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((m) => (
                    <tr key={m.municipalityId}>
                      <th scope="row">
                        <Link to={municipalityPath(m.municipalityId)}>{m.name}</Link>
                      </th>
                      <td>{m.number}</td>
                      <td>
                        {m.acceptedAt
                          ? t('agreements.acceptances.acceptedOn', { date: fmt.dateTime(m.acceptedAt) })
                          : m.overdue
                            ? t('agreements.acceptances.overdue')
                            : t('agreements.acceptances.waiting')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager
            page={query.page}
            total={list.data.total}
            pageSize={list.data.pageSize}
            onPage={(page) => setQuery((q) => ({ ...q, page }))}
          />
        </>
      )}
    </section>
  );
}
