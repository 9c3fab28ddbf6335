import type { Widen } from './widen.ts';

/** Bokmål: the citizen's access log (A8). */
export const accessLogNb = {
  accessLog: {
    title: 'Hvem har sett opplysningene mine',
    titleFor: 'Hvem har sett opplysningene til {{name}}',
    lead: 'Her står hver gang noen har lest eller endret opplysningene i Helsebro: hvem, når, hva og hvorfor. Akuttilgang er tydelig merket.',
    filterHeading: 'Avgrens loggen',
    from: 'Fra og med dato',
    to: 'Til og med dato',
    organisation: 'Virksomhet',
    allOrganisations: 'Alle',
    privatePersons: 'Privatpersoner (du og dem som representerer deg)',
    apply: 'Vis',
    reset: 'Fjern avgrensning',
    caption: 'Oppslag og endringer, nyeste først',
    captionFiltered: 'Oppslag og endringer, nyeste først, avgrenset',
    scrollLabel: 'Loggtabell, kan rulles sidelengs',
    colWhen: 'Når',
    colWho: 'Hvem',
    colWhat: 'Hva',
    colWhy: 'Hvorfor',
    you: 'Du selv',
    onBehalfOf: 'på vegne av {{name}}',
    basisAs: {
      self: '',
      parent: 'som forelder',
      fullmakt: 'med fullmakt',
    },
    system: 'Helsebro (automatisk)',
    viaRecordSystem: '{{name}} (via journalsystemet)',
    recordSystem: 'Journalsystemet (EPJ)',
    unknown: 'Ukjent',
    operatorOrg: 'Helsebro (plattformdrift)',
    privatePerson: 'Privatperson',
    emergency: 'Akuttilgang',
    emergencyReason: 'Begrunnelse: {{reason}}',
    denied: 'Avvist',
    deniedText: 'Forsøket ble avvist, og ingen opplysninger ble vist.',
    noPurpose: '–',
    empty: 'Ingen oppslag eller endringer i denne perioden.',
    emptyAll: 'Ingen har lest eller endret opplysningene ennå.',
    pagination: 'Sider i loggen',
    previous: 'Forrige side',
    next: 'Neste side',
    page: 'Side {{page}}',
    refused:
      'Du har ikke tilgang til loggen for {{name}}. Det krever tjenesteområdet «{{area}}», og det er ikke med i det du har tilgang til.',
    invalidPeriod: 'Fra-datoen kan ikke være etter til-datoen.',
  },
};

export type AccessLogResources = Widen<typeof accessLogNb>;
