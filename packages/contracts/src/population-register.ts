import { z } from 'zod';

/**
 * The population register import (issue 12): person documents in Folkeregisteret's shape, kept to what Helsebro
 * stores, and the change events that carry them. docs/population-register.md maps every field to its column.
 *
 *   POST /api/operator/population-register/import   application/json (array of populationPersonDocument)
 *                                                   or application/x-ndjson (one populationEvent a line)
 *                                                   → 200 populationImportSummary
 */

/** A calendar date; a real day (zod's ISO date checks leap years). */
const date = z.iso.date({ error: 'expected a real date, YYYY-MM-DD' });
const nin = z.string().regex(/^\d{11}$/, 'expected 11 digits');
/**
 * Register text as PostgreSQL can store it: no control characters (NUL among them) and no lone UTF-16 surrogate,
 * which JSON can escape but text columns refuse.
 */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(
      // eslint-disable-next-line no-control-regex -- refusing control characters is the point
      /^(?:[^\u0000-\u001f\u007f\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/,
      'control characters or broken characters',
    );
const name = text(100).min(1);

/** Folkeregisteret's `vegadresse` (a street address), with `poststed` given beside the postal code. */
export const populationStreetAddress = z.object({
  adressenavn: text(200).min(1),
  husnummer: text(10).optional(),
  husbokstav: text(2).optional(),
  postnummer: z.string().regex(/^\d{4}$/, 'expected four digits'),
  poststed: text(100).min(1),
  /** Folkeregisteret's address code: with the number and the dwelling unit it names the dwelling. */
  adressekode: text(20).optional(),
  /** The dwelling unit (bruksenhetsnummer, e.g. H0101). */
  bruksenhetsnummer: z
    .string()
    .regex(/^[HUKL]\d{4}$/, 'expected e.g. H0101')
    .optional(),
});

/** The registered address (bostedsadresse): the municipality of residence and, unless unknown, the street address. */
export const populationResidence = z.object({
  kommunenummer: z.string().regex(/^\d{4}$/, 'expected four digits'),
  vegadresse: populationStreetAddress.nullable().optional(),
});

/** Adressebeskyttelse: `fortrolig` (code 7) and `strengtFortrolig` (code 6, also abroad) hide the address. */
export const populationAddressProtection = z.object({
  gradering: z.enum(['ugradert', 'fortrolig', 'strengtFortrolig', 'strengtFortroligUtland']),
});

/** One parental responsibility, given on the child: who holds it, from when, until when. */
export const populationParentalResponsibility = z.object({
  ansvarlig: nin,
  ansvar: z.enum(['felles', 'mor', 'far', 'medmor', 'andre', 'ukjent']).optional(),
  gyldigFraOgMed: date,
  gyldigTilOgMed: date.nullable().optional(),
});

export const populationPersonDocument = z.object({
  identifikasjonsnummer: nin,
  navn: z.object({ fornavn: name, mellomnavn: name.optional(), etternavn: name }),
  foedsel: z.object({ foedselsdato: date }),
  bostedsadresse: populationResidence.nullable().optional(),
  adressebeskyttelse: populationAddressProtection.optional(),
  /** The child's parental responsibilities as registered now: the complete list (one missing is ended). */
  foreldreansvar: z.array(populationParentalResponsibility).max(10).optional(),
  doedsfall: z.object({ doedsdato: date }).nullable().optional(),
});
export type PopulationPersonDocument = z.infer<typeof populationPersonDocument>;

const eventBase = { sequence: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) };

/** A change event from the register's feed; `sequence` makes a replay change nothing. */
export const populationEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('person.created'), ...eventBase, person: populationPersonDocument }),
  z.object({ type: z.literal('person.changed'), ...eventBase, person: populationPersonDocument }),
  z.object({
    type: z.literal('address.changed'),
    ...eventBase,
    identifikasjonsnummer: nin,
    bostedsadresse: populationResidence.nullable(),
    adressebeskyttelse: populationAddressProtection.optional(),
  }),
  z.object({
    type: z.literal('parental_responsibility.changed'),
    ...eventBase,
    identifikasjonsnummer: nin,
    foreldreansvar: z.array(populationParentalResponsibility).max(10),
  }),
  z.object({
    type: z.literal('person.died'),
    ...eventBase,
    identifikasjonsnummer: nin,
    doedsfall: z.object({ doedsdato: date }),
  }),
]);
export type PopulationEvent = z.infer<typeof populationEvent>;

/** The JSON import: an array of person documents (the server validates each one on its own). */
export const populationImportBody = z.array(z.unknown()).max(100_000);

/**
 * A refused record: where it was (the array index from 0, or the NDJSON line from 1) and why, naming the field —
 * never its identity number.
 */
export const populationImportRefusal = z.object({
  index: z.number().int().optional(),
  line: z.number().int().optional(),
  reason: z.string(),
});
export type PopulationImportRefusal = z.infer<typeof populationImportRefusal>;

export const populationImportSummary = z.object({
  created: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  refused: z.number().int(),
  /** The first refusals (at most 100), in input order. */
  refusals: z.array(populationImportRefusal),
});
export type PopulationImportSummary = z.infer<typeof populationImportSummary>;
