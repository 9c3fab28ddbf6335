import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';
import { requireAction } from './access.ts';
import { anonymousContext, type RequestContext } from './request-context.ts';

const citizen = (actingFor: string, actions: RequestContext['representation']): RequestContext => ({
  ...anonymousContext('r'),
  actor: { kind: 'citizen', personId: 'anne' },
  municipalityId: 'm',
  actingForPersonId: actingFor,
  representation: actions,
});

void describe('requireAction', () => {
  it('gives the principal and the actor, and says whether a representative acts', () => {
    const self = citizen('anne', { basis: 'self', serviceAreas: [], actions: ['messages.read'] });
    assert.deepEqual(requireAction(self, 'messages.read'), {
      principalId: 'anne',
      actorId: 'anne',
      representative: false,
    });
    const proxy = citizen('per', { basis: 'fullmakt', serviceAreas: [], actions: ['messages.read'] });
    assert.deepEqual(requireAction(proxy, 'messages.read'), {
      principalId: 'per',
      actorId: 'anne',
      representative: true,
    });
  });

  it('refuses an action outside the representation, naming the service area it needs', () => {
    const proxy = citizen('per', { basis: 'fullmakt', serviceAreas: ['innsyn'], actions: ['access_log.read'] });
    assert.throws(
      () => requireAction(proxy, 'messages.send'),
      (err: unknown) =>
        err instanceof ForbiddenError &&
        err.code === 'service_area_not_granted' &&
        err.message ===
          'Du har ikke tilgang til meldinger på vegne av denne personen. Det krever tjenesteområdet «Digitale helsetjenester».',
    );
    assert.throws(
      () => requireAction(proxy, 'appointments.manage', 'Du kan se timeavtalene, men ikke endre dem.'),
      /men ikke endre dem/,
    );
  });

  it('refuses a citizen without a decided representation, other kinds of caller and the anonymous', () => {
    assert.throws(() => requireAction(citizen('anne', null), 'profile.read'), { code: 'service_area_not_granted' });
    const nurse: RequestContext = {
      ...anonymousContext('r'),
      actor: { kind: 'personnel', personnelId: 'p', hprNumber: null },
    };
    assert.throws(() => requireAction(nurse, 'messages.read'), { code: 'wrong_role' });
    assert.throws(() => requireAction(anonymousContext('r'), 'messages.read'), UnauthenticatedError);
  });
});
