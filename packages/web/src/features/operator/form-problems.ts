import type { TFunction } from 'i18next';
import { useState } from 'react';
import { ApiError, fieldError } from '../../api/api-error.ts';
import type { SummaryItem } from '../../components/ErrorSummary.tsx';
import { errorMessage } from '../../components/PageStatus.tsx';

/** A form's errors by field; `form` holds what belongs to no field. */
export type FormErrors<F extends string> = Partial<Record<F | 'form', string>>;

/**
 * The errors of a refused submit (RFC 9457 problem with field paths, 422 or 409) at the form's own fields; what
 * names none of them is said for the whole form.
 * @param err - what the mutation failed with
 * @param fields - the form's fields, as the server names them (`orgNumber` and `body.orgNumber` both match)
 */
export function problemErrors<F extends string>(err: unknown, fields: readonly F[], t: TFunction): FormErrors<F> {
  const found: FormErrors<F> = {};
  if (err instanceof ApiError) {
    for (const field of fields) {
      const message = fieldError(err, field);
      if (message) {
        found[field] = message;
      }
    }
  }
  if (Object.keys(found).length === 0) {
    found.form = errorMessage(err, t);
  }
  return found;
}

/**
 * A form's errors with the error summary's items in the fields' order, and `attempt` that moves focus to the
 * summary after every failed submit.
 * @param fields - in the order they stand in the form
 * @param idOf - the id of the input a field's error links to
 */
export function useFormErrors<F extends string>(fields: readonly F[], idOf: (field: F) => string = (f) => f) {
  const [errors, setErrors] = useState<FormErrors<F>>({});
  const [attempt, setAttempt] = useState(0);
  const summary: SummaryItem[] = [
    ...(errors.form ? [{ fieldId: null, message: errors.form }] : []),
    ...fields.flatMap((f) => {
      const message = errors[f];
      return message ? [{ fieldId: idOf(f), message }] : [];
    }),
  ];
  return {
    errors,
    summary,
    attempt,
    fail: (found: FormErrors<F>) => {
      setErrors(found);
      setAttempt((a) => a + 1);
    },
    clear: () => setErrors({}),
  };
}

/** The fields left empty (after trimming), each with the same "required" message. */
export function missing<F extends string>(values: Record<F, string>, required: readonly F[], message: string) {
  const found: FormErrors<F> = {};
  for (const field of required) {
    if (values[field].trim() === '') {
      found[field] = message;
    }
  }
  return found;
}
