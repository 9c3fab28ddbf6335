// The pure checksum function straight from its file: the contracts' index would bundle zod.
import { isValidNin } from '../../../contracts/src/nin.ts';

export type NinProblem = 'ninRequired' | 'ninFormat' | 'ninChecksum';

/** Identity numbers are often written with spaces or dots (`140385 10036`); the server ignores them too. */
export function normalizeNin(value: string): string {
  return value.replace(/[\s.]/g, '');
}

/**
 * What is wrong with a typed identity number, before it is sent: nothing, missing, not 11 digits, or check digits
 * that do not add up (a typing error).
 * @param value - the field's value as typed
 */
export function checkNin(value: string): NinProblem | null {
  const nin = normalizeNin(value);
  if (nin === '') {
    return 'ninRequired';
  }
  if (!/^\d{11}$/.test(nin)) {
    return 'ninFormat';
  }
  return isValidNin(nin) ? null : 'ninChecksum';
}
