import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../../platform/db/client.ts';
import { ploOutgoingCredentials } from '../../../platform/db/schema.ts';
import { ValidationError } from '../../../platform/errors.ts';
import type { AddressRegister, RegisterParty } from '../address-register/address-register.service.ts';

/**
 * The bearer tokens Helsebro presents to partner organisations when it POSTs messages and AppRecs to them (each
 * partner issues one to us, as we issue one to it for /edi/v1/messages). Unlike our partners' tokens, which we only
 * need to recognise (a SHA-256 is enough), these must be presented, so they are kept reversibly: AES-256-GCM with
 * a key derived by HKDF-SHA256 from the configured secret (PLO_CREDENTIAL_KEY, else AUDIT_KEY) under its own label,
 * so the key is independent of every other use of that secret. A copy of the database, the address-register JSON
 * export and the logs never contain a usable token. `key_id` is a fingerprint of the derived key: a row written
 * under another key is reported, not silently mis-decrypted.
 */

const IV_BYTES = 12;
const TAG_BYTES = 16;

export type CredentialKey = { key: Buffer; id: string };

/** Derives the AES key and its fingerprint from the configured secret (RFC 5869). */
export function deriveCredentialKey(secret: string): CredentialKey {
  const key = Buffer.from(hkdfSync('sha256', secret, 'helsebro', 'plo-outgoing-credentials/v1', 32));
  return { key, id: createHash('sha256').update(key).digest('hex').slice(0, 16) };
}

export function encryptToken(k: CredentialKey, token: string, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', k.key, iv);
  // The party id as associated data: a row copied onto another partner does not decrypt.
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function decryptToken(k: CredentialKey, blob: Buffer, aad: string): string {
  const decipher = createDecipheriv('aes-256-gcm', k.key, blob.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(blob.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(blob.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}

/**
 * Stores (or replaces) the token we present to one partner organisation, encrypted under `key` with the
 * organisation's id as associated data. The service's `set` and the demo seed (in its transaction) both use it.
 */
export async function storeOutgoingToken(
  q: Queryable,
  key: CredentialKey,
  organisationId: string,
  token: string,
  label: string,
): Promise<void> {
  const tokenEncrypted = encryptToken(key, token, organisationId);
  await q
    .insert(ploOutgoingCredentials)
    .values({ partyId: organisationId, label, tokenEncrypted, keyId: key.id })
    .onConflictDoUpdate({
      target: ploOutgoingCredentials.partyId,
      set: { label, tokenEncrypted, keyId: key.id, updatedAt: sql`now()` },
    });
}

export type OutgoingCredentials = ReturnType<typeof createOutgoingCredentials>;

/**
 * Stores and reads the tokens we present to partners, per partner organisation.
 * @param deps - the store, the address register and the configured secret
 */
export function createOutgoingCredentials(deps: { db: Db; register: AddressRegister; secret: string }) {
  const { db, register } = deps;
  const key = deriveCredentialKey(deps.secret);

  return {
    /**
     * Stores (or replaces) the token we present to the partner organisation with this HER-id.
     * @param partyHerId - the partner organisation (or one of its services: the organisation is used)
     * @param token - the token the partner issued to us; never logged
     */
    async set(partyHerId: string, token: string, label: string): Promise<void> {
      const party = await register.lookup(partyHerId);
      if (!party) {
        throw new ValidationError(`Fant ingen part med HER-id ${partyHerId}.`, [], 'unknown_party');
      }
      if (!/^[A-Za-z0-9._~+/=-]{16,512}$/.test(token)) {
        throw new ValidationError('Nøkkelen må være 16–512 tegn uten mellomrom.', [], 'token_invalid');
      }
      const org = await register.organisationOf(party);
      await storeOutgoingToken(db, key, org.id, token, label);
    },

    /**
     * The token to present to `party`'s organisation, or null when we hold none.
     * @throws Error when the row was encrypted under another key (the configured secret changed)
     */
    async tokenFor(party: RegisterParty): Promise<string | null> {
      const org = await register.organisationOf(party);
      const [row] = await db
        .select({ blob: ploOutgoingCredentials.tokenEncrypted, keyId: ploOutgoingCredentials.keyId })
        .from(ploOutgoingCredentials)
        .where(eq(ploOutgoingCredentials.partyId, org.id));
      if (!row) {
        return null;
      }
      if (row.keyId !== key.id) {
        throw new Error(`The credential for ${org.herId} was stored under another key (${row.keyId}); set it again`);
      }
      return decryptToken(key, row.blob, org.id);
    },
  };
}
