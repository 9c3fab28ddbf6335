import type { Widen } from './widen.ts';
import type { ploAlertsNb } from './plo-alerts.nb.ts';

/** Nynorsk: alerts in the message console (issue 14). */
export const ploAlertsNn: Widen<typeof ploAlertsNb> = {
  ploAlerts: {
    title: 'Varsel om meldingar',
    link_one: 'Varsel ({{count}} ope)',
    link_other: 'Varsel ({{count}} opne)',
    lead: 'Varsel om meldingar som tenestene dykkar har sendt: manglande eller negativ kvittering og levering som feila. Kvitter ut varselet når du tek det, og lukk det med eit notat om kva som vart gjort.',
    emailTo: 'Varsla går òg på e-post til meldingsansvarleg: {{name}} ({{email}}).',
    noEmail:
      'Organisasjonen har inga meldingsansvarleg e-postadresse i adresseregisteret. Be driftsoperatøren leggje ho inn.',
    back: 'Tilbake til meldingane',
    backToList: 'Tilbake til varsla',
    show: 'Vis',
    active: 'Opne',
    closed: 'Lukka',
    counts: '{{open}} ikkje kvitterte ut, {{acknowledged}} kvitterte ut',
    empty: 'Ingen opne varsel.',
    emptyClosed: 'Ingen lukka varsel.',
    caption: 'Varsel, dei mest alvorlege og nyaste først',
    when: 'Varsla',
    kindColumn: 'Varsel',
    messageColumn: 'Melding',
    stateColumn: 'Status',
    open: 'Opne varselet',
    severity: { critical: 'Alvorleg', warning: 'Åtvaring' },
    state: { open: 'Ikkje kvittert ut', acknowledged: 'Kvittert ut', closed: 'Lukka' },
    kinds: {
      apprec_missing: 'Inga kvittering etter {{hours}} timar',
      apprec_timeout: 'Inga kvittering etter 96 timar – blir rekna som avvist',
      apprec_negative: 'Avvist av mottakaren (negativ kvittering)',
      delivery_failed: 'Kunne ikkje leverast',
      partner_silent: 'Ingen meldingar frå {{partner}} på {{hours}} timar i arbeidstida',
    },
    todo: {
      apprec_missing:
        'Mottakaren har ikkje sendt applikasjonskvittering. Sjekk om mottakaren har driftsproblem, og ta kontakt med meldingsansvarleg hos mottakaren om det dreg ut. Etter 96 timar blir meldinga rekna som avvist.',
      apprec_timeout:
        'Meldinga blir rekna som avvist etter standarden. Kontakt mottakaren (telefon eller e-post til meldingsansvarleg) og avklar om dei har fått ho. Send opplysningane på nytt som ei ny melding, eller på annan måte om det hastar.',
      apprec_negative:
        'Mottakaren har avvist meldinga. Rett feilen som koden viser, og send ei ny melding (ho får ny MsgId).',
      delivery_failed:
        'Meldinga nådde ikkje mottakaren. Sjekk adresseregisteret og om mottakaren er nede, og be driftsoperatøren sende ho på nytt når feilen er retta. Hastar det, bruk telefon.',
      partner_silent:
        'Samarbeidsparten har ikkje sendt meldingar i arbeidstida på ei stund, sjølv om han plar sende. Sjekk om det er driftsproblem hos parten (sjå driftsmeldingar), og ta kontakt med meldingsansvarleg hos parten. Parten har fått e-post om varselet.',
    },
    todoTitle: 'Kva du bør gjere',
    errorsTitle: 'Feil frå mottakaren (kodeverk 8221)',
    errors: {
      E21: 'Mottakaren finst ikkje hos dei: sjekk tenesta i adresseregisteret.',
      E35: 'Pasienten finst ikkje i systemet til mottakaren: sjekk fødselsnummer og namn.',
      E36: 'Pasientopplysningane er ikkje nok til å identifisere pasienten.',
      T02: 'Meldinga validerer ikkje mot skjema.',
      T10: 'Mottakaren støttar ikkje meldingstypen eller versjonen.',
    },
    details: 'Om varselet',
    service: 'Teneste',
    partner: 'Samarbeidspart',
    message: 'Melding',
    silentSince: 'Siste melding frå parten',
    messageStatus: 'Status for meldinga no',
    openMessage: 'Opne meldinga',
    acknowledgedBy: 'Kvittert ut av {{name}} {{at}}',
    closedBy: 'Lukka av {{name}} {{at}}',
    note: 'Notat',
    email: 'E-post til meldingsansvarleg',
    emailState: { queued: 'Ventar på sending', sent: 'Sendt {{at}}', no_address: 'Inga adresse registrert' },
    acknowledge: 'Kvitter ut',
    acknowledged: 'Varselet er kvittert ut.',
    closeTitle: 'Lukk varselet',
    closeNote: 'Notat: kva vart gjort?',
    closeHint: 'Påkravd. Skriv ikkje meir om pasienten enn naudsynt.',
    noteRequired: 'Skriv eit notat om kva som vart gjort.',
    close: 'Lukk varselet',
    closedDone: 'Varselet er lukka.',
    problems: {
      alert_closed: 'Varselet er allereie lukka.',
      alert_already_acknowledged: 'Varselet er allereie kvittert ut.',
      alert_not_found: 'Fann ikkje varselet.',
      not_your_alert: 'Varselet gjeld ein annan organisasjon.',
    },
  },
};
