import type { CareRelationEndReason, UnitCareRelation } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import Input from '@helsenorge/designsystem-react/components/Input';
import Select from '@helsenorge/designsystem-react/components/Select';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useEndCareRelation, useUnitCareRelations } from '../../api/care-relations-queries.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Pager } from '../../components/Pager.tsx';
import { ErrorPanel, errorMessage, Loading } from '../../components/PageStatus.tsx';
import { RequireKind, type SignedInSession } from '../../components/RequireKind.tsx';
import { StaffShell } from '../staff/StaffShell.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useFormatters } from '../../components/useFormatters.ts';
import { RegisterCareRelationForm } from './RegisterCareRelationForm.tsx';

/** The end reasons, as the contract lists them (a value import from the contracts would bundle zod). */
const END_REASONS: readonly CareRelationEndReason[] = [
  'services_completed',
  'moved',
  'deceased',
  'transferred',
  'registered_in_error',
  'other',
];
type Status = 'active' | 'ended' | 'all';

/** `/ansatt/brukere`: "Brukere av tjenesten" — the care relations of the staff member's unit. */
export function CareRelationsPage() {
  return <RequireKind kind="personnel">{(session) => <CareRelations session={session} />}</RequireKind>;
}

function CareRelations({ session }: { session: SignedInSession }) {
  const { t } = useTranslation();
  useDocumentTitle(t('careRelations.title'));
  const units = [
    ...new Map(
      session.user.roles.filter((r) => r.serviceUnitId).map((r) => [r.serviceUnitId!, r.serviceUnitName ?? '']),
    ),
  ];
  const [params, setParams] = useSearchParams();
  const unitId = params.get('enhet') ?? units[0]?.[0] ?? '';
  const q = params.get('sok') ?? '';
  const status = (
    ['active', 'ended', 'all'].includes(params.get('vis') ?? '') ? params.get('vis') : 'active'
  ) as Status;
  const page = Math.max(1, Number(params.get('side')) || 1);
  const [search, setSearch] = useState(q);
  const go = (next: Record<string, string | undefined>) => {
    const merged = { enhet: unitId, sok: q, vis: status, side: String(page), ...next };
    setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v)));
  };
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <StaffShell session={session}>
      <PageHeading>{t('careRelations.title')}</PageHeading>
      {units.length === 0 ? (
        <p>{t('careRelations.noUnits')}</p>
      ) : (
        <>
          {units.length > 1 && (
            <Select
              selectId="care-unit"
              label={t('careRelations.unit')}
              value={unitId}
              onChange={(e) => go({ enhet: e.target.value, side: '1' })}
            >
              {units.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </Select>
          )}
          <p role="status" className="hb-notice">
            {notice}
          </p>
          <RegisterCareRelationForm
            unitId={unitId}
            onRegistered={(name) => setNotice(t('careRelations.registered', { name }))}
          />
          <form
            className="hb-lookup"
            role="search"
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              go({ sok: search.trim() || undefined, side: '1' });
            }}
          >
            <Input
              inputId="care-search"
              label={t('careRelations.search')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
            <Select
              selectId="care-status"
              label={t('careRelations.status')}
              value={status}
              onChange={(e) => go({ vis: e.target.value, side: '1' })}
            >
              <option value="active">{t('careRelations.statusActive')}</option>
              <option value="ended">{t('careRelations.statusEnded')}</option>
              <option value="all">{t('careRelations.statusAll')}</option>
            </Select>
            <Button type="submit">{t('careRelations.search')}</Button>
          </form>
          <RelationList
            unitId={unitId}
            query={{ q, status, page }}
            onPage={(p) => go({ side: String(p) })}
            onEnded={(name) => setNotice(t('careRelations.ended', { name }))}
          />
        </>
      )}
    </StaffShell>
  );
}

