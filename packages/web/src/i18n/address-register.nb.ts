/** Bokmål: the operator's address register screen (issue 14, D9). */
export const addressRegisterNb = {
  addressRegister: {
    nav: 'Adresseregister',
    title: 'Adresseregister: meldingsansvarlig',
    lead: 'Meldingsansvarlig for hver organisasjon. Varsler om PLO-meldinger sendes på e-post hit. En tjeneste uten egen adresse arver organisasjonens.',
    search: 'Søk etter navn eller HER-id',
    searchButton: 'Søk',
    empty: 'Ingen organisasjoner.',
    current: 'Meldingsansvarlig nå',
    none: 'ikke registrert',
    inherits: 'arver organisasjonens',
    formLabel: 'Meldingsansvarlig for {{name}}',
    name: 'Navn (rolle eller funksjon)',
    email: 'E-postadresse',
    phone: 'Telefon (valgfritt)',
    save: 'Lagre',
    saved: 'Meldingsansvarlig er lagret.',
    invalid: {
      name: 'Skriv et navn.',
      email: 'Skriv en gyldig e-postadresse.',
      phone: 'Telefonnummeret kan bare ha sifre, mellomrom, +, - og parenteser.',
    },
  },
};
