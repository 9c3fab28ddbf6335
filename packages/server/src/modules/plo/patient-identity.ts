import { decodeNin, ninCheckDigits } from '@helsebro/contracts';
import type { AppRecErrorCode } from './codes.ts';
import type { Patient } from './msghead/msghead.types.ts';

export type PatientCheck = {
  errors: Array<{ code: AppRecErrorCode; detail: string }>;
  /** The valid identity number found, and its type (code list 8116). */
  nin?: string | undefined;
  idType?: 'FNR' | 'DNR' | 'HNR' | 'FHN' | undefined;
};

const PERSON_NUMBER_TYPES = new Set(['FNR', 'DNR', 'HNR', 'FHN']);

/**
 * An H-number (local help number: month + 40) or felles hjelpenummer: 11 digits with valid mod-11 check digits
 * (identifiers.md, "Variants"). FHN is issued by NHN in the same shape.
 */
function isHelpNumber(id: string, type: 'HNR' | 'FHN'): boolean {
  if (!/^\d{11}$/.test(id) || ninCheckDigits(id.slice(0, 9)) !== id.slice(9)) {
    return false;
  }
  const month = Number(id.slice(2, 4));
  return type === 'FHN' || (month >= 41 && month <= 52);
}

function validFor(type: string, id: string): boolean {
  if (type === 'HNR' || type === 'FHN') {
    return isHelpNumber(id, type);
  }
  const kind = decodeNin(id)?.kind;
  return type === 'FNR' ? kind === 'fnr' || kind === 'synthetic' : kind === 'dnr' || kind === 'synthetic-dnr';
}

/**
 * Checks that the patient is identified well enough to accept the message (HIS 80415-1.1 §3.3.4): name with a
 * fødselsnummer, D-number or (felles) hjelpenummer, or name with birth date and sex. PLO messages must carry an
 * identifier (HIS 80704 §4.1.1), so for them the birth-date alternative does not count. The AppRec codes
 * (code list 8221): E32 name missing, E31 the number is wrong, E30 the number is missing, and E36 — the
 * rejection the standard requires (SKAL) — whenever the patient is not identified.
 * @param patient - MsgInfo/Patient, if any
 * @param requireIdentifier - true for PLO content
 */
export function checkPatient(patient: Patient | undefined, requireIdentifier: boolean): PatientCheck {
  if (!patient) {
    return { errors: [{ code: 'E36', detail: 'Meldingen mangler pasient (MsgInfo/Patient).' }] };
  }
  const errors: PatientCheck['errors'] = [];
  const named = Boolean(patient.familyName || patient.givenName);
  if (!named) {
    errors.push({ code: 'E32', detail: 'Pasientens navn mangler.' });
  }
  const numbers = patient.idents.filter((i) => PERSON_NUMBER_TYPES.has(i.typeId.v));
  const valid = numbers.find((i) => validFor(i.typeId.v, i.id));
  for (const bad of numbers.filter((i) => !validFor(i.typeId.v, i.id))) {
    errors.push({ code: 'E31', detail: `Pasientens ${bad.typeId.v} er ikke gyldig (kontrollsiffer eller dato).` });
  }
  const byBirth = !requireIdentifier && numbers.length === 0 && Boolean(patient.dateOfBirth && patient.sex?.v);
  if (numbers.length === 0 && !byBirth) {
    errors.push({
      code: 'E30',
      detail: requireIdentifier
        ? 'PLO-meldinger krever fødselsnummer, D-nummer eller hjelpenummer (HIS 80704 §4.1.1).'
        : 'Pasienten mangler fødselsnummer, og fødselsdato og kjønn er ikke begge oppgitt.',
    });
  }
  if (named && (valid !== undefined || byBirth)) {
    // Identified; a second, invalid number beside a valid one does not stop the message.
    return valid ? { errors: [], nin: valid.id, idType: valid.typeId.v as PatientCheck['idType'] } : { errors: [] };
  }
  errors.push({ code: 'E36', detail: 'Pasienten er ikke identifisert godt nok til at meldingen kan tas imot.' });
  return { errors };
}
