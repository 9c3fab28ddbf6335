import { EVERYONE, type RouteAccessTable } from '../../platform/http/route-access.ts';

const preferences = { json: { channel: 'sms', level: 'normal', language: 'nb' } };

/** Who may reach the notification routes (see platform/http/route-access.ts). */
export const notificationsAccess: RouteAccessTable = {
  // Each person chooses their own notices: a proxy reads and sets their own, never A's.
  'GET /api/me/notification-preferences': {
    allow: ['citizen'],
    own: ['otherCitizen', 'proxyInScope', 'proxyOutOfScope'],
  },
  'PUT /api/me/notification-preferences': {
    allow: ['citizen'],
    own: ['otherCitizen', 'proxyInScope', 'proxyOutOfScope'],
    body: () => preferences,
  },
  'GET /api/me/contact-details': { allow: ['citizen'], own: ['otherCitizen', 'proxyInScope', 'proxyOutOfScope'] },
  // Development stand-ins for KRR and an SMS gateway, served only with the development IdP (never in production):
  // they answer anyone, as the services they stand in for answer any client holding their credentials.
  'POST /dev/krr/rest/v2/personer': {
    allow: EVERYONE,
    body: (f) => ({ json: { personidentifikatorer: [f.ninA] } }),
  },
  // The KRR stand-in's profiles (reserved, expired …) for tests and demos; development only, like the lookup.
  'PUT /dev/krr/persons/:nin': { allow: EVERYONE, params: { nin: 'ninA' }, body: () => ({ json: {} }) },
  'POST /dev/sms/send': {
    allow: EVERYONE,
    body: () => ({ json: { source: 'Helsebro', destination: '+4790000000', userData: 'Test' } }),
  },
};
