import type { MunicipalServiceStatus } from '@helsebro/contracts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { AppError, UnprocessableError } from '../../platform/errors.ts';
import { actorId, type RequestContext } from '../../platform/http/request-context.ts';
import * as repo from './services.repository.ts';

/**
 * What other modules use: a municipality's active services, the one check a gated use case starts with, the data
 * processing agreement check, and the one way a service's status changes (with history and audit).
 */

/** The service codes active in the municipality (seed 000 §5.1: only an activated service is offered). */
export async function activeServicesOf(q: Queryable, municipalityId: string): Promise<string[]> {
  return (await repo.activeCodes(q, [municipalityId])).map((r) => r.code);
}

/**
 * The active service codes of several municipalities at once, for listings across municipalities (a citizen's
 * units): leave out what is not active rather than failing.
 */
export async function activeServicesByMunicipality(
  q: Queryable,
  municipalityIds: readonly string[],
): Promise<Map<string, Set<string>>> {
  const map = new Map<string, Set<string>>(municipalityIds.map((id) => [id, new Set<string>()]));
  for (const r of await repo.activeCodes(q, [...new Set(municipalityIds)])) {
    map.get(r.municipalityId)?.add(r.code);
  }
  return map;
}

/** Seed 000 §3.2: whether the municipality has signed a data processing agreement. */
export async function hasDataProcessingAgreement(q: Queryable, municipalityId: string): Promise<boolean> {
  return (await repo.latestDpa(q, municipalityId)) !== null;
}

/** Which of the units belong to a municipality with the service active (listings across municipalities). */
export async function unitsWithActiveService(
  q: Queryable,
  unitIds: readonly string[],
  code: string,
): Promise<Set<string>> {
  return repo.unitsWithActive(q, unitIds, code);
}

/**
 * Refuses (409 `service_not_active`, naming the service) unless the municipality has the service active; a service
 * that needs a data processing agreement (formidling, seed 000 §3.2) is refused without one (409 `dpa_missing`).
 * One query, since booking runs it on every call.
 * @param who - the caller's context (its municipality) or a municipality id
 * @param code - the catalogue's service code
 */
export async function requireServiceActive(q: Queryable, who: RequestContext | string, code: string): Promise<void> {
  const municipalityId = typeof who === 'string' ? who : who.municipalityId;
  const facts = municipalityId ? await repo.gateFacts(q, municipalityId, code) : null;
  const name = facts?.nameNb ?? code;
  const extensions = { service: code, serviceName: name };
  if (!facts?.status || !repo.IN_USE_UNTIL_END.includes(facts.status)) {
    throw new AppError(
      409,
      'service_not_active',
      `Tjenesten «${name}» er ikke tatt i bruk i kommunen.`,
      [],
      extensions,
    );
  }
  if (facts.requiresDpa && !facts.hasDpa) {
    const message = `Tjenesten «${name}» krever databehandleravtale med kommunen.`;
    throw new AppError(409, 'dpa_missing', message, [], extensions);
  }
}

/** The service codes of the newest catalogue, and its version. */
async function catalogueCodes(q: Queryable) {
  const c = await repo.currentCatalogue(q);
  return { version: c.version.version, codes: c.services.map((s) => s.code) };
}

/**
 * The one way a municipality's services change status: the current rows, a history row each (who, when, why) and
 * one audit entry, in the caller's transaction. Services already in the status asked for are left alone.
 * @returns the codes that changed
 */
async function changeStatuses(
  tx: Queryable,
  ctx: RequestContext,
  municipalityId: string,
  codes: readonly string[],
  status: MunicipalServiceStatus,
  reason: string | null,
): Promise<string[]> {
  const catalogue = await catalogueCodes(tx);
  const unknown = codes.filter((c) => !catalogue.codes.includes(c));
  if (unknown.length > 0) {
    throw new UnprocessableError(
      `Tjenesten finnes ikke i tjenestekatalogen: ${unknown.join(', ')}.`,
      [{ path: 'serviceCode', message: 'Ukjent tjeneste.' }],
      'service_unknown',
    );
  }
  const current = new Map(
    (await repo.statusesForUpdate(tx, municipalityId, codes)).map((r) => [r.serviceCode, r.status]),
  );
  const changes: repo.StatusChange[] = [...new Set(codes)]
    .map((code) => ({ serviceCode: code, status, fromStatus: current.get(code) ?? null, reason }))
    .filter((c) => c.fromStatus !== status);
  if (changes.length === 0) {
    return [];
  }
  await repo.writeStatuses(tx, municipalityId, catalogue.version, changes, {
    actorKind: ctx.actor.kind,
    actorId: actorId(ctx.actor),
  });
  // The operator acts without a municipality of its own; the entry names the municipality it changed.
  await recordAudit(
    tx,
    { ...ctx, municipalityId },
    {
      action: status === 'ordered' ? 'municipal_service.order' : 'municipal_service.status',
      resourceType: 'municipal_service',
      resourceId: changes.length === 1 ? `${municipalityId}:${changes[0]?.serviceCode}` : municipalityId,
      details: { to: status, reason, changes: changes.map((c) => ({ service: c.serviceCode, from: c.fromStatus })) },
    },
  );
  return changes.map((c) => c.serviceCode);
}

/**
 * Changes one service's status (seed 000 §5.1: ordered, active, suspended, terminating, ended) with its history
 * row and audit entry, in the caller's transaction; nothing is written when it already has that status.
 * @returns whether the status changed
 */
export async function setServiceStatus(
  tx: Queryable,
  ctx: RequestContext,
  municipalityId: string,
  code: string,
  status: MunicipalServiceStatus,
  reason: string | null,
): Promise<boolean> {
  return (await changeStatuses(tx, ctx, municipalityId, [code], status, reason)).length > 0;
}

/**
 * Activates services without an order (every service of the newest catalogue unless named): for test factories and
 * the demo seed, whose municipalities exist before any administrator, and for the operator setting a municipality
 * up. History and audit as for any change; services already active are left alone.
 */
export async function activateServices(
  tx: Queryable,
  ctx: RequestContext,
  municipalityId: string,
  reason: string,
  codes?: readonly string[],
): Promise<string[]> {
  return changeStatuses(tx, ctx, municipalityId, codes ?? (await catalogueCodes(tx)).codes, 'active', reason);
}
