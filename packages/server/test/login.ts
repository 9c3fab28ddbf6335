import type { App } from '../src/platform/http/app-type.ts';
import { anonymousContext } from '../src/platform/http/request-context.ts';
import { createSessionService, SESSION_COOKIE, findCitizenById } from '../src/modules/identity/index.ts';

export type LoginTarget =
  | { kind: 'citizen'; personId: string }
  | { kind: 'personnel'; personnelId: string; municipalityId: string }
  | { kind: 'operator'; operatorId: string };

export type LoggedIn = {
  /** Spread into `app.inject({ headers })`: the signed session cookie and the CSRF token. */
  headers: { cookie: string; 'x-csrf-token': string };
  sessionId: string;
  csrfToken: string;
};

/**
 * Logs a test user in without the OIDC round trip: creates a real session (audited as `session.create`, like a
 * login) and returns the headers for `app.inject`. A citizen's municipality is their registered one.
 * @param app - the application under test
 * @param who - the user
 * @param opts - `authTime`: when the login happened at the IdP (default now), to test recent-login checks
 */
export async function loginAs(app: App, who: LoginTarget, opts: { authTime?: Date } = {}): Promise<LoggedIn> {
  const sessions = createSessionService(app.platform);
  const ctx = anonymousContext(`test-login-${Date.now().toString(36)}`);
  let created;
  if (who.kind === 'citizen') {
    const person = await findCitizenById(app.platform.db, who.personId);
    if (!person) {
      throw new Error(`loginAs: no person ${who.personId}`);
    }
    created = await sessions.create(
      ctx,
      { kind: 'citizen', personId: who.personId, municipalityId: person.municipalityId },
      opts.authTime ? { authTime: opts.authTime } : {},
    );
  } else {
    created = await sessions.create(ctx, who, {
      acr: who.kind === 'personnel' ? 'Level4' : null,
      ...(opts.authTime ? { authTime: opts.authTime } : {}),
    });
  }
  const cookie = `${SESSION_COOKIE}=${encodeURIComponent(app.signCookie(created.token))}`;
  return {
    headers: { cookie, 'x-csrf-token': created.csrfToken },
    sessionId: created.sessionId,
    csrfToken: created.csrfToken,
  };
}
