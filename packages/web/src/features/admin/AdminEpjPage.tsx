import type { AdminMunicipalityResponse, MachineClientItem, PublicJwks } from '@helsebro/contracts';
import Button from '@helsenorge/designsystem-react/components/Button';
import Input from '@helsenorge/designsystem-react/components/Input';
import NotificationPanel from '@helsenorge/designsystem-react/components/NotificationPanel';
import RadioButton from '@helsenorge/designsystem-react/components/RadioButton';
import Select from '@helsenorge/designsystem-react/components/Select';
import Textarea from '@helsenorge/designsystem-react/components/Textarea';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useAdminMunicipality,
  useCreateClient,
  useMachineClients,
  useRevokeClient,
  useRotateClient,
  useSetEpjSystem,
} from '../../api/admin-queries.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { useFormatters } from '../../components/useFormatters.ts';
import { problemErrors, useFormErrors } from '../operator/form-problems.ts';
import { AdminPage } from './AdminNav.tsx';
import { ConfirmAction } from './ConfirmAction.tsx';
import { generateSecret, parseJwks } from './credentials.ts';

/** `/ansatt/admin/epj`: the municipality's EPJ system (from the operator's list) and its machine clients. */
export function AdminEpjPage() {
  const { t } = useTranslation();
  return <AdminPage title={t('adminEpj.title')}>{() => <Epj />}</AdminPage>;
}

function Epj() {
  const municipality = useAdminMunicipality();
  if (municipality.isError) {
    return <ErrorPanel error={municipality.error} onRetry={() => void municipality.refetch()} />;
  }
  if (!municipality.data) {
    return <Loading />;
  }
  return (
    <>
      <EpjSystemForm m={municipality.data} />
      <MachineClients />
    </>
  );
}

const SYSTEM_FIELDS = ['productId', 'version'] as const;

function EpjSystemForm({ m }: { m: AdminMunicipalityResponse }) {
  const { t } = useTranslation();
  const save = useSetEpjSystem();
  const [productId, setProductId] = useState(m.epjProduct?.id ?? '');
  const [version, setVersion] = useState(m.epjVersion ?? '');
  const [done, setDone] = useState('');
  const form = useFormErrors(SYSTEM_FIELDS, (f) => `epj-${f}`);
  const product = m.products.find((p) => p.id === productId);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!product) {
      form.fail({ productId: t('adminEpj.chooseProduct') });
      return;
    }
    if (!version) {
      form.fail({ version: t('adminEpj.chooseVersion') });
      return;
    }
    form.clear();
    save.mutate(
      { productId, version },
      {
        onSuccess: () => setDone(t('adminEpj.saved', { name: product.name, version })),
        onError: (err) => form.fail(problemErrors(err, SYSTEM_FIELDS, t)),
      },
    );
  };
  return (
    <section className="hb-panel" aria-labelledby="epj-system-heading">
      <h2 id="epj-system-heading" className="hb-panel__heading">
        {t('adminEpj.systemHeading')}
      </h2>
      <p>
        {m.epjProduct
          ? t('adminEpj.current', { vendor: m.epjProduct.vendor, name: m.epjProduct.name, version: m.epjVersion ?? '' })
          : t('adminEpj.none')}
      </p>
      {m.products.length === 0 ? (
        <p className="hb-empty">{t('adminEpj.noProducts')}</p>
      ) : (
        <form className="hb-form" noValidate onSubmit={onSubmit}>
          <ErrorSummary title={t('adminCommon.errorSummary')} items={form.summary} attempt={form.attempt} />
          <Select
            selectId="epj-productId"
            label={t('adminEpj.product')}
            value={productId}
            onChange={(e) => {
              setProductId(e.target.value);
              setVersion('');
            }}
            errorText={form.errors.productId}
          >
            <option value="">{t('adminEpj.chooseProductOption')}</option>
            {m.products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.vendor} – {p.name}
              </option>
            ))}
          </Select>
          <Select
            selectId="epj-version"
            label={t('adminEpj.version')}
            value={version}
            onChange={(e) => setVersion(e.target.value)}
            errorText={form.errors.version}
            disabled={!product}
          >
            <option value="">{t('adminEpj.chooseVersionOption')}</option>
            {product?.versions.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </Select>
          {product && (
            <p className="hb-hint">
              {t('adminEpj.services', {
                list: product.services.map((s) => t(`adminEpj.serviceCodes.${s}`)).join(', ') || '–',
              })}
            </p>
          )}
          <div className="hb-form__actions">
            <Button type="submit" disabled={save.isPending}>
              {t('adminEpj.save')}
            </Button>
          </div>
          <p role="status">{done}</p>
        </form>
      )}
    </section>
  );
}

