import i18next, { type TFunction } from 'i18next';
import { ApiError } from '../../api/api-error.ts';
import { errorMessage } from '../../components/PageStatus.tsx';

/**
 * The words for a failed appointment call: ours for the appointment codes (APPOINTMENT_ERROR_CODES), else the
 * app's general wording.
 * @param err - what the call failed with
 * @param t - the translate function
 */
export function appointmentError(err: unknown, t: TFunction): string {
  if (err instanceof ApiError && i18next.exists(`appointments.problems.${err.code}`)) {
    return t(`appointments.problems.${err.code}`);
  }
  return errorMessage(err, t);
}
