/**
 * Whether the user has answered "Hvem vil du bruke Helsebro for?" since logging in. The server starts every
 * session acting for the user; the question is asked once per login, so the answer is remembered in this tab
 * under a fingerprint of the session (its CSRF token, hashed: the token itself stays out of storage).
 */
const KEY = 'helsebro.actingChosen';

function fingerprint(csrfToken: string | null): string {
  // FNV-1a: enough to tell one session from the next; not a secret.
  let hash = 0x811c9dc5;
  for (const ch of csrfToken ?? '') {
    hash ^= ch.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

export function hasChosen(csrfToken: string | null): boolean {
  try {
    return window.sessionStorage.getItem(KEY) === fingerprint(csrfToken);
  } catch {
    return true;
  }
}

export function markChosen(csrfToken: string | null): void {
  try {
    window.sessionStorage.setItem(KEY, fingerprint(csrfToken));
  } catch {
    // Without storage the question is simply not asked again in this page's life.
  }
}
