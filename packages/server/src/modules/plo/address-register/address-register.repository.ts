import { and, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../../platform/db/client.ts';
import {
  municipalities,
  ploAppRecs,
  ploInbox,
  ploMessages,
  ploOutgoingCredentials,
  ploPartnerCredentials,
  ploParties,
} from '../../../platform/db/schema.ts';

export type PartyRow = typeof ploParties.$inferSelect & {
  parentHerId: string | null;
  municipalityNumber: string | null;
};
export type NewPartyRow = Omit<typeof ploParties.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

const parent = alias(ploParties, 'parent');

/** Every party with its parent's HER-id and its municipality's number (the register is small: one read). */
export async function listParties(q: Queryable): Promise<PartyRow[]> {
  const rows = await q
    .select({ party: ploParties, parentHerId: parent.herId, municipalityNumber: municipalities.number })
    .from(ploParties)
    .leftJoin(parent, eq(parent.id, ploParties.parentId))
    .leftJoin(municipalities, eq(municipalities.id, ploParties.municipalityId))
    .orderBy(ploParties.herId);
  return rows.map((r) => ({ ...r.party, parentHerId: r.parentHerId, municipalityNumber: r.municipalityNumber }));
}

/**
 * Inserts or updates a party by HER-id.
 * @returns the party's id and whether it was new
 */
export async function upsertParty(q: Queryable, row: NewPartyRow): Promise<{ id: string; created: boolean }> {
  const { herId, ...rest } = row;
  const [r] = await q
    .insert(ploParties)
    .values(row)
    .onConflictDoUpdate({ target: ploParties.herId, set: { ...rest, updatedAt: sql`now()` } })
    .returning({ id: ploParties.id, created: sql<boolean>`(xmax = 0)` });
  if (!r) {
    throw new Error(`party ${herId} was not written`);
  }
  return { id: r.id, created: Boolean(r.created) };
}

/**
 * Ids among `ids` that something still points at: a child party that stays, a credential (theirs or the one we
 * present to them), a message, an inbox row or an AppRec.
 */
export async function partiesInUse(q: Queryable, ids: string[]): Promise<string[]> {
  if (ids.length === 0) {
    return [];
  }
  const used = new Set<string>();
  const collect = (rows: Array<{ id: string | null }>) => rows.forEach((r) => r.id && used.add(r.id));
  // A child that goes too does not hold its parent back.
  collect(
    await q
      .select({ id: ploParties.parentId })
      .from(ploParties)
      .where(and(inArray(ploParties.parentId, ids), notInArray(ploParties.id, ids))),
  );
  collect(
    await q
      .select({ id: ploPartnerCredentials.partyId })
      .from(ploPartnerCredentials)
      .where(inArray(ploPartnerCredentials.partyId, ids)),
  );
  collect(
    await q
      .select({ id: ploOutgoingCredentials.partyId })
      .from(ploOutgoingCredentials)
      .where(inArray(ploOutgoingCredentials.partyId, ids)),
  );
  collect(
    await q.select({ id: ploMessages.senderPartyId }).from(ploMessages).where(inArray(ploMessages.senderPartyId, ids)),
  );
  collect(
    await q
      .select({ id: ploMessages.receiverPartyId })
      .from(ploMessages)
      .where(inArray(ploMessages.receiverPartyId, ids)),
  );
  collect(await q.select({ id: ploInbox.partyId }).from(ploInbox).where(inArray(ploInbox.partyId, ids)));
  collect(await q.select({ id: ploAppRecs.partyId }).from(ploAppRecs).where(inArray(ploAppRecs.partyId, ids)));
  return [...used];
}

export async function deleteParties(q: Queryable, ids: string[]): Promise<number> {
  if (ids.length === 0) {
    return 0;
  }
  const rows = await q.delete(ploParties).where(inArray(ploParties.id, ids)).returning({ id: ploParties.id });
  return rows.length;
}

/** A municipality's id by its four-digit number. */
export async function municipalityIdsByNumber(q: Queryable): Promise<Map<string, string>> {
  const rows = await q.select({ id: municipalities.id, number: municipalities.number }).from(municipalities);
  return new Map(rows.map((r) => [r.number, r.id]));
}

/** The live credential with this token hash, with the party it speaks for. */
export async function findCredential(
  q: Queryable,
  tokenSha256: string,
): Promise<{ credentialId: string; partyId: string } | undefined> {
  const [row] = await q
    .select({ credentialId: ploPartnerCredentials.id, partyId: ploPartnerCredentials.partyId })
    .from(ploPartnerCredentials)
    .where(and(eq(ploPartnerCredentials.tokenSha256, tokenSha256), isNull(ploPartnerCredentials.revokedAt)));
  return row;
}

/** Stores a credential's hash; a hash already stored is left as it is (seeding is idempotent). */
export async function insertCredential(
  q: Queryable,
  row: { partyId: string; label: string; tokenSha256: string },
): Promise<void> {
  await q.insert(ploPartnerCredentials).values(row).onConflictDoNothing({ target: ploPartnerCredentials.tokenSha256 });
}

/**
 * Sets (or with null removes) a party's message-responsible address.
 * @returns whether a party with that HER-id exists
 */
export async function setResponsible(
  q: Queryable,
  herId: string,
  responsible: { name: string; email: string; phone: string | null } | null,
): Promise<boolean> {
  const rows = await q
    .update(ploParties)
    .set({
      responsibleName: responsible?.name ?? null,
      responsibleEmail: responsible?.email ?? null,
      responsiblePhone: responsible?.phone ?? null,
      updatedAt: sql`now()`,
    })
    .where(eq(ploParties.herId, herId))
    .returning({ id: ploParties.id });
  return rows.length === 1;
}
