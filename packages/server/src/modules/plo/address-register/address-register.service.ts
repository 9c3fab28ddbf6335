import { createHash, randomBytes } from 'node:crypto';
import {
  ADDRESS_REGISTER_FORMAT,
  type AddressRegisterOrganisation,
  type AddressRegisterOrganisationsResponse,
  type AddressRegisterDocument,
  type AddressRegisterImportResult,
  type PloCapability,
  type PloParty,
} from '@helsebro/contracts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db, Queryable } from '../../../platform/db/client.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../platform/errors.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import type { Clock } from '../../../platform/platform.ts';
import * as repo from './address-register.repository.ts';

/** A party as the message hub uses it, with its parent resolved. */
export type RegisterParty = {
  id: string;
  herId: string;
  name: string;
  orgNumber: string | null;
  kind: 'organisation' | 'service' | 'person';
  parentId: string | null;
  parentHerId: string | null;
  serviceType: string | null;
  municipalityId: string | null;
  municipalityNumber: string | null;
  hosted: boolean;
  capabilities: PloCapability[];
  responsible: { name: string; email: string | null; phone: string | null } | null;
  transportEndpoint: string | null;
};

type Snapshot = {
  byHerId: Map<string, RegisterParty>;
  byId: Map<string, RegisterParty>;
  loadedAt: number;
  generation: number;
};

/** Bumped by every write in this process, so every register instance here reloads at once after an import. */
let generation = 0;

function toParty(r: repo.PartyRow): RegisterParty {
  return {
    id: r.id,
    herId: r.herId,
    name: r.name,
    orgNumber: r.orgNumber,
    kind: r.kind,
    parentId: r.parentId,
    parentHerId: r.parentHerId,
    serviceType: r.serviceType,
    municipalityId: r.municipalityId,
    municipalityNumber: r.municipalityNumber,
    hosted: r.hosted,
    capabilities: r.capabilities as PloCapability[],
    responsible: r.responsibleName
      ? { name: r.responsibleName, email: r.responsibleEmail, phone: r.responsiblePhone }
      : null,
    transportEndpoint: r.transportEndpoint,
  };
}

function toDocumentParty(p: RegisterParty): PloParty {
  return {
    herId: p.herId,
    name: p.name,
    orgNumber: p.orgNumber,
    kind: p.kind,
    parentHerId: p.parentHerId,
    serviceType: p.serviceType,
    municipalityNumber: p.municipalityNumber,
    hosted: p.hosted,
    capabilities: p.capabilities,
    messageResponsible: p.responsible,
    transportEndpoint: p.transportEndpoint,
  };
}

export const sha256Hex = (s: string): string => createHash('sha256').update(s).digest('hex');

/** Only the operator (or the seed, as system) changes the register and the credentials beside it. */
export function requireOperator(ctx: RequestContext): void {
  if (ctx.actor.kind !== 'operator' && ctx.actor.kind !== 'system') {
    throw new ForbiddenError('Bare driftsoperatøren kan endre adresseregisteret.', 'wrong_role');
  }
}

export type AddressRegister = ReturnType<typeof createAddressRegister>;

/**
 * The address register of communication parties (HIS 1153-1 §4–6): who may be addressed, which services this
 * installation hosts, what each receives (its capability profile), its message-responsible address (D9) and its
 * transport endpoint. Lookups read an in-memory snapshot refreshed after `cacheMs` (the register is small and
 * read on every message; HISD 1177 §6 allows caching AR data for hours, we keep it to seconds) and at once after
 * an import in this process (other instances of Helsebro see it within `cacheMs`).
 * @param deps - the store and clock
 * @param opts - how long a snapshot is used
 */
