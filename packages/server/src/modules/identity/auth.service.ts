import { HOME_PATH } from '@helsebro/contracts';
import * as client from 'openid-client';
import type { Config } from '../../config.ts';
import type { Db } from '../../platform/db/client.ts';
import { UpstreamUnavailableError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import { systemClock, type Clock } from '../../platform/platform.ts';
import { findCitizenByNin, findOperator, findPersonnel } from './accounts.repository.ts';
import { LoginFailedError } from './auth.errors.ts';
import type { OidcClient } from './oidc.client.ts';
import type { ActiveSession, CreatedSession, SessionService, SessionSubject } from './session.service.ts';

/** What the browser carries between /auth/login and /auth/callback, in a signed, short-lived cookie. */
export type LoginState = {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string | null;
  /** Set when a fresh login was asked for (prompt=login): when it started, in ms since the epoch. */
  freshSince?: number | null;
};

export type AuthDeps = { config: Config; db: Db; oidc: OidcClient; sessions: SessionService; clock?: Clock };

/** The IdP's and our clocks may differ a little; a fresh login may carry an auth_time this much before its start. */
const CLOCK_SKEW_MS = 30_000;

const CITIZEN_LEVELS = new Set(['idporten-loa-substantial', 'idporten-loa-high']);
const HELSEID_PID = 'helseid://claims/identity/pid';
const HELSEID_HPR = 'helseid://claims/hpr/hpr_number';
const HELSEID_ORGNR = 'helseid://claims/client/claims/orgnr_parent';

/**
 * Keeps a return address only when it is a path on this site (no scheme, no host, no `//`).
 * @param returnTo - the requested address
 * @param publicUrl - this site's address
 */
export function safeReturnTo(returnTo: string | undefined, publicUrl: string): string | null {
  if (!returnTo?.startsWith('/') || returnTo.startsWith('//') || returnTo.includes('\\')) {
    return null;
  }
  const base = new URL(publicUrl);
  const url = new URL(returnTo, base);
  return url.origin === base.origin ? `${url.pathname}${url.search}${url.hash}` : null;
}

/**
 * The relying party: authorization code flow with PKCE (S256), state and nonce, against the configured issuer.
 * @param deps - configuration, store, the OIDC client and the session service
 */
/** Where the browser lands after logging out. */
export const LOGGED_OUT_PATH = '/logget-ut';

/** How far DEV_CLOCK_START set our clock from the real one, in whole seconds as auth_time has them; else nothing. */
function devClockOffsetMs(config: Config, clock: Clock): number {
  return config.devClockStart ? Math.round((clock.now().getTime() - Date.now()) / 1000) * 1000 : 0;
}

export function createAuthService(deps: AuthDeps) {
  const { config, db, oidc, sessions } = deps;
  const clock = deps.clock ?? systemClock;
  const redirectUri = `${config.publicUrl}/auth/callback`;

  return {
    /**
     * Starts a login: the authorization URL to redirect to and the state to keep in the browser. With `fresh`
     * the IdP is asked to authenticate the user again (`prompt=login`, `max_age`), as switching who you act for
     * and giving a fullmakt need a recent login; the callback then checks `auth_time`.
     * @param _ctx - the request context (anonymous, or the session that needs a fresh login)
     * @param returnTo - where the user wanted to go; ignored unless a path on this site
     * @param fresh - force a new authentication at the IdP
     */
    async startLogin(
      _ctx: RequestContext,
      returnTo: string | undefined,
      fresh = false,
    ): Promise<{ url: string; state: LoginState }> {
      const configuration = await oidc.configuration();
      const state: LoginState = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier: client.randomPKCECodeVerifier(),
        returnTo: safeReturnTo(returnTo, config.publicUrl),
        freshSince: fresh ? clock.now().getTime() : null,
      };
      const url = client.buildAuthorizationUrl(configuration, {
        redirect_uri: redirectUri,
        scope: 'openid profile',
        response_type: 'code',
        code_challenge: await client.calculatePKCECodeChallenge(state.verifier),
        code_challenge_method: 'S256',
        state: state.state,
        nonce: state.nonce,
        ui_locales: 'nb',
        ...(fresh ? { prompt: 'login', max_age: String(config.reauthMaxAgeMinutes * 60) } : {}),
      });
      return { url: url.href, state };
    },

    /**
     * Completes a login at the callback: checks state, nonce and PKCE, the level of assurance for citizens, maps
     * the token to a citizen, health worker or operator and starts a session.
     * @param ctx - the (anonymous) request context
     * @param query - the callback's query string
     * @param saved - the state from the login cookie, or null when it is missing or tampered with
     */
    async completeLogin(
      ctx: RequestContext,
      query: string,
      saved: LoginState | null,
    ): Promise<{ session: CreatedSession; redirectTo: string }> {
      const params = new URLSearchParams(query);
      if (params.has('error')) {
        throw new LoginFailedError(400, 'idp_error', idpErrorMessage(params.get('error') ?? ''));
      }
      if (!saved) {
        throw new LoginFailedError(
          400,
          'login_state_missing',
          'Innloggingen er utløpt eller ble startet i en annen nettleser. Prøv igjen.',
        );
      }
      if (params.get('state') !== saved.state) {
        throw new LoginFailedError(400, 'state_mismatch', 'Innloggingen kunne ikke bekreftes. Prøv igjen.');
      }
      const tokens = await exchangeCode(await oidc.configuration(), new URL(`${redirectUri}?${query}`), saved);
      const claims = tokens.claims();
      if (!claims) {
        throw new LoginFailedError(400, 'login_failed', 'Innloggingstjenesten sendte ikke et ID-token. Prøv igjen.');
      }
      // The IdP stamps auth_time on the real clock; ours may be set (DEV_CLOCK_START), and then the instant is moved
      // by the difference before it is compared with our times or stored.
      const authTime =
        typeof claims.auth_time === 'number' ? claims.auth_time * 1000 + devClockOffsetMs(config, clock) : null;
      if (typeof saved.freshSince === 'number') {
        if (authTime === null || authTime < saved.freshSince - CLOCK_SKEW_MS) {
          throw new LoginFailedError(
            400,
            'reauthentication_failed',
            'Innloggingstjenesten bekreftet ikke en ny innlogging. Prøv igjen.',
          );
        }
      }
      const subject = await subjectForClaims(db, claims);
      const session = await sessions.create(ctx, subject, {
        idToken: tokens.id_token ?? null,
        acr: typeof claims.acr === 'string' ? claims.acr : null,
        ...(authTime !== null ? { authTime: new Date(authTime) } : {}),
      });
      const home = HOME_PATH[subject.kind];
      const fits =
        saved.returnTo &&
        (saved.returnTo === home || saved.returnTo.startsWith(`${home}/`) || saved.returnTo.startsWith(`${home}?`));
      return { session, redirectTo: fits ? (saved.returnTo as string) : home };
    },

    /**
     * Ends the session at Helsebro and returns where to send the browser: the IdP's end-session endpoint (so the
     * IdP session ends too), or the front page when there was no IdP login or the IdP cannot be reached.
     *
     * The end-session URL names the client (`client_id`), not the user: no `id_token_hint`, because the id token
     * carries the identity number and this URL lands in browser history and proxy logs (issue 10). OpenID Connect
     * RP-Initiated Logout 1.0 §2 allows that: `client_id` lets the OP check `post_logout_redirect_uri`, and the OP
     * finds its session by its own cookie (sent, as this is a top-level GET). Without the hint the OP must ask the
     * user to confirm (§2); the development IdP's confirmation page submits itself (dev-idp/idp.routes.ts). A form
     * POST with the hint was rejected: a cross-site POST carries no SameSite=Lax IdP cookie, so the IdP could not
     * find the session to end (oidc-provider refuses POST on end_session unless its cookies are SameSite=None).
     * @param ctx - the session owner's context
     * @param session - the current session, if any
     */
    async logout(ctx: RequestContext, session: ActiveSession | null): Promise<string> {
      const ended = session ? await sessions.end(ctx, session) : null;
      // The web's "Du er logget ut" page (issue 15), registered with the IdP as the post-logout address.
      const home = `${config.publicUrl}${LOGGED_OUT_PATH}`;
      if (!ended?.idToken) {
        return home;
      }
      try {
        const configuration = await oidc.configuration();
        if (!configuration.serverMetadata().end_session_endpoint) {
          return home;
        }
        return client.buildEndSessionUrl(configuration, {
          client_id: config.oidc.clientId,
          post_logout_redirect_uri: home,
        }).href;
      } catch {
        return home;
      }
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

async function exchangeCode(configuration: client.Configuration, url: URL, saved: LoginState) {
  try {
    return await client.authorizationCodeGrant(configuration, url, {
      pkceCodeVerifier: saved.verifier,
      expectedState: saved.state,
      expectedNonce: saved.nonce,
      idTokenExpected: true,
    });
  } catch (err) {
    if (err instanceof TypeError || (err instanceof Error && err.name === 'TimeoutError')) {
      throw new UpstreamUnavailableError('Innloggingstjenesten svarer ikke. Prøv igjen om litt.', 'idp_unavailable');
    }
    const code = err instanceof client.ResponseBodyError ? err.error : 'token_rejected';
    throw new LoginFailedError(400, 'login_failed', `Innloggingen kunne ikke fullføres (${code}). Prøv igjen.`);
  }
}

/**
 * Maps verified id-token claims to a Helsebro user: `pid` (ID-porten) to a citizen, requiring level
 * substantial or high; `helseid://claims/identity/pid` to personnel (the municipality chosen by
 * `orgnr_parent` when they work in several) or else an operator.
 * @param db - the store
 * @param claims - the validated id token's claims
 * @throws LoginFailedError (403) when the level is too low or nobody here has that identity
 */
export async function subjectForClaims(db: Db, claims: Record<string, unknown>): Promise<SessionSubject> {
  const notRegistered = (audience: 'staff' | 'citizen') =>
    new LoginFailedError(
      403,
      'not_registered',
      audience === 'staff'
        ? 'Du er logget inn, men er ikke registrert som ansatt i Helsebro. Spør kommunens administrator for Helsebro.'
        : 'Du er logget inn, men er ikke registrert som bruker av Helsebro.',
      { audience },
    );
  if (typeof claims.pid === 'string') {
    if (typeof claims.acr !== 'string' || !CITIZEN_LEVELS.has(claims.acr)) {
      throw new LoginFailedError(
        403,
        'insufficient_assurance',
        'Du må logge inn med et sikkerhetsnivå som er betydelig eller høyt.',
      );
    }
    const person = await findCitizenByNin(db, claims.pid);
    if (!person) {
      throw notRegistered('citizen');
    }
    return { kind: 'citizen', personId: person.id, municipalityId: person.municipalityId };
  }
  const pid = claims[HELSEID_PID];
  if (typeof pid !== 'string') {
    throw notRegistered('staff');
  }
  const orgnr = typeof claims[HELSEID_ORGNR] === 'string' ? claims[HELSEID_ORGNR] : null;
  const staff =
    orgnr !== null || typeof claims[HELSEID_HPR] === 'string' ? await findPersonnel(db, { nin: pid }) : null;
  if (staff && staff.workplaces.length > 0) {
    const place = orgnr
      ? staff.workplaces.find((w) => w.orgNumber === orgnr)
      : staff.workplaces.length === 1
        ? staff.workplaces[0]
        : undefined;
    if (!place) {
      throw new LoginFailedError(403, 'municipality_unknown', 'Du har ingen rolle i virksomheten du logget inn for.', {
        audience: 'staff',
      });
    }
    return { kind: 'personnel', personnelId: staff.id, municipalityId: place.municipalityId };
  }
  const operator = await findOperator(db, { nin: pid });
  if (operator) {
    return { kind: 'operator', operatorId: operator.id };
  }
  throw notRegistered('staff');
}

function idpErrorMessage(error: string): string {
  return error === 'access_denied'
    ? 'Innloggingen ble avbrutt.'
    : `Innloggingstjenesten avviste innloggingen (${error.replace(/[^a-z_]/gi, '').slice(0, 40)}).`;
}
