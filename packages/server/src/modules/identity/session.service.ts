import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SessionResponse } from '@helsebro/contracts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Platform } from '../../platform/platform.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import * as repo from './session.repository.ts';
import type { SessionRow } from './session.repository.ts';

/** Who a new session is for. Citizens act for themselves; personnel work in one municipality per session. */
export type SessionSubject =
  | { kind: 'citizen'; personId: string; municipalityId: string | null }
  | { kind: 'personnel'; personnelId: string; municipalityId: string }
  | { kind: 'operator'; operatorId: string };

/** What the login proved: kept for the IdP logout (id token) and for the record (acr, auth time). */
export type SessionProof = { idToken?: string | null; acr?: string | null; authTime?: Date };

/** A valid session as a request sees it; `expiresAt` is the sooner of the idle and the absolute limit. */
export type ActiveSession = Omit<SessionRow, 'expiresAt'> & { expiresAt: Date; absoluteExpiresAt: Date };

export type CreatedSession = { token: string; sessionId: string; csrfToken: string; expiresAt: Date };

export type SessionService = ReturnType<typeof createSessionService>;

/** Activity is written back at most this often, so a busy user does not cost a write per request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The id stored for a cookie token: its SHA-256, so a copy of the sessions table cannot be replayed as cookies.
 * @param token - the random token from the cookie
 */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The request context of a logged-in user: citizens act for themselves in their home municipality, personnel
 * in the municipality they logged in to, operators across municipalities.
 * @param requestId - the request's correlation id
 * @param s - the session
 */
export function contextFromSession(
  requestId: string,
  s: Pick<
    SessionRow,
    'kind' | 'personId' | 'personnelId' | 'operatorId' | 'hprNumber' | 'municipalityId' | 'actingForPersonId'
  >,
): RequestContext {
  const base = { requestId, municipalityId: s.municipalityId, emergencyReason: null };
  switch (s.kind) {
    case 'citizen':
      return {
        ...base,
        actor: { kind: 'citizen', personId: s.personId ?? '' },
        actingForPersonId: s.actingForPersonId ?? s.personId,
        purpose: 'self_service',
      };
    case 'personnel':
      return {
        ...base,
        actor: { kind: 'personnel', personnelId: s.personnelId ?? '', hprNumber: s.hprNumber },
        actingForPersonId: null,
        purpose: 'health_care',
      };
    case 'operator':
      return {
        ...base,
        actor: { kind: 'operator', operatorId: s.operatorId ?? '' },
        actingForPersonId: null,
        purpose: 'operations',
      };
  }
}

/** Compares two secrets in constant time. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Server-side sessions: create at login, resolve per request (idle and absolute expiry on the platform clock),
 * end at logout. Creating and ending are audited.
 * @param platform - store, clock and the session limits from configuration
 */
