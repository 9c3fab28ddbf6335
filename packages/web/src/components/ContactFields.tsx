import Input from '@helsenorge/designsystem-react/components/Input';

export const CONTACT_FIELDS = ['name', 'email', 'phone'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];
export type ContactValues = Record<ContactField, string>;

/**
 * A support contact's name, e-mail and phone (a vendor's, seed 000 §5.1), each with its own type so phones and
 * e-mail get their keyboards.
 * @param idOf - the input id of a field, which the form's error summary links to
 * @param labelOf - the visible label of a field
 */
export function ContactFields({
  values,
  onChange,
  errors,
  idOf,
  labelOf,
}: {
  values: ContactValues;
  onChange: (values: ContactValues) => void;
  errors: Partial<Record<ContactField, string>>;
  idOf: (field: ContactField) => string;
  labelOf: (field: ContactField) => string;
}) {
  return CONTACT_FIELDS.map((f) => (
    <Input
      key={f}
      inputId={idOf(f)}
      name={f}
      type={f === 'email' ? 'email' : f === 'phone' ? 'tel' : 'text'}
      label={labelOf(f)}
      autoComplete="off"
      value={values[f]}
      onChange={(e) => onChange({ ...values, [f]: e.target.value })}
      errorText={errors[f]}
    />
  ));
}
