import Button from '@helsenorge/designsystem-react/components/Button';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import { consoleError } from './labels.ts';

/** A failed console call in the console's own words (e.g. "you are not a message handler"), with a retry. */
export function ConsoleError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  // A refusal or a missing message will not change by asking again.
  const final = error instanceof ApiError && (error.status === 403 || error.status === 404);
  return (
    <div className="hb-error">
      <NotificationPanel variant="error" label={t('error.title')} labelHtmlMarkup="h2" role="alert">
        <p>{consoleError(error, t)}</p>
        {onRetry && !final && (
          <Button variant="outline" onClick={onRetry}>
            {t('error.tryAgain')}
          </Button>
        )}
      </NotificationPanel>
    </div>
  );
}
