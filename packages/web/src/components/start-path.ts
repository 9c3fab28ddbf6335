import type { ActorKind } from '@helsebro/contracts';

/**
 * Each kind of user's own start page: the same paths as the contracts' HOME_PATH, where the server lands them
 * after login. Copied rather than imported, because importing a value from the contracts bundles zod (+86 kB).
 */
export function startPath(kind: ActorKind): string {
  switch (kind) {
    case 'citizen':
      return '/min-side';
    case 'personnel':
      return '/ansatt';
    case 'operator':
      return '/drift';
  }
}

/**
 * The server's login address, coming back to `returnTo` afterwards.
 * @param returnTo - a path on this site (path + query)
 */
export function loginUrl(returnTo?: string): string {
  return returnTo ? `/auth/login?returnTo=${encodeURIComponent(returnTo)}` : '/auth/login';
}
