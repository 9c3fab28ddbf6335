import { EPJ_SERVICE_CODES, makeSyntheticNin } from '@helsebro/contracts';

/**
 * The synthetic demo population. Every identity number is a synthetic test number (month + 80), which can never
 * belong to a real person. The families are chosen so the representation rules have something to show: a child
 * under 12, one of 12–16, one of 16+, a child whose parents live apart, an elderly home-care client and the
 * daughter who will hold a fullmakt for him, and a person with a strictly confidential address.
 */
export type DemoMunicipality = { key: string; number: string; name: string; orgNumber: string };
export type DemoUnit = {
  municipality: string;
  name: string;
  kind: 'home_care' | 'health_station' | 'emergency_ward' | 'vaccination' | 'allocation_office';
  phone: string;
  email: string;
  /** Units open for digital dialog from the start (a unit leader can change it; re-seeding does not undo that). */
  dialog?: { openingHours: string; responseWorkingDays: number; autoReply: string };
  /** Works every day, weekends and holidays included (home care, issue 15). */
  visitsEveryDay?: boolean;
};
export type DemoPerson = {
  key: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  municipality: string;
  streetAddress: string;
  postalCode: string;
  postalPlace: string;
  addressProtection?: 'none' | 'confidential' | 'strictly_confidential';
  nin?: string;
};
export type DemoPersonnel = {
  givenName: string;
  familyName: string;
  birthDate: string;
  hprNumber: string;
  municipality: string;
  unit: string;
  role: 'nurse' | 'health_worker' | 'physician' | 'unit_leader' | 'message_handler';
};

export const DEMO_MUNICIPALITIES: DemoMunicipality[] = [
  // 99xx numbers are not used by any real municipality.
  { key: 'fjordvik', number: '9901', name: 'Fjordvik kommune', orgNumber: '921000014' },
  { key: 'bakkedal', number: '9902', name: 'Bakkedal kommune', orgNumber: '921000030' },
];

const units = (m: string, place: string, phonePrefix: string): DemoUnit[] => [
  {
    municipality: m,
    name: 'Hjemmesykepleien',
    kind: 'home_care',
    phone: `${phonePrefix} 10 00`,
    email: `hjemmesykepleien@${place}.kommune.example`,
    visitsEveryDay: true,
    dialog: {
      openingHours: 'Hverdager 08–15',
      responseWorkingDays: 1,
      autoReply: 'Vi svarer innen én virkedag. Haster det, ring oss. Ved fare for liv og helse: ring 113.',
    },
  },
  {
    municipality: m,
    name: 'Helsestasjonen',
    kind: 'health_station',
    phone: `${phonePrefix} 20 00`,
    email: `helsestasjonen@${place}.kommune.example`,
    dialog: {
      openingHours: 'Hverdager 08–15:30',
      responseWorkingDays: 2,
      autoReply: 'Vi svarer innen to virkedager. Haster det, ring helsestasjonen. Ved fare for liv og helse: ring 113.',
    },
  },
  {
    municipality: m,
    name: 'Legevakten',
    kind: 'emergency_ward',
    phone: '116 117',
    email: `legevakt@${place}.kommune.example`,
  },
  {
    municipality: m,
    name: 'Vaksinasjonskontoret',
    kind: 'vaccination',
    phone: `${phonePrefix} 30 00`,
    email: `vaksine@${place}.kommune.example`,
  },
  {
    municipality: m,
    name: 'Tildelingskontoret',
    kind: 'allocation_office',
    phone: `${phonePrefix} 40 00`,
    email: `tildeling@${place}.kommune.example`,
  },
];

export const DEMO_UNITS: DemoUnit[] = [
  ...units('fjordvik', 'fjordvik', '77 70'),
  ...units('bakkedal', 'bakkedal', '61 20'),
];

const fjordvik = { municipality: 'fjordvik', postalCode: '9990', postalPlace: 'FJORDVIK' };
const bakkedal = { municipality: 'bakkedal', postalCode: '2990', postalPlace: 'BAKKEDAL' };

