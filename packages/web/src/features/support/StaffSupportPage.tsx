import type { SupportCategory, SupportRecipients, SupportRequestItem } from '@helsebro/contracts';
import { SUPPORT_CATEGORIES } from '@helsebro/contracts/constants';
import Button from '@helsenorge/designsystem-react/components/Button';
import Input from '@helsenorge/designsystem-react/components/Input';
import Label, { Sublabel } from '@helsenorge/designsystem-react/components/Label';
import Select from '@helsenorge/designsystem-react/components/Select';
import Textarea from '@helsenorge/designsystem-react/components/Textarea';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useFileSupportRequest,
  useSetIctVendor,
  useSupportRecipients,
  useSupportRequests,
} from '../../api/support-queries.ts';
import { CONTACT_FIELDS, ContactFields } from '../../components/ContactFields.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Pager } from '../../components/Pager.tsx';
import { ErrorPanel, Loading } from '../../components/PageStatus.tsx';
import { RequireKind, type SignedInSession } from '../../components/RequireKind.tsx';
import { StaffShell } from '../staff/StaffShell.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { missing, problemErrors, useFormErrors } from '../operator/form-problems.ts';
import { RequestList } from './RequestList.tsx';

/** `/ansatt/support`: where each kind of question goes (seed 000 §5.1), the form to ask, and the municipality's requests. */
export function StaffSupportPage() {
  return <RequireKind kind="personnel">{(session) => <StaffSupport session={session} />}</RequireKind>;
}

function StaffSupport({ session }: { session: SignedInSession }) {
  const { t } = useTranslation();
  useDocumentTitle(t('support.title'));
  const recipients = useSupportRecipients();
  const [page, setPage] = useState(1);
  const requests = useSupportRequests(page);
  const [notice, setNotice] = useState('');
  return (
    <StaffShell session={session}>
      <PageHeading>{t('support.title')}</PageHeading>
      <p className="hb-lead hb-lead--narrow">{t('support.lead')}</p>
      {recipients.isError ? (
        <ErrorPanel error={recipients.error} onRetry={() => void recipients.refetch()} />
      ) : !recipients.data ? (
        <Loading />
      ) : (
        <Recipients data={recipients.data} />
      )}
      {recipients.data?.canEditIctVendor && <IctVendorForm onSaved={() => setNotice(t('support.vendorSaved'))} />}
      <p role="status" className="hb-notice">
        {notice}
      </p>
      <FileRequestForm session={session} onFiled={(r) => setNotice(t('support.filed', { name: r.recipient.name }))} />
      <section aria-labelledby="support-list-heading" className="hb-section">
        <h2 id="support-list-heading" className="hb-section__heading">
          {t('support.listHeading')}
        </h2>
        {requests.isError ? (
          <ErrorPanel error={requests.error} onRetry={() => void requests.refetch()} />
        ) : !requests.data ? (
          <Loading />
        ) : (
          <>
            <RequestList items={requests.data.items} />
            <Pager
              page={requests.data.page}
              total={requests.data.total}
              pageSize={requests.data.pageSize}
              onPage={setPage}
            />
          </>
        )}
      </section>
    </StaffShell>
  );
}

