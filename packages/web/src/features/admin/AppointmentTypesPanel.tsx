import type { AppointmentType } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useAdminAppointmentTypes,
  useCreateAppointmentType,
  useEndAppointmentType,
  useUpdateAppointmentType,
} from '../../api/admin-queries.ts';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { AppointmentTypeForm } from './AppointmentTypeForm.tsx';
import { ConfirmAction } from './ConfirmAction.tsx';

/** A unit's appointment types with their cancellation rules: create, change, end (ended ones stay, as history). */
export function AppointmentTypesPanel({ unitId, closed }: { unitId: string; closed: boolean }) {
  const { t } = useTranslation();
  const types = useAdminAppointmentTypes(unitId);
  const create = useCreateAppointmentType(unitId);
  const [done, setDone] = useState('');
  return (
    <section className="hb-panel" aria-labelledby="types-heading">
      <h3 id="types-heading" className="hb-panel__heading">
        {t('adminTypes.heading')}
      </h3>
      <p role="status">{done}</p>
      {types.isError ? (
        <ErrorPanel error={types.error} onRetry={() => void types.refetch()} />
      ) : !types.data ? (
        <Loading />
      ) : types.data.types.length === 0 ? (
        <p className="hb-empty">{t('adminTypes.empty')}</p>
      ) : (
        <ul className="hb-admin-types">
          {types.data.types.map((a) => (
            <TypeItem key={a.id} unitId={unitId} type={a} closed={closed} onDone={setDone} />
          ))}
        </ul>
      )}
      {!closed && (
        <>
          <h4>{t('adminTypes.newHeading')}</h4>
          <AppointmentTypeForm
            idPrefix="type-new"
            submitLabel={t('adminTypes.create')}
            pending={create.isPending}
            onSubmit={(body) =>
              create.mutateAsync(body).then((a) => setDone(t('adminTypes.created', { name: a.name })))
            }
          />
        </>
      )}
    </section>
  );
}

function TypeItem({
  unitId,
  type,
  closed,
  onDone,
}: {
  unitId: string;
  type: AppointmentType;
  closed: boolean;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateAppointmentType(unitId);
  const end = useEndAppointmentType(unitId);
  const [editing, setEditing] = useState(false);
  const cancelRule = !type.citizenCancellable
    ? t('adminTypes.rules.notCancellable')
    : t(type.cancellationNeedsAcceptance ? 'adminTypes.rules.cancelWithAcceptance' : 'adminTypes.rules.cancel', {
        count: type.cancelDeadlineWorkingDays,
      });
  return (
    <li className="hb-admin-types__item">
      <h4 className="hb-admin-types__name">
        {type.name}
        {!type.active && <span className="hb-tag"> {t('adminTypes.ended')}</span>}
      </h4>
      <p>
        {t(`adminTypes.kinds.${type.kind}`)} · {t('adminTypes.rules.duration', { count: type.durationMinutes })} ·{' '}
        {type.selfBookable ? t('adminTypes.rules.selfBookable') : t('adminTypes.rules.notSelfBookable')}
      </p>
      <p>
        {cancelRule} ·{' '}
        {type.reminderLeadHours === null
          ? t('adminTypes.rules.noReminder')
          : t('adminTypes.rules.reminder', { count: type.reminderLeadHours })}
      </p>
      {type.active && !closed && !editing && (
        <div className="hb-form__actions">
          <Button variant="outline" onClick={() => setEditing(true)}>
            {t('adminTypes.edit')}
            <span className="hb-visually-hidden"> {type.name}</span>
          </Button>
          <ConfirmAction
            label={t('adminTypes.end', { name: type.name })}
            question={t('adminTypes.endQuestion', { name: type.name })}
            confirmLabel={t('adminTypes.endConfirm')}
            pending={end.isPending}
            onConfirm={(reason) =>
              end.mutate(
                { typeId: type.id, reason },
                { onSuccess: () => onDone(t('adminTypes.endedDone', { name: type.name })) },
              )
            }
          />
        </div>
      )}
      {end.isError && <ErrorPanel error={end.error} />}
      {editing && (
        <AppointmentTypeForm
          type={type}
          idPrefix={`type-${type.id}`}
          submitLabel={t('adminTypes.save')}
          pending={update.isPending}
          onCancel={() => setEditing(false)}
          onSubmit={(body) =>
            update.mutateAsync({ typeId: type.id, body }).then(() => {
              setEditing(false);
              onDone(t('adminTypes.saved', { name: body.name }));
            })
          }
        />
      )}
    </li>
  );
}
