import type { EmergencyAccessBody } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import Label, { Sublabel } from '@helsenorge/designsystem-react/components/Label';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import Textarea from '@helsenorge/designsystem-react/components/Textarea';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/api-error.ts';
import { EMERGENCY_REASON_MIN_LENGTH } from '@helsebro/contracts/constants';
import { useEmergencyAccess } from '../../api/staff-queries.ts';
import { errorMessage } from '../../components/PageStatus.tsx';
import { staffCitizenPath } from './paths.ts';

/**
 * Refused for want of a care relation: says why, and offers emergency access ("break the glass"). The access
 * needs a stated reason, and the user is told before it is granted that it is logged and shown to the citizen.
 * A lookup by identity number is refused in the same words whether anyone has the number or not (the server does
 * not say, issue 10), so the text does not presume a citizen; emergency access for nobody is answered "not found".
 * @param target - the citizen, by identity number (from a lookup) or person id (from an address)
 */
export function NoCareRelation({
  target,
  level = 'h2',
}: {
  target: Pick<EmergencyAccessBody, 'nin' | 'personId'>;
  /** The headings' level where it is shown. */
  level?: 'h2' | 'h3';
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const Heading = level;
  return (
    <div className="hb-no-relation">
      <NotificationPanel variant="warn" label={t('staffAccess.noRelationTitle')} labelHtmlMarkup={level} role="alert">
        <p>{t(target.nin !== undefined ? 'staffAccess.noRelationNinText' : 'staffAccess.noRelationText')}</p>
      </NotificationPanel>
      <section className="hb-emergency" aria-labelledby="emergency-heading">
        <Heading id="emergency-heading" className="hb-emergency__heading">
          {t('staffAccess.emergencyHeading')}
        </Heading>
        <p>{t('staffAccess.emergencyText')}</p>
        {open ? (
          <EmergencyForm target={target} onCancel={() => setOpen(false)} />
        ) : (
          <Button variant="outline" onClick={() => setOpen(true)}>
            {t('staffAccess.emergencyOpen')}
          </Button>
        )}
      </section>
    </div>
  );
}

function EmergencyForm({
  target,
  onCancel,
}: {
  target: Pick<EmergencyAccessBody, 'nin' | 'personId'>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const grant = useEmergencyAccess();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < EMERGENCY_REASON_MIN_LENGTH) {
      setError(t('staffAccess.reasonRequired', { min: EMERGENCY_REASON_MIN_LENGTH }));
      field.current?.focus();
      return;
    }
    setError(undefined);
    grant.mutate(
      { ...target, reason: reason.trim() },
      {
        onSuccess: (granted) => void navigate(staffCitizenPath(granted.personId)),
        onError: (err) => {
          setError(
            isApiError(err) && err.code === 'emergency_reason_required'
              ? t('staffAccess.reasonRequired', { min: EMERGENCY_REASON_MIN_LENGTH })
              : errorMessage(err, t),
          );
          field.current?.focus();
        },
      },
    );
  };

  return (
    <form className="hb-form" onSubmit={onSubmit} noValidate>
      <div className="hb-notice">
        <NotificationPanel variant="warn" compactVariant="basic">
          <p>{t('staffAccess.emergencyWarning')}</p>
        </NotificationPanel>
      </div>
      <Textarea
        ref={field}
        textareaId="emergency-reason"
        name="reason"
        label={
          <Label
            labelTexts={[{ text: t('staffAccess.reason') }]}
            sublabel={
              <Sublabel
                id="emergency-reason-hint"
                sublabelTexts={[{ text: t('staffAccess.reasonHint', { min: EMERGENCY_REASON_MIN_LENGTH }) }]}
              />
            }
          />
        }
        aria-describedby="emergency-reason-hint"
        minRows={3}
        maxCharacters={500}
        required
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        errorText={error}
      />
      <div className="hb-form__actions">
        <Button type="submit" disabled={grant.isPending}>
          {grant.isPending ? t('staffAccess.emergencySubmitting') : t('staffAccess.emergencySubmit')}
        </Button>
        <Button variant="borderless" onClick={onCancel}>
          {t('staffAccess.cancel')}
        </Button>
      </div>
    </form>
  );
}
