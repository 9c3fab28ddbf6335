import type { Widen } from './widen.ts';

/** Bokmål: the staff workspace's citizens (care relations, lookup, emergency access). */
export const staffAccessNb = {
  staffAccess: {
    myCitizensHeading: 'Mine brukere',
    myCitizensLead: 'Innbyggere som får tjenester fra enhetene dine nå.',
    myCitizensEmpty: 'Ingen innbyggere får tjenester fra enhetene dine nå.',
    hospital: { admitted: 'Innlagt på sykehus', review: 'Utskrevet – gå gjennom planen' },
    born: 'Født {{date}}',
    age: '{{age}} år',
    lookupHeading: 'Slå opp person',
    lookupLead:
      'Du kan se opplysninger om en innbygger når du har tjenstlig behov, det vil si når innbyggeren får tjenester fra en enhet du jobber i.',
    nin: 'Fødselsnummer',
    ninHint: '11 siffer',
    lookup: 'Slå opp',
    lookingUp: 'Slår opp …',
    noRelationTitle: 'Du har ikke tjenstlig behov',
    noRelationText:
      'Innbyggeren får ikke tjenester fra noen enhet du jobber i. Da kan du ikke se opplysningene på vanlig måte. Forsøket er logget.',
    noRelationNinText:
      'Ingen med dette fødselsnummeret får tjenester fra en enhet du jobber i. Da kan du ikke se opplysninger på vanlig måte. Sjekk at nummeret er riktig. Forsøket er logget.',
    emergencyHeading: 'Akuttilgang',
    emergencyText:
      'Bruk akuttilgang bare når du må ha opplysningene for å gi helsehjelp som ikke kan vente, og du ikke får tilgang på vanlig måte.',
    emergencyWarning:
      'Akuttilgangen blir logget med navnet ditt, tidspunktet og begrunnelsen. Innbyggeren ser den i loggen sin, og den kan bli fulgt opp av leder.',
    emergencyOpen: 'Bruk akuttilgang',
    reason: 'Begrunnelse',
    reasonHint: 'Skriv hvorfor du trenger opplysningene nå. Minst {{min}} tegn.',
    reasonRequired: 'Skriv en begrunnelse på minst {{min}} tegn.',
    emergencySubmit: 'Bruk akuttilgang og vis opplysningene',
    emergencySubmitting: 'Gir tilgang …',
    cancel: 'Avbryt',
    errors: {
      ninRequired: 'Skriv fødselsnummeret.',
      ninFormat: 'Fødselsnummeret må ha 11 siffer.',
      ninChecksum: 'Dette er ikke et gyldig fødselsnummer. Sjekk at alle sifrene er riktige.',
    },
  },
  staffCitizen: {
    back: 'Tilbake til arbeidsflaten',
    basisCare: 'Tilgang gjennom tjenesteforhold',
    emergencyBanner: 'Akuttilgang',
    emergencyText: 'Du ser opplysningene med akuttilgang. Tilgangen er logget og vises for innbyggeren.',
    emergencyReason: 'Begrunnelse: {{reason}}',
    emergencyUntil: 'Tilgangen gjelder til {{time}}.',
    personHeading: 'Personopplysninger',
    nin: 'Fødselsnummer',
    birthDate: 'Fødselsdato',
    address: 'Adresse',
    addressProtected: 'Adressen er fortrolig og vises ikke.',
    noAddress: 'Ingen adresse registrert',
    municipality: 'Kommune',
    deceased: 'Død',
    careHeading: 'Tjenester fra kommunen',
    careEmpty: 'Ingen tjenester registrert.',
    careActive: 'Aktiv',
    careEnded: 'Avsluttet',
    carePeriod: '{{from}} – {{to}}',
    careFrom: 'Fra {{from}}',
    primaryContact: 'Primærkontakt',
    coordinator: 'Koordinator',
    noAccessTitle: 'Ingen tilgang til denne innbyggeren',
  },
};

export type StaffAccessResources = Widen<typeof staffAccessNb>;
