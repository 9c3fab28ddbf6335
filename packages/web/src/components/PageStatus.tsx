import Button from '@helsenorge/designsystem-react/components/Button';
import Loader from '@helsenorge/designsystem-react/components/Loader';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import i18next, { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';
import { EMERGENCY_REASON_MIN_LENGTH } from '@helsebro/contracts/constants';

/** A spinner with a spoken label while something loads. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="hb-loading" role="status">
      <Loader size="medium" ariaLabel={t('common.loading')} />
    </div>
  );
}

/**
 * What went wrong, in words a citizen understands, with the server's own explanation when it sent one, and a
 * way to try again.
 */
export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="hb-error">
      <NotificationPanel variant="error" label={t('error.title')} labelHtmlMarkup="h2" role="alert">
        <p>{errorMessage(error, t)}</p>
        {onRetry && (
          <Button variant="outline" onClick={onRetry}>
            {t('error.tryAgain')}
          </Button>
        )}
      </NotificationPanel>
    </div>
  );
}

/**
 * The words to show for a failed call: ours in the reader's language for the codes we know (`problems.*`), the
 * server's own explanation when it wrote one for people (its AppErrors are in Norwegian), otherwise a generic one.
 * @param error - what the query or mutation failed with
 * @param t - the translate function
 */
export function errorMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) {
    return t('error.generic');
  }
  if (error.code === 'network_error') {
    return t('error.network');
  }
  if (i18next.exists(`problems.${error.code}`)) {
    return t(`problems.${error.code}`, { min: EMERGENCY_REASON_MIN_LENGTH });
  }
  if (error.status === 404 || error.status >= 500 || !error.detail) {
    return t('error.generic');
  }
  return error.detail;
}
