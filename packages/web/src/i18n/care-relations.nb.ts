import type { Widen } from './widen.ts';

/** Bokmål: "Brukere av tjenesten", the unit's care relations (issue 12). */
export const careRelationsNb = {
  careRelations: {
    title: 'Brukere av tjenesten',
    workspaceLink: 'Brukere av tjenesten',
    workspaceLinkText: 'Registrer og avslutt hvem som mottar tjenester fra enheten din.',
    unit: 'Enhet',
    noUnits: 'Du har ingen rolle i en enhet, så du kan ikke registrere brukere.',
    search: 'Søk etter navn',
    status: 'Vis',
    statusActive: 'Nåværende',
    statusEnded: 'Tidligere',
    statusAll: 'Alle',
    empty: 'Ingen treff.',
    count: '{{total}} brukere',
    name: 'Navn',
    born: 'Født',
    period: 'Periode',
    from: 'Fra {{date}}',
    fromTo: '{{from}} – {{to}}',
    primaryContact: 'Primærkontakt',
    actions: 'Handlinger',
    registerHeading: 'Registrer bruker',
    registerLead:
      'Registrer at en person mottar tjenester fra enheten. Personen ser enheten under «Mine helsekontakter».',
    nin: 'Fødselsnummer',
    ninHint: '11 siffer',
    validFrom: 'Startdato',
    validTo: 'Sluttdato (valgfri)',
    register: 'Registrer',
    registered: '{{name}} er registrert som bruker av tjenesten.',
    end: 'Avslutt',
    endHeading: 'Avslutt for {{name}}',
    endDate: 'Siste dag med tjenester',
    endReason: 'Årsak',
    confirmEnd: 'Avslutt tjenesteforholdet',
    cancel: 'Avbryt',
    ended: 'Tjenesteforholdet for {{name}} er avsluttet.',
    reasons: {
      services_completed: 'Tjenestene er avsluttet',
      moved: 'Flyttet',
      deceased: 'Død',
      transferred: 'Overført til en annen enhet',
      registered_in_error: 'Registrert ved en feil',
      other: 'Annet',
    },
    errors: {
      dateRequired: 'Skriv en dato som ÅÅÅÅ-MM-DD.',
      notFound: 'Fant ingen person med dette fødselsnummeret i folkeregisteret.',
      exists: 'Personen mottar allerede tjenester fra enheten i denne perioden.',
    },
  },
};

export type CareRelationsResources = Widen<typeof careRelationsNb>;
