import type { ActorKind } from '@helsebro/contracts';

/** Each kind of user's own start page. */
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
