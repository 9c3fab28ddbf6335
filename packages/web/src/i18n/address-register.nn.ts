import type { Widen } from './widen.ts';
import type { addressRegisterNb } from './address-register.nb.ts';

/** Nynorsk: the operator's address register screen (issue 14, D9). */
export const addressRegisterNn: Widen<typeof addressRegisterNb> = {
  addressRegister: {
    nav: 'Adresseregister',
    title: 'Adresseregister: meldingsansvarleg',
    lead: 'Meldingsansvarleg for kvar organisasjon. Varsel om PLO-meldingar blir sende på e-post hit. Ei teneste utan eiga adresse arvar adressa til organisasjonen.',
    search: 'Søk etter namn eller HER-id',
    searchButton: 'Søk',
    empty: 'Ingen organisasjonar.',
    current: 'Meldingsansvarleg no',
    none: 'ikkje registrert',
    inherits: 'arvar adressa til organisasjonen',
    formLabel: 'Meldingsansvarleg for {{name}}',
    name: 'Namn (rolle eller funksjon)',
    email: 'E-postadresse',
    phone: 'Telefon (valfritt)',
    save: 'Lagre',
    saved: 'Meldingsansvarleg er lagra.',
    invalid: {
      name: 'Skriv eit namn.',
      email: 'Skriv ei gyldig e-postadresse.',
      phone: 'Telefonnummeret kan berre ha siffer, mellomrom, +, - og parentesar.',
    },
  },
};