export const DEMO_PERSONS: DemoPerson[] = [
  // identifiers.md's own example of a synthetic number.
  {
    key: 'kari',
    givenName: 'Kari',
    familyName: 'Nordmann',
    birthDate: '1985-03-14',
    nin: '14838510036',
    streetAddress: 'Storgata 1',
    ...fjordvik,
  },
  {
    key: 'ola',
    givenName: 'Ola',
    familyName: 'Nordmann',
    birthDate: '1983-06-02',
    streetAddress: 'Storgata 1',
    ...fjordvik,
  },
  {
    key: 'emma',
    givenName: 'Emma',
    familyName: 'Nordmann',
    birthDate: '2016-05-10',
    streetAddress: 'Storgata 1',
    ...fjordvik,
  },
  {
    key: 'jonas',
    givenName: 'Jonas',
    familyName: 'Nordmann',
    birthDate: '2012-09-01',
    streetAddress: 'Storgata 1',
    ...fjordvik,
  },
  {
    key: 'sofie',
    givenName: 'Sofie',
    familyName: 'Nordmann',
    birthDate: '2010-04-20',
    streetAddress: 'Storgata 1',
    ...fjordvik,
  },
  {
    key: 'per',
    givenName: 'Per',
    familyName: 'Hansen',
    birthDate: '1941-01-15',
    streetAddress: 'Fjellveien 12',
    ...fjordvik,
  },
  {
    key: 'anne',
    givenName: 'Anne',
    familyName: 'Hansen',
    birthDate: '1968-08-08',
    streetAddress: 'Havnegata 3',
    ...fjordvik,
  },
  {
    key: 'ingrid',
    givenName: 'Ingrid',
    familyName: 'Berg',
    birthDate: '1950-11-30',
    streetAddress: 'Kirkeveien 7',
    ...fjordvik,
  },
  {
    key: 'lars',
    givenName: 'Lars',
    familyName: 'Johansen',
    birthDate: '1972-02-29',
    streetAddress: 'Sjøgata 22',
    ...fjordvik,
  },
  {
    key: 'nora',
    givenName: 'Nora',
    familyName: 'Bakken',
    birthDate: '1995-07-07',
    streetAddress: 'Løkkeveien 5',
    ...fjordvik,
  },
  {
    key: 'ahmed',
    givenName: 'Ahmed',
    familyName: 'Ali',
    birthDate: '1990-12-12',
    streetAddress: 'Nyveien 9',
    ...fjordvik,
  },
  {
    key: 'hilde',
    givenName: 'Hilde',
    familyName: 'Lund',
    birthDate: '1989-01-01',
    streetAddress: 'Bakkeveien 2',
    ...fjordvik,
  },
  {
    key: 'maja',
    givenName: 'Maja',
    familyName: 'Lund',
    birthDate: '2020-03-03',
    streetAddress: 'Bakkeveien 2',
    ...fjordvik,
  },
  {
    key: 'thomas',
    givenName: 'Thomas',
    familyName: 'Lund',
    birthDate: '1988-10-10',
    streetAddress: 'Strandveien 40',
    ...fjordvik,
  },
  {
    key: 'eva',
    givenName: 'Eva',
    familyName: 'Skjermet',
    birthDate: '1979-04-04',
    streetAddress: '',
    addressProtection: 'strictly_confidential',
    ...fjordvik,
  },
  {
    key: 'knut',
    givenName: 'Knut',
    familyName: 'Dahl',
    birthDate: '1936-06-06',
    streetAddress: 'Eldreveien 1',
    ...fjordvik,
  },
  {
    key: 'sara',
    givenName: 'Sara',
    familyName: 'Strand',
    birthDate: '1992-02-02',
    streetAddress: 'Elvegata 4',
    ...bakkedal,
  },
  {
    key: 'magnus',
    givenName: 'Magnus',
    familyName: 'Vik',
    birthDate: '1960-09-09',
    streetAddress: 'Åsveien 8',
    ...bakkedal,
  },
  {
    key: 'erik',
    givenName: 'Erik',
    familyName: 'Moen',
    birthDate: '1970-05-05',
    streetAddress: 'Moveien 3',
    ...bakkedal,
  },
  {
    key: 'liv',
    givenName: 'Liv',
    familyName: 'Moen',
    birthDate: '2009-01-20',
    streetAddress: 'Moveien 3',
    ...bakkedal,
  },
];