function MachineClients() {
  const { t } = useTranslation();
  const clients = useMachineClients();
  const [secretShown, setSecretShown] = useState<{ clientId: string; secret: string } | null>(null);
  const [done, setDone] = useState('');
  const announce = (text: string, secret?: { clientId: string; secret: string }) => {
    setDone(text);
    setSecretShown(secret ?? null);
  };
  return (
    <section className="hb-panel" aria-labelledby="epj-clients-heading">
      <h2 id="epj-clients-heading" className="hb-panel__heading">
        {t('adminEpj.clientsHeading')}
      </h2>
      <p>{t('adminEpj.clientsLead')}</p>
      <p role="status">{done}</p>
      {secretShown && (
        <NotificationPanel variant="warn" label={t('adminEpj.secretTitle', { clientId: secretShown.clientId })}>
          <p>{t('adminEpj.secretText')}</p>
          <p>
            <code className="hb-admin-secret" data-testid="client-secret">
              {secretShown.secret}
            </code>
          </p>
        </NotificationPanel>
      )}
      {clients.isError ? (
        <ErrorPanel error={clients.error} onRetry={() => void clients.refetch()} />
      ) : !clients.data ? (
        <Loading />
      ) : clients.data.items.length === 0 ? (
        <p className="hb-empty">{t('adminEpj.noClients')}</p>
      ) : (
        <ul className="hb-admin-types">
          {clients.data.items.map((c) => (
            <ClientItem key={c.clientId} client={c} onDone={announce} />
          ))}
        </ul>
      )}
      <h3>{t('adminEpj.newClientHeading')}</h3>
      <CredentialForm
        idPrefix="client-new"
        withIdentity
        submitLabel={t('adminEpj.createClient')}
        onDone={(c, secret) =>
          announce(
            t('adminEpj.created', { clientId: c.clientId }),
            secret ? { clientId: c.clientId, secret } : undefined,
          )
        }
      />
    </section>
  );
}

