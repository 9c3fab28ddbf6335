import { accessLogEn } from './access-log.en.ts';
import { loggedOutEn } from './logged-out.en.ts';
import { appointmentsEn } from './appointments.en.ts';
import { dialogEn } from './dialog.en.ts';
import { fullmaktEn } from './fullmakt.en.ts';
import { organisationsEn } from './organisations.en.ts';
import { operatorConsoleEn } from './operator-console.en.ts';
import { populationImportEn } from './population-import.en.ts';
import { pagerEn } from './pager.en.ts';
import { ploConsoleEn } from './plo-console.en.ts';
import { ploAlertsEn } from './plo-alerts.en.ts';
import { addressRegisterEn } from './address-register.en.ts';
import type { Resources } from './nb.ts';
import { representationEn } from './representation.en.ts';
import { staffAccessEn } from './staff-access.en.ts';
import { careRelationsEn } from './care-relations.en.ts';
import { homeCareEn } from './home-care.en.ts';
import { adminEn } from './admin.en.ts';
import { agreementsEn } from './agreements.en.ts';
import { supportEn } from './support.en.ts';
import { terminationEn } from './termination.en.ts';
import { servicesEn } from './services.en.ts';
import { overviewEn } from './overview.en.ts';
import { lettersEn } from './letters.en.ts';

