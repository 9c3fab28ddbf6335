import { REAUTH_LOGIN_PATH } from '@helsebro/contracts/constants';

/**
 * The address of a fresh login (the server asks the identity provider to log in again, even with a session
 * there) that comes back to `returnTo`.
 * @param returnTo - a path on this site
 */
export function reauthUrl(returnTo: string): string {
  return `${REAUTH_LOGIN_PATH}&returnTo=${encodeURIComponent(returnTo)}`;
}