export const DEMO_PERSONNEL: DemoPersonnel[] = [
  {
    givenName: 'Siri',
    familyName: 'Sykepleier',
    birthDate: '1980-01-10',
    hprNumber: '9100001',
    municipality: 'fjordvik',
    unit: 'Hjemmesykepleien',
    role: 'nurse',
  },
  {
    givenName: 'Henrik',
    familyName: 'Helsefagarbeider',
    birthDate: '1991-03-21',
    hprNumber: '9100002',
    municipality: 'fjordvik',
    unit: 'Hjemmesykepleien',
    role: 'health_worker',
  },
  {
    givenName: 'Tone',
    familyName: 'Leder',
    birthDate: '1975-05-05',
    hprNumber: '9100003',
    municipality: 'fjordvik',
    unit: 'Hjemmesykepleien',
    role: 'unit_leader',
  },
  {
    givenName: 'Mona',
    familyName: 'Helsesykepleier',
    birthDate: '1983-07-17',
    hprNumber: '9100004',
    municipality: 'fjordvik',
    unit: 'Helsestasjonen',
    role: 'nurse',
  },
  {
    givenName: 'Jens',
    familyName: 'Legevaktlege',
    birthDate: '1978-11-02',
    hprNumber: '9100005',
    municipality: 'fjordvik',
    unit: 'Legevakten',
    role: 'physician',
  },
  {
    givenName: 'Vera',
    familyName: 'Vaksinatør',
    birthDate: '1987-09-09',
    hprNumber: '9100006',
    municipality: 'fjordvik',
    unit: 'Vaksinasjonskontoret',
    role: 'nurse',
  },
  {
    givenName: 'Are',
    familyName: 'Meldingsansvarlig',
    birthDate: '1970-04-14',
    hprNumber: '9100007',
    municipality: 'fjordvik',
    unit: 'Tildelingskontoret',
    role: 'message_handler',
  },
  {
    givenName: 'Berit',
    familyName: 'Bakke',
    birthDate: '1982-12-24',
    hprNumber: '9100008',
    municipality: 'bakkedal',
    unit: 'Hjemmesykepleien',
    role: 'nurse',
  },
  {
    givenName: 'Jon',
    familyName: 'Jordmor',
    birthDate: '1979-06-30',
    hprNumber: '9100009',
    municipality: 'bakkedal',
    unit: 'Helsestasjonen',
    role: 'nurse',
  },
  {
    givenName: 'Kim',
    familyName: 'Koordinator',
    birthDate: '1973-08-18',
    hprNumber: '9100010',
    municipality: 'bakkedal',
    unit: 'Tildelingskontoret',
    role: 'unit_leader',
  },
];

/**
 * The registered dwelling as a comparable key: municipality, street address and postal code, normalised. In
 * Folkeregisteret this would be the address code and dwelling unit; equal keys mean the same registered address.
 * @param municipalityNumber - four digits
 * @param streetAddress - e.g. "Storgata 1"
 * @param postalCode - four digits
 */
export function dwellingKeyOf(municipalityNumber: string, streetAddress: string, postalCode: string): string | null {
  const street = streetAddress.trim().toLowerCase().replace(/\s+/g, ' ');
  return street ? `${municipalityNumber}|${street}|${postalCode}` : null;
}

export const DEMO_OPERATORS = [{ givenName: 'Ola', familyName: 'Operatør', birthDate: '1977-02-14' }];

/** The identity number of a demo person: given, or derived from the birth date and the person's place in the list. */
export function demoNin(birthDate: string, index: number, given?: string): string {
  return given ?? makeSyntheticNin(birthDate, 100 + index * 7);
}

/**
 * Issue 12: each demo municipality's contact and its administrator (a named HelseID person, listed on the
 * development IdP's login page like all personnel with a role), and the EPJ product both run.
 */
export const DEMO_MUNICIPALITY_ADMINS: Record<
  string,
  { contactName: string; contactEmail: string; contactPhone: string; administrator: DemoAdministrator }
> = {
  fjordvik: {
    contactName: 'Postmottak Fjordvik',
    contactEmail: 'postmottak@fjordvik.kommune.example',
    contactPhone: '77 70 00 000',
    administrator: { givenName: 'Astrid', familyName: 'Aalberg', birthDate: '1979-09-21', hprNumber: '9100021' },
  },
  bakkedal: {
    contactName: 'Postmottak Bakkedal',
    contactEmail: 'postmottak@bakkedal.kommune.example',
    contactPhone: '61 20 00 000',
    administrator: { givenName: 'Jon', familyName: 'Brekke', birthDate: '1968-04-03', hprNumber: '9100022' },
  },
};
export type DemoAdministrator = { givenName: string; familyName: string; birthDate: string; hprNumber: string };

/** The EPJ product the demo municipalities run (a synthetic vendor): it supports every service. */
export const DEMO_EPJ_PRODUCT = {
  vendor: 'Demojournal AS',
  name: 'Demojournal Omsorg',
  versions: ['4.2', '4.3'],
  services: [...EPJ_SERVICE_CODES],
  version: '4.3',
};