/** English. */
export const en: Resources = {
  ...representationEn,
  ...fullmaktEn,
  ...accessLogEn,
  ...loggedOutEn,
  ...appointmentsEn,
  ...staffAccessEn,
  ...careRelationsEn,
  ...homeCareEn,
  ...ploConsoleEn,
  ...ploAlertsEn,
  ...addressRegisterEn,
  ...organisationsEn,
  ...operatorConsoleEn,
  ...populationImportEn,
  ...pagerEn,
  ...dialogEn,
  ...adminEn,
  ...agreementsEn,
  ...supportEn,
  ...terminationEn,
  ...servicesEn,
  ...overviewEn,
  ...lettersEn,
  common: {
    appName: 'Helsebro',
    skipLink: 'Skip to main content',
    loading: 'Loading …',
    login: 'Log in',
    logout: 'Log out',
    loggedInAs: 'Logged in as',
    redirectingToLogin: 'Taking you to the login page …',
    languageLabel: 'Language',
    mainNav: 'Main menu',
    footerText: 'Helsebro is an open platform for the digital health and care services of Norwegian municipalities.',
    footerLicense: 'Open source under the MIT licence.',
    titleSuffix: 'Helsebro',
  },
  error: {
    title: 'Something went wrong',
    network: 'We cannot reach Helsebro. Check your internet connection and try again.',
    generic: 'We could not fetch the information. Please try again in a moment.',
    tryAgain: 'Try again',
  },
  shell: {
    citizen: 'My page',
    personnel: 'Staff workspace',
    operator: 'Operations console',
  },
  goTo: {
    citizen: 'Go to My page',
    personnel: 'Go to the staff workspace',
    operator: 'Go to the operations console',
  },
  landing: {
    title: 'Welcome',
    heading: 'Your municipality’s health services, online',
    lead: 'Helsebro is where you, as a resident, keep in touch with the health and care services of your municipality. Municipal staff use Helsebro to receive and answer what you send.',
    loginHint: 'You log in securely with your electronic ID.',
    loggedInAs: 'You are logged in as {{name}}.',
    whatHeading: 'What is Helsebro?',
    citizenTitle: 'For residents',
    citizenText:
      'On My page you see which municipality you belong to and what information the municipality holds about you.',
    staffTitle: 'For municipal staff',
    staffText:
      'The staff workspace shows the units you work in and the roles you have, and gathers the enquiries sent to your units.',
    operatorTitle: 'For operations',
    operatorText:
      'The operations console shows whether notifications, letters and messages go out as they should, and lets you retry when something has stopped.',
    trustTitle: 'Safe and open',
    trustText: 'Helsebro records who looks at your information. The code is open, so anyone can see how it works.',
  },
  citizen: {
    greeting: 'Hello, {{name}}!',
    lead: 'Here you see the information Helsebro holds about you and which municipality you belong to.',
    aboutHeading: 'About you',
    name: 'Name',
    birthDate: 'Date of birth',
    address: 'Address',
    noAddress: 'No address registered',
    municipality: 'Municipality',
    municipalityHeading: 'Your municipality',
    municipalityText: '{{municipality}} provides your health and care services. Its municipality number is {{number}}.',
    noMunicipality: 'We found no municipality registered for you.',
    registerNote:
      'This information comes from the National Population Register. If something is wrong, tell the Norwegian Tax Administration, which keeps the register.',
  },
  staff: {
    greeting: 'Hello, {{name}}',
    lead: 'You work in {{municipality}}.',
    leadNoMunicipality: 'You are not linked to a municipality yet.',
    rolesHeading: 'Your roles and units',
    unit: 'Unit',
    role: 'Role',
    wholeMunicipality: 'The whole municipality',
    noRoles: 'You have no roles yet. Ask whoever administers Helsebro in your municipality for access.',
  },
  staffNav: {
    label: 'Workspace',
    overview: 'Overview',
    inbox: 'Inbox',
    visits: 'My visits',
    calendar: 'Calendar',
    careRelations: 'Service users',
    letters: 'Letters',
    plo: 'PLO messages',
    myUnit: 'My unit',
    support: 'Support',
    admin: 'Administration',
  },
  myUnit: {
    title: 'My unit',
    lead: "As unit leader you keep the unit's contact details, response time, opening hours, absences and automatic reply up to date. Citizens see them when they write to the unit.",
    unit: 'Unit',
    notLeaderTitle: 'For unit leaders only',
    notLeaderText:
      'This page is for staff with the unit leader role. Ask your municipality’s administrator for the role if you need it.',
  },
  roles: {
    nurse: 'Nurse',
    doctor: 'Doctor',
    physician: 'Doctor',
    health_worker: 'Healthcare worker',
    case_worker: 'Case officer',
    caseworker: 'Case officer',
    admin: 'Administrator',
    municipality_admin: 'Municipal administrator',
    leader: 'Manager',
    unit_leader: 'Unit manager',
    message_handler: 'Message handler',
  },
  operator: {
    outboxHeading: 'Outbox',
    outboxLead:
      'Everything Helsebro sends out – text messages, e-mails, letters and messages to other systems – goes through the outbox. A job that has failed too many times stays dead until someone retries it.',
    chartHeading: 'Jobs by state',
    total_one: '{{count}} job in total',
    total_other: '{{count}} jobs in total',
    deadAlert_one: '{{count}} job is dead and needs attention.',
    deadAlert_other: '{{count}} jobs are dead and need attention.',
    noDead: 'No dead jobs. Everything is running as it should.',
    filterLabel: 'Show jobs',
    all: 'All',
    tableCaption: 'Jobs in the outbox',
    tableCaptionFiltered: 'Jobs in the outbox in state “{{state}}”',
    tableScrollLabel: 'Job table, scrolls sideways',
    colId: 'No.',
    colKind: 'Kind',
    colState: 'State',
    colAttempts: 'Attempts',
    colRunAt: 'Next attempt',
    colUpdated: 'Last changed',
    colError: 'Last error',
    colAction: 'Action',
    attempts: '{{attempts}} of {{max}}',
    retry: 'Retry',
    retryLabel: 'Retry job {{id}}',
    retrying: 'Retrying …',
    retried: 'Job {{id}} is back in the queue.',
    retryFailed: 'Job {{id}} could not be retried: {{reason}}',
    empty: 'No jobs in the outbox.',
    emptyFiltered: 'No jobs in state “{{state}}”.',
    updatedAt: 'Updated {{time}}',
    refresh: 'Refresh now',
    shownOf: 'Showing the latest {{shown}}.',
    colCause: 'Cause',
    technicalError: 'Technical error text',
    deadGroupsHeading: 'Dead jobs by cause',
    deadGroupsLead: 'Fix the cause first, then retry every job with that cause at once.',
    deadGroupCount_one: '{{count}} job',
    deadGroupCount_other: '{{count}} jobs',
    retryGroup_one: 'Retry the job',
    retryGroup_other: 'Retry all {{count}}',
    retriedGroup_one: '{{count}} job is back in the queue.',
    retriedGroup_other: '{{count}} jobs are back in the queue.',
    refusedGroup: '{{count}} were not retried because their work is already done or gone.',
    retryGroupFailed: 'The jobs could not be retried: {{reason}}',
  },
  jobCause: {
    no_endpoint: "The receiver has no message address in the address register. Add the receiver's endpoint.",
    no_credential: 'Helsebro holds no valid key to send to the receiver. Add a sending credential for the partner.',
    unreachable:
      "The receiver does not answer (network error). Check that the receiver's service runs and can be reached.",
    refused_access:
      "The receiver refused our access (401 or 403). Check the key or the client set-up at the receiver's end.",
    refused_message: 'The receiver refused the message as invalid. It must be corrected before it is sent again.',
    receiver_error: 'The receiver has a fault on its side. Retry when it is fixed.',
    not_configured: 'E-mail or SMS is not set up on the server (SMTP_URL or SMS_GATEWAY_URL is missing).',
    interrupted: 'The server stopped while the job ran.',
    missing_data: 'What the job was to send no longer exists.',
    other: 'Unknown cause. See the technical error text.',
  },
  jobKind: {
    plo_apprec_send: 'Send a receipt (AppRec)',
    plo_message_send: 'Send a PLO message',
    plo_monitor: 'Monitor messages',
    plo_alert_email: 'E-mail about a message alert',
    termination_end: 'End a municipality',
    notifications_dispatch: 'Choose a notice channel',
    notifications_send: 'Send an SMS or e-mail',
    notifications_unit_alert: 'Alert to a unit',
    appointments_remind: 'Appointment reminder',
  },
  jobState: {
    ready: 'Ready',
    running: 'Running',
    done: 'Done',
    dead: 'Dead',
  },
  noAccess: {
    title: 'No access',
    text: 'This part of Helsebro is only for {{audience}}. You are logged in as {{name}}.',
    help: 'Do you think you should have access? Contact whoever administers Helsebro in your municipality.',
    audience: {
      citizen: 'residents',
      personnel: 'municipal staff',
      operator: 'operations staff',
    },
  },
  notFound: {
    title: 'Page not found',
    text: 'There is no page at this address. The link may be old, or the address may be mistyped.',
    back: 'To the front page',
  },
};
