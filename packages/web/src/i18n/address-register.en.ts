import type { Widen } from './widen.ts';
import type { addressRegisterNb } from './address-register.nb.ts';

/** English: the operator's address register screen (issue 14, D9). */
export const addressRegisterEn: Widen<typeof addressRegisterNb> = {
  addressRegister: {
    nav: 'Address register',
    title: 'Address register: message-responsible',
    lead: "The message-responsible address of each organisation. Alerts about PLO messages are e-mailed there. A service without its own inherits its organisation's.",
    search: 'Search by name or HER-id',
    searchButton: 'Search',
    empty: 'No organisations.',
    current: 'Message-responsible now',
    none: 'not registered',
    inherits: "inherits the organisation's",
    formLabel: 'Message-responsible for {{name}}',
    name: 'Name (role or function)',
    email: 'E-mail address',
    phone: 'Phone (optional)',
    save: 'Save',
    saved: 'The message-responsible address is saved.',
    invalid: {
      name: 'Write a name.',
      email: 'Write a valid e-mail address.',
      phone: 'The phone number may have only digits, spaces, +, - and brackets.',
    },
  },
};
