import type { AddressRegisterOrganisation, MessageResponsible } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import Input from '@helsenorge/designsystem-react/components/Input';
import { useMutation, useQuery, useQueryClient, keepPreviousData } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/api-error.ts';
import { useApi } from '../../api/ApiProvider.tsx';
import { Loading } from '../../components/PageStatus.tsx';
import { Pager } from '../../components/Pager.tsx';
import { OperatorPage } from './OperatorNav.tsx';

/** `/drift/adresseregister`: the organisations of the address register and their message-responsible addresses (D9). */
export function AddressRegisterPage() {
  const { t } = useTranslation();
  return <OperatorPage title={t('addressRegister.title')}>{() => <Register />}</OperatorPage>;
}

function Register() {
  const { t } = useTranslation();
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('side')) || 1);
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const list = useQuery({
    queryKey: ['operator', 'address-register', page, q],
    queryFn: () => api.operator.registerOrganisations({ page, ...(q ? { q } : {}) }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <p className="hb-lead">{t('addressRegister.lead')}</p>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setParams(search ? { q: search } : {});
        }}
      >
        <Input
          inputId="register-search"
          label={t('addressRegister.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Button type="submit" variant="outline">
          {t('addressRegister.searchButton')}
        </Button>
      </form>
      {list.data ? (
        <>
          {list.data.organisations.length === 0 && <p className="hb-empty">{t('addressRegister.empty')}</p>}
          {list.data.organisations.map((o) => (
            <Organisation key={o.herId} o={o} />
          ))}
          <Pager
            page={list.data.page}
            total={list.data.total}
            pageSize={list.data.pageSize}
            onPage={(side) => setParams({ ...(q ? { q } : {}), side: String(side) })}
          />
        </>
      ) : list.isPending ? (
        <Loading />
      ) : (
        <p role="alert">{t('error.title')}</p>
      )}
    </>
  );
}

const show = (r: MessageResponsible | null, none: string) =>
  r ? [r.name, r.email, r.phone].filter(Boolean).join(', ') : none;

function Organisation({ o }: { o: AddressRegisterOrganisation }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState({
    name: o.messageResponsible?.name ?? '',
    email: o.messageResponsible?.email ?? '',
    phone: o.messageResponsible?.phone ?? '',
  });
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      api.operator.setMessageResponsible(o.herId, {
        messageResponsible: { name: draft.name, email: draft.email, phone: draft.phone },
      }),
    onSuccess: () => {
      setSaved(true);
      void queryClient.invalidateQueries({ queryKey: ['operator', 'address-register'] });
    },
  });
  const fieldError = (path: string) =>
    save.error instanceof ApiError && save.error.errors.some((f) => f.path.endsWith(path))
      ? t(`addressRegister.invalid.${path}`)
      : undefined;
  const id = `org-${o.herId}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutate();
  };
  return (
    <section aria-labelledby={id} className="hb-card">
      <h2 id={id}>
        {o.name} <small>(HER-id {o.herId})</small>
      </h2>
      <p>
        {t('addressRegister.current')}: {show(o.messageResponsible, t('addressRegister.none'))}
      </p>
      {o.parties.length > 0 && (
        <ul>
          {o.parties.map((p) => (
            <li key={p.herId}>
              {p.name} ({p.herId}): {show(p.messageResponsible, t('addressRegister.inherits'))}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} noValidate aria-label={t('addressRegister.formLabel', { name: o.name })}>
        <Input
          inputId={`${id}-name`}
          label={t('addressRegister.name')}
          value={draft.name}
          required
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          errorText={fieldError('name')}
        />
        <Input
          inputId={`${id}-email`}
          label={t('addressRegister.email')}
          type="email"
          value={draft.email}
          required
          onChange={(e) => setDraft({ ...draft, email: e.target.value })}
          errorText={fieldError('email')}
        />
        <Input
          inputId={`${id}-phone`}
          label={t('addressRegister.phone')}
          value={draft.phone}
          onChange={(e) => setDraft({ ...draft, phone: e.target.value })}
          errorText={fieldError('phone')}
        />
        <Button type="submit" disabled={save.isPending}>
          {t('addressRegister.save')}
        </Button>
        {saved && <p role="status">{t('addressRegister.saved')}</p>}
      </form>
    </section>
  );
}
