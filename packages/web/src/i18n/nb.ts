import { accessLogNb } from './access-log.nb.ts';
import { loggedOutNb } from './logged-out.nb.ts';
import { appointmentsNb } from './appointments.nb.ts';
import { dialogNb } from './dialog.nb.ts';
import { fullmaktNb } from './fullmakt.nb.ts';
import { organisationsNb } from './organisations.nb.ts';
import { operatorConsoleNb } from './operator-console.nb.ts';
import { populationImportNb } from './population-import.nb.ts';
import { pagerNb } from './pager.nb.ts';
import { ploConsoleNb } from './plo-console.nb.ts';
import { ploAlertsNb } from './plo-alerts.nb.ts';
import { addressRegisterNb } from './address-register.nb.ts';
import { representationNb } from './representation.nb.ts';
import { staffAccessNb } from './staff-access.nb.ts';
import { careRelationsNb } from './care-relations.nb.ts';
import { homeCareNb } from './home-care.nb.ts';
import { adminNb } from './admin.nb.ts';
import { agreementsNb } from './agreements.nb.ts';
import { supportNb } from './support.nb.ts';
import { terminationNb } from './termination.nb.ts';
import type { Widen } from './widen.ts';
import { servicesNb } from './services.nb.ts';
import { overviewNb } from './overview.nb.ts';
import { lettersNb } from './letters.nb.ts';

