import type { FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';
import type { Actor } from './request-context.ts';

/**
 * A preHandler that lets through only callers of the given kinds. The identity module fills `req.ctx`
 * from the session cookie (or bearer token) before this runs.
 * @param kinds - the actor kinds allowed on the route
 */
export function requireActor(...kinds: Array<Exclude<Actor['kind'], 'anonymous'>>) {
  return async (req: FastifyRequest): Promise<void> => {
    const { actor } = req.ctx;
    if (actor.kind === 'anonymous') {
      throw new UnauthenticatedError();
    }
    if (!(kinds as string[]).includes(actor.kind)) {
      throw new ForbiddenError('Du har ikke tilgang til denne delen av Helsebro.', 'wrong_role');
    }
  };
}
