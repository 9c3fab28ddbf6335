import type { PublicJwks } from '@helsebro/contracts';

/**
 * A client secret for the development IdP: 32 random bytes from the browser's CSPRNG, as hex (64 characters,
 * within the contract's 16–200). Shown once, and not kept by the web.
 */
export function generateSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  // Hex, not base64url: a base64url secret can start with "-", which command lines read as an option
  // (`npm run epj-sim -- --client-secret -x…` fails), and hex needs no escaping in a shell, URL or form body.
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A pasted JSON Web Key Set, or null when it is not one: JSON with a non-empty `keys` array of objects, each with
 * `kty`. The server checks the rest (public keys only, RFC 7517 §5) and names the fault.
 */
export function parseJwks(text: string): PublicJwks | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || !('keys' in value) || !Array.isArray(value.keys)) {
      return null;
    }
    const keys = value.keys as unknown[];
    const ok = keys.length > 0 && keys.every((k) => typeof k === 'object' && k !== null && 'kty' in k);
    return ok ? (value as PublicJwks) : null;
  } catch {
    return null;
  }
}