/** Bokmål, the default language. The other languages mirror these keys (checked by the Resources type). */
export const nb = {
  ...representationNb,
  ...fullmaktNb,
  ...accessLogNb,
  ...loggedOutNb,
  ...appointmentsNb,
  ...staffAccessNb,
  ...careRelationsNb,
  ...homeCareNb,
  ...ploConsoleNb,
  ...ploAlertsNb,
  ...addressRegisterNb,
  ...organisationsNb,
  ...operatorConsoleNb,
  ...populationImportNb,
  ...pagerNb,
  ...dialogNb,
  ...adminNb,
  ...agreementsNb,
  ...supportNb,
  ...terminationNb,
  ...servicesNb,
  ...overviewNb,
  ...lettersNb,
  common: {
    appName: 'Helsebro',
    skipLink: 'Hopp til hovedinnhold',
    loading: 'Laster …',
    login: 'Logg inn',
    logout: 'Logg ut',
    loggedInAs: 'Logget inn som',
    redirectingToLogin: 'Du blir sendt videre til innlogging …',
    languageLabel: 'Språk',
    mainNav: 'Hovedmeny',
    footerText: 'Helsebro er en åpen plattform for de digitale helse- og omsorgstjenestene i kommunene.',
    footerLicense: 'Åpen kildekode med MIT-lisens.',
    titleSuffix: 'Helsebro',
  },
  error: {
    title: 'Noe gikk galt',
    network: 'Vi får ikke kontakt med Helsebro. Sjekk nettforbindelsen og prøv igjen.',
    generic: 'Vi klarte ikke å hente opplysningene. Prøv igjen om litt.',
    tryAgain: 'Prøv igjen',
  },
  shell: {
    citizen: 'Min side',
    personnel: 'Arbeidsflate',
    operator: 'Driftskonsoll',
  },
  goTo: {
    citizen: 'Gå til Min side',
    personnel: 'Gå til arbeidsflaten',
    operator: 'Gå til driftskonsollen',
  },
  landing: {
    title: 'Velkommen',
    heading: 'Helsetjenestene i kommunen din, på nett',
    lead: 'Helsebro er stedet der du som innbygger har kontakt med helse- og omsorgstjenestene i kommunen din. Ansatte i kommunen bruker Helsebro til å ta imot og svare på det du sender.',
    loginHint: 'Du logger inn trygt med elektronisk ID.',
    loggedInAs: 'Du er logget inn som {{name}}.',
    whatHeading: 'Hva er Helsebro?',
    citizenTitle: 'For innbyggere',
    citizenText: 'På Min side ser du hvilken kommune du hører til og hvilke opplysninger kommunen har om deg.',
    staffTitle: 'For ansatte i kommunen',
    staffText:
      'Arbeidsflaten viser hvilke enheter du jobber i og hvilke roller du har, og samler henvendelsene til enhetene dine.',
    operatorTitle: 'For drift',
    operatorText:
      'Driftskonsollen viser om varsler, brev og meldinger blir sendt som de skal, og lar deg prøve på nytt når noe har stoppet.',
    trustTitle: 'Trygt og åpent',
    trustText: 'Helsebro logger hvem som ser på opplysningene dine. Koden er åpen, så alle kan se hvordan den virker.',
  },
  citizen: {
    greeting: 'Hei, {{name}}!',
    lead: 'Her ser du opplysningene Helsebro har om deg, og hvilken kommune du hører til.',
    aboutHeading: 'Om deg',
    name: 'Navn',
    birthDate: 'Fødselsdato',
    address: 'Adresse',
    noAddress: 'Ingen adresse registrert',
    municipality: 'Kommune',
    municipalityHeading: 'Kommunen din',
    municipalityText: '{{municipality}} gir deg helse- og omsorgstjenester. Kommunenummeret er {{number}}.',
    noMunicipality: 'Vi fant ingen kommune registrert på deg.',
    registerNote:
      'Opplysningene kommer fra Folkeregisteret. Hvis noe er feil, melder du fra til Skatteetaten, som fører registeret.',
  },
  staff: {
    greeting: 'Hei, {{name}}',
    lead: 'Du jobber i {{municipality}}.',
    leadNoMunicipality: 'Du er ikke knyttet til noen kommune ennå.',
    rolesHeading: 'Rollene og enhetene dine',
    unit: 'Enhet',
    role: 'Rolle',
    wholeMunicipality: 'Hele kommunen',
    noRoles: 'Du har ingen roller ennå. Be den som administrerer Helsebro i kommunen din om tilgang.',
  },
  staffNav: {
    label: 'Arbeidsflaten',
    overview: 'Oversikt',
    inbox: 'Innboks',
    visits: 'Mine besøk',
    calendar: 'Kalender',
    careRelations: 'Brukere',
    letters: 'Brev',
    plo: 'PLO-meldinger',
    myUnit: 'Min enhet',
    support: 'Support',
    admin: 'Administrasjon',
  },
  myUnit: {
    title: 'Min enhet',
    lead: 'Som enhetsleder holder du enhetens kontaktinformasjon, svartid, åpningstider, fravær og automatiske svar oppdatert. Innbyggerne ser dette når de skriver til enheten.',
    unit: 'Enhet',
    notLeaderTitle: 'Bare for enhetsledere',
    notLeaderText:
      'Denne siden er for ansatte med rollen enhetsleder. Be kommunens administrator om rollen hvis du trenger den.',
  },
  roles: {
    nurse: 'Sykepleier',
    doctor: 'Lege',
    physician: 'Lege',
    health_worker: 'Helsefagarbeider',
    case_worker: 'Saksbehandler',
    caseworker: 'Saksbehandler',
    admin: 'Administrator',
    municipality_admin: 'Kommuneadministrator',
    leader: 'Leder',
    unit_leader: 'Enhetsleder',
    message_handler: 'Meldingsbehandler',
  },
  operator: {
    outboxHeading: 'Utboksen',
    outboxLead:
      'Alt Helsebro sender ut – SMS, e-post, brev og meldinger til andre systemer – går via utboksen. En jobb som har feilet for mange ganger, blir stående som død til noen prøver den igjen.',
    chartHeading: 'Jobber per tilstand',
    total_one: '{{count}} jobb totalt',
    total_other: '{{count}} jobber totalt',
    deadAlert_one: '{{count}} jobb er død og trenger tilsyn.',
    deadAlert_other: '{{count}} jobber er døde og trenger tilsyn.',
    noDead: 'Ingen døde jobber. Alt går som det skal.',
    filterLabel: 'Vis jobber',
    all: 'Alle',
    tableCaption: 'Jobber i utboksen',
    tableCaptionFiltered: 'Jobber i utboksen med tilstanden «{{state}}»',
    tableScrollLabel: 'Jobbtabell, kan rulles sidelengs',
    colId: 'Nr.',
    colKind: 'Type',
    colState: 'Tilstand',
    colAttempts: 'Forsøk',
    colRunAt: 'Neste forsøk',
    colUpdated: 'Sist endret',
    colError: 'Siste feil',
    colAction: 'Handling',
    attempts: '{{attempts}} av {{max}}',
    retry: 'Prøv igjen',
    retryLabel: 'Prøv jobb {{id}} igjen',
    retrying: 'Prøver igjen …',
    retried: 'Jobb {{id}} er lagt i køen igjen.',
    retryFailed: 'Jobb {{id}} kunne ikke prøves igjen: {{reason}}',
    empty: 'Ingen jobber i utboksen.',
    emptyFiltered: 'Ingen jobber med tilstanden «{{state}}».',
    updatedAt: 'Oppdatert {{time}}',
    refresh: 'Oppdater nå',
    shownOf: 'Viser de {{shown}} siste.',
    colCause: 'Årsak',
    technicalError: 'Teknisk feiltekst',
    deadGroupsHeading: 'Døde jobber etter årsak',
    deadGroupsLead: 'Rett årsaken først, og prøv så alle jobbene med den årsaken igjen på én gang.',
    deadGroupCount_one: '{{count}} jobb',
    deadGroupCount_other: '{{count}} jobber',
    retryGroup_one: 'Prøv jobben igjen',
    retryGroup_other: 'Prøv alle {{count}} igjen',
    retriedGroup_one: '{{count}} jobb er lagt i køen igjen.',
    retriedGroup_other: '{{count}} jobber er lagt i køen igjen.',
    refusedGroup: '{{count}} ble ikke prøvd igjen fordi arbeidet allerede er gjort eller borte.',
    retryGroupFailed: 'Jobbene kunne ikke prøves igjen: {{reason}}',
  },
  jobCause: {
    no_endpoint: 'Mottakeren har ingen adresse for meldinger i adresseregisteret. Legg inn mottakerens endepunkt.',
    no_credential:
      'Helsebro har ingen gyldig nøkkel for å sende til mottakeren. Legg inn en sendetilgang for partneren.',
    unreachable: 'Mottakeren svarer ikke (nettverksfeil). Sjekk at mottakerens tjeneste kjører og kan nås.',
    refused_access:
      'Mottakeren avviste tilgangen vår (401 eller 403). Sjekk nøkkelen eller klientoppsettet hos mottakeren.',
    refused_message: 'Mottakeren avviste meldingen som ugyldig. Den må rettes før den sendes igjen.',
    receiver_error: 'Mottakeren har en feil på sin side. Prøv igjen når feilen er rettet.',
    not_configured: 'E-post eller SMS er ikke satt opp på tjeneren (SMTP_URL eller SMS_GATEWAY_URL mangler).',
    interrupted: 'Tjeneren stoppet mens jobben kjørte.',
    missing_data: 'Det jobben skulle sende, finnes ikke lenger.',
    other: 'Ukjent årsak. Se den tekniske feilteksten.',
  },
  jobKind: {
    plo_apprec_send: 'Sende kvittering (AppRec)',
    plo_message_send: 'Sende PLO-melding',
    plo_monitor: 'Overvåke meldinger',
    plo_alert_email: 'E-post om meldingsvarsel',
    termination_end: 'Avslutte en kommune',
    notifications_dispatch: 'Velge kanal for varsel',
    notifications_send: 'Sende SMS eller e-post',
    notifications_unit_alert: 'Varsel til en enhet',
    appointments_remind: 'Påminnelse om time',
  },
  jobState: {
    ready: 'Klar',
    running: 'Kjører',
    done: 'Fullført',
    dead: 'Død',
  },
  noAccess: {
    title: 'Ingen tilgang',
    text: 'Denne delen av Helsebro er bare for {{audience}}. Du er logget inn som {{name}}.',
    help: 'Mener du at du skal ha tilgang? Ta kontakt med den som administrerer Helsebro i kommunen din.',
    audience: {
      citizen: 'innbyggere',
      personnel: 'ansatte i kommunen',
      operator: 'driftspersonell',
    },
  },
  notFound: {
    title: 'Fant ikke siden',
    text: 'Vi fant ingen side på denne adressen. Kanskje lenken er gammel, eller adressen er skrevet feil.',
    back: 'Til forsiden',
  },
};

export type Resources = Widen<typeof nb>;
