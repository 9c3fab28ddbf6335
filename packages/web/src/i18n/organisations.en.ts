import type { organisationsNb } from './organisations.nb.ts';
import type { Widen } from './widen.ts';

/** English: municipality onboarding and administration (issue 12). */
export const organisationsEn: Widen<typeof organisationsNb> = {
  notRegistered: {
    title: 'You are not registered in Helsebro',
    staffLead: 'You logged in with HelseID, but you are not registered as staff of the municipality you logged in for.',
    staffWhom:
      "Ask your municipality's Helsebro administrator to register you with the right unit and role. If you do not know who that is, ask your manager.",
    staffOperator:
      'If your municipality has not started using Helsebro yet, the platform operator registers the municipality and its first administrator.',
    citizenLead: 'You logged in, but we did not find you in the register Helsebro uses.',
    citizenWhom: 'Contact your municipality if you believe you should have access.',
    tryAgain: 'Log in again',
    home: 'To the front page',
  },
};
