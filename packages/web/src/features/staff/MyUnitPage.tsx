import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import Select from '@helsenorge/designsystem-react/components/Select';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RequireKind, type SignedInSession } from '../../components/RequireKind.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { UnitDialogSettings } from '../admin/UnitDialogSettings.tsx';
import { StaffShell } from './StaffShell.tsx';
import { STAFF_PATHS } from './paths.ts';

/**
 * `/ansatt/enhet`, "Min enhet": a unit leader keeps her unit's contact details, response time, opening hours,
 * absences and automatic reply herself (A4) — the same settings the administrator sees, without needing the
 * administrator role. A leader of several units picks one (`?enhet=`).
 */
export function MyUnitPage() {
  return <RequireKind kind="personnel">{(session) => <MyUnit session={session} />}</RequireKind>;
}

function MyUnit({ session }: { session: SignedInSession }) {
  const { t } = useTranslation();
  useDocumentTitle(t('myUnit.title'));
  const [params, setParams] = useSearchParams();
  const units = session.user.roles
    .filter((r) => r.role === 'unit_leader' && r.serviceUnitId)
    .map((r) => ({ id: r.serviceUnitId!, name: r.serviceUnitName ?? r.serviceUnitId! }));
  const chosen = units.find((u) => u.id === params.get('enhet')) ?? units[0];
  return (
    <StaffShell session={session}>
      <PageHeading>{t('myUnit.title')}</PageHeading>
      {!chosen ? (
        <NotificationPanel variant="info" label={t('myUnit.notLeaderTitle')} labelHtmlMarkup="h2">
          <p>{t('myUnit.notLeaderText')}</p>
          <p>
            <Link to={STAFF_PATHS.workspace}>{t('adminNav.backToWorkspace')}</Link>
          </p>
        </NotificationPanel>
      ) : (
        <>
          <p className="hb-lead">{t('myUnit.lead')}</p>
          {units.length > 1 && (
            <div className="hb-plo-service">
              <Select
                selectId="my-unit"
                label={t('myUnit.unit')}
                value={chosen.id}
                onChange={(e) => setParams({ enhet: e.target.value })}
              >
                {units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </Select>
            </div>
          )}
          <h2 className="hb-section__heading">{chosen.name}</h2>
          <UnitDialogSettings key={chosen.id} unitId={chosen.id} />
        </>
      )}
    </StaffShell>
  );
}
