import type { SessionResponse } from '@helsebro/contracts';

/** A session with a user: what a guarded page is given (components/RequireKind.tsx). */
export type SignedInSession = SessionResponse & { user: NonNullable<SessionResponse['user']> };