export function createAddressRegister(deps: { db: Db; clock: Clock }, opts: { cacheMs?: number } = {}) {
  const { db, clock } = deps;
  const cacheMs = opts.cacheMs ?? 10_000;
  let snapshot: Snapshot | undefined;
  let loading: Promise<Snapshot> | undefined;
  const credentials = new Map<
    string,
    { value: { credentialId: string; partyId: string } | null; at: number; generation: number }
  >();

  async function load(): Promise<Snapshot> {
    const loadedGeneration = generation;
    const rows = (await repo.listParties(db)).map(toParty);
    return {
      generation: loadedGeneration,
      byHerId: new Map(rows.map((p) => [p.herId, p])),
      byId: new Map(rows.map((p) => [p.id, p])),
      loadedAt: clock.now().getTime(),
    };
  }

  async function current(): Promise<Snapshot> {
    if (snapshot && snapshot.generation === generation && clock.now().getTime() - snapshot.loadedAt < cacheMs) {
      return snapshot;
    }
    loading ??= load().finally(() => {
      loading = undefined;
    });
    snapshot = await loading;
    return snapshot;
  }

  function invalidate(): void {
    generation += 1;
    snapshot = undefined;
    credentials.clear();
  }

  return {
    invalidate,

    /** The party with this HER-id, if registered. */
    async lookup(herId: string): Promise<RegisterParty | undefined> {
      return (await current()).byHerId.get(herId);
    },

    /** The party with this id, if registered. */
    async byId(id: string): Promise<RegisterParty | undefined> {
      return (await current()).byId.get(id);
    },

    /** The organisation a party belongs to (itself for an organisation). */
    async organisationOf(party: RegisterParty): Promise<RegisterParty> {
      const s = await current();
      let p = party;
      while (p.parentId) {
        const up = s.byId.get(p.parentId);
        if (!up) {
          break;
        }
        p = up;
      }
      return p;
    },

    /** Where to POST to a party: its own endpoint, else its parent's (as AR addresses are inherited). */
    async endpointOf(party: RegisterParty): Promise<string | null> {
      const s = await current();
      for (let p: RegisterParty | undefined = party; p; p = p.parentId ? s.byId.get(p.parentId) : undefined) {
        if (p.transportEndpoint) {
          return p.transportEndpoint;
        }
      }
      return null;
    },

    /** The message-responsible address (D9): the party's own, else its organisation's. */
    async responsibleOf(party: RegisterParty): Promise<RegisterParty['responsible']> {
      const s = await current();
      for (let p: RegisterParty | undefined = party; p; p = p.parentId ? s.byId.get(p.parentId) : undefined) {
        if (p.responsible) {
          return p.responsible;
        }
      }
      return null;
    },

    /**
     * The partner a bearer token belongs to, or null. Only the token's SHA-256 is stored and compared (a lookup
     * by hash: no timing leak about the token itself). Answers are cached as long as a snapshot.
     * @param token - the bearer token as presented
     */
    async authenticatePartner(token: string): Promise<{ credentialId: string; party: RegisterParty } | null> {
      const hash = sha256Hex(token);
      const now = clock.now().getTime();
      let hit = credentials.get(hash);
      if (!hit || hit.generation !== generation || now - hit.at >= cacheMs) {
        const seen = generation;
        hit = { value: (await repo.findCredential(db, hash)) ?? null, at: now, generation: seen };
        if (credentials.size > 10_000) {
          credentials.clear();
        }
        credentials.set(hash, hit);
      }
      const party = hit.value ? (await current()).byId.get(hit.value.partyId) : undefined;
      return hit.value && party ? { credentialId: hit.value.credentialId, party } : null;
    },

    /**
     * The whole register as a JSON document (the format `importDocument` reads).
     * @param ctx - the caller; the operator
     */
    async exportDocument(ctx: RequestContext): Promise<AddressRegisterDocument> {
      requireOperator(ctx);
      const rows = (await repo.listParties(db)).map(toParty);
      await recordAudit(db, ctx, {
        action: 'address_register.export',
        resourceType: 'address_register',
        details: { parties: rows.length },
      });
      return { format: ADDRESS_REGISTER_FORMAT, parties: rows.map(toDocumentParty) };
    },

    /**
     * Writes a register document: every party in it is created or updated by HER-id (parents first). With
     * `replace`, parties missing from the document are removed — refused with 409 when anything still refers to
     * them (messages, credentials, children), since the history of a message must keep its parties.
     * @param ctx - the caller; the operator (or the seed, as system)
     * @param doc - the parsed document
     * @param mode - merge (default) or replace
     */
    async importDocument(
      ctx: RequestContext,
      doc: AddressRegisterDocument,
      mode: 'merge' | 'replace' = 'merge',
    ): Promise<AddressRegisterImportResult> {
      requireOperator(ctx);
      const result = await db.transaction(async (tx) => {
        const r = await writeParties(tx, doc.parties, mode);
        await recordAudit(tx, ctx, {
          action: 'address_register.import',
          resourceType: 'address_register',
          details: { mode, ...r },
        });
        return r;
      });
      invalidate();
      return result;
    },

    /**
     * The address register screen (issue 14, D9): organisations by name, a page at a time, each with its services
     * and persons and every party's own message-responsible address.
     * @param ctx - the caller; the operator
     * @param query - the page (from 1) and a part of a name or HER-id
     */
    async organisations(
      ctx: RequestContext,
      query: { page: number; q?: string | undefined },
    ): Promise<AddressRegisterOrganisationsResponse> {
      requireOperator(ctx);
      const pageSize = 20;
      const rows = (await repo.listParties(db)).map(toParty);
      const needle = query.q?.toLocaleLowerCase('nb') ?? '';
      const children = (p: RegisterParty) => rows.filter((c) => c.parentId === p.id);
      const matches = (p: RegisterParty) =>
        p.name.toLocaleLowerCase('nb').includes(needle) || p.herId.startsWith(needle);
      const organisations = rows
        .filter((p) => p.kind === 'organisation' && (!needle || matches(p) || children(p).some(matches)))
        .sort((a, b) => a.name.localeCompare(b.name, 'nb') || a.herId.localeCompare(b.herId));
      const page = organisations.slice((query.page - 1) * pageSize, query.page * pageSize);
      const view = (p: RegisterParty) => ({
        herId: p.herId,
        name: p.name,
        kind: p.kind,
        hosted: p.hosted,
        messageResponsible: p.responsible,
      });
      await recordAudit(db, ctx, {
        action: 'address_register.read',
        resourceType: 'address_register',
        details: { page: query.page, listed: page.length },
      });
      return {
        organisations: page.map((o): AddressRegisterOrganisation => ({
          ...view(o),
          orgNumber: o.orgNumber,
          municipalityNumber: o.municipalityNumber,
          parties: children(o)
            .sort((a, b) => a.name.localeCompare(b.name, 'nb') || a.herId.localeCompare(b.herId))
            .map(view),
        })),
        page: query.page,
        pageSize,
        total: organisations.length,
      };
    },

    /**
     * Sets or removes a party's message-responsible address (D9), where alerts are e-mailed (plo/monitor). A
     * service without one inherits its organisation's. Audited with the party, not the address.
     * @param ctx - the caller; the operator
     * @param herId - the party
     * @param responsible - name, e-mail and phone, or null to remove it
     */
    async setResponsible(
      ctx: RequestContext,
      herId: string,
      responsible: { name: string; email: string; phone: string | null } | null,
    ): Promise<AddressRegisterOrganisation> {
      requireOperator(ctx);
      await db.transaction(async (tx) => {
        if (!(await repo.setResponsible(tx, herId, responsible))) {
          throw new NotFoundError(`Fant ingen part med HER-id ${herId}.`, 'party_not_found');
        }
        await recordAudit(tx, ctx, {
          action: 'address_register.responsible_update',
          resourceType: 'plo_party',
          resourceId: herId,
          details: { herId, removed: responsible === null },
        });
      });
      invalidate();
      const s = await current();
      const party = s.byHerId.get(herId)!;
      const view = (p: RegisterParty) => ({
        herId: p.herId,
        name: p.name,
        kind: p.kind,
        hosted: p.hosted,
        messageResponsible: p.responsible,
      });
      return {
        ...view(party),
        orgNumber: party.orgNumber,
        municipalityNumber: party.municipalityNumber,
        parties: [...s.byId.values()].filter((c) => c.parentId === party.id).map(view),
      };
    },

    /**
     * Issues a bearer credential for a partner organisation and stores only its hash. Returns the token, which
     * is shown once. A given token (the demo's) is stored idempotently.
     * @param partyHerId - the partner organisation's HER-id
     */
    async issueCredential(
      partyHerId: string,
      label: string,
      token = randomBytes(32).toString('base64url'),
    ): Promise<string> {
      const party = (await current()).byHerId.get(partyHerId) ?? (await load()).byHerId.get(partyHerId);
      if (!party || party.kind !== 'organisation') {
        throw new ValidationError(`Fant ingen organisasjon med HER-id ${partyHerId}.`, [], 'unknown_party');
      }
      await repo.insertCredential(db, { partyId: party.id, label, tokenSha256: sha256Hex(token) });
      invalidate();
      return token;
    },
  };
}

