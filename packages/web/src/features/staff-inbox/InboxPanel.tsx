import { useTranslation } from 'react-i18next';
import { useStaffDialogUnits } from '../../api/dialog-queries.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { STAFF_INBOX_PATH } from '../dialog/paths.ts';
import { UnitList } from './StaffInboxPage.tsx';

/** The workspace's inbox panel: the staff member's units with their unread counts, and the way in. */
export function InboxPanel() {
  const { t } = useTranslation();
  const units = useStaffDialogUnits();
  return (
    <section className="hb-panel hb-panel--inbox" aria-labelledby="inbox-panel-heading">
      <h2 id="inbox-panel-heading" className="hb-panel__heading">
        {t('staffInbox.panelHeading')}
      </h2>
      {units.isPending ? (
        <Loading />
      ) : units.isError ? (
        <ErrorPanel error={units.error} onRetry={() => void units.refetch()} />
      ) : units.data.units.length === 0 ? (
        <p>{t('staffInbox.panelNone')}</p>
      ) : (
        <>
          <UnitList units={units.data.units} current={null} showHeading={false} />
          <ButtonLink href={STAFF_INBOX_PATH} variant="outline" arrow="icon">
            {t('staffInbox.panelLink')}
          </ButtonLink>
        </>
      )}
    </section>
  );
}
