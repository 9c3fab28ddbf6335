import type { CSRF_FORM_FIELD } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import { useTranslation } from 'react-i18next';

/**
 * "Logg ut" as a plain HTML form post, so the server can end the session and redirect through the identity
 * provider's logout; the CSRF token travels as the hidden `_csrf` field.
 */
// The contracts' constant, checked by its literal type (a value import would bundle zod).
const CSRF_FIELD: typeof CSRF_FORM_FIELD = '_csrf';

export function LogoutForm({ csrfToken }: { csrfToken: string | null }) {
  const { t } = useTranslation();
  return (
    <form method="post" action="/auth/logout" className="hb-logout">
      <input type="hidden" name={CSRF_FIELD} value={csrfToken ?? ''} />
      <Button type="submit" variant="outline">
        {t('common.logout')}
      </Button>
    </form>
  );
}
