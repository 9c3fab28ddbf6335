/**
 * Norwegian national identity numbers (fødselsnummer, D-number, synthetic test numbers), as described in
 * shared/domain/identifiers.md. Identity numbers are strings: leading zeros matter.
 */
const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

export type NinKind = 'fnr' | 'dnr' | 'synthetic' | 'synthetic-dnr';

function checkDigit(digits: number[], weights: number[]): number | null {
  const sum = weights.reduce((acc, w, i) => acc + w * (digits[i] ?? 0), 0);
  const k = 11 - (sum % 11);
  if (k === 11) {
    return 0;
  }
  return k === 10 ? null : k;
}

/** The two mod-11 check digits for the first nine digits, or null when that individual number is never issued. */
export function ninCheckDigits(firstNine: string): string | null {
  const d = [...firstNine].map(Number);
  const k1 = checkDigit(d, W1);
  if (k1 === null) {
    return null;
  }
  const k2 = checkDigit([...d, k1], W2);
  return k2 === null ? null : `${k1}${k2}`;
}

export type DecodedNin = { kind: NinKind; birthDate: string };

/**
 * Decodes and validates an identity number: 11 digits, valid check digits and a real calendar date after
 * removing the D-number (day + 40) and synthetic (month + 80) offsets. Returns null when invalid.
 */
export function decodeNin(nin: string): DecodedNin | null {
  if (!/^\d{11}$/.test(nin) || ninCheckDigits(nin.slice(0, 9)) !== nin.slice(9)) {
    return null;
  }
  let day = Number(nin.slice(0, 2));
  let month = Number(nin.slice(2, 4));
  const yy = Number(nin.slice(4, 6));
  const individual = Number(nin.slice(6, 9));
  const dnr = day > 40;
  if (dnr) {
    day -= 40;
  }
  const synthetic = month > 80;
  if (synthetic) {
    month -= 80;
  }
  const century = centuryOf(individual, yy);
  if (century === null) {
    return null;
  }
  const year = century + yy;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  const kind: NinKind = synthetic ? (dnr ? 'synthetic-dnr' : 'synthetic') : dnr ? 'dnr' : 'fnr';
  return { kind, birthDate: date.toISOString().slice(0, 10) };
}

/** Century from the individual number (identifiers.md, "Fødselsnummer"). */
function centuryOf(individual: number, yy: number): number | null {
  if (individual <= 499) {
    return 1900;
  }
  if (individual <= 749 && yy >= 54) {
    return 1800;
  }
  if (yy <= 39) {
    return 2000;
  }
  if (individual >= 900) {
    return 1900;
  }
  return null;
}

export function isValidNin(nin: string): boolean {
  return decodeNin(nin) !== null;
}

/**
 * Builds a synthetic test number (month + 80) for a birth date, trying individual numbers from `start` until the
 * check digits exist. Such a number can never belong to a real person.
 * @param birthDate - YYYY-MM-DD, 1900–2039
 * @param start - the first individual number to try (vary it to get distinct numbers for one date)
 */
export function makeSyntheticNin(birthDate: string, start = 0): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const yy = y % 100;
  const [lo, hi] = y >= 2000 ? [500, 999] : [0, 499];
  for (let i = 0; i <= hi - lo; i++) {
    const individual = lo + ((start + i) % (hi - lo + 1));
    const nine = `${pad(d)}${pad(m + 80)}${pad(yy)}${String(individual).padStart(3, '0')}`;
    const check = ninCheckDigits(nine);
    if (check !== null) {
      return nine + check;
    }
  }
  throw new Error(`No synthetic number available for ${birthDate}`);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
