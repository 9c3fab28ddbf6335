import type { StaffAccessResources } from './staff-access.nb.ts';

/** English. */
export const staffAccessEn: StaffAccessResources = {
  staffAccess: {
    myCitizensHeading: 'My service users',
    myCitizensLead: 'Citizens who receive services from your units now.',
    myCitizensEmpty: 'No citizens receive services from your units now.',
    hospital: { admitted: 'In hospital', review: 'Discharged – review the plan' },
    born: 'Born {{date}}',
    age: 'Age {{age}}',
    lookupHeading: 'Look up a person',
    lookupLead:
      'You can see information about a citizen when you have a need to know (tjenstlig behov), that is, when the citizen receives services from a unit you work in.',
    nin: 'National identity number',
    ninHint: '11 digits',
    lookup: 'Look up',
    lookingUp: 'Looking up …',
    noRelationTitle: 'You have no need to know',
    noRelationText:
      'The citizen does not receive services from any unit you work in, so you cannot see the information the usual way. The attempt has been logged.',
    noRelationNinText:
      'Nobody with this national identity number receives services from a unit you work in, so you cannot see any information the usual way. Check that the number is right. The attempt has been logged.',
    emergencyHeading: 'Emergency access',
    emergencyText:
      'Use emergency access only when you need the information to give health care that cannot wait, and you cannot get access the usual way.',
    emergencyWarning:
      'Emergency access is logged with your name, the time and the reason. The citizen sees it in their access log, and your manager may follow it up.',
    emergencyOpen: 'Use emergency access',
    reason: 'Reason',
    reasonHint: 'Write why you need the information now. At least {{min}} characters.',
    reasonRequired: 'Write a reason of at least {{min}} characters.',
    emergencySubmit: 'Use emergency access and show the information',
    emergencySubmitting: 'Granting access …',
    cancel: 'Cancel',
    errors: {
      ninRequired: 'Enter the national identity number.',
      ninFormat: 'The national identity number must have 11 digits.',
      ninChecksum: 'This is not a valid national identity number. Check that all digits are right.',
    },
  },
  staffCitizen: {
    back: 'Back to the workspace',
    basisCare: 'Access through a care relation',
    emergencyBanner: 'Emergency access',
    emergencyText:
      'You are seeing the information with emergency access. The access is logged and shown to the citizen.',
    emergencyReason: 'Reason: {{reason}}',
    emergencyUntil: 'The access lasts until {{time}}.',
    personHeading: 'Personal information',
    nin: 'National identity number',
    birthDate: 'Date of birth',
    address: 'Address',
    addressProtected: 'The address is confidential and not shown.',
    noAddress: 'No address registered',
    municipality: 'Municipality',
    deceased: 'Deceased',
    careHeading: 'Services from the municipality',
    careEmpty: 'No services registered.',
    careActive: 'Active',
    careEnded: 'Ended',
    carePeriod: '{{from}} – {{to}}',
    careFrom: 'Since {{from}}',
    primaryContact: 'Primary contact',
    coordinator: 'Coordinator',
    noAccessTitle: 'No access to this citizen',
  },
};
