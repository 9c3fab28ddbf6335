import Button from '@helsenorge/designsystem-react/components/Button';
import Input from '@helsenorge/designsystem-react/components/Input';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMunicipalities } from '../../api/operator-queries.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { Pager } from '../../components/Pager.tsx';
import { useFormatters } from '../../components/useFormatters.ts';
import { OperatorPage } from './OperatorNav.tsx';
import { municipalityPath, OPERATOR_PATHS } from './paths.ts';

/** `/drift/kommuner`: the registered municipalities, searched and paged (25 a page, by the server). */
export function MunicipalitiesPage() {
  const { t } = useTranslation();
  return <OperatorPage title={t('operatorMunicipalities.title')}>{() => <Municipalities />}</OperatorPage>;
}

function Municipalities() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('sok') ?? '';
  const page = Math.max(1, Number(params.get('side')) || 1);
  const [search, setSearch] = useState(q);
  const go = (next: { sok?: string; side?: number }) => {
    const merged = { sok: next.sok ?? q, side: String(next.side ?? page) };
    setParams(Object.fromEntries(Object.entries(merged).filter(([k, v]) => v && !(k === 'side' && v === '1'))));
  };
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    go({ sok: search.trim(), side: 1 });
  };

  return (
    <>
      <p className="hb-lead hb-lead--narrow">{t('operatorMunicipalities.lead')}</p>
      <p>
        <ButtonLink href={OPERATOR_PATHS.newMunicipality}>{t('operatorMunicipalities.register')}</ButtonLink>
      </p>
      <form className="hb-lookup" role="search" onSubmit={onSearch}>
        <Input
          inputId="municipality-search"
          type="search"
          label={t('operatorMunicipalities.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Button type="submit">{t('operatorMunicipalities.searchButton')}</Button>
      </form>
      <MunicipalityList q={q} page={page} onPage={(side) => go({ side })} />
    </>
  );
}

function MunicipalityList({ q, page, onPage }: { q: string; page: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const list = useMunicipalities({ q: q || undefined, page });
  if (list.isError) {
    return <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />;
  }
  if (!list.data) {
    return <Loading />;
  }
  const { items, total, pageSize } = list.data;
  return (
    <section aria-labelledby="municipality-count" aria-busy={list.isPlaceholderData}>
      <h2 id="municipality-count" className="hb-section__heading" aria-live="polite">
        {q
          ? t('operatorMunicipalities.countFor', { count: total, q })
          : t('operatorMunicipalities.count', { count: total })}
      </h2>
      {items.length === 0 ? (
        <p className="hb-empty">{q ? t('operatorMunicipalities.emptyFor') : t('operatorMunicipalities.empty')}</p>
      ) : (
        <div className="hb-table-scroll" role="region" aria-labelledby="municipality-count" tabIndex={0}>
          <table className="hb-table">
            <caption className="hb-visually-hidden">{t('operatorMunicipalities.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('operatorMunicipalities.name')}</th>
                <th scope="col">{t('operatorMunicipalities.number')}</th>
                <th scope="col">{t('operatorMunicipalities.orgNumber')}</th>
                <th scope="col">{t('operatorMunicipalities.contact')}</th>
                <th scope="col">{t('operatorMunicipalities.created')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <Link to={municipalityPath(m.id)}>{m.name}</Link>
                  </th>
                  <td>{m.number}</td>
                  <td>{m.orgNumber}</td>
                  <td>
                    {m.contactName ?? '–'}
                    {m.contactEmail && (
                      <>
                        <br />
                        {m.contactEmail}
                      </>
                    )}
                  </td>
                  <td>{fmt.date(m.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} total={total} pageSize={pageSize} onPage={onPage} />
    </section>
  );
}
