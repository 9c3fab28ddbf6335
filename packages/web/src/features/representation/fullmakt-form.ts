import type { GiveFullmaktBody, RepresentationErrorCode, ServiceArea } from '@helsebro/contracts';
import { checkNin, normalizeNin } from '../../components/nin-check.ts';

export type FullmaktDraft = {
  holderNin: string;
  serviceAreas: ServiceArea[];
  /** YYYY-MM-DD or empty (from today). */
  validFrom: string;
  until: 'open' | 'date';
  /** YYYY-MM-DD or empty; used when `until` is `date`. */
  validTo: string;
};

export type FullmaktField = 'holderNin' | 'serviceAreas' | 'validFrom' | 'validTo';

/** A field's error: a translation key and its values, or a text already in the reader's language. */
export type FieldProblem = { key: string; values?: Record<string, unknown>; text?: string };
export type FullmaktErrors = Partial<Record<FullmaktField | 'form', FieldProblem>>;

export const EMPTY_DRAFT: FullmaktDraft = {
  holderNin: '',
  serviceAreas: [],
  validFrom: '',
  until: 'open',
  validTo: '',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The checks the browser can make before sending: the identity number's form and check digits, at least one
 * service area, a last day when the user chose one, and dates in order. The rules about people (age, address,
 * yourself) are the server's.
 * @param draft - the form's values
 */
export function validateDraft(draft: FullmaktDraft): FullmaktErrors {
  const errors: FullmaktErrors = {};
  const nin = checkNin(draft.holderNin);
  if (nin) {
    errors.holderNin = { key: `giveFullmakt.errors.${nin}` };
  }
  if (draft.serviceAreas.length === 0) {
    errors.serviceAreas = { key: 'giveFullmakt.errors.areasRequired' };
  }
  if (draft.validFrom !== '' && !DATE.test(draft.validFrom)) {
    errors.validFrom = { key: 'giveFullmakt.errors.dateFormat' };
  }
  if (draft.until === 'date') {
    if (draft.validTo === '') {
      errors.validTo = { key: 'giveFullmakt.errors.validToRequired' };
    } else if (!DATE.test(draft.validTo)) {
      errors.validTo = { key: 'giveFullmakt.errors.dateFormat' };
    } else if (draft.validFrom !== '' && DATE.test(draft.validFrom) && draft.validTo < draft.validFrom) {
      errors.validTo = { key: 'problems.fullmakt_end_before_start' };
    }
  }
  return errors;
}

/** The request body for valid values. */
export function toGiveBody(draft: FullmaktDraft): GiveFullmaktBody {
  return {
    holderNin: normalizeNin(draft.holderNin),
    serviceAreas: draft.serviceAreas,
    ...(draft.validFrom ? { validFrom: draft.validFrom } : {}),
    validTo: draft.until === 'date' ? draft.validTo : null,
  };
}

/** Where the server's refusal belongs in the form: the field its rule is about, or the form as a whole. */
const FIELD_OF: Partial<Record<RepresentationErrorCode, FullmaktField>> = {
  nin_invalid: 'holderNin',
  person_not_found: 'holderNin',
  fullmakt_self: 'holderNin',
  fullmakt_holder_minor: 'holderNin',
  fullmakt_holder_deceased: 'holderNin',
  address_protected: 'holderNin',
  fullmakt_overlap: 'serviceAreas',
  fullmakt_end_before_start: 'validTo',
  fullmakt_start_in_past: 'validFrom',
};

/** The body fields the server names in a validation failure's `errors[].path`. */
const PATH_FIELDS: readonly FullmaktField[] = ['holderNin', 'serviceAreas', 'validFrom', 'validTo'];

/**
 * The server's answer to a refused fullmakt, placed at the field it is about, in the reader's language.
 * @param code - the problem's stable code
 * @param paths - the field paths of the problem's `errors`, if any
 */
export function serverErrors(code: string, paths: readonly string[]): FullmaktErrors {
  const field = FIELD_OF[code as RepresentationErrorCode];
  if (field) {
    return { [field]: { key: `problems.${code}` } };
  }
  const named = PATH_FIELDS.filter((f) => paths.some((p) => p === f || p.endsWith(`.${f}`) || p.includes(`.${f}.`)));
  if (named.length > 0) {
    return Object.fromEntries(named.map((f) => [f, { key: `giveFullmakt.errors.invalid.${f}` }]));
  }
  return { form: { key: `problems.${code}` } };
}
