import type { AdminUnit, StaffMember, StaffRoleCode, StaffUpdateBody } from '@helsebro/contracts';
import { STAFF_ROLES } from '@helsebro/contracts/constants';
import Button from '@helsenorge/designsystem-react/components/Button';
import Input from '@helsenorge/designsystem-react/components/Input';
import Select from '@helsenorge/designsystem-react/components/Select';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { normalizeNin } from '../../components/nin-check.ts';
import { missing, problemErrors, useFormErrors } from '../operator/form-problems.ts';

type Role = { role: StaffRoleCode; unitId: string };
type TextField = 'nin' | 'givenName' | 'familyName' | 'hprNumber';

/**
 * A staff member's name, HPR number and roles, each role at a unit (the administrator's role is for the whole
 * municipality and names none). Creating one also takes the fødselsnummer (HelseID's `pid`, sent in the body only).
 * Field errors from the server's problem paths land at their field, a role's at its row (`roles.1.unitId`).
 */
export function StaffForm({
  member,
  units,
  idPrefix,
  submitLabel,
  pending,
  onSubmit,
}: {
  member?: StaffMember;
  /** The municipality's open units, to give roles at. */
  units: AdminUnit[];
  idPrefix: string;
  submitLabel: string;
  pending: boolean;
  onSubmit: (body: StaffUpdateBody & { nin?: string }) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const creating = !member;
  const [texts, setTexts] = useState<Record<TextField, string>>({
    nin: '',
    givenName: member?.givenName ?? '',
    familyName: member?.familyName ?? '',
    hprNumber: member?.hprNumber ?? '',
  });
  const [roles, setRoles] = useState<Role[]>(
    member?.roles.map((r) => ({ role: r.role, unitId: r.unitId ?? '' })) ?? [{ role: 'nurse', unitId: '' }],
  );
  const textFields: TextField[] = creating
    ? ['nin', 'givenName', 'familyName', 'hprNumber']
    : ['givenName', 'familyName', 'hprNumber'];
  const fields = [
    ...textFields,
    'roles',
    ...roles.flatMap((_, i) => [`roles.${i}.role`, `roles.${i}.unitId`]),
  ] as const;
  const idOf = (f: string) => `${idPrefix}-${f.replaceAll('.', '-')}`;
  const form = useFormErrors<string>(fields, idOf);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = missing(
      texts,
      creating ? ['nin', 'givenName', 'familyName'] : ['givenName', 'familyName'],
      t('adminCommon.required'),
    );
    roles.forEach((r, i) => {
      if (r.role !== 'municipal_admin' && r.unitId === '') {
        found[`roles.${i}.unitId`] = t('adminStaff.chooseUnit');
      }
    });
    if (roles.length === 0) {
      found.roles = t('adminStaff.oneRole');
    }
    if (Object.keys(found).length > 0) {
      form.fail(found);
      return;
    }
    form.clear();
    const body = {
      givenName: texts.givenName.trim(),
      familyName: texts.familyName.trim(),
      hprNumber: texts.hprNumber.trim() || null,
      roles: roles.map((r) => ({ role: r.role, unitId: r.role === 'municipal_admin' ? null : r.unitId })),
      ...(creating ? { nin: normalizeNin(texts.nin) } : {}),
    };
    onSubmit(body).then(
      () => {
        if (creating) {
          setTexts({ nin: '', givenName: '', familyName: '', hprNumber: '' });
          setRoles([{ role: 'nurse', unitId: '' }]);
        }
      },
      (err: unknown) => form.fail(problemErrors(err, fields, t)),
    );
  };
  const setRole = (i: number, change: Partial<Role>) =>
    setRoles((rs) => rs.map((r, j) => (j === i ? { ...r, ...change } : r)));

  return (
    <form className="hb-form" noValidate onSubmit={submit}>
      <ErrorSummary title={t('adminCommon.errorSummary')} items={form.summary} attempt={form.attempt} />
      {textFields.map((f) => (
        <Input
          key={f}
          inputId={idOf(f)}
          name={f}
          label={t(`adminStaff.fields.${f}`)}
          autoComplete="off"
          {...(f === 'nin' || f === 'hprNumber' ? { inputMode: 'numeric' as const, width: 14 } : {})}
          value={texts[f]}
          onChange={(e) => setTexts((v) => ({ ...v, [f]: e.target.value }))}
          errorText={form.errors[f]}
        />
      ))}
      <fieldset className="hb-admin-roles" id={idOf('roles')} tabIndex={-1}>
        <legend>{t('adminStaff.rolesLegend')}</legend>
        {form.errors.roles && <p className="hb-table__error">{form.errors.roles}</p>}
        {roles.map((r, i) => (
          <div key={i} className="hb-admin-roles__row">
            <Select
              selectId={idOf(`roles.${i}.role`)}
              label={t('adminStaff.roleN', { n: i + 1 })}
              value={r.role}
              onChange={(e) => setRole(i, { role: e.target.value as StaffRoleCode })}
              errorText={form.errors[`roles.${i}.role`]}
            >
              {STAFF_ROLES.map((code) => (
                <option key={code} value={code}>
                  {t(`adminStaff.roles.${code}`)}
                </option>
              ))}
            </Select>
            {r.role !== 'municipal_admin' && (
              <Select
                selectId={idOf(`roles.${i}.unitId`)}
                label={t('adminStaff.unitN', { n: i + 1 })}
                value={r.unitId}
                onChange={(e) => setRole(i, { unitId: e.target.value })}
                errorText={form.errors[`roles.${i}.unitId`]}
              >
                <option value="">{t('adminStaff.chooseUnitOption')}</option>
                {units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </Select>
            )}
            {roles.length > 1 && (
              <Button variant="borderless" onClick={() => setRoles((rs) => rs.filter((_, j) => j !== i))}>
                {t('adminStaff.removeRole', { n: i + 1 })}
              </Button>
            )}
          </div>
        ))}
        <Button variant="outline" onClick={() => setRoles((rs) => [...rs, { role: 'nurse', unitId: '' }])}>
          {t('adminStaff.addRole')}
        </Button>
      </fieldset>
      <div className="hb-form__actions">
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
