import type { TFunction } from 'i18next';
import { ApiError } from '../../api/api-error.ts';
import { errorMessage } from '../../components/PageStatus.tsx';

/** The refusals of the agreements API the pages say in the reader's language; others as the server put them. */
const KNOWN = [
  'digifin_missing',
  'terms_not_published',
  'terms_superseded',
  'terms_already_accepted',
  'ks_consultation_missing',
  'accept_by_past',
  'terms_already_published',
  'terms_not_draft',
  'terms_version_exists',
  'not_municipal_admin',
] as const;

export function agreementError(err: unknown, t: TFunction): string {
  if (err instanceof ApiError && (KNOWN as readonly string[]).includes(err.code)) {
    return t(`agreements.problems.${err.code}`);
  }
  return errorMessage(err, t);
}
