import {
  MUNICIPALITY_NOTICE_MIN_MONTHS,
  TERMINATION_PAGE_SIZE,
  WIND_DOWN_MIN_MONTHS,
  type NoticeBody,
  type NoticeConfirmBody,
  type NoticePreview,
  type PageQuery,
  type ServiceNoticesResponse,
  type Termination,
  type TerminationPage,
  type TerminationsResponse,
  type WindDown,
  type WindDownBody,
  type WindDownsResponse,
} from '@helsebro/contracts';
import { auditedRead, recordAudit } from '../../platform/audit/audit.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { ForbiddenError, UnprocessableError } from '../../platform/errors.ts';
import { requireAction } from '../../platform/http/access.ts';
import { systemContext, type RequestContext } from '../../platform/http/request-context.ts';
import { enqueue } from '../../platform/jobs/outbox.ts';
import type { Platform } from '../../platform/platform.ts';
import { addCalendarDays, osloDateOf, startOfOsloDate } from '../../platform/time/oslo-time.ts';
import { requireMunicipalAdmin } from '../organisations/index.ts';
import { setServiceStatus } from '../services/index.ts';
import { effectiveDateOf } from './notice-period.ts';
import * as repo from './termination.repository.ts';

export const END_JOB = 'termination.end';
/** How long after the end citizens still see that a service ended. */
const ENDED_NOTICE_DAYS = 90;
/** The statuses a service can be given notice in; `terminating` and `ended` are under notice or gone already. */
const IN_USE = new Set(['ordered', 'active', 'suspended']);

const refuse = (path: string, message: string, code: string) =>
  new UnprocessableError(message, [{ path, message }], code);

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toTermination(r: repo.TerminationWithName): Termination {
  return {
    id: r.id,
    kind: r.kind,
    municipalityId: r.municipalityId,
    municipalityName: r.municipalityName,
    services: r.serviceCodes,
    noticeDate: r.noticeDate,
    effectiveDate: r.effectiveDate,
    reason: r.reason,
    instructionReference: r.instructionReference,
    givenAt: r.givenAt.toISOString(),
    endedAt: iso(r.endedAt),
  };
}

function toWindDown(r: repo.WindDownRow, municipalities: number): WindDown {
  return {
    id: r.id,
    serviceCode: r.serviceCode,
    instructionReference: r.instructionReference,
    noticeDate: r.noticeDate,
    effectiveDate: r.effectiveDate,
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
    municipalities,
    endedAt: iso(r.endedAt),
  };
}

export type TerminationService = ReturnType<typeof createTerminationService>;

/**
 * Termination (seed 000 §6): the municipality's notice (one month), the operator's wind-down (an instruction from
 * a superior body and six months), the citizens' notice, and the end on the effective date.
 * @param platform - the store and the clock
 */
