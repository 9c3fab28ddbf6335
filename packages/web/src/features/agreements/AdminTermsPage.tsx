import Button from '@helsenorge/designsystem-react/components/Button';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAcceptTerms, useOwnTerms } from '../../api/agreements-queries.ts';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { AdminPage } from '../admin/AdminNav.tsx';
import { agreementError } from './agreement-errors.ts';
import { ControllerRoles, DigifinFacts, TermsDocuments } from './TermsStatusView.tsx';

/**
 * `/ansatt/admin/vilkar`: the current general and special terms with their change logs, the municipality's
 * acceptance of each, DigiFin (read only: the operator records it) and who is data controller for what.
 */
export function AdminTermsPage() {
  const { t } = useTranslation();
  return <AdminPage title={t('agreements.adminTitle')}>{() => <AdminTerms />}</AdminPage>;
}

function AdminTerms() {
  const { t } = useTranslation();
  const status = useOwnTerms();
  const accept = useAcceptTerms();
  const [done, setDone] = useState('');
  if (status.isError) {
    return <ErrorPanel error={status.error} onRetry={() => void status.refetch()} />;
  }
  if (!status.data) {
    return <Loading />;
  }
  const { documents, digifin, digifinMissing } = status.data;
  const blocked = digifinMissing.length > 0;
  return (
    <>
      <p className="hb-lead hb-lead--narrow">{t('agreements.adminLead')}</p>
      {blocked && (
        <NotificationPanel variant="warn" label={t('agreements.digifinBlocksTitle')} labelHtmlMarkup="h2">
          <p>{t('agreements.digifinBlocksText')}</p>
        </NotificationPanel>
      )}
      <p role="status" className="hb-notice">
        {done}
      </p>
      {accept.isError && (
        <NotificationPanel variant="error" label={t('agreements.acceptFailed')} labelHtmlMarkup="h2">
          <p>{agreementError(accept.error, t)}</p>
        </NotificationPanel>
      )}
      <TermsDocuments
        documents={documents}
        action={(d) =>
          !d.acceptance && (
            <div className="hb-form__actions">
              <Button
                disabled={accept.isPending}
                onClick={() =>
                  accept.mutate(d.current.id, {
                    onSuccess: () =>
                      setDone(
                        t('agreements.acceptedNotice', {
                          document: t(`agreements.document.${d.document}`),
                          version: d.current.version,
                        }),
                      ),
                  })
                }
              >
                {t('agreements.accept', {
                  document: t(`agreements.document.${d.document}`),
                  version: d.current.version,
                })}
              </Button>
            </div>
          )
        }
      />
      <section className="hb-panel" aria-labelledby="digifin-heading">
        <h2 id="digifin-heading" className="hb-panel__heading">
          {t('agreements.digifin.heading')}
        </h2>
        <p>{t('agreements.digifin.adminLead')}</p>
        <DigifinFacts digifin={digifin} missing={digifinMissing} />
      </section>
      <ControllerRoles />
    </>
  );
}