export function createSessionService(platform: Pick<Platform, 'db' | 'clock' | 'config'>) {
  const { db, clock, config } = platform;
  const idleMs = config.sessionIdleMinutes * 60_000;
  const maxMs = config.sessionMaxHours * 3_600_000;

  const active = (row: SessionRow, now: Date): ActiveSession | null => {
    const idleEnd = row.lastSeenAt.getTime() + idleMs;
    if (row.expiresAt.getTime() <= now.getTime() || idleEnd <= now.getTime()) {
      return null;
    }
    const expiresAt = new Date(Math.min(idleEnd, row.expiresAt.getTime()));
    return { ...row, expiresAt, absoluteExpiresAt: row.expiresAt };
  };

  return {
    /**
     * Starts a session and audits `session.create` in the same transaction.
     * @param ctx - the login request's context (anonymous); the audit entry names the new user as actor
     * @param subject - who logged in
     * @param proof - id token, acr and auth time from the identity provider
     */
    async create(ctx: RequestContext, subject: SessionSubject, proof: SessionProof = {}): Promise<CreatedSession> {
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const id = sessionIdOf(token);
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + maxMs);
      const row = {
        id,
        kind: subject.kind,
        personId: subject.kind === 'citizen' ? subject.personId : null,
        personnelId: subject.kind === 'personnel' ? subject.personnelId : null,
        operatorId: subject.kind === 'operator' ? subject.operatorId : null,
        municipalityId: subject.kind === 'operator' ? null : subject.municipalityId,
        actingForPersonId: subject.kind === 'citizen' ? subject.personId : null,
      };
      const userCtx = contextFromSession(ctx.requestId, { ...row, hprNumber: null });
      await db.transaction(async (tx) => {
        await repo.insertSession(tx, {
          ...row,
          csrfToken,
          idToken: proof.idToken ?? null,
          acr: proof.acr ?? null,
          authTime: proof.authTime ?? now,
          createdAt: now,
          lastSeenAt: now,
          expiresAt,
        });
        await recordAudit(tx, userCtx, {
          action: 'session.create',
          resourceType: 'session',
          resourceId: id.slice(0, 16),
          subjectPersonId: row.personId,
          details: { acr: proof.acr ?? null },
        });
      });
      return {
        token,
        sessionId: id,
        csrfToken,
        expiresAt: new Date(Math.min(now.getTime() + idleMs, expiresAt.getTime())),
      };
    },

    /**
     * The session for a cookie token, or null when unknown or expired (an expired one is deleted and its end
     * audited). Records activity at most once a minute.
     * @param ctx - the request's context
     * @param token - the token from the (verified) cookie
     */
    async resolve(ctx: RequestContext, token: string): Promise<ActiveSession | null> {
      const row = await repo.findSessionById(db, sessionIdOf(token));
      if (!row) {
        return null;
      }
      const now = clock.now();
      const session = active(row, now);
      if (!session) {
        await this.end(contextFromSession(ctx.requestId, row), row, 'expired');
        return null;
      }
      if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
        await repo.touchSession(db, row.id, now);
        session.lastSeenAt = now;
        session.expiresAt = new Date(Math.min(now.getTime() + idleMs, row.expiresAt.getTime()));
      }
      return session;
    },

    /**
     * Ends a session and audits `session.end`.
     * @param ctx - the session owner's context
     * @param session - the session to end
     * @param reason - logout by the user, or expiry
     * @returns the id token the session was created with (for the IdP logout), or null when already gone
     */
    async end(
      ctx: RequestContext,
      session: Pick<SessionRow, 'id' | 'personId'>,
      reason: 'logout' | 'expired' = 'logout',
    ): Promise<{ idToken: string | null } | null> {
      return db.transaction(async (tx) => {
        const gone = await repo.deleteSession(tx, session.id);
        if (gone) {
          await recordAudit(tx, ctx, {
            action: 'session.end',
            resourceType: 'session',
            resourceId: session.id.slice(0, 16),
            subjectPersonId: session.personId,
            details: { reason },
          });
        }
        return gone;
      });
    },

    /**
     * Sets who a citizen's session acts for. The caller has decided that it may (the representation module) and
     * audits the change.
     * @param _ctx - the session owner's context
     * @param sessionId - the session
     * @param personId - the person to act for (the citizen themselves to go back to self)
     */
    async setActingFor(_ctx: RequestContext, sessionId: string, personId: string): Promise<void> {
      await repo.updateActingFor(db, sessionId, personId);
    },

    /**
     * Deletes sessions past their absolute or idle limit; run by housekeeping.
     * @param _ctx - the caller (a system context)
     * @returns how many were removed
     */
    async purgeExpired(_ctx: RequestContext): Promise<number> {
      const now = clock.now();
      return repo.deleteExpiredSessions(db, now, new Date(now.getTime() - idleMs));
    },

    /**
     * The GET /api/session answer for a session, or the anonymous answer.
     * @param ctx - the request's context
     * @param session - the request's session, if any
     */
    async describe(_ctx: RequestContext, session: ActiveSession | null): Promise<SessionResponse> {
      const user = session ? await repo.findSessionUser(db, session) : null;
      if (!session || !user) {
        return { authenticated: false, user: null, csrfToken: null, expiresAt: null };
      }
      return {
        authenticated: true,
        user: { kind: session.kind, ...user },
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt.toISOString(),
      };
    },
  };
}
