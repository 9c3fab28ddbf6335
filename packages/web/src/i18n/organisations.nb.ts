/** Bokmål: municipality onboarding and administration (issue 12). */
export const organisationsNb = {
  notRegistered: {
    title: 'Du er ikke registrert i Helsebro',
    staffLead: 'Du logget inn med HelseID, men er ikke registrert som ansatt i kommunen du logget inn for.',
    staffWhom:
      'Be kommunens administrator for Helsebro om å registrere deg med riktig enhet og rolle. Vet du ikke hvem det er, spør lederen din.',
    staffOperator:
      'Er kommunen din ikke tatt i bruk Helsebro ennå, er det driftsoperatøren som registrerer kommunen og den første administratoren.',
    citizenLead: 'Du logget inn, men vi fant deg ikke i registeret Helsebro bruker.',
    citizenWhom: 'Ta kontakt med kommunen din hvis du mener du skal ha tilgang.',
    tryAgain: 'Logg inn på nytt',
    home: 'Til forsiden',
  },
};
