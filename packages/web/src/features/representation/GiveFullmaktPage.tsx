import type { ServiceArea } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import Checkbox from '@helsenorge/designsystem-react/components/Checkbox';
import FormGroup from '@helsenorge/designsystem-react/components/FormGroup';
import Input from '@helsenorge/designsystem-react/components/Input';
import Label, { Sublabel } from '@helsenorge/designsystem-react/components/Label';
import RadioButton from '@helsenorge/designsystem-react/components/RadioButton';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/api-error.ts';
import { useFullmaktHolderLookup, useGiveFullmakt } from '../../api/citizen-queries.ts';
import { normalizeNin } from '../../components/nin-check.ts';
import { SERVICE_AREAS } from '@helsebro/contracts/constants';
import { reauthUrl } from '../../api/reauth.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { errorMessage } from '../../components/PageStatus.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { CitizenPage, type CitizenContext } from '../citizen/CitizenPage.tsx';
import { ActingForOtherNotice } from './ActingForOtherNotice.tsx';
import {
  EMPTY_DRAFT,
  serverErrors,
  toGiveBody,
  validateDraft,
  type FieldProblem,
  type FullmaktDraft,
  type FullmaktErrors,
  type FullmaktField,
} from './fullmakt-form.ts';
import { FULLMAKT_PATH, GIVE_FULLMAKT_PATH } from './paths.ts';

/** The id each field's error links to from the summary. */
const FIELD_IDS: Record<FullmaktField, string> = {
  holderNin: 'holderNin',
  serviceAreas: `area-${SERVICE_AREAS[0]}`,
  validFrom: 'validFrom',
  validTo: 'validTo',
};
const ORDER: (FullmaktField | 'form')[] = ['form', 'holderNin', 'serviceAreas', 'validFrom', 'validTo'];
const DRAFT_KEY = 'helsebro.fullmaktDraft';

/** `/min-side/fullmakt/ny`: give a fullmakt. */
export function GiveFullmaktPage() {
  return <CitizenPage>{(ctx) => <GiveFullmakt {...ctx} />}</CitizenPage>;
}

