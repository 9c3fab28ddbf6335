import type { LoggedOutResources } from './logged-out.nb.ts';

/** English. */
export const loggedOutEn: LoggedOutResources = {
  loggedOut: {
    title: 'You are logged out',
    lead: 'You are logged out of Helsebro.',
    sharedDevice: 'If others also use this computer or phone, close the browser.',
    again: 'Log in again',
    home: 'To the front page',
  },
};
