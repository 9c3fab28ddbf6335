import type { RepresentationChoice } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { clearActingLost } from '../../api/acting-lost.ts';
import { isApiError } from '../../api/api-error.ts';
import { reauthUrl } from '../../api/reauth.ts';
import { useSwitchActingFor } from '../../api/citizen-queries.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ErrorPanel } from '../../components/PageStatus.tsx';
import { CHOOSE_PATH } from '../../components/ActingForBar.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useFormatters } from '../../components/useFormatters.ts';
import { CitizenPage, type CitizenContext } from './CitizenPage.tsx';
import { markChosen } from './chosen.ts';
import { RightsList } from './RightsList.tsx';

/** `/min-side/velg`: "Hvem vil du bruke Helsebro for?" */
export function ChooseActingPage() {
  return <CitizenPage>{(ctx) => <ChooseActing {...ctx} />}</CitizenPage>;
}

function ChooseActing({ session, choices }: CitizenContext) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const switchTo = useSwitchActingFor();
  const [reauth, setReauth] = useState(false);
  useDocumentTitle(t('choose.title'));
  const available = choices.filter((c) => c.available);
  const unavailable = choices.filter((c) => !c.available);

  const done = () => {
    markChosen(session.csrfToken);
    clearActingLost();
    void navigate('/min-side');
  };
  const choose = (choice: RepresentationChoice) => {
    if (choice.current) {
      done();
      return;
    }
    switchTo.mutate(choice.personId, {
      onSuccess: done,
      onError: (err) => {
        if (isApiError(err) && err.code === 'reauthentication_required') {
          setReauth(true);
          window.location.assign(reauthUrl(CHOOSE_PATH));
        }
      },
    });
  };
  const pendingId = switchTo.isPending ? switchTo.variables : null;

  return (
    <>
      <PageHeading>{t('choose.title')}</PageHeading>
      <p className="hb-lead">{t('choose.lead')}</p>
      {reauth ? (
        <p role="status" className="hb-announcement">
          {t('choose.reauthText')}
        </p>
      ) : (
        switchTo.isError && <ErrorPanel error={switchTo.error} />
      )}

      <section aria-labelledby="choose-available" className="hb-choose">
        <h2 id="choose-available" className="hb-section__heading">
          {t('choose.availableHeading')}
        </h2>
        <ul className="hb-choices">
          {available.map((choice) => (
            <ChoiceCard
              key={choice.personId}
              choice={choice}
              pending={pendingId === choice.personId}
              disabled={switchTo.isPending || reauth}
              onChoose={() => choose(choice)}
            />
          ))}
        </ul>
      </section>

      {unavailable.length > 0 && (
        <section aria-labelledby="choose-unavailable" className="hb-choose">
          <h2 id="choose-unavailable" className="hb-section__heading">
            {t('choose.unavailableHeading')}
          </h2>
          <p>{t('choose.unavailableLead')}</p>
          <ul className="hb-choices">
            {unavailable.map((choice) => (
              <ChoiceCard key={choice.personId} choice={choice} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function ChoiceCard({
  choice,
  pending = false,
  disabled = false,
  onChoose,
}: {
  choice: RepresentationChoice;
  pending?: boolean;
  disabled?: boolean;
  onChoose?: () => void;
}) {
  const { t } = useTranslation();
  const { date } = useFormatters();
  const self = choice.basis === 'self';
  return (
    <li
      className={`hb-choice${choice.available ? '' : ' hb-choice--unavailable'}${choice.current ? ' hb-choice--current' : ''}`}
    >
      <div className="hb-choice__head">
        <h3 className="hb-choice__name">{choice.displayName}</h3>
        <span className={`hb-basis hb-basis--${choice.basis}`}>{t(`basis.${choice.basis}`)}</span>
        {!self && <span className="hb-choice__age">{t('choose.age', { age: choice.age })}</span>}
        {choice.current && <span className="hb-choice__current">{t('choose.current')}</span>}
      </div>
      {!choice.available ? (
        <p className="hb-choice__reason">
          <strong>{t('choose.notAvailable')}. </strong>
          {choice.reason
            ? t(`refusal.${choice.reason.code}`, { name: choice.displayName, defaultValue: choice.reason.message })
            : null}
        </p>
      ) : self ? (
        <p>{t('choose.selfText')}</p>
      ) : (
        <>
          <p className="hb-choice__may">{t('choose.mayDo', { name: choice.displayName })}</p>
          <RightsList areas={choice.serviceAreas} actions={choice.actions} />
          {choice.basis === 'fullmakt' && (
            <p className="hb-hint">
              {choice.validTo ? t('choose.fullmaktUntil', { date: date(choice.validTo) }) : t('choose.fullmaktOpen')}
            </p>
          )}
        </>
      )}
      {onChoose && (
        <Button onClick={onChoose} disabled={disabled} variant={choice.current ? 'outline' : 'fill'}>
          {pending ? (
            t('choose.switching')
          ) : (
            <>
              {t('choose.choose')}
              <span className="hb-visually-hidden"> {choice.displayName}</span>
            </>
          )}
        </Button>
      )}
    </li>
  );
}
