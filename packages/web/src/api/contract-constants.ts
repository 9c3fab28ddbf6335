import type {
  ACTION_AREA,
  DIALOG_LIMITS as CONTRACT_DIALOG_LIMITS,
  EMERGENCY_REASON_MIN_LENGTH,
  REAUTH_LOGIN_PATH,
  SERVICE_AREAS,
} from '@helsebro/contracts';

/*
 * Copies of the contracts' constants, checked against them by type here and by value in contract-constants.test.ts: a value
 * import from the contracts would bundle zod (+86 kB) into the app.
 */

export const AREAS: typeof SERVICE_AREAS = ['innsyn', 'brev_og_skjema', 'digitale_helsetjenester'];

/** Which service area each action belongs to. */
export const AREA_OF: typeof ACTION_AREA = {
  'profile.read': 'innsyn',
  'access_log.read': 'innsyn',
  'letters.read': 'brev_og_skjema',
  'forms.read': 'brev_og_skjema',
  'forms.submit': 'brev_og_skjema',
  'tools.use': 'brev_og_skjema',
  'health_contacts.read': 'digitale_helsetjenester',
  'appointments.read': 'digitale_helsetjenester',
  'appointments.manage': 'digitale_helsetjenester',
  'home_visits.read': 'digitale_helsetjenester',
  'messages.read': 'digitale_helsetjenester',
  'messages.send': 'digitale_helsetjenester',
};

export const REASON_MIN_LENGTH: typeof EMERGENCY_REASON_MIN_LENGTH = 10;

/** A message's limits; the server enforces them again (and judges a file's type from its bytes). */
export const DIALOG_LIMITS: typeof CONTRACT_DIALOG_LIMITS = {
  maxTextLength: 10_000,
  maxSubjectLength: 120,
  maxAttachmentBytes: 10 * 1024 * 1024,
  maxAttachments: 5,
  attachmentTypes: ['application/pdf', 'image/jpeg', 'image/png'],
};

const REAUTH: typeof REAUTH_LOGIN_PATH = '/auth/login?prompt=login';

/**
 * The address of a fresh login (the server asks the identity provider to log in again, even with a session
 * there) that comes back to `returnTo`.
 * @param returnTo - a path on this site
 */
export function reauthUrl(returnTo: string): string {
  return `${REAUTH}&returnTo=${encodeURIComponent(returnTo)}`;
}
