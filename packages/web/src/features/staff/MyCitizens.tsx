import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useStaffCitizens } from '../../api/staff-queries.ts';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { useFormatters } from '../../components/useFormatters.ts';
import { HospitalReview } from '../home-care/HospitalReview.tsx';
import { staffCitizenPath } from './paths.ts';

/** "Mine brukere": the citizens receiving services from the staff member's units now. */
export function MyCitizens() {
  const { t } = useTranslation();
  const { date, list } = useFormatters();
  const citizens = useStaffCitizens();
  return (
    <section className="hb-panel" aria-labelledby="my-citizens-heading">
      <h2 id="my-citizens-heading" className="hb-panel__heading">
        {t('staffAccess.myCitizensHeading')}
      </h2>
      <p>{t('staffAccess.myCitizensLead')}</p>
      {citizens.isPending ? (
        <Loading />
      ) : citizens.isError ? (
        <ErrorPanel error={citizens.error} onRetry={() => void citizens.refetch()} />
      ) : citizens.data.citizens.length === 0 ? (
        <p className="hb-empty">{t('staffAccess.myCitizensEmpty')}</p>
      ) : (
        <ul className="hb-people">
          {citizens.data.citizens.map((c) => (
            <li key={c.personId} className="hb-people__item">
              <Link to={staffCitizenPath(c.personId)} className="hb-people__name">
                {c.displayName}
              </Link>
              <span className="hb-hint">
                {t('staffAccess.born', { date: date(c.birthDate) })} · {t('staffAccess.age', { age: c.age })}
              </span>
              <span className="hb-people__units">
                {list([...new Set(c.careRelations.map((r) => r.serviceUnit.name))])}
              </span>
              {c.hospital === 'admitted' && (
                <span className="hb-cal-status hb-cal-status--paused">{t('staffAccess.hospital.admitted')}</span>
              )}
              {c.hospital === 'review' && <HospitalReview personId={c.personId} name={c.displayName} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
