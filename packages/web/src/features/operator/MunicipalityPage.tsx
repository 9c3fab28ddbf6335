import type { MunicipalityDetail } from '@helsebro/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useMunicipality } from '../../api/operator-queries.ts';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { useFormatters } from '../../components/useFormatters.ts';
import { TermsPanel } from '../agreements/TermsPanel.tsx';
import { ServicesPanel } from '../services/ServicesPanel.tsx';
import { AddAdministratorForm } from './AddAdministratorForm.tsx';
import { OperatorPage } from './OperatorNav.tsx';
import { OPERATOR_PATHS } from './paths.ts';

/** `/drift/kommuner/:id`: one municipality — its details, administrators, EPJ system, and other features' panels. */
export function MunicipalityPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const municipality = useMunicipality(id);
  const { state } = useLocation() as { state: { created?: boolean } | null };
  return (
    <OperatorPage title={municipality.data?.name ?? t('operatorMunicipalities.title')}>
      {() => (
        <>
          <p>
            <Link to={OPERATOR_PATHS.municipalities}>{t('operatorMunicipalities.backToList')}</Link>
          </p>
          {municipality.isError ? (
            <ErrorPanel error={municipality.error} onRetry={() => void municipality.refetch()} />
          ) : !municipality.data ? (
            <Loading />
          ) : (
            <>
              {state?.created && (
                <p role="status" className="hb-notice">
                  {t('operatorMunicipalities.createdNotice', { name: municipality.data.name })}
                </p>
              )}
              <Municipality municipality={municipality.data} />
              <div className="hb-operator-panels">
                {/* Other features' panels (issue 12: terms, services, termination …) go here, one line each:
                    <XPanel municipalityId={municipality.data.id} />, exported from the feature's own folder. */}
                <TermsPanel municipalityId={municipality.data.id} />
                <ServicesPanel municipalityId={municipality.data.id} />
              </div>
            </>
          )}
        </>
      )}
    </OperatorPage>
  );
}

function Municipality({ municipality: m }: { municipality: MunicipalityDetail }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [added, setAdded] = useState('');
  const dash = '–';
  return (
    <div className="hb-grid-2">
      <section className="hb-panel" aria-labelledby="municipality-facts">
        <h2 id="municipality-facts" className="hb-panel__heading">
          {t('operatorMunicipalities.factsHeading')}
        </h2>
        <dl className="hb-facts">
          <div>
            <dt>{t('operatorMunicipalities.number')}</dt>
            <dd>{m.number}</dd>
          </div>
          <div>
            <dt>{t('operatorMunicipalities.orgNumber')}</dt>
            <dd>{m.orgNumber}</dd>
          </div>
          <div>
            <dt>{t('operatorMunicipalities.contact')}</dt>
            <dd>
              <span className="hb-facts__line">{m.contactName ?? dash}</span>
              {m.contactEmail && <span className="hb-facts__line">{m.contactEmail}</span>}
              {m.contactPhone && <span className="hb-facts__line">{m.contactPhone}</span>}
            </dd>
          </div>
          <div>
            <dt>{t('operatorMunicipalities.created')}</dt>
            <dd>{fmt.date(m.createdAt)}</dd>
          </div>
          <div>
            <dt>{t('operatorMunicipalities.epjSystem')}</dt>
            <dd>
              {m.epjProduct
                ? `${m.epjProduct.vendor} ${m.epjProduct.name}${m.epjVersion ? ` ${m.epjVersion}` : ''}`
                : t('operatorMunicipalities.noEpjSystem')}
            </dd>
          </div>
        </dl>
      </section>

      <section className="hb-panel" aria-labelledby="municipality-admins">
        <h2 id="municipality-admins" className="hb-panel__heading">
          {t('operatorMunicipalities.administratorsHeading')}
        </h2>
        {m.administrators.length === 0 ? (
          <p>{t('operatorMunicipalities.noAdministrators')}</p>
        ) : (
          <ul className="hb-roles">
            {m.administrators.map((a) => (
              <li key={a.personnelId}>
                {a.givenName} {a.familyName}
                {a.hprNumber && ` (${t('operatorMunicipalities.hpr', { number: a.hprNumber })})`}
              </li>
            ))}
          </ul>
        )}
        <p role="status" className="hb-notice">
          {added}
        </p>
        <AddAdministratorForm
          municipalityId={m.id}
          current={m.administrators.map((a) => a.personnelId)}
          onAdded={(name) =>
            setAdded(
              name
                ? t('operatorMunicipalities.administratorAdded', { name })
                : t('operatorMunicipalities.administratorAlready'),
            )
          }
        />
      </section>
    </div>
  );
}
