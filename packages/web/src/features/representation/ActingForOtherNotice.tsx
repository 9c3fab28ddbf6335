import type { ActingFor, RepresentationChoice } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error.ts';
import { useSwitchActingFor } from '../../api/citizen-queries.ts';
import { reauthUrl } from '../../api/reauth.ts';
import { ErrorPanel } from '../../components/PageStatus.tsx';

/**
 * Fullmakter are given and ended only by the person themselves, never by someone acting for them: say so, and
 * offer to switch back to acting for yourself.
 * @param returnTo - where a fresh login (if the switch needs one) comes back to
 * @param message - what is only for the user themselves on this page; the fullmakt text when left out
 */
export function ActingForOtherNotice({
  acting,
  choices,
  returnTo,
  message,
}: {
  acting: ActingFor;
  choices: RepresentationChoice[];
  returnTo: string;
  message?: string;
}) {
  const { t } = useTranslation();
  const switchTo = useSwitchActingFor();
  const self = choices.find((c) => c.basis === 'self');
  const useSelf = () => {
    if (!self) {
      return;
    }
    switchTo.mutate(self.personId, {
      onError: (err) => {
        if (isApiError(err) && err.code === 'reauthentication_required') {
          window.location.assign(reauthUrl(returnTo));
        }
      },
    });
  };
  return (
    <div className="hb-notice">
      <NotificationPanel variant="info">
        <p>{message ?? t('fullmakt.actingForOther', { name: acting.displayName })}</p>
        {self && (
          <Button variant="outline" onClick={useSelf} disabled={switchTo.isPending}>
            {t('fullmakt.useSelf')}
          </Button>
        )}
      </NotificationPanel>
      {switchTo.isError && <ErrorPanel error={switchTo.error} />}
    </div>
  );
}
