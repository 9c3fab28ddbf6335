import Button from '@helsenorge/designsystem-react/components/Button';
import Loader from '@helsenorge/designsystem-react/components/Loader';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';

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
  const message =
    error instanceof ApiError && error.code === 'network_error'
      ? t('error.network')
      : error instanceof ApiError && error.detail
        ? error.detail
        : t('error.generic');
  return (
    <div className="hb-error">
      <NotificationPanel variant="error" label={t('error.title')} labelHtmlMarkup="h2" role="alert">
        <p>{message}</p>
        {onRetry && (
          <Button variant="outline" onClick={onRetry}>
            {t('error.tryAgain')}
          </Button>
        )}
      </NotificationPanel>
    </div>
  );
}
