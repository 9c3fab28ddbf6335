import Button from '@helsenorge/designsystem-react/components/Button';
import Input from '@helsenorge/designsystem-react/components/Input';
import Label, { Sublabel } from '@helsenorge/designsystem-react/components/Label';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error.ts';
import { useRegisterCareRelation } from '../../api/care-relations-queries.ts';
import { checkNin, normalizeNin } from '../../components/nin-check.ts';
import { errorMessage } from '../../components/PageStatus.tsx';

type Field = 'nin' | 'validFrom' | 'validTo';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "Registrer bruker": a person (by identity number, in the body only) receives services from the unit from a date. */
export function RegisterCareRelationForm({
  unitId,
  onRegistered,
}: {
  unitId: string;
  onRegistered: (name: string) => void;
}) {
  const { t } = useTranslation();
  const register = useRegisterCareRelation(unitId);
  const [nin, setNin] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [validTo, setValidTo] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const fail = (field: Field, message: string) => {
    setErrors({ [field]: message });
    document.getElementById(`care-${field}`)?.focus();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const ninProblem = checkNin(nin);
    if (ninProblem) {
      return fail('nin', t(`staffAccess.errors.${ninProblem}`));
    }
    if (!DATE.test(validFrom)) {
      return fail('validFrom', t('careRelations.errors.dateRequired'));
    }
    if (validTo !== '' && !DATE.test(validTo)) {
      return fail('validTo', t('careRelations.errors.dateRequired'));
    }
    setErrors({});
    register.mutate(
      { nin: normalizeNin(nin), validFrom, validTo: validTo || null },
      {
        onSuccess: (r) => {
          setNin('');
          setValidTo('');
          onRegistered(r.person.displayName);
        },
        onError: (err) => {
          if (isApiError(err, 404)) {
            return fail('nin', t('careRelations.errors.notFound'));
          }
          if (isApiError(err, 409)) {
            return fail('validFrom', t('careRelations.errors.exists'));
          }
          fail('nin', errorMessage(err, t));
        },
      },
    );
  };

  return (
    <section className="hb-panel" aria-labelledby="care-register-heading">
      <h2 id="care-register-heading" className="hb-panel__heading">
        {t('careRelations.registerHeading')}
      </h2>
      <p>{t('careRelations.registerLead')}</p>
      <form className="hb-form" onSubmit={onSubmit} noValidate>
        <Input
          inputId="care-nin"
          name="nin"
          label={
            <Label
              labelTexts={[{ text: t('careRelations.nin') }]}
              sublabel={<Sublabel id="care-nin-hint" sublabelTexts={[{ text: t('careRelations.ninHint') }]} />}
            />
          }
          aria-describedby="care-nin-hint"
          inputMode="numeric"
          autoComplete="off"
          width={14}
          value={nin}
          onChange={(e) => setNin(e.target.value)}
          errorText={errors.nin}
        />
        <Input
          inputId="care-validFrom"
          type="date"
          label={t('careRelations.validFrom')}
          value={validFrom}
          onChange={(e) => setValidFrom(e.target.value)}
          errorText={errors.validFrom}
        />
        <Input
          inputId="care-validTo"
          type="date"
          label={t('careRelations.validTo')}
          value={validTo}
          onChange={(e) => setValidTo(e.target.value)}
          errorText={errors.validTo}
        />
        <Button type="submit" disabled={register.isPending || unitId === ''}>
          {t('careRelations.register')}
        </Button>
      </form>
    </section>
  );
}
