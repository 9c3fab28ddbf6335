import type { CareRelationItem, StaffCitizenResponse } from '@helsebro/contracts';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/api-error.ts';
import { useStaffCitizen } from '../../api/staff-queries.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { RequireKind, type SignedInSession } from '../../components/RequireKind.tsx';
import { StaffShell } from './StaffShell.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useFormatters } from '../../components/useFormatters.ts';
import { StartConversationPanel } from '../staff-inbox/StartConversationPanel.tsx';
import { NoCareRelation } from './EmergencyAccessForm.tsx';

/** `/ansatt/innbygger/:personId`: a citizen's profile, read on a care relation or under emergency access. */
export function StaffCitizenPage() {
  return <RequireKind kind="personnel">{(session) => <StaffCitizen session={session} />}</RequireKind>;
}

function StaffCitizen({ session }: { session: SignedInSession }) {
  const { t } = useTranslation();
  const { personId = '' } = useParams();
  const citizen = useStaffCitizen(personId);
  const data = citizen.data;
  const name = data ? `${data.citizen.givenName} ${data.citizen.familyName}` : null;
  const refused = isApiError(citizen.error, 403) && citizen.error.code === 'no_care_relation';
  useDocumentTitle(name ?? (refused ? t('staffCitizen.noAccessTitle') : t('shell.personnel')));

  return (
    <StaffShell session={session}>
      <p className="hb-back">
        <Link to="/ansatt" className="hb-back__link">
          {t('staffCitizen.back')}
        </Link>
      </p>
      {data ? (
        <Profile data={data} />
      ) : citizen.isPending ? (
        <Loading />
      ) : refused ? (
        <>
          <PageHeading>{t('staffCitizen.noAccessTitle')}</PageHeading>
          <NoCareRelation target={{ personId }} />
        </>
      ) : (
        <>
          <PageHeading>{t('shell.personnel')}</PageHeading>
          <ErrorPanel error={citizen.error} onRetry={() => void citizen.refetch()} />
        </>
      )}
    </StaffShell>
  );
}

function Profile({ data }: { data: StaffCitizenResponse }) {
  const { t } = useTranslation();
  const { date, dateTime } = useFormatters();
  const { citizen, access } = data;
  const postal = [citizen.postalCode, citizen.postalPlace].filter(Boolean).join(' ');
  const address = [citizen.streetAddress, postal].filter(Boolean);
  return (
    <>
      <PageHeading>
        {citizen.givenName} {citizen.familyName}
      </PageHeading>
      {access.basis === 'emergency' ? (
        <div className="hb-notice" data-testid="emergency-banner">
          <NotificationPanel variant="error" label={t('staffCitizen.emergencyBanner')} labelHtmlMarkup="h2">
            <p>{t('staffCitizen.emergencyText')}</p>
            {access.emergency && (
              <>
                <p>{t('staffCitizen.emergencyReason', { reason: access.emergency.reason })}</p>
                <p>{t('staffCitizen.emergencyUntil', { time: dateTime(access.emergency.expiresAt) })}</p>
              </>
            )}
          </NotificationPanel>
        </div>
      ) : (
        <p className="hb-access-basis">{t('staffCitizen.basisCare')}</p>
      )}
      <div className="hb-grid-2">
        <section className="hb-panel" aria-labelledby="person-heading">
          <h2 id="person-heading" className="hb-panel__heading">
            {t('staffCitizen.personHeading')}
          </h2>
          <dl className="hb-facts">
            <div>
              <dt>{t('staffCitizen.nin')}</dt>
              <dd className="hb-nin">{citizen.nin}</dd>
            </div>
            <div>
              <dt>{t('staffCitizen.birthDate')}</dt>
              <dd>
                {date(citizen.birthDate)} ({t('staffAccess.age', { age: citizen.age })})
              </dd>
            </div>
            <div>
              <dt>{t('staffCitizen.address')}</dt>
              <dd>
                {citizen.addressProtected
                  ? t('staffCitizen.addressProtected')
                  : address.length > 0
                    ? address.map((line) => (
                        <span key={line} className="hb-facts__line">
                          {line}
                        </span>
                      ))
                    : t('staffCitizen.noAddress')}
              </dd>
            </div>
            <div>
              <dt>{t('staffCitizen.municipality')}</dt>
              <dd>{citizen.municipality?.name ?? '–'}</dd>
            </div>
            {citizen.deceasedOn && (
              <div>
                <dt>{t('staffCitizen.deceased')}</dt>
                <dd>{date(citizen.deceasedOn)}</dd>
              </div>
            )}
          </dl>
        </section>
        <section className="hb-panel" aria-labelledby="care-heading">
          <h2 id="care-heading" className="hb-panel__heading">
            {t('staffCitizen.careHeading')}
          </h2>
          {data.careRelations.length === 0 ? (
            <p>{t('staffCitizen.careEmpty')}</p>
          ) : (
            <ul className="hb-contacts">
              {data.careRelations.map((relation) => (
                <CareRelation key={relation.id} relation={relation} />
              ))}
            </ul>
          )}
        </section>
      </div>
      <StartConversationPanel data={data} />
    </>
  );
}

function CareRelation({ relation }: { relation: CareRelationItem }) {
  const { t } = useTranslation();
  const { date } = useFormatters();
  return (
    <li className="hb-contacts__item">
      <p className="hb-contacts__unit">
        {relation.serviceUnit.name}{' '}
        <span className={`hb-status hb-status--${relation.active ? 'active' : 'ended'}`}>
          {relation.active ? t('staffCitizen.careActive') : t('staffCitizen.careEnded')}
        </span>
      </p>
      <p className="hb-hint">
        {relation.municipality.name} ·{' '}
        {relation.validTo
          ? t('staffCitizen.carePeriod', { from: date(relation.validFrom), to: date(relation.validTo) })
          : t('staffCitizen.careFrom', { from: date(relation.validFrom) })}
      </p>
      <dl className="hb-contacts__facts">
        {relation.primaryContact && (
          <div>
            <dt>{t('staffCitizen.primaryContact')}</dt>
            <dd>{relation.primaryContact.displayName}</dd>
          </div>
        )}
        {relation.coordinator && (
          <div>
            <dt>{t('staffCitizen.coordinator')}</dt>
            <dd>{relation.coordinator.displayName}</dd>
          </div>
        )}
      </dl>
    </li>
  );
}
