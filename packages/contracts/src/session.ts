import { z } from 'zod';

export const actorKind = z.enum(['citizen', 'personnel', 'operator']);
export type ActorKind = z.infer<typeof actorKind>;

export const municipalityRef = z.object({ id: z.string(), name: z.string(), number: z.string() });
export type MunicipalityRef = z.infer<typeof municipalityRef>;

export const staffRole = z.object({
  role: z.string(),
  serviceUnitId: z.string().nullable(),
  serviceUnitName: z.string().nullable(),
});

/** GET /api/session — who is logged in; the web decides which shell to show from `user.kind`. */
export const sessionResponse = z.object({
  authenticated: z.boolean(),
  user: z
    .object({
      kind: actorKind,
      displayName: z.string(),
      municipality: municipalityRef.nullable(),
      roles: z.array(staffRole),
    })
    .nullable(),
  /** Send back as the `x-csrf-token` header on every cookie-authenticated write. */
  csrfToken: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;

/** GET /api/me/profile — the citizen's own register data (an audited read of personal data). */
export const profileResponse = z.object({
  personId: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.string(),
  streetAddress: z.string().nullable(),
  postalCode: z.string().nullable(),
  postalPlace: z.string().nullable(),
  municipality: municipalityRef.nullable(),
});
export type ProfileResponse = z.infer<typeof profileResponse>;

/** Header carrying the session's CSRF token on cookie-authenticated writes. */
export const CSRF_HEADER = 'x-csrf-token';
/** Form field carrying the CSRF token where a header cannot be set (the logout form). */
export const CSRF_FORM_FIELD = '_csrf';

/** Where each kind of user lands after login (a `returnTo` under the same path is honoured instead). */
export const HOME_PATH: Record<ActorKind, string> = {
  citizen: '/min-side',
  personnel: '/ansatt',
  operator: '/drift',
};
