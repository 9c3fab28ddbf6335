import type { LoggedOutResources } from './logged-out.nb.ts';

/** Nynorsk. */
export const loggedOutNn: LoggedOutResources = {
  loggedOut: {
    title: 'Du er logga ut',
    lead: 'Du er logga ut av Helsebro.',
    sharedDevice: 'Brukar du ein PC eller telefon som andre òg brukar, bør du lukke nettlesaren.',
    again: 'Logg inn igjen',
    home: 'Til framsida',
  },
};
