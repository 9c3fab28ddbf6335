import type { organisationsNb } from './organisations.nb.ts';
import type { Widen } from './widen.ts';

/** Nynorsk: municipality onboarding and administration (issue 12). */
export const organisationsNn: Widen<typeof organisationsNb> = {
  notRegistered: {
    title: 'Du er ikkje registrert i Helsebro',
    staffLead: 'Du logga inn med HelseID, men er ikkje registrert som tilsett i kommunen du logga inn for.',
    staffWhom:
      'Be administratoren for Helsebro i kommunen om å registrere deg med rett eining og rolle. Veit du ikkje kven det er, spør leiaren din.',
    staffOperator:
      'Har ikkje kommunen din teke i bruk Helsebro enno, er det driftsoperatøren som registrerer kommunen og den første administratoren.',
    citizenLead: 'Du logga inn, men vi fann deg ikkje i registeret Helsebro brukar.',
    citizenWhom: 'Ta kontakt med kommunen din om du meiner du skal ha tilgang.',
    tryAgain: 'Logg inn på nytt',
    home: 'Til framsida',
  },
};
