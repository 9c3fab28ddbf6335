import { accessLogNn } from './access-log.nn.ts';
import { loggedOutNn } from './logged-out.nn.ts';
import { appointmentsNn } from './appointments.nn.ts';
import { dialogNn } from './dialog.nn.ts';
import { fullmaktNn } from './fullmakt.nn.ts';
import { organisationsNn } from './organisations.nn.ts';
import { operatorConsoleNn } from './operator-console.nn.ts';
import { populationImportNn } from './population-import.nn.ts';
import { pagerNn } from './pager.nn.ts';
import { ploConsoleNn } from './plo-console.nn.ts';
import { ploAlertsNn } from './plo-alerts.nn.ts';
import { addressRegisterNn } from './address-register.nn.ts';
import type { Resources } from './nb.ts';
import { representationNn } from './representation.nn.ts';
import { staffAccessNn } from './staff-access.nn.ts';
import { careRelationsNn } from './care-relations.nn.ts';
import { homeCareNn } from './home-care.nn.ts';
import { adminNn } from './admin.nn.ts';
import { agreementsNn } from './agreements.nn.ts';
import { supportNn } from './support.nn.ts';
import { terminationNn } from './termination.nn.ts';
import { servicesNn } from './services.nn.ts';
import { overviewNn } from './overview.nn.ts';
import { lettersNn } from './letters.nn.ts';

