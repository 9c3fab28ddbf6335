import type { TermsVersion } from '@helsebro/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useTermsVersions } from '../../api/agreements-queries.ts';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { useFormatters } from '../../components/useFormatters.ts';
import { OperatorPage } from '../operator/OperatorNav.tsx';
import { AcceptancesList } from './AcceptancesList.tsx';
import { KsConsultationForm, NewDraftForm, PublishForm } from './TermsForms.tsx';
import { ChangeLog } from './TermsStatusView.tsx';

/**
 * `/drift/vilkar`: the versions of the general and special terms; a new draft with its change log; on a draft the
 * KS consultation and publishing with an accept-by date; on a published version who has and has not accepted.
 */
export function OperatorTermsPage() {
  const { t } = useTranslation();
  return <OperatorPage title={t('agreements.operatorTitle')}>{() => <OperatorTerms />}</OperatorPage>;
}

function OperatorTerms() {
  const { t } = useTranslation();
  const versions = useTermsVersions();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('versjon');
  const [notice, setNotice] = useState('');
  const choose = (id: string) => setParams({ versjon: id });
  if (versions.isError) {
    return <ErrorPanel error={versions.error} onRetry={() => void versions.refetch()} />;
  }
  if (!versions.data) {
    return <Loading />;
  }
  const selected = versions.data.items.find((v) => v.id === chosen) ?? null;
  return (
    <>
      <p className="hb-lead hb-lead--narrow">{t('agreements.operatorLead')}</p>
      <p role="status" className="hb-notice">
        {notice}
      </p>
      <VersionTable items={versions.data.items} />
      {selected && (
        <VersionDetail
          key={selected.id}
          version={selected}
          onPublished={() => setNotice(t('agreements.publish.done', { version: selected.version }))}
        />
      )}
      <NewDraftForm
        onCreated={(v) => {
          setNotice(t('agreements.draft.created', { version: v.version }));
          choose(v.id);
        }}
      />
    </>
  );
}

function VersionTable({ items }: { items: TermsVersion[] }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  if (items.length === 0) {
    return <p className="hb-empty">{t('agreements.noVersions')}</p>;
  }
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading" className="hb-section__heading">
        {t('agreements.versionsHeading')}
      </h2>
      <div className="hb-table-scroll" role="region" aria-labelledby="versions-heading" tabIndex={0}>
        <table className="hb-table">
          <caption className="hb-visually-hidden">{t('agreements.versionsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agreements.column.document')}</th>
              <th scope="col">{t('agreements.column.version')}</th>
              <th scope="col">{t('agreements.column.status')}</th>
              <th scope="col">{t('agreements.column.acceptBy')}</th>
              <th scope="col">{t('agreements.column.accepted')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((v) => (
              <tr key={v.id}>
                <td>{t(`agreements.document.${v.document}`)}</td>
                <th scope="row">
                  <Link to={`?versjon=${encodeURIComponent(v.id)}`}>
                    {t('agreements.versionOf', { version: v.version, date: fmt.date(v.date) })}
                  </Link>
                </th>
                <td>
                  {t(`agreements.status.${v.status}`)}
                  {v.significant && `, ${t('agreements.significant')}`}
                </td>
                <td>{v.acceptBy ? fmt.date(v.acceptBy) : '–'}</td>
                <td>
                  {v.status === 'draft'
                    ? '–'
                    : t('agreements.acceptedOf', {
                        accepted: fmt.number(v.acceptedCount),
                        total: fmt.number(v.municipalityCount),
                      })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function VersionDetail({ version, onPublished }: { version: TermsVersion; onPublished: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const ks = version.ksConsultation;
  return (
    <section className="hb-panel" aria-labelledby="version-detail-heading">
      <h2 id="version-detail-heading" className="hb-panel__heading">
        {t(`agreements.document.${version.document}`)}{' '}
        {t('agreements.versionOf', { version: version.version, date: fmt.date(version.date) })}
      </h2>
      <p>{t(`agreements.status.${version.status}`)}</p>
      <ChangeLog version={version} />
      {ks && (
        <p>
          {ks.answer && ks.answeredOn
            ? t('agreements.ks.answered', {
                sent: fmt.date(ks.sentOn),
                answered: fmt.date(ks.answeredOn),
                answer: ks.answer,
              })
            : t('agreements.ks.waiting', { sent: fmt.date(ks.sentOn) })}
        </p>
      )}
      {version.status === 'draft' ? (
        <>
          <KsConsultationForm version={version} />
          <PublishForm version={version} onPublished={onPublished} />
        </>
      ) : (
        <AcceptancesList version={version} />
      )}
    </section>
  );
}
