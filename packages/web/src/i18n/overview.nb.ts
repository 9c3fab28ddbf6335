import type { Widen } from './widen.ts';

/** Bokmål: Min side as an overview (issue 15) and the compact header menu on a phone. */
export const overviewNb = {
  overview: {
    nextHeading: 'Neste time eller besøk',
    nextNone: 'Du har ingen timer eller besøk fremover.',
    nextNoneFor: '{{name}} har ingen timer eller besøk fremover.',
    when: '{{day}} klokken {{time}}',
    allAppointments: 'Se alle timer',
    messagesHeading: 'Meldinger',
    unread_one: 'Du har {{count}} ulest melding.',
    unread_other: 'Du har {{count}} uleste meldinger.',
    unreadFor_one: '{{name}} har {{count}} ulest melding.',
    unreadFor_other: '{{name}} har {{count}} uleste meldinger.',
    noUnread: 'Du har ingen uleste meldinger.',
    noUnreadFor: '{{name}} har ingen uleste meldinger.',
    toMessages: 'Gå til meldinger',
  },
  appointmentHistory: {
    leadFor: 'Her ser du timene {{name}} har hos kommunen, også planlagte besøk fra hjemmetjenesten.',
    emptyFor: '{{name}} har ingen kommende timer.',
    heading: 'Historikk',
    lead: 'Timer og besøk det siste halvåret som er over eller avlyst.',
    empty: 'Ingen tidligere eller avlyste timer det siste halvåret.',
    addToCalendar: 'Legg til i kalender',
    addToCalendarHidden: '{{what}}, {{when}}',
  },
  compactHeader: {
    menu: 'Meny',
  },
};

export type OverviewResources = Widen<typeof overviewNb>;