/**
 * Creates or updates the given parties by HER-id, parents first; with `replace`, removes the parties not given.
 * @param tx - an open transaction
 */
export async function writeParties(
  tx: Queryable,
  parties: PloParty[],
  mode: 'merge' | 'replace',
): Promise<AddressRegisterImportResult> {
  const seen = new Set<string>();
  for (const p of parties) {
    if (seen.has(p.herId)) {
      throw new ValidationError(`HER-id ${p.herId} står to ganger i dokumentet.`, [], 'duplicate_her_id');
    }
    seen.add(p.herId);
  }
  const existing = new Map((await repo.listParties(tx)).map((r) => [r.herId, r]));
  const municipalities = await repo.municipalityIdsByNumber(tx);
  const ids = new Map([...existing.values()].map((r) => [r.herId, r.id]));
  let created = 0;
  let updated = 0;
  for (const p of orderParentsFirst(parties)) {
    const parentId = p.parentHerId === null ? null : ids.get(p.parentHerId);
    if (parentId === undefined) {
      throw new ValidationError(`Overordnet part ${p.parentHerId} for ${p.herId} finnes ikke.`, [], 'unknown_parent');
    }
    const municipalityId = p.municipalityNumber === null ? null : municipalities.get(p.municipalityNumber);
    if (municipalityId === undefined) {
      throw new ValidationError(`Kommune ${p.municipalityNumber} finnes ikke.`, [], 'unknown_municipality');
    }
    const r = await repo.upsertParty(tx, {
      herId: p.herId,
      name: p.name,
      orgNumber: p.orgNumber,
      parentId,
      kind: p.kind,
      serviceType: p.serviceType,
      municipalityId,
      hosted: p.hosted,
      capabilities: p.capabilities,
      responsibleName: p.messageResponsible?.name ?? null,
      responsibleEmail: p.messageResponsible?.email ?? null,
      responsiblePhone: p.messageResponsible?.phone ?? null,
      transportEndpoint: p.transportEndpoint,
    });
    ids.set(p.herId, r.id);
    if (r.created) {
      created += 1;
    } else {
      updated += 1;
    }
  }
  let removed = 0;
  if (mode === 'replace') {
    const gone = [...existing.values()].filter((r) => !seen.has(r.herId)).map((r) => r.id);
    const inUse = new Set(await repo.partiesInUse(tx, gone));
    if (inUse.size > 0) {
      const herIds = [...existing.values()].filter((r) => inUse.has(r.id)).map((r) => r.herId);
      throw new ConflictError(
        `Partene ${herIds.join(', ')} er i bruk (meldinger, nøkler eller underliggende parter) og kan ikke fjernes.`,
        'party_in_use',
      );
    }
    removed = await repo.deleteParties(tx, gone);
  }
  return { created, updated, removed };
}

/** Organisations before their services, whatever the document's order. */
function orderParentsFirst(parties: PloParty[]): PloParty[] {
  const byHer = new Map(parties.map((p) => [p.herId, p]));
  const depth = (p: PloParty, guard = 0): number => {
    const up = p.parentHerId ? byHer.get(p.parentHerId) : undefined;
    if (guard > 10) {
      throw new ValidationError(`Partshierarkiet rundt ${p.herId} går i ring.`, [], 'parent_cycle');
    }
    return up ? 1 + depth(up, guard + 1) : 0;
  };
  return [...parties].sort((a, b) => depth(a) - depth(b));
}
