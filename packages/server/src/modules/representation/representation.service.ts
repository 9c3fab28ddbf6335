import type {
  ActingFor,
  RepresentationChoice,
  RepresentationChoicesResponse,
  RepresentationRefusal,
} from '@helsebro/contracts';
import { recordAudit, type AuditEntry } from '../../platform/audit/audit.ts';
import { ForbiddenError, UnauthenticatedError } from '../../platform/errors.ts';
import type { Representation, RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { createSessionService, type ActingForResolver, type ActiveSession } from '../identity/index.ts';
import { ageOn, osloDate } from './dates.ts';
import { decide, ownRights, type Decision } from './representation.engine.ts';
import { areasOfActions } from './representation.rules.ts';
import * as repo from './representation.repository.ts';

/** Plain Norwegian reasons for the refusals, shown in the choices list and in 403 answers. */
export const REFUSAL_MESSAGES: Record<RepresentationRefusal, string> = {
  child_16_or_older:
    'Fra 16 år bestemmer ungdommen selv over helseopplysningene sine. Foreldre får bare tilgang hvis ungdommen gir dem fullmakt.',
  no_parent_at_address:
    'Ingen av foreldrene med foreldreansvar er registrert på barnets adresse i folkeregisteret. Da kan ingen representere barnet her.',
  address_protected:
    'Personer med fortrolig eller strengt fortrolig adresse kan ikke representere andre eller bli representert.',
  deceased: 'Personen er registrert som død. Representasjon opphører ved død.',
  representative_under_18: 'Du må være 18 år for å bruke Helsebro på vegne av andre.',
  giver_under_16: 'Fullmakten er gitt av en person under 16 år og gjelder ikke.',
  fullmakt_not_started: 'Fullmakten gjelder ikke ennå.',
  no_relation: 'Du har ikke foreldreansvar for eller en gyldig fullmakt fra denne personen i dag.',
};

type Self = { personId: string; birthDate: string | null; deceasedOn: string | null };

/**
 * The citizen's own rights, from the session's row (no query).
 * @param self - the citizen's id, birth date and death from the session lookup
 * @param today - YYYY-MM-DD, Europe/Oslo
 */
export function selfRepresentation(self: Self, today: string): Representation {
  const actions = self.birthDate
    ? ownRights(
        {
          id: self.personId,
          birthDate: self.birthDate,
          dwellingKey: null,
          addressProtection: 'none',
          deceasedOn: self.deceasedOn,
        },
        today,
      )
    : [];
  return { basis: 'self', serviceAreas: areasOfActions(actions), actions };
}

const asRepresentation = (d: Decision & { allowed: true }): Representation => ({
  basis: d.basis,
  serviceAreas: d.serviceAreas,
  actions: d.actions,
});

/**
 * Refuses anything but a citizen acting for themselves: fullmakter are managed by the person only, never by a
 * representative.
 * @param ctx - the caller
 * @returns the citizen's person id
 */
export function requireActingForSelf(ctx: RequestContext): string {
  if (ctx.actor.kind !== 'citizen') {
    throw new ForbiddenError('Dette er for innbyggere.', 'wrong_role');
  }
  if (ctx.actingForPersonId !== null && ctx.actingForPersonId !== ctx.actor.personId) {
    throw new ForbiddenError(
      'Fullmakter kan bare gis, endres og avsluttes av personen selv. Bytt til deg selv først.',
      'proxy_cannot_manage_fullmakt',
    );
  }
  return ctx.actor.personId;
}

/**
 * Refuses a session whose login is older than the configured limit (REAUTH_MAX_AGE_MINUTES): 401
 * `reauthentication_required`; the web sends the user to /auth/login?prompt=login and back.
 * @param session - the caller's session
 * @param now - the platform clock's now
 * @param maxAgeMinutes - the limit
 */
export function requireRecentLogin(session: Pick<ActiveSession, 'authTime'>, now: Date, maxAgeMinutes: number): void {
  if (now.getTime() - session.authTime.getTime() > maxAgeMinutes * 60_000) {
    throw new UnauthenticatedError(
      `Av sikkerhetshensyn må du logge inn på nytt for å gjøre dette (innloggingen er eldre enn ${maxAgeMinutes} minutter).`,
      'reauthentication_required',
    );
  }
}

/**
 * Representation per request, for the identity module's session hook: acting for self costs no query; acting for
 * someone else loads the pair's facts and asks the engine again, so an ended fullmakt (or a birthday) takes effect
 * on the very next request. A lost right is audited as denied and reported so the hook falls back to self.
 * @param platform - store and clock
 */
export function createActingForResolver(platform: Pick<Platform, 'db' | 'clock'>): ActingForResolver {
  const { db, clock } = platform;
  return async (ctx, session) => {
    const today = osloDate(clock.now());
    const selfId = session.personId ?? '';
    const self = { personId: selfId, birthDate: session.personBirthDate, deceasedOn: session.personDeceasedOn };
    const principalId = session.actingForPersonId ?? selfId;
    if (principalId === selfId) {
      return { ctx: { ...ctx, representation: selfRepresentation(self, today) } };
    }
    const { population } = await repo.loadPairFacts(db, selfId, principalId, today);
    const decision = decide(population, selfId, principalId, today);
    const acting = { ...ctx, actingForPersonId: principalId, purpose: 'representation' };
    if (decision.allowed) {
      return { ctx: { ...acting, representation: asRepresentation(decision) } };
    }
    await recordAudit(
      db,
      { ...acting, representation: null },
      {
        action: 'representation.use',
        resourceType: 'person',
        resourceId: principalId,
        subjectPersonId: principalId,
        details: { rule: decision.rule, refusal: decision.refusal },
      },
      'denied',
    );
    return {
      ctx: { ...ctx, actingForPersonId: selfId, representation: selfRepresentation(self, today) },
      lost: {
        message: `Du kan ikke lenger bruke Helsebro på vegne av denne personen. ${REFUSAL_MESSAGES[decision.refusal]} Du bruker nå Helsebro for deg selv.`,
      },
    };
  };
}

/**
 * "Hvem vil du bruke Helsebro for?" and switching between the choices.
 * @param platform - store, clock and configuration (the recent-login limit)
 */
export function createRepresentationService(platform: Pick<Platform, 'db' | 'clock' | 'config'>) {
  const { db, clock, config } = platform;
  const sessions = createSessionService(platform);

  const toChoice = (
    person: repo.NamedPerson,
    decision: Decision,
    today: string,
    current: string | null,
  ): RepresentationChoice => ({
    personId: person.id,
    displayName: person.displayName,
    birthDate: person.birthDate,
    age: ageOn(person.birthDate, today),
    basis: decision.allowed ? decision.basis : (decision.basis ?? 'parent'),
    available: decision.allowed,
    serviceAreas: decision.allowed ? decision.serviceAreas : [],
    actions: decision.allowed ? decision.actions : [],
    reason: decision.allowed ? null : { code: decision.refusal, message: REFUSAL_MESSAGES[decision.refusal] },
    current: person.id === current,
    validTo: decision.allowed ? decision.validTo : null,
  });

  return {
    /**
     * The citizen themselves first, then every child they have parental responsibility for (under 18) and every
     * giver of a live fullmakt, by name; those not representable today carry the reason. Audited once, with the
     * citizen as subject.
     * @param ctx - a citizen's context
     */
    async listChoices(ctx: RequestContext): Promise<RepresentationChoicesResponse> {
      const selfId = requireCitizen(ctx);
      const today = osloDate(clock.now());
      const { population, persons, candidates } = await repo.loadChoiceFacts(db, selfId, today);
      const current = ctx.actingForPersonId ?? selfId;
      const others = candidates
        .map((id) => persons.get(id))
        .filter((p): p is repo.NamedPerson => p !== undefined)
        // Parental responsibility ends at 18; a stale register row is no reason to list an adult child.
        .filter((p) => population.fullmakter.some((f) => f.giverId === p.id) || ageOn(p.birthDate, today) < 18)
        .sort((a, b) => a.displayName.localeCompare(b.displayName, 'nb'));
      const me = persons.get(selfId);
      const choices = [...(me ? [me] : []), ...others].map((p) =>
        toChoice(p, decide(population, selfId, p.id, today), today, current),
      );
      await recordAudit(db, ctx, {
        action: 'representation.choices',
        resourceType: 'person',
        resourceId: selfId,
        subjectPersonId: selfId,
        details: { listed: others.length },
      });
      const currentChoice = choices.find((c) => c.current) ?? choices[0];
      return {
        actingFor: actingForOf(ctx, currentChoice?.displayName ?? '', current),
        choices,
      };
    },

    /**
     * Switches who the session acts for. Going back to yourself is always allowed; acting for someone else needs
     * a recent login and the engine's yes. Audited, a refusal as denied.
     * @param ctx - a citizen's context
     * @param session - the caller's session
     * @param personId - whom to act for
     */
    async switchActingFor(ctx: RequestContext, session: ActiveSession, personId: string): Promise<ActingFor> {
      const selfId = requireCitizen(ctx);
      const now = clock.now();
      const today = osloDate(now);
      const entry: AuditEntry = {
        action: 'representation.switch',
        resourceType: 'person',
        resourceId: personId,
        subjectPersonId: personId,
      };
      if (personId === selfId) {
        const self = { personId: selfId, birthDate: session.personBirthDate, deceasedOn: session.personDeceasedOn };
        const selfCtx = {
          ...ctx,
          actingForPersonId: selfId,
          purpose: 'self_service',
          representation: selfRepresentation(self, today),
        };
        await sessions.setActingFor(selfCtx, session.id, selfId);
        await recordAudit(db, selfCtx, entry);
        const names = await repo.findPersons(db, [selfId]);
        return actingForOf(selfCtx, names.get(selfId)?.displayName ?? '', selfId);
      }
      const attempt: RequestContext = {
        ...ctx,
        actingForPersonId: personId,
        purpose: 'representation',
        representation: null,
      };
      try {
        requireRecentLogin(session, now, config.reauthMaxAgeMinutes);
      } catch (err) {
        await recordAudit(db, attempt, { ...entry, details: { refusal: 'reauthentication_required' } }, 'denied');
        throw err;
      }
      const { population, persons } = await repo.loadPairFacts(db, selfId, personId, today);
      const decision = decide(population, selfId, personId, today);
      if (!decision.allowed) {
        await recordAudit(
          db,
          attempt,
          { ...entry, details: { rule: decision.rule, refusal: decision.refusal } },
          'denied',
        );
        throw new ForbiddenError(REFUSAL_MESSAGES[decision.refusal], 'not_represented');
      }
      const acting = { ...attempt, representation: asRepresentation(decision) };
      await sessions.setActingFor(acting, session.id, personId);
      await recordAudit(db, acting, { ...entry, details: { rule: decision.rule } });
      return actingForOf(acting, persons.get(personId)?.displayName ?? '', personId);
    },
  };
}

export type RepresentationService = ReturnType<typeof createRepresentationService>;

function requireCitizen(ctx: RequestContext): string {
  if (ctx.actor.kind !== 'citizen') {
    throw new ForbiddenError('Dette er for innbyggere.', 'wrong_role');
  }
  return ctx.actor.personId;
}

function actingForOf(ctx: RequestContext, displayName: string, personId: string): ActingFor {
  const r = ctx.representation;
  return {
    personId,
    displayName,
    basis: r?.basis ?? 'self',
    serviceAreas: [...(r?.serviceAreas ?? [])],
    actions: [...(r?.actions ?? [])],
  };
}
