import type { AccessLogEntry, AccessLogQuery, AccessLogResponse } from '@helsebro/contracts';
import { auditedRead, type AuditEntry } from '../../platform/audit/audit.ts';
import { requireAction } from '../../platform/http/access.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { addDays, startOfOsloDay } from '../representation/index.ts';
import * as repo from './access-log.repository.ts';

const PRIVATE = { id: 'private', name: 'Privatpersoner (personen selv og representanter)' };
const OPERATOR = { id: 'operator', name: 'Helsebro (plattformdrift)' };

/**
 * The citizen's access log (A8), "Hvem har sett opplysningene mine": every read or change of the acting-for
 * person's data, refused attempts included. Who, in which role and organisation, when, what, why (emergency
 * marked with its reason), and on whose behalf. Reading it needs `access_log.read` (area Innsyn) and is audited.
 * @param platform - the store
 */
export function createAccessLogService(platform: Pick<Platform, 'db'>) {
  const { db } = platform;
  return {
    /**
     * One page of the log, newest first, filtered by Oslo days, organisation and whether the person's own entries
     * are included; repeated reads grouped (repository.listEntries).
     * @param ctx - a citizen's context
     * @param query - period, organisation, cursor and page size
     */
    async read(ctx: RequestContext, query: AccessLogQuery): Promise<AccessLogResponse> {
      const filter: repo.LogFilter = {
        from: query.from ? startOfOsloDay(query.from) : undefined,
        to: query.to ? startOfOsloDay(addDays(query.to, 1)) : undefined,
        organisation: query.organisation,
        othersOnly: query.who === 'others',
        before: query.cursor !== undefined ? Number(query.cursor) : undefined,
        limit: query.limit,
      };
      const entry: AuditEntry = {
        action: 'access_log.read',
        resourceType: 'audit_log',
        subjectPersonId: ctx.actingForPersonId,
        details: {
          from: query.from ?? null,
          to: query.to ?? null,
          organisation: query.organisation ?? null,
          who: query.who,
        },
      };
      // The check runs inside the audited read, so a refusal is in the principal's log as denied.
      return auditedRead(db, ctx, entry, async (q) => {
        const subjectId = requireAction(ctx, 'access_log.read').principalId;
        const rows = await repo.listEntries(q, subjectId, filter);
        const page = rows.slice(0, query.limit);
        const orgs = await repo.listOrganisations(q, subjectId);
        const names = await repo.findNames(q, {
          persons: [subjectId, ...page.flatMap((r) => (r.actorKind === 'citizen' && r.actorId ? [r.actorId] : []))],
          personnel: page.flatMap((r) => (r.actorKind === 'personnel' && r.actorId ? [r.actorId] : [])),
          operators: page.flatMap((r) => (r.actorKind === 'operator' && r.actorId ? [r.actorId] : [])),
        });
        const roles = await repo.findRoles(
          q,
          page.flatMap((r) => (r.actorKind === 'personnel' && r.actorId ? [r.actorId] : [])),
        );
        return {
          subject: { personId: subjectId, displayName: names.get(subjectId) ?? '' },
          entries: page.map((r) => toEntry(r, subjectId, names, roles)),
          nextCursor: rows.length > query.limit ? String(page[page.length - 1]!.id) : null,
          organisations: [...orgs.municipalities, ...(orgs.citizens ? [PRIVATE] : [])],
        };
      });
    },
  };
}

export type AccessLogService = ReturnType<typeof createAccessLogService>;

type Roles = Awaited<ReturnType<typeof repo.findRoles>>;

function toEntry(r: repo.LogRow, subjectId: string, names: Map<string, string>, roles: Roles): AccessLogEntry {
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const kind =
    r.actorKind === 'citizen' || r.actorKind === 'personnel' || r.actorKind === 'operator' ? r.actorKind : 'system';
  const fallback = roles.find((x) => x.personnelId === r.actorId && x.municipalityId === r.municipalityId);
  const role = kind === 'personnel' ? (str(r.details.role) ?? fallback?.role ?? null) : null;
  const proxied =
    kind === 'citizen' && r.actingForPersonId !== null && r.actorId !== null && r.actorId !== r.actingForPersonId;
  const basis = str(r.details.basis);
  // The municipality's record system through the EPJ API (modules/epj), for the health worker it named if any.
  const viaEpj = r.actorKind === 'partner' && r.purpose === 'epj_integration';
  const epjAuthor = str(r.details.authorName);
  return {
    id: String(r.id),
    occurredAt: r.occurredAt.toISOString(),
    firstOccurredAt: r.firstOccurredAt.toISOString(),
    count: r.count,
    actor: {
      kind,
      name: viaEpj
        ? (epjAuthor ?? '')
        : ((r.actorId ? names.get(r.actorId) : undefined) ?? (kind === 'system' ? 'Helsebro' : '')),
      via: viaEpj ? 'record_system' : null,
      role,
      organisation:
        (kind === 'personnel' || viaEpj) && r.municipalityId
          ? { id: r.municipalityId, name: r.municipalityName ?? '' }
          : kind === 'operator' || kind === 'system'
            ? OPERATOR
            : null,
      unit: kind === 'personnel' ? (str(r.details.unit) ?? fallback?.unit ?? null) : null,
      isSelf: kind === 'citizen' && r.actorId === subjectId,
    },
    onBehalfOf: proxied
      ? {
          personId: r.actingForPersonId!,
          displayName: names.get(r.actingForPersonId!) ?? '',
          basis: basis === 'parent' || basis === 'fullmakt' ? basis : null,
        }
      : null,
    action: r.action,
    purpose: r.purpose,
    emergency: r.emergency,
    emergencyReason: r.emergency ? str(r.details.emergencyReason) : null,
    outcome: r.outcome === 'denied' ? 'denied' : 'success',
  };
}