export function createTerminationService(platform: Pick<Platform, 'db' | 'clock'>) {
  const { db, clock } = platform;
  const today = () => osloDateOf(clock.now());

  /** The notice as it would be given now: the services it covers and the effective date, or the refusal. */
  async function plan(q: Queryable, ctx: RequestContext, body: NoticeBody): Promise<NoticePreview> {
    const statuses = await repo.serviceStatuses(q, ctx.municipalityId as string);
    const inUse = statuses.filter((s) => IN_USE.has(s.status)).map((s) => s.code);
    let services = inUse;
    if (body.services) {
      body.services.forEach((code, i) => {
        if (!inUse.includes(code)) {
          throw refuse(
            `services.${i}`,
            'Kommunen har ikke denne tjenesten, eller den er allerede sagt opp.',
            'service_not_in_use',
          );
        }
      });
      services = [...new Set(body.services)];
    }
    if (services.length === 0) {
      throw refuse('services', 'Kommunen har ingen tjenester å si opp.', 'no_services');
    }
    const noticeDate = today();
    const { earliest, effective } = effectiveDateOf(noticeDate, MUNICIPALITY_NOTICE_MIN_MONTHS, body.effectiveDate);
    if (!effective) {
      throw refuse('effectiveDate', `Oppsigelsestiden er minst én måned: tidligst ${earliest}.`, 'notice_too_short');
    }
    return { noticeDate, earliestEffectiveDate: earliest, effectiveDate: effective, services };
  }

  /** The one job that ends what is due; queued for the start of the effective date (Oslo). */
  const queueEnd = (q: Queryable, effectiveDate: string) =>
    enqueue(q, { kind: END_JOB, payload: { effectiveDate }, runAt: startOfOsloDate(effectiveDate) });

  return {
    async preview(ctx: RequestContext, body: NoticeBody): Promise<NoticePreview> {
      await requireMunicipalAdmin(db, ctx);
      return plan(db, ctx, body);
    },

    /** Gives the notice shown in the preview: stored, the services in use go to `terminating`, audited. */
    async give(ctx: RequestContext, body: NoticeConfirmBody): Promise<Termination> {
      return db.transaction(async (tx) => {
        const personnelId = await requireMunicipalAdmin(tx, ctx);
        const p = await plan(tx, ctx, body);
        const row = await repo.insertTermination(tx, {
          municipalityId: ctx.municipalityId as string,
          kind: 'municipality_notice',
          serviceCodes: p.services,
          noticeDate: p.noticeDate,
          effectiveDate: p.effectiveDate,
          reason: body.reason,
          givenByPersonnelId: personnelId,
        });
        await startTerminating(
          tx,
          ctx,
          ctx.municipalityId as string,
          p.services,
          `Oppsagt av kommunen: ${body.reason}`,
        );
        await recordAudit(tx, ctx, {
          action: 'termination.notice',
          resourceType: 'service_termination',
          resourceId: row.id,
          details: { services: p.services, effectiveDate: p.effectiveDate, reason: body.reason },
        });
        await queueEnd(tx, p.effectiveDate);
        const m = await repo.findMunicipalityName(tx, row.municipalityId);
        return toTermination({ ...row, municipalityName: m?.name ?? '', instructionReference: null });
      });
    },

    async list(ctx: RequestContext): Promise<TerminationsResponse> {
      await requireMunicipalAdmin(db, ctx);
      return { items: (await repo.terminationsOf(db, ctx)).map(toTermination) };
    },

    /**
     * The operator's wind-down of a service for every municipality (seed 000 §6): only on an instruction from a
     * superior body, with at least six months' notice; each municipality gets its notice and an audit entry.
     */
    async windDown(ctx: RequestContext, body: WindDownBody): Promise<WindDown> {
      const operatorId = requireOperator(ctx);
      const instruction = body.instructionReference?.trim();
      if (!instruction) {
        throw refuse(
          'instructionReference',
          'Avvikling krever henvisning til instruks fra overordnet organ.',
          'instruction_reference_missing',
        );
      }
      return db.transaction(async (tx) => {
        if (!(await repo.serviceNames(tx, [body.serviceCode])).has(body.serviceCode)) {
          throw refuse('serviceCode', 'Tjenesten finnes ikke i tjenestekatalogen.', 'service_unknown');
        }
        const noticeDate = today();
        const { earliest, effective } = effectiveDateOf(noticeDate, WIND_DOWN_MIN_MONTHS, body.effectiveDate);
        if (!effective) {
          throw refuse(
            'effectiveDate',
            `Avvikling krever minst seks måneders varsel: tidligst ${earliest}.`,
            'wind_down_notice_too_short',
          );
        }
        const w = await repo.insertWindDown(tx, {
          serviceCode: body.serviceCode,
          instructionReference: instruction,
          noticeDate,
          effectiveDate: effective,
          reason: body.reason,
          createdByOperatorId: operatorId,
        });
        const ids = await repo.allMunicipalityIds(tx);
        for (const municipalityId of ids) {
          const row = await repo.insertTermination(tx, {
            municipalityId,
            kind: 'operator_wind_down',
            windDownId: w.id,
            serviceCodes: [body.serviceCode],
            noticeDate,
            effectiveDate: effective,
            reason: body.reason,
            givenByOperatorId: operatorId,
          });
          await startTerminating(
            tx,
            ctx,
            municipalityId,
            [body.serviceCode],
            `Avvikles (${instruction}): ${body.reason}`,
          );
          // The entry names the municipality, so its administrator's log shows the wind-down.
          await recordAudit(
            tx,
            { ...ctx, municipalityId },
            {
              action: 'termination.wind_down',
              resourceType: 'service_termination',
              resourceId: row.id,
              details: {
                windDownId: w.id,
                service: body.serviceCode,
                instructionReference: instruction,
                effectiveDate: effective,
              },
            },
          );
        }
        await queueEnd(tx, effective);
        return toWindDown(w, ids.length);
      });
    },

    async windDowns(ctx: RequestContext): Promise<WindDownsResponse> {
      requireOperator(ctx);
      return { items: (await repo.windDowns(db)).map((r) => toWindDown(r.row, r.municipalities)) };
    },

    async terminationPage(ctx: RequestContext, query: PageQuery): Promise<TerminationPage> {
      requireOperator(ctx);
      const page = await repo.terminationPage(db, {
        search: query.q || undefined,
        offset: (query.page - 1) * TERMINATION_PAGE_SIZE,
        limit: TERMINATION_PAGE_SIZE,
      });
      return {
        items: page.rows.map(toTermination),
        total: page.total,
        page: query.page,
        pageSize: TERMINATION_PAGE_SIZE,
      };
    },

    /** What a citizen is told (seed 000 §6): notices of the municipalities serving them, until 90 days after. */
    async serviceNotices(ctx: RequestContext): Promise<ServiceNoticesResponse> {
      const day = today();
      const rows = await auditedRead(
        db,
        ctx,
        { action: 'service_notices.read', resourceType: 'service_termination', subjectPersonId: ctx.actingForPersonId },
        async (q) => {
          const { principalId } = requireAction(ctx, 'health_contacts.read');
          const ids = await repo.municipalitiesOfPerson(q, principalId, day);
          return repo.noticesFor(q, ids, addCalendarDays(day, -ENDED_NOTICE_DAYS));
        },
      );
      const names = await repo.serviceNames(db, [...new Set(rows.flatMap((r) => r.serviceCodes))]);
      return {
        items: rows.map((r) => ({
          municipalityName: r.municipalityName,
          kind: r.kind,
          services: r.serviceCodes.map((code) => ({ code, name: names.get(code) ?? { nb: code, nn: code, en: code } })),
          effectiveDate: r.effectiveDate,
          ended: r.effectiveDate <= day,
        })),
      };
    },

    /**
     * Ends every notice whose effective date has come (seed 000 §6): each of its services goes to `ended` (gating
     * then refuses citizens' use; the municipality's staff and administrator still read its data), the notice is
     * marked carried out and audited. Idempotent: a second run finds nothing due.
     * @returns how many notices it ended
     */
    async endDue(): Promise<number> {
      return db.transaction(async (tx) => {
        const now = clock.now();
        const ctx = systemContext(END_JOB);
        const due = await repo.dueTerminations(tx, osloDateOf(now));
        for (const t of due) {
          const statuses = new Map((await repo.serviceStatuses(tx, t.municipalityId)).map((s) => [s.code, s.status]));
          for (const code of t.serviceCodes) {
            const status = statuses.get(code);
            if (status && status !== 'ended') {
              await setServiceStatus(
                tx,
                ctx,
                t.municipalityId,
                code,
                'ended',
                `Opphørt ${t.effectiveDate} etter oppsigelse`,
              );
            }
          }
          await repo.markEnded(tx, t.id, now);
          await recordAudit(
            tx,
            { ...ctx, municipalityId: t.municipalityId },
            {
              action: 'termination.end',
              resourceType: 'service_termination',
              resourceId: t.id,
              details: { services: t.serviceCodes, effectiveDate: t.effectiveDate },
            },
          );
        }
        await repo.markWindDownsEnded(tx, now);
        return due.length;
      });
    },
  };
}

function requireOperator(ctx: RequestContext): string {
  if (ctx.actor.kind !== 'operator') {
    throw new ForbiddenError('Dette er for driftsoperatøren.', 'not_operator');
  }
  return ctx.actor.operatorId;
}

/** The services in active use go to `terminating`: they are still offered until the effective date. */
async function startTerminating(
  tx: Queryable,
  ctx: RequestContext,
  municipalityId: string,
  codes: string[],
  reason: string,
) {
  const statuses = new Map((await repo.serviceStatuses(tx, municipalityId)).map((s) => [s.code, s.status]));
  for (const code of codes) {
    if (statuses.get(code) === 'active') {
      await setServiceStatus(tx, ctx, municipalityId, code, 'terminating', reason);
    }
  }
}
