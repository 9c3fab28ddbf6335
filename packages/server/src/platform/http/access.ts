import { ACTION_AREA, SERVICE_AREA_NAMES, type RepresentedAction } from '@helsebro/contracts';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';
import { mayAct, type RequestContext } from './request-context.ts';

/**
 * The citizen a call acts for, and who is acting: the same person unless a parent or fullmakt holder represents
 * the principal. Both ids are set, so no service writes `ctx.actingForPersonId ?? ''` again.
 */
export type CitizenPrincipal = { principalId: string; actorId: string; representative: boolean };

/** What the refusal calls the data an action reaches, so the message says what was refused. */
const WHAT: Record<RepresentedAction, string> = {
  'profile.read': 'personopplysningene',
  'access_log.read': 'loggen',
  'letters.read': 'brevene',
  'forms.read': 'skjemaene',
  'forms.submit': 'skjemaene',
  'tools.use': 'verktøyene',
  'health_contacts.read': 'helsekontaktene',
  'appointments.read': 'timeavtaler',
  'appointments.manage': 'timeavtaler',
  'home_visits.read': 'hjemmebesøk',
  'messages.read': 'meldinger',
  'messages.send': 'meldinger',
};

/**
 * The first line of every citizen use case (as immich's `requireAccess`): the caller must be a citizen whose
 * representation on this request allows `action` for the person they act for. The refusal names the service area
 * the action needs, so the web can say which fullmakt area is missing.
 * @param ctx - the caller
 * @param action - what the use case does for the principal
 * @param refusal - a more precise refusal where the area alone would mislead (read allowed, manage not)
 * @throws UnauthenticatedError without a session; ForbiddenError `wrong_role` for another kind of caller and
 *   `service_area_not_granted` without the right
 */
export function requireAction(ctx: RequestContext, action: RepresentedAction, refusal?: string): CitizenPrincipal {
  if (ctx.actor.kind === 'anonymous') {
    throw new UnauthenticatedError();
  }
  if (ctx.actor.kind !== 'citizen' || ctx.actingForPersonId === null) {
    throw new ForbiddenError('Dette er for innbyggere.', 'wrong_role');
  }
  if (!mayAct(ctx, action)) {
    throw new ForbiddenError(
      refusal ??
        `Du har ikke tilgang til ${WHAT[action]} på vegne av denne personen. Det krever tjenesteområdet «${SERVICE_AREA_NAMES[ACTION_AREA[action]]}».`,
      'service_area_not_granted',
    );
  }
  const actorId = ctx.actor.personId;
  return { principalId: ctx.actingForPersonId, actorId, representative: actorId !== ctx.actingForPersonId };
}

/**
 * The first line of a use case about the citizen's own choices (notification preferences, visit notices): the
 * caller must be a citizen, and the answer is their own person whomever they act for now. With `proxyRefusal`,
 * acting for someone else is refused, since each person makes these choices only for themselves.
 * @param ctx - the caller
 * @param proxyRefusal - the refusal for a call made while acting for someone else
 * @throws UnauthenticatedError without a session; ForbiddenError `wrong_role` for another kind of caller and
 *   `proxy_cannot_manage_preferences` while acting for someone else
 */
export function requireOwnPerson(ctx: RequestContext, proxyRefusal?: string): string {
  if (ctx.actor.kind === 'anonymous') {
    throw new UnauthenticatedError();
  }
  if (ctx.actor.kind !== 'citizen') {
    throw new ForbiddenError('Dette er for innbyggere.', 'wrong_role');
  }
  if (proxyRefusal !== undefined && ctx.actingForPersonId !== ctx.actor.personId) {
    throw new ForbiddenError(proxyRefusal, 'proxy_cannot_manage_preferences');
  }
  return ctx.actor.personId;
}
