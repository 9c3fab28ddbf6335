import type { OverviewResources } from './overview.nb.ts';

/** Nynorsk. */
export const overviewNn: OverviewResources = {
  overview: {
    nextHeading: 'Neste time eller besøk',
    nextNone: 'Du har ingen timar eller besøk framover.',
    nextNoneFor: '{{name}} har ingen timar eller besøk framover.',
    when: '{{day}} klokka {{time}}',
    allAppointments: 'Sjå alle timane',
    messagesHeading: 'Meldingar',
    unread_one: 'Du har {{count}} ulesen melding.',
    unread_other: 'Du har {{count}} ulesne meldingar.',
    unreadFor_one: '{{name}} har {{count}} ulesen melding.',
    unreadFor_other: '{{name}} har {{count}} ulesne meldingar.',
    noUnread: 'Du har ingen ulesne meldingar.',
    noUnreadFor: '{{name}} har ingen ulesne meldingar.',
    toMessages: 'Gå til meldingane',
  },
  appointmentHistory: {
    leadFor: 'Her ser du timane {{name}} har hos kommunen, også planlagde besøk frå heimetenesta.',
    emptyFor: '{{name}} har ingen komande timar.',
    heading: 'Historikk',
    lead: 'Timar og besøk det siste halvåret som er over eller avlyste.',
    empty: 'Ingen tidlegare eller avlyste timar det siste halvåret.',
    addToCalendar: 'Legg til i kalenderen',
    addToCalendarHidden: '{{what}}, {{when}}',
  },
  compactHeader: {
    menu: 'Meny',
  },
};
