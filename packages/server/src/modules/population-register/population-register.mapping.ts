import { decodeNin, type PopulationEvent, type PopulationPersonDocument } from '@helsebro/contracts';
import type { z } from 'zod';
import type { PersonFacts } from './population-register.repository.ts';

type Residence = NonNullable<PopulationPersonDocument['bostedsadresse']>;
type Gradering = NonNullable<PopulationPersonDocument['adressebeskyttelse']>['gradering'];

/** A record the import refuses, with the reason the summary gives (field first, never the identity number). */
export class RecordRefused extends Error {}

/** The first problem zod found, as `felt a.b: melding`. */
export function zodReason(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue?.path.length ? issue.path.join('.') : '(posten)';
  return `felt ${path}: ${issue?.message ?? 'ugyldig'}`;
}

/**
 * Checks an identity number's check digits and, outside production, that it is synthetic (month + 80,
 * shared/domain/identifiers.md): a real person's number must never reach a test installation.
 * @returns the birth date the number encodes
 */
export function checkNin(nin: string, field: string, production: boolean): string {
  const decoded = decodeNin(nin);
  if (!decoded) {
    throw new RecordRefused(`felt ${field}: ugyldig fødselsnummer (kontrollsiffer eller dato)`);
  }
  if (!production && decoded.kind !== 'synthetic' && decoded.kind !== 'synthetic-dnr') {
    throw new RecordRefused(`felt ${field}: bare syntetiske fødselsnumre (måned + 80) tas imot utenfor produksjon`);
  }
  return decoded.birthDate;
}

const PROTECTION: Record<Gradering, PersonFacts['addressProtection']> = {
  ugradert: 'none',
  fortrolig: 'confidential',
  strengtFortrolig: 'strictly_confidential',
  strengtFortroligUtland: 'strictly_confidential',
};

/**
 * The registered dwelling in the form the representation engine compares (migration 0002): Folkeregisteret's
 * address code, house number and dwelling unit where given, else municipality|street|postal code as the
 * synthetic register has always written it. Equal keys mean the same dwelling.
 */
export function dwellingKey(residence: Residence): string | null {
  const a = residence.vegadresse;
  if (!a) {
    return null;
  }
  const number = `${a.husnummer ?? ''}${a.husbokstav ?? ''}`.toLowerCase();
  const unit = a.bruksenhetsnummer ? `|${a.bruksenhetsnummer}` : '';
  if (a.adressekode) {
    return `${residence.kommunenummer}|${a.adressekode}|${number}${unit}`;
  }
  const street = `${a.adressenavn} ${number}`.trim().toLowerCase().replace(/\s+/g, ' ');
  return `${residence.kommunenummer}|${street}|${a.postnummer}${unit}`;
}

/**
 * The address part of a person's facts. A confidential or strictly confidential address is not stored at all
 * (nor its dwelling key, so it never matches a parent's): only the municipality of residence is kept.
 * @param municipalities - municipality ids by number, for the municipalities on Helsebro
 */
export function addressFacts(
  residence: Residence | null | undefined,
  gradering: Gradering | undefined,
  municipalities: ReadonlyMap<string, string>,
): Pick<
  PersonFacts,
  | 'municipalityNumber'
  | 'municipalityId'
  | 'streetAddress'
  | 'postalCode'
  | 'postalPlace'
  | 'addressProtection'
  | 'dwellingKey'
> {
  const addressProtection = PROTECTION[gradering ?? 'ugradert'];
  const shown = addressProtection === 'none' ? (residence?.vegadresse ?? null) : null;
  const number = residence?.kommunenummer ?? null;
  return {
    municipalityNumber: number,
    municipalityId: number ? (municipalities.get(number) ?? null) : null,
    streetAddress: shown
      ? [shown.adressenavn, `${shown.husnummer ?? ''}${shown.husbokstav ?? ''}`].join(' ').trim()
      : null,
    postalCode: shown?.postnummer ?? null,
    postalPlace: shown?.poststed ?? null,
    addressProtection,
    dwellingKey: shown && residence ? dwellingKey(residence) : null,
  };
}

/**
 * A person document as the facts Helsebro stores (docs/population-register.md has the table).
 * @throws RecordRefused when the number is invalid, not synthetic outside production, or not the birth date's
 */
export function personFacts(
  doc: PopulationPersonDocument,
  municipalities: ReadonlyMap<string, string>,
  production: boolean,
): PersonFacts {
  const born = checkNin(doc.identifikasjonsnummer, 'identifikasjonsnummer', production);
  if (born !== doc.foedsel.foedselsdato) {
    throw new RecordRefused('felt foedsel.foedselsdato: stemmer ikke med fødselsnummeret');
  }
  doc.foreldreansvar?.forEach((r, i) => {
    checkNin(r.ansvarlig, `foreldreansvar.${i}.ansvarlig`, production);
    if (r.ansvarlig === doc.identifikasjonsnummer) {
      throw new RecordRefused(`felt foreldreansvar.${i}.ansvarlig: en person kan ikke ha foreldreansvar for seg selv`);
    }
    if (r.gyldigTilOgMed && r.gyldigTilOgMed < r.gyldigFraOgMed) {
      throw new RecordRefused(`felt foreldreansvar.${i}.gyldigTilOgMed: før gyldigFraOgMed`);
    }
  });
  return {
    nin: doc.identifikasjonsnummer,
    givenName: [doc.navn.fornavn, doc.navn.mellomnavn].filter(Boolean).join(' '),
    familyName: doc.navn.etternavn,
    birthDate: doc.foedsel.foedselsdato,
    ...addressFacts(doc.bostedsadresse, doc.adressebeskyttelse?.gradering, municipalities),
    deceasedOn: doc.doedsfall?.doedsdato ?? null,
  };
}

/** Whether the stored facts already say what the register says. */
export function sameFacts(a: Partial<PersonFacts>, b: PersonFacts): boolean {
  return (Object.keys(a) as Array<keyof PersonFacts>).every((k) => k === 'nin' || (a[k] ?? null) === (b[k] ?? null));
}

/** The event's content in one canonical form (zod's output keeps the schema's key order), for its hash. */
export function canonical(event: PopulationEvent): string {
  return JSON.stringify(event);
}
