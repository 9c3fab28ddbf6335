import type { ProfileResponse } from '@helsebro/contracts';
import { useTranslation } from 'react-i18next';
import { useProfile } from '../../api/queries.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { RequireKind, type SignedInSession } from '../../components/RequireKind.tsx';
import { Shell } from '../../components/Shell.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useFormatters } from '../../components/useFormatters.ts';

/** `/min-side`: the citizen's shell. */
export function MinSidePage() {
  return <RequireKind kind="citizen">{(session) => <MinSide session={session} />}</RequireKind>;
}

function MinSide({ session }: { session: SignedInSession }) {
  const { t } = useTranslation();
  const profile = useProfile(true);
  useDocumentTitle(t('shell.citizen'));
  const municipality = profile.data?.municipality ?? session.user.municipality;

  return (
    <Shell area="citizen" session={session}>
      <PageHeading>{t('shell.citizen')}</PageHeading>
      <p className="hb-greeting">{t('citizen.greeting', { name: session.user.displayName })}</p>
      <p className="hb-lead">{t('citizen.lead')}</p>

      <div className="hb-grid-2">
        <section className="hb-panel hb-panel--municipality" aria-labelledby="municipality-heading">
          <h2 id="municipality-heading" className="hb-panel__heading">
            {t('citizen.municipalityHeading')}
          </h2>
          {municipality ? (
            <>
              <p className="hb-panel__big">{municipality.name}</p>
              <p>{t('citizen.municipalityText', { municipality: municipality.name, number: municipality.number })}</p>
            </>
          ) : (
            <p>{t('citizen.noMunicipality')}</p>
          )}
        </section>

        <section className="hb-panel" aria-labelledby="about-heading">
          <h2 id="about-heading" className="hb-panel__heading">
            {t('citizen.aboutHeading')}
          </h2>
          {profile.isPending ? (
            <Loading />
          ) : profile.isError ? (
            <ErrorPanel error={profile.error} onRetry={() => void profile.refetch()} />
          ) : (
            <ProfileFacts profile={profile.data} />
          )}
        </section>
      </div>
    </Shell>
  );
}

function ProfileFacts({ profile }: { profile: ProfileResponse }) {
  const { t } = useTranslation();
  const { date } = useFormatters();
  const postal = [profile.postalCode, profile.postalPlace].filter(Boolean).join(' ');
  const address = [profile.streetAddress, postal].filter(Boolean);
  return (
    <>
      <dl className="hb-facts">
        <div>
          <dt>{t('citizen.name')}</dt>
          <dd>
            {profile.givenName} {profile.familyName}
          </dd>
        </div>
        <div>
          <dt>{t('citizen.birthDate')}</dt>
          <dd>{date(profile.birthDate)}</dd>
        </div>
        <div>
          <dt>{t('citizen.address')}</dt>
          <dd>
            {address.length > 0
              ? address.map((line) => (
                  <span key={line} className="hb-facts__line">
                    {line}
                  </span>
                ))
              : t('citizen.noAddress')}
          </dd>
        </div>
        <div>
          <dt>{t('citizen.municipality')}</dt>
          <dd>{profile.municipality?.name ?? '–'}</dd>
        </div>
      </dl>
      <p className="hb-hint">{t('citizen.registerNote')}</p>
    </>
  );
}
