import type { OverviewResources } from './overview.nb.ts';

/** English. */
export const overviewEn: OverviewResources = {
  overview: {
    nextHeading: 'Next appointment or visit',
    nextNone: 'You have no upcoming appointments or visits.',
    nextNoneFor: '{{name}} has no upcoming appointments or visits.',
    when: '{{day}} at {{time}}',
    allAppointments: 'See all appointments',
    messagesHeading: 'Messages',
    unread_one: 'You have {{count}} unread message.',
    unread_other: 'You have {{count}} unread messages.',
    unreadFor_one: '{{name}} has {{count}} unread message.',
    unreadFor_other: '{{name}} has {{count}} unread messages.',
    noUnread: 'You have no unread messages.',
    noUnreadFor: '{{name}} has no unread messages.',
    toMessages: 'Go to messages',
  },
  appointmentHistory: {
    leadFor: 'Here you see the appointments {{name}} has with the municipality, including planned home care visits.',
    emptyFor: '{{name}} has no upcoming appointments.',
    heading: 'History',
    lead: 'Appointments and visits in the last six months that are over or cancelled.',
    empty: 'No past or cancelled appointments in the last six months.',
    addToCalendar: 'Add to calendar',
    addToCalendarHidden: '{{what}}, {{when}}',
  },
  compactHeader: {
    menu: 'Menu',
  },
};
