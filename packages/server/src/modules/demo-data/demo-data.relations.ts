/**
 * The demo population's relations, by the keys of DEMO_PERSONS (demo-data.ts): parental responsibility, fullmakter
 * and care relations, so that the representation and care rules have something to show.
 */

/** Parental responsibility (Folkeregisteret), from the child's birth. Thomas Lund lives apart from Maja. */
export const DEMO_PARENTAL: Array<{ child: string; parent: string }> = [
  { child: 'emma', parent: 'kari' },
  { child: 'emma', parent: 'ola' },
  { child: 'jonas', parent: 'kari' },
  { child: 'jonas', parent: 'ola' },
  { child: 'sofie', parent: 'kari' },
  { child: 'sofie', parent: 'ola' },
  { child: 'maja', parent: 'hilde' },
  { child: 'maja', parent: 'thomas' },
  { child: 'liv', parent: 'erik' },
];

/**
 * Per Hansen (85, home care) lets his daughter Anne help with the digital health services only. Knut Dahl (home
 * care) lets his neighbour Ahmed Ali see what is registered about him (innsyn) but not his messages: the demo of a
 * proxy refused for lack of a service area.
 */
export const DEMO_FULLMAKTER: Array<{
  giver: string;
  holder: string;
  serviceAreas: Array<'innsyn' | 'brev_og_skjema' | 'digitale_helsetjenester'>;
  validFrom: string;
}> = [
  { giver: 'per', holder: 'anne', serviceAreas: ['digitale_helsetjenester'], validFrom: '2025-06-01' },
  { giver: 'knut', holder: 'ahmed', serviceAreas: ['innsyn'], validFrom: '2025-09-01' },
];

/**
 * Who receives which service from which unit. Nora Bakken has none on purpose: she is the emergency-access demo.
 * Personnel are named by HPR number.
 */
export const DEMO_CARE_RELATIONS: Array<{
  person: string;
  municipality: string;
  unit: string;
  primaryContact?: string;
  coordinator?: string;
  validFrom: string;
  validTo?: string;
}> = [
  {
    person: 'per',
    municipality: 'fjordvik',
    unit: 'Hjemmesykepleien',
    primaryContact: '9100001',
    coordinator: '9100003',
    validFrom: '2024-03-01',
  },
  {
    person: 'per',
    municipality: 'fjordvik',
    unit: 'Vaksinasjonskontoret',
    validFrom: '2025-10-01',
    validTo: '2025-10-15',
  },
  { person: 'ingrid', municipality: 'fjordvik', unit: 'Hjemmesykepleien', validFrom: '2024-09-15' },
  { person: 'knut', municipality: 'fjordvik', unit: 'Hjemmesykepleien', validFrom: '2023-11-01' },
  {
    person: 'emma',
    municipality: 'fjordvik',
    unit: 'Helsestasjonen',
    primaryContact: '9100004',
    validFrom: '2016-06-01',
  },
  {
    person: 'maja',
    municipality: 'fjordvik',
    unit: 'Helsestasjonen',
    primaryContact: '9100004',
    validFrom: '2020-04-01',
  },
];
