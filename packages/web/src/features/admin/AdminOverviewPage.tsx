import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAdminMunicipality, useAdminStaff, useAdminUnits, useMachineClients } from '../../api/admin-queries.ts';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { AdminPage } from './AdminNav.tsx';
import { ADMIN_PATHS } from './paths.ts';

/** `/ansatt/admin`: the municipality at a glance, and what is left to do before it is live. */
export function AdminOverviewPage() {
  const { t } = useTranslation();
  return <AdminPage title={t('adminOverview.title')}>{() => <Overview />}</AdminPage>;
}

function Overview() {
  const { t } = useTranslation();
  const municipality = useAdminMunicipality();
  const units = useAdminUnits();
  const staff = useAdminStaff({ page: 1 });
  const clients = useMachineClients();
  const failed = [municipality, units, staff, clients].find((q) => q.isError);
  if (failed) {
    return <ErrorPanel error={failed.error} onRetry={() => void failed.refetch()} />;
  }
  if (!municipality.data || !units.data || !staff.data || !clients.data) {
    return <Loading />;
  }
  const m = municipality.data;
  const openUnits = units.data.items.filter((u) => !u.closedAt).length;
  const activeClients = clients.data.items.filter((c) => !c.revokedAt).length;
  const todo: { key: string; to: string }[] = [
    !m.epjProduct && { key: 'epj', to: ADMIN_PATHS.epj },
    openUnits === 0 && { key: 'units', to: ADMIN_PATHS.units },
    // The administrator is the one registered at first; anyone else is what the municipality has added.
    staff.data.total <= 1 && { key: 'staff', to: ADMIN_PATHS.staff },
    m.epjProduct && activeClients === 0 && { key: 'clients', to: ADMIN_PATHS.epj },
  ].flatMap((x) => (x ? [x] : []));

  return (
    <>
      <p className="hb-lead hb-lead--narrow">{t('adminOverview.lead', { name: m.name })}</p>
      <section className="hb-panel" aria-labelledby="admin-facts-heading">
        <h2 id="admin-facts-heading" className="hb-panel__heading">
          {m.name}
        </h2>
        <dl className="hb-facts">
          <div>
            <dt>{t('adminOverview.number')}</dt>
            <dd>{m.number}</dd>
          </div>
          <div>
            <dt>{t('adminOverview.orgNumber')}</dt>
            <dd>{m.orgNumber}</dd>
          </div>
          <div>
            <dt>{t('adminOverview.epj')}</dt>
            <dd>
              {m.epjProduct
                ? t('adminOverview.epjValue', {
                    vendor: m.epjProduct.vendor,
                    name: m.epjProduct.name,
                    version: m.epjVersion ?? '',
                  })
                : t('adminOverview.epjNone')}
            </dd>
          </div>
          <div>
            <dt>{t('adminOverview.units')}</dt>
            <dd>
              <Link to={ADMIN_PATHS.units}>{t('adminOverview.unitsValue', { count: openUnits })}</Link>
            </dd>
          </div>
          <div>
            <dt>{t('adminOverview.staff')}</dt>
            <dd>
              <Link to={ADMIN_PATHS.staff}>{t('adminOverview.staffValue', { count: staff.data.total })}</Link>
            </dd>
          </div>
          <div>
            <dt>{t('adminOverview.clients')}</dt>
            <dd>
              <Link to={ADMIN_PATHS.epj}>{t('adminOverview.clientsValue', { count: activeClients })}</Link>
            </dd>
          </div>
        </dl>
      </section>
      <section className="hb-panel" aria-labelledby="admin-todo-heading">
        <h2 id="admin-todo-heading" className="hb-panel__heading">
          {t('adminOverview.todoHeading')}
        </h2>
        {todo.length === 0 ? (
          <p>{t('adminOverview.todoNone')}</p>
        ) : (
          <ul>
            {todo.map((item) => (
              <li key={item.key}>
                <Link to={item.to}>{t(`adminOverview.todo.${item.key}`)}</Link>
              </li>
            ))}
          </ul>
        )}
        <p className="hb-hint">{t('adminOverview.todoMore')}</p>
      </section>
    </>
  );
}
