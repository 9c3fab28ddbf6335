import type { AdminUnit } from '@helsebro/contracts';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAdminUnits, useCloseUnit, useCreateUnit, useUpdateUnit } from '../../api/admin-queries.ts';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { AdminPage } from './AdminNav.tsx';
import { AppointmentTypesPanel } from './AppointmentTypesPanel.tsx';
import { ConfirmAction } from './ConfirmAction.tsx';
import { UnitDialogSettings } from './UnitDialogSettings.tsx';
import { UnitForm } from './UnitForm.tsx';
import { ADMIN_PATHS } from './paths.ts';

/** `/ansatt/admin/enheter`: the municipality's units; `?enhet=<id>` opens one with its settings and appointment types. */
export function AdminUnitsPage() {
  const { t } = useTranslation();
  return <AdminPage title={t('adminUnits.title')}>{() => <Units />}</AdminPage>;
}

const unitPath = (id: string) => `${ADMIN_PATHS.units}?enhet=${encodeURIComponent(id)}`;

function Units() {
  const { t } = useTranslation();
  const units = useAdminUnits();
  const create = useCreateUnit();
  const [params] = useSearchParams();
  const [done, setDone] = useState('');
  if (units.isError) {
    return <ErrorPanel error={units.error} onRetry={() => void units.refetch()} />;
  }
  if (!units.data) {
    return <Loading />;
  }
  const selected = units.data.items.find((u) => u.id === params.get('enhet'));
  if (selected) {
    return <UnitDetail unit={selected} />;
  }
  return (
    <>
      <p className="hb-lead hb-lead--narrow">{t('adminUnits.lead')}</p>
      <p role="status">{done}</p>
      <section aria-labelledby="units-heading">
        <h2 id="units-heading" className="hb-section__heading">
          {t('adminUnits.count', { count: units.data.items.length })}
        </h2>
        {units.data.items.length === 0 ? (
          <p className="hb-empty">{t('adminUnits.empty')}</p>
        ) : (
          <div className="hb-table-scroll" role="region" aria-labelledby="units-heading" tabIndex={0}>
            <table className="hb-table">
              <caption className="hb-visually-hidden">{t('adminUnits.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('adminUnits.fields.name')}</th>
                  <th scope="col">{t('adminUnits.fields.kind')}</th>
                  <th scope="col">{t('adminUnits.fields.phone')}</th>
                  <th scope="col">{t('adminUnits.fields.herId')}</th>
                  <th scope="col">{t('adminUnits.status')}</th>
                </tr>
              </thead>
              <tbody>
                {units.data.items.map((u) => (
                  <tr key={u.id}>
                    <th scope="row">
                      <Link to={unitPath(u.id)}>{u.name}</Link>
                    </th>
                    <td>{t(`adminUnits.kinds.${u.kind}`)}</td>
                    <td>{u.phone ?? '–'}</td>
                    <td>{u.herId ?? '–'}</td>
                    <td>{u.closedAt ? t('adminUnits.closed') : t('adminUnits.open')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="hb-panel" aria-labelledby="unit-new-heading">
        <h2 id="unit-new-heading" className="hb-panel__heading">
          {t('adminUnits.newHeading')}
        </h2>
        <UnitForm
          idPrefix="unit-new"
          submitLabel={t('adminUnits.create')}
          pending={create.isPending}
          onSubmit={(body) => create.mutateAsync(body).then((u) => setDone(t('adminUnits.created', { name: u.name })))}
        />
      </section>
    </>
  );
}

/** One unit: its details (change, close), its dialog settings and its appointment types. */
function UnitDetail({ unit }: { unit: AdminUnit }) {
  const { t } = useTranslation();
  const update = useUpdateUnit();
  const close = useCloseUnit();
  const [done, setDone] = useState('');
  return (
    <>
      <p>
        <Link to={ADMIN_PATHS.units}>{t('adminUnits.back')}</Link>
      </p>
      <h2 className="hb-section__heading">{unit.name}</h2>
      <p role="status">{done}</p>
      {unit.closedAt ? (
        <NotificationPanel variant="info" label={t('adminUnits.closedNotice')} labelHtmlMarkup="h3" />
      ) : (
        <>
          <section className="hb-panel" aria-labelledby="unit-edit-heading">
            <h3 id="unit-edit-heading" className="hb-panel__heading">
              {t('adminUnits.editHeading')}
            </h3>
            <UnitForm
              key={unit.id}
              unit={unit}
              idPrefix="unit-edit"
              submitLabel={t('adminUnits.save')}
              pending={update.isPending}
              onSubmit={(body) => update.mutateAsync({ id: unit.id, body }).then(() => setDone(t('adminUnits.saved')))}
            />
            <ConfirmAction
              label={t('adminUnits.close')}
              question={t('adminUnits.closeQuestion', { name: unit.name })}
              confirmLabel={t('adminUnits.closeConfirm')}
              pending={close.isPending}
              onConfirm={(reason) =>
                close.mutate({ id: unit.id, reason }, { onSuccess: () => setDone(t('adminUnits.closedDone')) })
              }
            />
            {close.isError && <ErrorPanel error={close.error} />}
          </section>
          <UnitDialogSettings unitId={unit.id} />
        </>
      )}
      <AppointmentTypesPanel unitId={unit.id} closed={unit.closedAt !== null} />
    </>
  );
}