/** Nynorsk. */
export const nn: Resources = {
  ...representationNn,
  ...fullmaktNn,
  ...accessLogNn,
  ...loggedOutNn,
  ...appointmentsNn,
  ...staffAccessNn,
  ...careRelationsNn,
  ...homeCareNn,
  ...ploConsoleNn,
  ...ploAlertsNn,
  ...addressRegisterNn,
  ...organisationsNn,
  ...operatorConsoleNn,
  ...populationImportNn,
  ...pagerNn,
  ...dialogNn,
  ...adminNn,
  ...agreementsNn,
  ...supportNn,
  ...terminationNn,
  ...servicesNn,
  ...overviewNn,
  ...lettersNn,
  common: {
    appName: 'Helsebro',
    skipLink: 'Hopp til hovudinnhaldet',
    loading: 'Lastar …',
    login: 'Logg inn',
    logout: 'Logg ut',
    loggedInAs: 'Innlogga som',
    redirectingToLogin: 'Du blir send vidare til innlogging …',
    languageLabel: 'Språk',
    mainNav: 'Hovudmeny',
    footerText: 'Helsebro er ei open plattform for dei digitale helse- og omsorgstenestene i kommunane.',
    footerLicense: 'Open kjeldekode med MIT-lisens.',
    titleSuffix: 'Helsebro',
  },
  error: {
    title: 'Noko gjekk gale',
    network: 'Vi får ikkje kontakt med Helsebro. Sjekk nettsambandet og prøv igjen.',
    generic: 'Vi klarte ikkje å hente opplysningane. Prøv igjen om litt.',
    tryAgain: 'Prøv igjen',
  },
  shell: {
    citizen: 'Mi side',
    personnel: 'Arbeidsflate',
    operator: 'Driftskonsoll',
  },
  goTo: {
    citizen: 'Gå til Mi side',
    personnel: 'Gå til arbeidsflata',
    operator: 'Gå til driftskonsollen',
  },
  landing: {
    title: 'Velkomen',
    heading: 'Helsetenestene i kommunen din, på nett',
    lead: 'Helsebro er staden der du som innbyggjar har kontakt med helse- og omsorgstenestene i kommunen din. Tilsette i kommunen brukar Helsebro til å ta imot og svare på det du sender.',
    loginHint: 'Du loggar inn trygt med elektronisk ID.',
    loggedInAs: 'Du er logga inn som {{name}}.',
    whatHeading: 'Kva er Helsebro?',
    citizenTitle: 'For innbyggjarar',
    citizenText: 'På Mi side ser du kva kommune du høyrer til og kva opplysningar kommunen har om deg.',
    staffTitle: 'For tilsette i kommunen',
    staffText:
      'Arbeidsflata viser kva einingar du jobbar i og kva roller du har, og samlar førespurnadene til einingane dine.',
    operatorTitle: 'For drift',
    operatorText:
      'Driftskonsollen viser om varsel, brev og meldingar blir sende som dei skal, og lèt deg prøve på nytt når noko har stoppa.',
    trustTitle: 'Trygt og ope',
    trustText: 'Helsebro loggar kven som ser på opplysningane dine. Koden er open, så alle kan sjå korleis han verkar.',
  },
  citizen: {
    greeting: 'Hei, {{name}}!',
    lead: 'Her ser du opplysningane Helsebro har om deg, og kva kommune du høyrer til.',
    aboutHeading: 'Om deg',
    name: 'Namn',
    birthDate: 'Fødselsdato',
    address: 'Adresse',
    noAddress: 'Inga adresse registrert',
    municipality: 'Kommune',
    municipalityHeading: 'Kommunen din',
    municipalityText: '{{municipality}} gir deg helse- og omsorgstenester. Kommunenummeret er {{number}}.',
    noMunicipality: 'Vi fann ingen kommune registrert på deg.',
    registerNote:
      'Opplysningane kjem frå Folkeregisteret. Dersom noko er feil, melder du frå til Skatteetaten, som fører registeret.',
  },
  staff: {
    greeting: 'Hei, {{name}}',
    lead: 'Du jobbar i {{municipality}}.',
    leadNoMunicipality: 'Du er ikkje knytt til nokon kommune enno.',
    rolesHeading: 'Rollene og einingane dine',
    unit: 'Eining',
    role: 'Rolle',
    wholeMunicipality: 'Heile kommunen',
    noRoles: 'Du har ingen roller enno. Be den som administrerer Helsebro i kommunen din om tilgang.',
  },
  staffNav: {
    label: 'Arbeidsflata',
    overview: 'Oversikt',
    inbox: 'Innboks',
    visits: 'Besøka mine',
    calendar: 'Kalender',
    careRelations: 'Brukarar',
    letters: 'Brev',
    plo: 'PLO-meldingar',
    myUnit: 'Eininga mi',
    support: 'Support',
    admin: 'Administrasjon',
  },
  myUnit: {
    title: 'Eininga mi',
    lead: 'Som einingsleiar held du kontaktinformasjonen, svartida, opningstidene, fråveret og dei automatiske svara til eininga oppdaterte. Innbyggjarane ser dette når dei skriv til eininga.',
    unit: 'Eining',
    notLeaderTitle: 'Berre for einingsleiarar',
    notLeaderText:
      'Denne sida er for tilsette med rolla einingsleiar. Be administratoren i kommunen om rolla om du treng ho.',
  },
  roles: {
    nurse: 'Sjukepleiar',
    doctor: 'Lege',
    physician: 'Lege',
    health_worker: 'Helsefagarbeidar',
    case_worker: 'Sakshandsamar',
    caseworker: 'Sakshandsamar',
    admin: 'Administrator',
    municipality_admin: 'Kommuneadministrator',
    leader: 'Leiar',
    unit_leader: 'Einingsleiar',
    message_handler: 'Meldingshandsamar',
  },
  operator: {
    outboxHeading: 'Utboksen',
    outboxLead:
      'Alt Helsebro sender ut – SMS, e-post, brev og meldingar til andre system – går via utboksen. Ein jobb som har feila for mange gonger, blir ståande som død til nokon prøver han igjen.',
    chartHeading: 'Jobbar per tilstand',
    total_one: '{{count}} jobb totalt',
    total_other: '{{count}} jobbar totalt',
    deadAlert_one: '{{count}} jobb er død og treng tilsyn.',
    deadAlert_other: '{{count}} jobbar er døde og treng tilsyn.',
    noDead: 'Ingen døde jobbar. Alt går som det skal.',
    filterLabel: 'Vis jobbar',
    all: 'Alle',
    tableCaption: 'Jobbar i utboksen',
    tableCaptionFiltered: 'Jobbar i utboksen med tilstanden «{{state}}»',
    tableScrollLabel: 'Jobbtabell, kan rullast sidelengs',
    colId: 'Nr.',
    colKind: 'Type',
    colState: 'Tilstand',
    colAttempts: 'Forsøk',
    colRunAt: 'Neste forsøk',
    colUpdated: 'Sist endra',
    colError: 'Siste feil',
    colAction: 'Handling',
    attempts: '{{attempts}} av {{max}}',
    retry: 'Prøv igjen',
    retryLabel: 'Prøv jobb {{id}} igjen',
    retrying: 'Prøver igjen …',
    retried: 'Jobb {{id}} er lagd i køen igjen.',
    retryFailed: 'Jobb {{id}} kunne ikkje prøvast igjen: {{reason}}',
    empty: 'Ingen jobbar i utboksen.',
    emptyFiltered: 'Ingen jobbar med tilstanden «{{state}}».',
    updatedAt: 'Oppdatert {{time}}',
    refresh: 'Oppdater no',
    shownOf: 'Viser dei {{shown}} siste.',
    colCause: 'Årsak',
    technicalError: 'Teknisk feiltekst',
    deadGroupsHeading: 'Daude jobbar etter årsak',
    deadGroupsLead: 'Rett årsaka først, og prøv så alle jobbane med den årsaka igjen på éin gong.',
    deadGroupCount_one: '{{count}} jobb',
    deadGroupCount_other: '{{count}} jobbar',
    retryGroup_one: 'Prøv jobben igjen',
    retryGroup_other: 'Prøv alle {{count}} igjen',
    retriedGroup_one: '{{count}} jobb er lagd i køen igjen.',
    retriedGroup_other: '{{count}} jobbar er lagde i køen igjen.',
    refusedGroup: '{{count}} vart ikkje prøvde igjen fordi arbeidet alt er gjort eller borte.',
    retryGroupFailed: 'Jobbane kunne ikkje prøvast igjen: {{reason}}',
  },
  jobCause: {
    no_endpoint: 'Mottakaren har inga adresse for meldingar i adresseregisteret. Legg inn endepunktet til mottakaren.',
    no_credential:
      'Helsebro har ingen gyldig nøkkel for å sende til mottakaren. Legg inn ein sendetilgang for partnaren.',
    unreachable: 'Mottakaren svarar ikkje (nettverksfeil). Sjekk at tenesta til mottakaren køyrer og kan nåast.',
    refused_access:
      'Mottakaren avviste tilgangen vår (401 eller 403). Sjekk nøkkelen eller klientoppsettet hos mottakaren.',
    refused_message: 'Mottakaren avviste meldinga som ugyldig. Ho må rettast før ho blir send igjen.',
    receiver_error: 'Mottakaren har ein feil på si side. Prøv igjen når feilen er retta.',
    not_configured: 'E-post eller SMS er ikkje sett opp på tenaren (SMTP_URL eller SMS_GATEWAY_URL manglar).',
    interrupted: 'Tenaren stoppa medan jobben køyrde.',
    missing_data: 'Det jobben skulle sende, finst ikkje lenger.',
    other: 'Ukjend årsak. Sjå den tekniske feilteksten.',
  },
  jobKind: {
    plo_apprec_send: 'Sende kvittering (AppRec)',
    plo_message_send: 'Sende PLO-melding',
    plo_monitor: 'Overvake meldingar',
    plo_alert_email: 'E-post om meldingsvarsel',
    termination_end: 'Avslutte ein kommune',
    notifications_dispatch: 'Velje kanal for varsel',
    notifications_send: 'Sende SMS eller e-post',
    notifications_unit_alert: 'Varsel til ei eining',
    appointments_remind: 'Påminning om time',
  },
  jobState: {
    ready: 'Klar',
    running: 'Køyrer',
    done: 'Fullført',
    dead: 'Død',
  },
  noAccess: {
    title: 'Ingen tilgang',
    text: 'Denne delen av Helsebro er berre for {{audience}}. Du er logga inn som {{name}}.',
    help: 'Meiner du at du skal ha tilgang? Ta kontakt med den som administrerer Helsebro i kommunen din.',
    audience: {
      citizen: 'innbyggjarar',
      personnel: 'tilsette i kommunen',
      operator: 'driftspersonell',
    },
  },
  notFound: {
    title: 'Fann ikkje sida',
    text: 'Vi fann inga side på denne adressa. Kanskje lenkja er gammal, eller adressa er skriven feil.',
    back: 'Til framsida',
  },
};
