import { PLO_ALERT_LIMITS, type PloAlert, type PloAlertListResponse } from '@helsebro/contracts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/client.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../platform/errors.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import type { Clock } from '../../../platform/platform.ts';
import type { AddressRegister } from '../address-register/address-register.service.ts';
import { handlerOrganisation, hostedParties, type HostedParty } from '../console/console.repository.ts';
import { typeName } from '../console/console.view.ts';
import * as repo from './alerts.repository.ts';
import { explainCodes } from './monitor.job.ts';

export type AlertsService = ReturnType<typeof createAlertsService>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function alertView(r: repo.AlertRow): PloAlert {
  const hours = r.detail.hours;
  return {
    id: r.id,
    kind: r.kind,
    severity: r.severity,
    state: r.state,
    raisedAt: r.raisedAt.toISOString(),
    service: { herId: r.serviceHerId, name: r.serviceName, organisationName: r.organisationName ?? r.serviceName },
    partner: r.partnerHerId && r.partnerName ? { herId: r.partnerHerId, name: r.partnerName } : null,
    message:
      r.messageId && r.messageStatus && r.messageAt
        ? {
            id: r.messageId,
            msgId: r.msgId,
            msgType: r.msgType,
            typeName: typeName(r.msgType),
            status: r.messageStatus,
            at: r.messageAt.toISOString(),
          }
        : null,
    thresholdHours: typeof hours === 'number' ? hours : null,
    silentSince: typeof r.detail.silentSince === 'string' ? r.detail.silentSince : null,
    errors: explainCodes(r.detail.codes),
    acknowledged: r.acknowledgedAt ? { name: r.acknowledgedBy, at: r.acknowledgedAt.toISOString() } : null,
    closed:
      r.closedAt && r.closeNote !== null ? { name: r.closedBy, at: r.closedAt.toISOString(), note: r.closeNote } : null,
    email: {
      ours: r.emailOurs,
      oursAt: iso(r.emailOursAt),
      partner: r.emailPartner,
      partnerAt: iso(r.emailPartnerAt),
    },
  };
}

/**
 * Alerts in the message console (issue 14, D3): the message handlers of an organisation see the alerts of its
 * hosted services — the same services the console shows them, by the same rule (console.service.ts) — paged, the
 * most serious and newest first; each is acknowledged by a person and closed with a note. Reads and changes are
 * audited; an alert of another organisation is refused (403, audited as denied) and an unknown one is 404. No
 * alert carries patient data, so the entries have no subject.
 * @param deps - store, address register (the message-responsible address shown) and clock
 */
export function createAlertsService(deps: { db: Db; register: AddressRegister; clock: Clock }) {
  const { db, register, clock } = deps;

  async function deny(ctx: RequestContext, resourceId: string | null, code: string): Promise<never> {
    await recordAudit(db, ctx, { action: 'plo_console.access', resourceType: 'plo_alert', resourceId }, 'denied');
    throw new ForbiddenError('Du har ikke tilgang til varslene til denne tjenesten.', code);
  }

  async function myServices(ctx: RequestContext): Promise<HostedParty[]> {
    const org =
      ctx.actor.kind === 'personnel' && ctx.municipalityId
        ? await handlerOrganisation(db, ctx.actor.personnelId, ctx.municipalityId)
        : undefined;
    if (!org?.isHandler || !ctx.municipalityId) {
      return deny(ctx, null, 'not_message_handler');
    }
    return hostedParties(db, ctx.municipalityId, org.orgNumber);
  }

  async function visibleAlert(ctx: RequestContext, id: string) {
    const mine = await myServices(ctx);
    const row = await repo.findAlert(db, id);
    if (!row) {
      throw new NotFoundError('Fant ikke varselet.', 'alert_not_found');
    }
    if (!mine.some((s) => s.id === row.partyId)) {
      return deny(ctx, id, 'not_your_alert');
    }
    return row;
  }

  const personnelId = (ctx: RequestContext) => (ctx.actor.kind === 'personnel' ? ctx.actor.personnelId : '');

  return {
    /**
     * One page of the alerts of the caller's services (or one of them), with the counts and the address the
     * e-mails go to.
     */
    async list(ctx: RequestContext, query: { state: 'active' | 'closed'; service?: string | undefined; page: number }) {
      const mine = await myServices(ctx);
      const chosen = query.service ? mine.filter((s) => s.herId === query.service) : mine;
      if (query.service && chosen.length === 0) {
        const party = await register.lookup(query.service);
        if (!party?.hosted) {
          throw new NotFoundError(`Ingen tjeneste her med HER-id ${query.service}.`, 'service_not_found');
        }
        return deny(ctx, null, 'not_your_service');
      }
      // The register may reload from the store: before the transaction (PGlite has one connection).
      const first = chosen[0] ? await register.byId(chosen[0].id) : undefined;
      const responsible = first ? await register.responsibleOf(first) : null;
      const ids = chosen.map((s) => s.id);
      const pageSize = PLO_ALERT_LIMITS.pageSize;
      const state = query.state ?? 'active';
      return db.transaction(async (tx): Promise<PloAlertListResponse> => {
        const { rows, total } = await repo.listAlerts(tx, ids, state, query.page, pageSize);
        const counts = await repo.activeCounts(tx, ids);
        await recordAudit(tx, ctx, {
          action: 'plo_alert.list',
          resourceType: 'plo_alert',
          details: { state, service: query.service ?? null, page: query.page, listed: rows.length },
        });
        return {
          alerts: rows.map(alertView),
          page: query.page,
          pageSize,
          total,
          counts,
          messageResponsible: responsible,
        };
      });
    },

    /** One alert of the caller's services. */
    async read(ctx: RequestContext, id: string): Promise<PloAlert> {
      const row = await visibleAlert(ctx, id);
      await recordAudit(db, ctx, { action: 'plo_alert.read', resourceType: 'plo_alert', resourceId: id });
      return alertView(row);
    },

    /** Acknowledges an open alert: the caller takes it on (who and when are kept). */
    async acknowledge(ctx: RequestContext, id: string): Promise<PloAlert> {
      const before = await visibleAlert(ctx, id);
      await db.transaction(async (tx) => {
        if (!(await repo.acknowledge(tx, id, personnelId(ctx), clock.now()))) {
          throw before.state === 'closed'
            ? new ConflictError('Varselet er allerede lukket.', 'alert_closed')
            : new ConflictError('Varselet er allerede kvittert ut.', 'alert_already_acknowledged');
        }
        await recordAudit(tx, ctx, {
          action: 'plo_alert.acknowledge',
          resourceType: 'plo_alert',
          resourceId: id,
          details: { kind: before.kind },
        });
      });
      return alertView((await repo.findAlert(db, id))!);
    },

    /**
     * Closes an alert with the caller's note (what was done); an alert still open is acknowledged by the caller
     * at the same time. The note stays with the alert and out of the audit entry, which records its length.
     */
    async close(ctx: RequestContext, id: string, note: string): Promise<PloAlert> {
      const before = await visibleAlert(ctx, id);
      await db.transaction(async (tx) => {
        if (!(await repo.close(tx, id, personnelId(ctx), clock.now(), note))) {
          throw new ConflictError('Varselet er allerede lukket.', 'alert_closed');
        }
        await recordAudit(tx, ctx, {
          action: 'plo_alert.close',
          resourceType: 'plo_alert',
          resourceId: id,
          details: { kind: before.kind, wasAcknowledged: before.state === 'acknowledged', noteLength: note.length },
        });
      });
      return alertView((await repo.findAlert(db, id))!);
    },
  };
}
