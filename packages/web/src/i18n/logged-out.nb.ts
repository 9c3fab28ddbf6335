import type { Widen } from './widen.ts';

/** Bokmål: the page after logout. */
export const loggedOutNb = {
  loggedOut: {
    title: 'Du er logget ut',
    lead: 'Du er logget ut av Helsebro.',
    sharedDevice: 'Bruker du en PC eller telefon som andre også bruker, bør du lukke nettleseren.',
    again: 'Logg inn igjen',
    home: 'Til forsiden',
  },
};

export type LoggedOutResources = Widen<typeof loggedOutNb>;