function RelationList(props: {
  unitId: string;
  query: { q: string; status: Status; page: number };
  onPage: (page: number) => void;
  onEnded: (name: string) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const { q, status, page } = props.query;
  const list = useUnitCareRelations(props.unitId, { q: q || undefined, status, page });
  const [ending, setEnding] = useState<string | null>(null);
  if (list.isError) {
    return <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />;
  }
  if (!list.data) {
    return <Loading />;
  }
  const { items, total, pageSize } = list.data;
  return (
    <section aria-labelledby="care-list-heading">
      <h2 id="care-list-heading">{t('careRelations.count', { total })}</h2>
      {items.length === 0 ? (
        <p>{t('careRelations.empty')}</p>
      ) : (
        <div className="hb-table-scroll" role="region" aria-labelledby="care-list-heading" tabIndex={0}>
          <table className="hb-table">
            <thead>
              <tr>
                <th scope="col">{t('careRelations.name')}</th>
                <th scope="col">{t('careRelations.born')}</th>
                <th scope="col">{t('careRelations.period')}</th>
                <th scope="col">{t('careRelations.primaryContact')}</th>
                <th scope="col">{t('careRelations.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.person.displayName}</th>
                  <td>{fmt.date(r.person.birthDate)}</td>
                  <td>
                    {r.validTo
                      ? t('careRelations.fromTo', { from: fmt.date(r.validFrom), to: fmt.date(r.validTo) })
                      : t('careRelations.from', { date: fmt.date(r.validFrom) })}
                    {r.endReason && ` (${t(`careRelations.reasons.${r.endReason}`)})`}
                  </td>
                  <td>{r.primaryContact?.displayName ?? '–'}</td>
                  <td>
                    {r.endReason === null && ending !== r.id && (
                      <Button
                        variant="borderless"
                        onClick={() => setEnding(r.id)}
                        aria-label={`${t('careRelations.end')}: ${r.person.displayName}`}
                      >
                        {t('careRelations.end')}
                      </Button>
                    )}
                    {ending === r.id && (
                      <EndForm
                        unitId={props.unitId}
                        relation={r}
                        onDone={(ended) => {
                          setEnding(null);
                          if (ended) {
                            props.onEnded(r.person.displayName);
                          }
                        }}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} total={total} pageSize={pageSize} onPage={props.onPage} />
    </section>
  );
}

function EndForm({
  unitId,
  relation,
  onDone,
}: {
  unitId: string;
  relation: UnitCareRelation;
  onDone: (ended: boolean) => void;
}) {
  const { t } = useTranslation();
  const end = useEndCareRelation(unitId);
  const [validTo, setValidTo] = useState('');
  const [reason, setReason] = useState<CareRelationEndReason>('services_completed');
  const [error, setError] = useState<string | undefined>();
  const id = relation.id;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(validTo)) {
      setError(t('careRelations.errors.dateRequired'));
      document.getElementById(`end-date-${id}`)?.focus();
      return;
    }
    end.mutate(
      { id, body: { validTo, reason } },
      {
        onSuccess: () => onDone(true),
        onError: (err) => {
          setError(errorMessage(err, t));
          document.getElementById(`end-date-${id}`)?.focus();
        },
      },
    );
  };
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={t('careRelations.endHeading', { name: relation.person.displayName })}
    >
      <Input
        inputId={`end-date-${id}`}
        type="date"
        label={t('careRelations.endDate')}
        value={validTo}
        onChange={(e) => setValidTo(e.target.value)}
        errorText={error}
      />
      <Select
        selectId={`end-reason-${id}`}
        label={t('careRelations.endReason')}
        value={reason}
        onChange={(e) => setReason(e.target.value as CareRelationEndReason)}
      >
        {END_REASONS.map((r) => (
          <option key={r} value={r}>
            {t(`careRelations.reasons.${r}`)}
          </option>
        ))}
      </Select>
      <Button type="submit" disabled={end.isPending}>
        {t('careRelations.confirmEnd')}
      </Button>
      <Button variant="borderless" onClick={() => onDone(false)}>
        {t('careRelations.cancel')}
      </Button>
    </form>
  );
}