function ClientItem({
  client,
  onDone,
}: {
  client: MachineClientItem;
  onDone: (text: string, secret?: { clientId: string; secret: string }) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const revoke = useRevokeClient();
  const [rotating, setRotating] = useState(false);
  return (
    <li className="hb-admin-types__item">
      <h4 className="hb-admin-types__name">
        {client.clientName} <span className="hb-hint">({client.clientId})</span>
        {client.revokedAt && <span className="hb-tag"> {t('adminEpj.revoked')}</span>}
      </h4>
      <p>
        {t(`adminEpj.methods.${client.authMethod}`)} · {t('adminEpj.createdAt', { date: fmt.date(client.createdAt) })}
      </p>
      {!client.revokedAt && !rotating && (
        <div className="hb-form__actions">
          <Button variant="outline" onClick={() => setRotating(true)}>
            {t('adminEpj.rotate', { clientId: client.clientId })}
          </Button>
          <ConfirmAction
            label={t('adminEpj.revoke', { clientId: client.clientId })}
            question={t('adminEpj.revokeQuestion', { name: client.clientName })}
            confirmLabel={t('adminEpj.revokeConfirm')}
            pending={revoke.isPending}
            onConfirm={(reason) =>
              revoke.mutate(
                { clientId: client.clientId, reason },
                {
                  onSuccess: () => onDone(t('adminEpj.revokedDone', { clientId: client.clientId })),
                },
              )
            }
          />
        </div>
      )}
      {revoke.isError && <ErrorPanel error={revoke.error} />}
      {rotating && (
        <CredentialForm
          idPrefix={`rotate-${client.clientId}`}
          clientId={client.clientId}
          submitLabel={t('adminEpj.rotateSubmit')}
          onCancel={() => setRotating(false)}
          onDone={(c, secret) => {
            setRotating(false);
            onDone(
              t('adminEpj.rotated', { clientId: c.clientId }),
              secret ? { clientId: c.clientId, secret } : undefined,
            );
          }}
        />
      )}
    </li>
  );
}

const CLIENT_FIELDS = ['clientId', 'clientName', 'jwks'] as const;

/**
 * The client's credential: its public keys (JWKS, pasted, as at HelseID: `private_key_jwt`) or a secret the
 * browser generates and shows once (the development IdP only). Creating also names the client.
 */
function CredentialForm({
  idPrefix,
  withIdentity = false,
  clientId: existing,
  submitLabel,
  onDone,
  onCancel,
}: {
  idPrefix: string;
  withIdentity?: boolean;
  clientId?: string;
  submitLabel: string;
  onDone: (client: MachineClientItem, secret: string | null) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateClient();
  const rotate = useRotateClient();
  const [method, setMethod] = useState<'jwks' | 'secret'>('jwks');
  const [clientId, setClientId] = useState('');
  const [clientName, setClientName] = useState('');
  const [jwksText, setJwksText] = useState('');
  const idOf = (f: (typeof CLIENT_FIELDS)[number]) => `${idPrefix}-${f}`;
  const form = useFormErrors(CLIENT_FIELDS, idOf);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<(typeof CLIENT_FIELDS)[number], string>> = {};
    if (withIdentity && clientId.trim() === '') {
      found.clientId = t('adminCommon.required');
    }
    if (withIdentity && clientName.trim() === '') {
      found.clientName = t('adminCommon.required');
    }
    let jwks: PublicJwks | null = null;
    if (method === 'jwks') {
      jwks = parseJwks(jwksText);
      if (!jwks) {
        found.jwks = t('adminEpj.jwksInvalid');
      }
    }
    if (Object.keys(found).length > 0) {
      form.fail(found);
      return;
    }
    form.clear();
    const secret = method === 'secret' ? generateSecret() : null;
    const credential = { jwks, secret };
    const handlers = {
      onSuccess: (c: MachineClientItem) => {
        setJwksText('');
        setClientId('');
        setClientName('');
        onDone(c, secret);
      },
      onError: (err: unknown) => form.fail(problemErrors(err, CLIENT_FIELDS, t)),
    };
    if (existing) {
      rotate.mutate({ clientId: existing, body: credential }, handlers);
    } else {
      create.mutate({ clientId: clientId.trim(), clientName: clientName.trim(), ...credential }, handlers);
    }
  };

  return (
    <form className="hb-form" noValidate onSubmit={onSubmit}>
      <ErrorSummary title={t('adminCommon.errorSummary')} items={form.summary} attempt={form.attempt} />
      {withIdentity && (
        <>
          <Input
            inputId={idOf('clientId')}
            label={t('adminEpj.clientId')}
            autoComplete="off"
            value={clientId}
            onChange={(e) => setClientId(e.target.value)}
            errorText={form.errors.clientId}
          />
          <Input
            inputId={idOf('clientName')}
            label={t('adminEpj.clientName')}
            value={clientName}
            onChange={(e) => setClientName(e.target.value)}
            errorText={form.errors.clientName}
          />
        </>
      )}
      <fieldset>
        <legend>{t('adminEpj.method')}</legend>
        <RadioButton
          inputId={`${idPrefix}-method-jwks`}
          name={`${idPrefix}-method`}
          value="jwks"
          label={t('adminEpj.methodJwks')}
          checked={method === 'jwks'}
          onChange={() => setMethod('jwks')}
        />
        <RadioButton
          inputId={`${idPrefix}-method-secret`}
          name={`${idPrefix}-method`}
          value="secret"
          label={t('adminEpj.methodSecret')}
          checked={method === 'secret'}
          onChange={() => setMethod('secret')}
        />
      </fieldset>
      {method === 'jwks' && (
        <Textarea
          textareaId={idOf('jwks')}
          label={t('adminEpj.jwks')}
          value={jwksText}
          onChange={(e) => setJwksText(e.target.value)}
          errorText={form.errors.jwks}
        />
      )}
      <div className="hb-form__actions">
        <Button type="submit" disabled={create.isPending || rotate.isPending}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="borderless" onClick={onCancel}>
            {t('adminCommon.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
