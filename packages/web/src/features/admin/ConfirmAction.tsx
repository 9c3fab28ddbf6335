import Button from '@helsenorge/designsystem-react/components/Button';
import Input from '@helsenorge/designsystem-react/components/Input';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A button for what cannot be undone (close a unit, end a staff member's work, revoke a client, end a type): the
 * first press asks, in words that name the object, and for the reason the audit log keeps with who did it
 * (issue 12); focus moves to the reason. "Avbryt" puts focus back on the button.
 */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  pending,
  onConfirm,
}: {
  /** The button's text, e.g. "Avvikle enheten". */
  label: string;
  question: string;
  confirmLabel: string;
  pending: boolean;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const yes = useRef<HTMLInputElement>(null);
  const start = useRef<HTMLButtonElement | HTMLAnchorElement>(null);
  const id = useId();
  useEffect(() => {
    if (asking) {
      yes.current?.focus();
    }
  }, [asking]);
  if (!asking) {
    return (
      <Button variant="outline" concept="destructive" ref={start} onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <div className="hb-confirm" role="group" aria-labelledby={id}>
      <p id={id}>{question}</p>
      <Input
        inputId={`${id}-reason`}
        ref={yes}
        label={t('adminCommon.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        errorText={missing ? t('adminCommon.reasonRequired') : undefined}
      />
      <div className="hb-form__actions">
        <Button
          concept="destructive"
          disabled={pending}
          onClick={() => {
            setMissing(reason.trim() === '');
            if (reason.trim() === '') {
              yes.current?.focus();
              return;
            }
            onConfirm(reason.trim());
          }}
        >
          {confirmLabel}
        </Button>
        <Button
          variant="borderless"
          onClick={() => {
            setAsking(false);
            // After the question closes, the original button is back; return focus to it.
            window.setTimeout(() => start.current?.focus(), 0);
          }}
        >
          {t('adminCommon.cancel')}
        </Button>
      </div>
    </div>
  );
}
