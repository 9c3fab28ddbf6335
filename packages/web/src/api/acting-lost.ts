import { useSyncExternalStore } from 'react';

/**
 * The person the user was acting for when the server refused with `not_represented` (and put the
 * session back to acting for the user), until the user has seen it or chosen again. Kept outside the query cache
 * because it is a notice, not server state.
 */
/** `name` is null when the page did not know yet whom the session acted for (a reload). */
export type ActingLost = { name: string | null; path: string };
let lost: ActingLost | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) {
    listener();
  }
}

/**
 * Remembers the notice for the page the user is on (it is not repeated on the next page).
 * @param name - the display name of the person the user can no longer act for
 */
export function reportActingLost(name: string | null): void {
  lost = { name, path: window.location.pathname };
  emit();
}

export function clearActingLost(): void {
  if (lost !== null) {
    lost = null;
    emit();
  }
}

export function useActingLost(): ActingLost | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => lost,
  );
}
