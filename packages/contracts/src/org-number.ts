/**
 * Norwegian organisation numbers (Enhetsregisteret, Brønnøysundregistrene): nine digits, the last a mod-11 check
 * digit over the first eight with weights 3 2 7 6 5 4 3 2. A remainder giving check digit 10 is never issued.
 */
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/** The check digit for the first eight digits, or null when no number with those digits is issued. */
export function orgNumberCheckDigit(firstEight: string): number | null {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(firstEight[i] ?? 0), 0);
  const k = 11 - (sum % 11);
  if (k === 11) {
    return 0;
  }
  return k === 10 ? null : k;
}

/** True for nine digits whose last is the mod-11 check digit of the first eight. */
export function isValidOrgNumber(value: string): boolean {
  return /^\d{9}$/.test(value) && orgNumberCheckDigit(value.slice(0, 8)) === Number(value[8]);
}
