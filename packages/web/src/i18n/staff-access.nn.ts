import type { StaffAccessResources } from './staff-access.nb.ts';

/** Nynorsk. */
export const staffAccessNn: StaffAccessResources = {
  staffAccess: {
    myCitizensHeading: 'Mine brukarar',
    myCitizensLead: 'Innbyggjarar som får tenester frå einingane dine no.',
    myCitizensEmpty: 'Ingen innbyggjarar får tenester frå einingane dine no.',
    hospital: { admitted: 'Innlagd på sjukehus', review: 'Utskriven – gå gjennom planen' },
    born: 'Fødd {{date}}',
    age: '{{age}} år',
    lookupHeading: 'Slå opp person',
    lookupLead:
      'Du kan sjå opplysningar om ein innbyggjar når du har tenstleg behov, det vil seie når innbyggjaren får tenester frå ei eining du jobbar i.',
    nin: 'Fødselsnummer',
    ninHint: '11 siffer',
    lookup: 'Slå opp',
    lookingUp: 'Slår opp …',
    noRelationTitle: 'Du har ikkje tenstleg behov',
    noRelationText:
      'Innbyggjaren får ikkje tenester frå nokon eining du jobbar i. Då kan du ikkje sjå opplysningane på vanleg måte. Forsøket er logga.',
    noRelationNinText:
      'Ingen med dette fødselsnummeret får tenester frå ei eining du jobbar i. Då kan du ikkje sjå opplysningar på vanleg måte. Sjekk at nummeret er rett. Forsøket er logga.',
    emergencyHeading: 'Akuttilgang',
    emergencyText:
      'Bruk akuttilgang berre når du må ha opplysningane for å gi helsehjelp som ikkje kan vente, og du ikkje får tilgang på vanleg måte.',
    emergencyWarning:
      'Akuttilgangen blir logga med namnet ditt, tidspunktet og grunngivinga. Innbyggjaren ser han i loggen sin, og han kan bli følgd opp av leiar.',
    emergencyOpen: 'Bruk akuttilgang',
    reason: 'Grunngiving',
    reasonHint: 'Skriv kvifor du treng opplysningane no. Minst {{min}} teikn.',
    reasonRequired: 'Skriv ei grunngiving på minst {{min}} teikn.',
    emergencySubmit: 'Bruk akuttilgang og vis opplysningane',
    emergencySubmitting: 'Gir tilgang …',
    cancel: 'Avbryt',
    errors: {
      ninRequired: 'Skriv fødselsnummeret.',
      ninFormat: 'Fødselsnummeret må ha 11 siffer.',
      ninChecksum: 'Dette er ikkje eit gyldig fødselsnummer. Sjekk at alle sifra er rette.',
    },
  },
  staffCitizen: {
    back: 'Tilbake til arbeidsflata',
    basisCare: 'Tilgang gjennom tenesteforhold',
    emergencyBanner: 'Akuttilgang',
    emergencyText: 'Du ser opplysningane med akuttilgang. Tilgangen er logga og blir vist for innbyggjaren.',
    emergencyReason: 'Grunngiving: {{reason}}',
    emergencyUntil: 'Tilgangen gjeld til {{time}}.',
    personHeading: 'Personopplysningar',
    nin: 'Fødselsnummer',
    birthDate: 'Fødselsdato',
    address: 'Adresse',
    addressProtected: 'Adressa er fortruleg og blir ikkje vist.',
    noAddress: 'Inga adresse registrert',
    municipality: 'Kommune',
    deceased: 'Død',
    careHeading: 'Tenester frå kommunen',
    careEmpty: 'Ingen tenester registrerte.',
    careActive: 'Aktiv',
    careEnded: 'Avslutta',
    carePeriod: '{{from}} – {{to}}',
    careFrom: 'Frå {{from}}',
    primaryContact: 'Primærkontakt',
    coordinator: 'Koordinator',
    noAccessTitle: 'Inga tilgang til denne innbyggjaren',
  },
};
