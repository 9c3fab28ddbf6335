import type { ProfileResponse } from '@helsebro/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../components/useFormatters.ts';

/** Name, birth date, address and municipality from the population register. */
export function ProfileFacts({ profile }: { profile: ProfileResponse }) {
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
