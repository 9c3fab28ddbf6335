import Button from '@helsenorge/designsystem-react/components/Button';
import Input from '@helsenorge/designsystem-react/components/Input';
import Label, { Sublabel } from '@helsenorge/designsystem-react/components/Label';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/api-error.ts';
import { useLookupCitizen } from '../../api/staff-queries.ts';
import { checkNin, normalizeNin } from '../../components/nin-check.ts';
import { errorMessage } from '../../components/PageStatus.tsx';
import { NoCareRelation } from './EmergencyAccessForm.tsx';
import { staffCitizenPath } from './paths.ts';

/**
 * "Slå opp person" by identity number. With a care relation the profile opens; without one the refusal is
 * explained and emergency access offered (for the number that was looked up).
 */
export function CitizenLookup() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const lookup = useLookupCitizen();
  const [nin, setNin] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [refusedNin, setRefusedNin] = useState<string | null>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setRefusedNin(null);
    const problem = checkNin(nin);
    if (problem) {
      setError(t(`staffAccess.errors.${problem}`));
      document.getElementById('lookup-nin')?.focus();
      return;
    }
    setError(undefined);
    const value = normalizeNin(nin);
    lookup.mutate(
      { nin: value },
      {
        onSuccess: (data) => void navigate(staffCitizenPath(data.citizen.personId)),
        onError: (err) => {
          if (isApiError(err, 403) && err.code === 'no_care_relation') {
            setRefusedNin(value);
            return;
          }
          setError(errorMessage(err, t));
          document.getElementById('lookup-nin')?.focus();
        },
      },
    );
  };

  return (
    <section className="hb-panel" aria-labelledby="lookup-heading">
      <h2 id="lookup-heading" className="hb-panel__heading">
        {t('staffAccess.lookupHeading')}
      </h2>
      <p>{t('staffAccess.lookupLead')}</p>
      <form className="hb-lookup" onSubmit={onSubmit} noValidate>
        <Input
          inputId="lookup-nin"
          name="nin"
          label={
            <Label
              labelTexts={[{ text: t('staffAccess.nin') }]}
              sublabel={<Sublabel id="lookup-nin-hint" sublabelTexts={[{ text: t('staffAccess.ninHint') }]} />}
            />
          }
          aria-describedby="lookup-nin-hint"
          inputMode="numeric"
          autoComplete="off"
          width={14}
          value={nin}
          onChange={(e) => {
            setNin(e.target.value);
            setRefusedNin(null);
          }}
          errorText={error}
        />
        <Button type="submit" disabled={lookup.isPending}>
          {lookup.isPending ? t('staffAccess.lookingUp') : t('staffAccess.lookup')}
        </Button>
      </form>
      {refusedNin && <NoCareRelation key={refusedNin} target={{ nin: refusedNin }} level="h3" />}
    </section>
  );
}