function GiveFullmakt({ acting, choices }: CitizenContext) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const give = useGiveFullmakt();
  const lookup = useFullmaktHolderLookup();
  const [draft, setDraft] = useState<FullmaktDraft>(restoreDraft);
  // The register's name for the number, shown before the fullmakt is given; it stands only for that number.
  const [holder, setHolder] = useState<{ nin: string; name: string } | null>(null);
  const holderName = holder && holder.nin === normalizeNin(draft.holderNin) ? holder.name : null;
  const [errors, setErrors] = useState<FullmaktErrors>({});
  const [attempt, setAttempt] = useState(0);
  useDocumentTitle(t('giveFullmakt.title'));
  useEffect(() => forgetDraft(), []);

  const update = (patch: Partial<FullmaktDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const text = (p: FieldProblem | undefined) => (p ? (p.text ?? t(p.key, p.values)) : undefined);
  const fail = (found: FullmaktErrors) => {
    setErrors(found);
    setAttempt((a) => a + 1);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateDraft(draft);
    if (Object.keys(found).length > 0) {
      fail(found);
      return;
    }
    setErrors({});
    const body = toGiveBody(draft);
    if (holderName === null) {
      lookup.mutate(
        { holderNin: body.holderNin },
        {
          onSuccess: ({ displayName }) => {
            setHolder({ nin: body.holderNin, name: displayName });
            document.getElementById('holder-name')?.focus();
          },
          onError: (err) => fail(placeErrors(err)),
        },
      );
      return;
    }
    give.mutate(body, {
      onSuccess: ({ fullmakt }) => {
        void navigate(FULLMAKT_PATH, { state: { given: fullmakt.holder.displayName } });
      },
      onError: (err) => {
        if (isApiError(err) && err.code === 'reauthentication_required') {
          saveDraft(draft);
          window.location.assign(reauthUrl(GIVE_FULLMAKT_PATH));
          return;
        }
        fail(placeErrors(err));
      },
    });
  };
  /** The server's refusal at the field it is about, or for the form in the server's words. */
  const placeErrors = (err: unknown): FullmaktErrors => {
    const placed = isApiError(err)
      ? serverErrors(
          err.code,
          err.errors.map((x) => x.path),
        )
      : {};
    if (!isApiError(err) || (placed.form && !t(placed.form.key, { defaultValue: '' }))) {
      placed.form = { key: '', text: errorMessage(err, t) };
    }
    return placed;
  };

  if (acting.basis !== 'self') {
    return (
      <>
        <PageHeading>{t('giveFullmakt.title')}</PageHeading>
        <ActingForOtherNotice acting={acting} choices={choices} returnTo={GIVE_FULLMAKT_PATH} />
      </>
    );
  }

  const summary: SummaryItem[] = ORDER.flatMap((field) => {
    const message = text(errors[field]);
    return message ? [{ fieldId: field === 'form' ? null : FIELD_IDS[field], message }] : [];
  });

  return (
    <div className="hb-narrow">
      <PageHeading>{t('giveFullmakt.title')}</PageHeading>
      <p className="hb-lead">{t('giveFullmakt.lead')}</p>
      <ErrorSummary title={t('giveFullmakt.errorSummary')} items={summary} attempt={attempt} />

      <form className="hb-form" noValidate onSubmit={onSubmit}>
        <Input
          inputId={FIELD_IDS.holderNin}
          name="holderNin"
          label={
            <Label
              labelTexts={[{ text: t('giveFullmakt.holderNin') }]}
              sublabel={<Sublabel id="holderNin-hint" sublabelTexts={[{ text: t('giveFullmakt.holderNinHint') }]} />}
            />
          }
          aria-describedby="holderNin-hint"
          inputMode="numeric"
          autoComplete="off"
          width={14}
          value={draft.holderNin}
          onChange={(e) => update({ holderNin: e.target.value })}
          errorText={text(errors.holderNin)}
        />
        {holderName !== null && (
          <div id="holder-name" className="hb-panel hb-holder-name" role="status" tabIndex={-1}>
            <p>
              {t('giveFullmakt.holderIs')} <strong>{holderName}</strong>
            </p>
            <p className="hb-hint">{t('giveFullmakt.holderCheck')}</p>
          </div>
        )}

        <FormGroup legend={t('giveFullmakt.areasLegend')} error={text(errors.serviceAreas)}>
          <p className="hb-hint hb-form__hint">{t('giveFullmakt.areasHint')}</p>
          {SERVICE_AREAS.map((area) => (
            <Checkbox
              key={area}
              inputId={`area-${area}`}
              name="serviceAreas"
              value={area}
              checked={draft.serviceAreas.includes(area)}
              onChange={(e) => update({ serviceAreas: toggle(draft.serviceAreas, area, e.target.checked) })}
              label={
                <Label
                  labelTexts={[{ text: t(`areas.${area}.name`) }]}
                  sublabel={<Sublabel id={`area-${area}-hint`} sublabelTexts={[{ text: t(`areas.${area}.text`) }]} />}
                />
              }
              aria-describedby={`area-${area}-hint`}
            />
          ))}
        </FormGroup>

        <FormGroup legend={t('giveFullmakt.periodLegend')}>
          <Input
            inputId={FIELD_IDS.validFrom}
            name="validFrom"
            type="date"
            label={
              <Label
                labelTexts={[{ text: t('giveFullmakt.validFrom') }]}
                sublabel={<Sublabel id="validFrom-hint" sublabelTexts={[{ text: t('giveFullmakt.validFromHint') }]} />}
              />
            }
            aria-describedby="validFrom-hint"
            width={12}
            min={today()}
            value={draft.validFrom}
            onChange={(e) => update({ validFrom: e.target.value })}
            errorText={text(errors.validFrom)}
          />
          <RadioButton
            inputId="until-open"
            name="until"
            value="open"
            checked={draft.until === 'open'}
            onChange={() => update({ until: 'open' })}
            label={t('giveFullmakt.untilFurther')}
          />
          <RadioButton
            inputId="until-date"
            name="until"
            value="date"
            checked={draft.until === 'date'}
            onChange={() => update({ until: 'date' })}
            label={t('giveFullmakt.untilDate')}
          />
          {draft.until === 'date' && (
            <Input
              inputId={FIELD_IDS.validTo}
              name="validTo"
              type="date"
              label={t('giveFullmakt.validTo')}
              width={12}
              min={draft.validFrom || today()}
              value={draft.validTo}
              onChange={(e) => update({ validTo: e.target.value })}
              errorText={text(errors.validTo)}
            />
          )}
        </FormGroup>

        <div className="hb-form__actions">
          <Button type="submit" disabled={give.isPending || lookup.isPending}>
            {give.isPending
              ? t('giveFullmakt.submitting')
              : holderName !== null
                ? t('giveFullmakt.submitTo', { name: holderName })
                : t('giveFullmakt.submit')}
          </Button>
          <ButtonLink href={FULLMAKT_PATH} variant="borderless">
            {t('giveFullmakt.cancel')}
          </ButtonLink>
        </div>
      </form>
    </div>
  );
}

function toggle(areas: ServiceArea[], area: ServiceArea, on: boolean): ServiceArea[] {
  const rest = areas.filter((a) => a !== area);
  return on ? SERVICE_AREAS.filter((a) => a === area || rest.includes(a)) : rest;
}

/** Today in the browser's time zone, as YYYY-MM-DD. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Keeps the areas and period over a fresh login (the identity number is not stored: it is someone else's and
 * quick to type again).
 */
function saveDraft(draft: FullmaktDraft): void {
  try {
    window.sessionStorage.setItem(DRAFT_KEY, JSON.stringify({ ...draft, holderNin: '' }));
  } catch {
    // Without storage the form starts empty after the login.
  }
}

function forgetDraft(): void {
  try {
    window.sessionStorage.removeItem(DRAFT_KEY);
  } catch {
    // Nothing was stored.
  }
}

function restoreDraft(): FullmaktDraft {
  try {
    const raw = window.sessionStorage.getItem(DRAFT_KEY);
    const saved = raw ? (JSON.parse(raw) as Partial<FullmaktDraft>) : {};
    return {
      ...EMPTY_DRAFT,
      serviceAreas: SERVICE_AREAS.filter((a) => saved.serviceAreas?.includes(a)),
      validFrom: typeof saved.validFrom === 'string' ? saved.validFrom : '',
      until: saved.until === 'date' ? 'date' : 'open',
      validTo: typeof saved.validTo === 'string' ? saved.validTo : '',
    };
  } catch {
    return EMPTY_DRAFT;
  }
}