function Recipients({ data }: { data: SupportRecipients }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="support-routing-heading" className="hb-section">
      <h2 id="support-routing-heading" className="hb-section__heading">
        {t('support.routingHeading')}
      </h2>
      <dl className="hb-facts">
        {data.items.map((r) => (
          <div key={r.category}>
            <dt>{t(`support.category.${r.category}`)}</dt>
            <dd>
              {r.contact
                ? [t(`support.routedTo.${r.routedTo}`), r.contact.name, r.contact.email, r.contact.phone]
                    .filter(Boolean)
                    .join(' · ')
                : t(`support.nobody.${r.routedTo}`)}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function IctVendorForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation();
  const save = useSetIctVendor();
  const [values, setValues] = useState({ name: '', email: '', phone: '' });
  const form = useFormErrors(CONTACT_FIELDS, (f) => `vendor-${f}`);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const empty = missing(values, CONTACT_FIELDS, t('support.required'));
    if (Object.keys(empty).length > 0) {
      form.fail(empty);
      return;
    }
    form.clear();
    save.mutate(
      { name: values.name.trim(), email: values.email.trim(), phone: values.phone.trim() },
      { onSuccess: onSaved, onError: (err) => form.fail(problemErrors(err, CONTACT_FIELDS, t)) },
    );
  };
  return (
    <section aria-labelledby="vendor-heading" className="hb-section hb-narrow">
      <h2 id="vendor-heading" className="hb-section__heading">
        {t('support.vendorHeading')}
      </h2>
      <ErrorSummary title={t('support.errorSummary')} items={form.summary} attempt={form.attempt} />
      <form onSubmit={onSubmit} noValidate>
        <ContactFields
          values={values}
          onChange={setValues}
          errors={form.errors}
          idOf={(f) => `vendor-${f}`}
          labelOf={(f) => t(`support.vendor.${f}`)}
        />
        <div className="hb-form__actions">
          <Button type="submit" disabled={save.isPending}>
            {t('support.vendorSave')}
          </Button>
        </div>
      </form>
    </section>
  );
}

const REQUEST_FIELDS = ['category', 'title', 'description', 'unitId'] as const;

function FileRequestForm({ session, onFiled }: { session: SignedInSession; onFiled: (r: SupportRequestItem) => void }) {
  const { t } = useTranslation();
  const file = useFileSupportRequest();
  const units = [
    ...new Map(
      session.user.roles.filter((r) => r.serviceUnitId).map((r) => [r.serviceUnitId!, r.serviceUnitName ?? '']),
    ),
  ];
  const [category, setCategory] = useState<SupportCategory>('epj_operation');
  const [values, setValues] = useState({ title: '', description: '', unitId: '' });
  const form = useFormErrors(REQUEST_FIELDS, (f) => `support-${f}`);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const empty = missing(values, ['title', 'description'], t('support.required'));
    if (Object.keys(empty).length > 0) {
      form.fail(empty);
      return;
    }
    form.clear();
    file.mutate(
      {
        category,
        title: values.title.trim(),
        description: values.description.trim(),
        unitId: values.unitId || null,
      },
      {
        onSuccess: (r) => {
          onFiled(r);
          setValues({ title: '', description: '', unitId: '' });
        },
        onError: (err) => form.fail(problemErrors(err, REQUEST_FIELDS, t)),
      },
    );
  };
  return (
    <section aria-labelledby="support-form-heading" className="hb-section hb-narrow">
      <h2 id="support-form-heading" className="hb-section__heading">
        {t('support.formHeading')}
      </h2>
      <ErrorSummary title={t('support.errorSummary')} items={form.summary} attempt={form.attempt} />
      <form onSubmit={onSubmit} noValidate>
        <Select
          selectId="support-category"
          label={t('support.categoryLabel')}
          value={category}
          onChange={(e) => setCategory(e.target.value as SupportCategory)}
          errorText={form.errors.category}
        >
          {SUPPORT_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`support.category.${c}`)}
            </option>
          ))}
        </Select>
        {units.length > 0 && (
          <Select
            selectId="support-unitId"
            label={t('support.unit')}
            value={values.unitId}
            onChange={(e) => setValues((v) => ({ ...v, unitId: e.target.value }))}
            errorText={form.errors.unitId}
          >
            <option value="">{t('support.noUnit')}</option>
            {units.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </Select>
        )}
        <Input
          inputId="support-title"
          name="title"
          label={t('support.requestTitle')}
          autoComplete="off"
          value={values.title}
          onChange={(e) => setValues((v) => ({ ...v, title: e.target.value }))}
          errorText={form.errors.title}
        />
        <Textarea
          textareaId="support-description"
          name="description"
          label={
            <Label
              labelTexts={[{ text: t('support.description') }]}
              sublabel={
                <Sublabel id="support-description-hint" sublabelTexts={[{ text: t('support.noHealthData') }]} />
              }
            />
          }
          aria-describedby="support-description-hint"
          minRows={4}
          maxCharacters={4000}
          value={values.description}
          onChange={(e) => setValues((v) => ({ ...v, description: e.target.value }))}
          errorText={form.errors.description}
        />
        <div className="hb-form__actions">
          <Button type="submit" disabled={file.isPending}>
            {t('support.send')}
          </Button>
        </div>
      </form>
    </section>
  );
}
