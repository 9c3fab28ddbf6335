import type { Widen } from './widen.ts';

/** Bokmål: who the citizen acts for, what each service area allows, and the server's refusal codes. */
export const representationNb = {
  acting: {
    barLabel: 'Du bruker Helsebro for',
    as: {
      self: 'deg selv',
      parent: 'som forelder',
      fullmakt: 'med fullmakt',
    },
    change: 'Bytt',
    changeHidden: 'hvem du bruker Helsebro for',
    lost: 'Du kan ikke lenger bruke Helsebro for {{name}}. Nå bruker du Helsebro for deg selv.',
    lostUnknown:
      'Du kan ikke lenger bruke Helsebro for personen du hadde valgt, for eksempel fordi fullmakten er avsluttet. Nå bruker du Helsebro for deg selv.',
  },
  citizenNav: {
    label: 'Min side',
    home: 'Oversikt',
    fullmakt: 'Fullmakter',
    accessLog: 'Hvem har sett opplysningene',
    appointments: 'Timeavtaler',
    homeVisits: 'Besøk',
  },
  choose: {
    title: 'Hvem vil du bruke Helsebro for?',
    lead: 'Du kan bruke Helsebro for deg selv og for dem du har lov til å representere. Du kan bytte når du vil med «Bytt» øverst på siden.',
    availableHeading: 'Du kan velge',
    selfText: 'Dine egne opplysninger og tjenester.',
    age: '{{age}} år',
    current: 'Valgt nå',
    choose: 'Velg',
    mayDo: 'Dette kan du gjøre for {{name}}:',
    fullmaktUntil: 'Fullmakten gjelder til og med {{date}}.',
    fullmaktOpen: 'Fullmakten gjelder til den blir avsluttet.',
    unavailableHeading: 'Kan ikke velges nå',
    unavailableLead: 'Disse personene er knyttet til deg, men du kan ikke bruke Helsebro for dem nå.',
    notAvailable: 'Ikke tilgjengelig',
    switching: 'Bytter …',
    reauthText:
      'For å beskytte opplysningene må du ha logget inn nylig før du bytter. Du blir sendt til innlogging og kommer tilbake hit.',
  },
  basis: {
    self: 'Deg selv',
    parent: 'Forelder',
    fullmakt: 'Fullmakt',
  },
  areas: {
    innsyn: {
      name: 'Innsyn i opplysninger registrert om deg',
      text: 'Se personopplysningene kommunen har registrert, og hvem som har sett dem.',
    },
    brev_og_skjema: {
      name: 'Brev, skjemaer og verktøy',
      text: 'Lese brev fra kommunen, fylle ut og sende skjemaer og bruke verktøy.',
    },
    digitale_helsetjenester: {
      name: 'Digitale helsetjenester',
      text: 'Se helsekontakter, timeavtaler og besøk, og lese og sende meldinger til kommunen.',
    },
    only: 'Bare: {{list}}.',
  },
  actions: {
    'profile.read': 'se personopplysninger',
    'access_log.read': 'se hvem som har sett opplysningene',
    'letters.read': 'lese brev',
    'forms.read': 'se skjemaer',
    'forms.submit': 'fylle ut og sende skjemaer',
    'tools.use': 'bruke verktøy',
    'health_contacts.read': 'se helsekontakter',
    'appointments.read': 'se timeavtaler',
    'appointments.manage': 'bestille og avbestille timer',
    'home_visits.read': 'se besøk fra hjemmetjenesten',
    'messages.read': 'lese meldinger',
    'messages.send': 'sende meldinger',
  },
  refusal: {
    child_16_or_older:
      '{{name}} er 16 år eller eldre og bestemmer selv over helseopplysningene sine. Du kan bare bruke Helsebro for {{name}} hvis du får fullmakt.',
    no_parent_at_address:
      'Ingen av foreldrene med foreldreansvar bor på adressen der {{name}} er registrert i Folkeregisteret. Da kan ingen av foreldrene bruke Helsebro for barnet.',
    address_protected:
      'En av dere har fortrolig eller strengt fortrolig adresse. Da kan ingen representere eller bli representert i Helsebro.',
    deceased: '{{name}} er registrert som død i Folkeregisteret.',
    representative_under_18: 'Du må være minst 18 år for å bruke en fullmakt.',
    giver_under_16: 'Fullmakten gjelder ikke, fordi den som gir fullmakt må være minst 16 år.',
    fullmakt_not_started: 'Fullmakten fra {{name}} har ikke begynt å gjelde ennå.',
    no_relation: 'Du har ikke foreldreansvar for eller en gyldig fullmakt fra {{name}} i dag.',
  },
  minSide: {
    actingGreeting: 'Du bruker Helsebro for {{name}}',
    actingLead: 'Her ser du det du har lov til å se og gjøre for {{name}}.',
    youMay: 'Du kan:',
    aboutFor: 'Om {{name}}',
    refusedTitle: 'Ikke tilgjengelig for deg',
    refusedFullmakt: 'Fullmakten fra {{name}} gjelder ikke «{{area}}». Derfor kan du ikke {{action}} her.',
    refusedParent:
      'Når et barn har fylt 12 år, har foreldre ikke lenger tilgang til alt. Derfor kan du ikke {{action}} for {{name}}.',
    refusedGeneric: 'Du har ikke tilgang til «{{area}}» for {{name}}, så du kan ikke {{action}} her.',
    contactsHeading: 'Helsekontakter i kommunen',
    contactsEmpty: 'Ingen tjenester fra kommunen akkurat nå.',
    contactsFormer: 'Tidligere: {{units}}',
    primaryContact: 'Primærkontakt',
    coordinator: 'Koordinator',
    phone: 'Telefon',
    email: 'E-post',
    since: 'Fra {{date}}',
    logHeading: 'Hvem har sett opplysningene',
    logText: 'Se hvem som har lest eller endret opplysningene om deg, og når.',
    logTextFor: 'Se hvem som har lest eller endret opplysningene om {{name}}, og når.',
    logLink: 'Se loggen',
    fullmaktHeading: 'Fullmakter',
    fullmaktText: 'Gi noen fullmakt til å hjelpe deg, og se fullmaktene du har gitt og fått.',
    fullmaktLink: 'Gå til fullmakter',
  },
  problems: {
    nin_invalid: 'Dette er ikke et gyldig fødselsnummer. Sjekk at alle de 11 sifrene er riktige.',
    person_not_found: 'Vi fant ingen person med dette fødselsnummeret i Folkeregisteret.',
    rate_limited: 'Du har slått opp mange fødselsnumre den siste timen. Vent litt og prøv igjen.',
    fullmakt_self: 'Du kan ikke gi fullmakt til deg selv.',
    fullmakt_holder_minor: 'Den som får fullmakt, må være minst 18 år.',
    fullmakt_giver_minor: 'Du må være minst 16 år for å gi fullmakt.',
    fullmakt_holder_deceased: 'Personen med dette fødselsnummeret er registrert som død.',
    address_protected:
      'Fullmakt er ikke mulig når en av dere har fortrolig eller strengt fortrolig adresse. Du kan ikke representere eller bli representert da.',
    fullmakt_overlap:
      'Du har allerede gitt denne personen fullmakt for minst ett av de samme tjenesteområdene i den samme perioden. Avslutt den gamle fullmakten først, eller velg en annen periode.',
    fullmakt_end_before_start: 'Siste dag kan ikke være før første dag.',
    fullmakt_start_in_past: 'Fullmakten kan ikke starte før i dag.',
    fullmakt_not_found: 'Vi fant ikke denne fullmakten. Kanskje den allerede er avsluttet.',
    fullmakt_already_ended: 'Fullmakten er allerede avsluttet.',
    proxy_cannot_manage_fullmakt: 'Fullmakter gir og avslutter du bare når du bruker Helsebro for deg selv.',
    reauthentication_required: 'Du må logge inn på nytt før du kan gjøre dette.',
    not_represented: 'Du kan ikke lenger bruke Helsebro for denne personen.',
    service_area_not_granted: 'Dette er ikke med i det du har tilgang til for denne personen.',
    no_care_relation: 'Du har ikke tjenstlig behov for opplysninger om denne innbyggeren.',
    emergency_reason_required: 'Skriv en begrunnelse på minst {{min}} tegn.',
    citizen_not_found: 'Vi fant ingen innbygger med dette fødselsnummeret.',
    wrong_role: 'Denne delen av Helsebro er for en annen type bruker.',
  },
};

export type RepresentationResources = Widen<typeof representationNb>;
