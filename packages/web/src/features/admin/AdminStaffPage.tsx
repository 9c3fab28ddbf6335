import type { AdminUnit, StaffCreateBody, StaffMember } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import Input from '@helsenorge/designsystem-react/components/Input';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAdminStaff, useAdminUnits, useCreateStaff, useEndStaff, useUpdateStaff } from '../../api/admin-queries.ts';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { Pager } from '../../components/Pager.tsx';
import { AdminPage } from './AdminNav.tsx';
import { ConfirmAction } from './ConfirmAction.tsx';
import { StaffForm } from './StaffForm.tsx';

/** `/ansatt/admin/ansatte`: the municipality's staff, searched and paged (thousands), with their roles per unit. */
export function AdminStaffPage() {
  const { t } = useTranslation();
  return <AdminPage title={t('adminStaff.title')}>{() => <Staff />}</AdminPage>;
}

function Staff() {
  const { t } = useTranslation();
  const units = useAdminUnits();
  const create = useCreateStaff();
  const [params, setParams] = useSearchParams();
  const q = params.get('sok') ?? '';
  const page = Math.max(1, Number(params.get('side')) || 1);
  const [search, setSearch] = useState(q);
  const [editing, setEditing] = useState<StaffMember | null>(null);
  const [done, setDone] = useState('');
  const go = (next: { sok?: string; side?: number }) => {
    const sok = next.sok ?? q;
    const side = next.side ?? page;
    setParams({ ...(sok ? { sok } : {}), ...(side > 1 ? { side: String(side) } : {}) });
  };
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    go({ sok: search.trim(), side: 1 });
  };
  if (units.isError) {
    return <ErrorPanel error={units.error} onRetry={() => void units.refetch()} />;
  }
  if (!units.data) {
    return <Loading />;
  }
  const open = units.data.items.filter((u) => !u.closedAt);

  return (
    <>
      <p className="hb-lead hb-lead--narrow">{t('adminStaff.lead')}</p>
      <p role="status">{done}</p>
      <form className="hb-lookup" role="search" onSubmit={onSearch}>
        <Input
          inputId="staff-search"
          type="search"
          label={t('adminStaff.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Button type="submit">{t('adminStaff.searchButton')}</Button>
      </form>
      <StaffList q={q} page={page} onPage={(side) => go({ side })} onEdit={setEditing} />
      {editing && (
        <EditStaff
          key={editing.personnelId}
          member={editing}
          units={open}
          onDone={(text) => {
            setEditing(null);
            setDone(text);
          }}
        />
      )}
      <section className="hb-panel" aria-labelledby="staff-new-heading">
        <h2 id="staff-new-heading" className="hb-panel__heading">
          {t('adminStaff.newHeading')}
        </h2>
        <StaffForm
          units={open}
          idPrefix="staff-new"
          submitLabel={t('adminStaff.create')}
          pending={create.isPending}
          onSubmit={(body) =>
            create
              .mutateAsync(body as StaffCreateBody)
              .then((m) => setDone(t('adminStaff.created', { name: `${m.givenName} ${m.familyName}` })))
          }
        />
      </section>
    </>
  );
}

function StaffList({
  q,
  page,
  onPage,
  onEdit,
}: {
  q: string;
  page: number;
  onPage: (page: number) => void;
  onEdit: (m: StaffMember) => void;
}) {
  const { t } = useTranslation();
  const list = useAdminStaff({ q: q || undefined, page });
  if (list.isError) {
    return <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />;
  }
  if (!list.data) {
    return <Loading />;
  }
  const { items, total, pageSize } = list.data;
  return (
    <section aria-labelledby="staff-count">
      <h2 id="staff-count" className="hb-section__heading" aria-live="polite">
        {q ? t('adminStaff.countFor', { count: total, q }) : t('adminStaff.count', { count: total })}
      </h2>
      {items.length === 0 ? (
        <p className="hb-empty">{t('adminStaff.empty')}</p>
      ) : (
        <div className="hb-table-scroll" role="region" aria-labelledby="staff-count" tabIndex={0}>
          <table className="hb-table">
            <caption className="hb-visually-hidden">{t('adminStaff.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('adminStaff.name')}</th>
                <th scope="col">{t('adminStaff.hpr')}</th>
                <th scope="col">{t('adminStaff.rolesLegend')}</th>
                <th scope="col">
                  <span className="hb-visually-hidden">{t('adminStaff.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.personnelId}>
                  <th scope="row">
                    {m.givenName} {m.familyName}
                  </th>
                  <td>{m.hprNumber ?? '–'}</td>
                  <td>
                    <RolesText member={m} />
                  </td>
                  <td>
                    <Button variant="borderless" onClick={() => onEdit(m)}>
                      {t('adminStaff.edit')}
                      <span className="hb-visually-hidden">
                        {' '}
                        {m.givenName} {m.familyName}
                      </span>
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} total={total} pageSize={pageSize} onPage={onPage} />
    </section>
  );
}

function RolesText({ member }: { member: StaffMember }) {
  const { t } = useTranslation();
  return (
    <ul className="hb-admin-rolelist">
      {member.roles.map((r) => (
        <li key={`${r.role}:${r.unitId ?? ''}`}>
          {t(`adminStaff.roles.${r.role}`)}
          {r.unitName && ` – ${r.unitName}`}
        </li>
      ))}
    </ul>
  );
}

/** Change a staff member's name and roles, or end their work in the municipality (after a question). */
function EditStaff({
  member,
  units,
  onDone,
}: {
  member: StaffMember;
  units: AdminUnit[];
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateStaff();
  const end = useEndStaff();
  const name = `${member.givenName} ${member.familyName}`;
  const heading = useRef<HTMLHeadingElement>(null);
  // The form opens below the list: take the keyboard there.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="hb-panel" aria-labelledby="staff-edit-heading">
      <h2 id="staff-edit-heading" className="hb-panel__heading" tabIndex={-1} ref={heading}>
        {t('adminStaff.editHeading', { name })}
      </h2>
      <StaffForm
        member={member}
        units={units}
        idPrefix="staff-edit"
        submitLabel={t('adminStaff.save')}
        pending={update.isPending}
        onSubmit={(body) =>
          update.mutateAsync({ id: member.personnelId, body }).then(() => onDone(t('adminStaff.saved', { name })))
        }
      />
      <ConfirmAction
        label={t('adminStaff.end')}
        question={t('adminStaff.endQuestion', { name })}
        confirmLabel={t('adminStaff.endConfirm')}
        pending={end.isPending}
        onConfirm={(reason) =>
          end.mutate({ id: member.personnelId, reason }, { onSuccess: () => onDone(t('adminStaff.ended', { name })) })
        }
      />
      {end.isError && <ErrorPanel error={end.error} />}
    </section>
  );
}
